//! `/logg-inn/kode`: the second step of a login for an account with an authenticator —
//! a code from the app or a recovery code, within five minutes of the password.

use super::login::{next_page, refusal, sign_in};
use crate::accounts::SecondFactorOutcome;
use crate::web::auth::PendingLogin;
use crate::web::errors::PageResult;
use crate::web::forms::{self, FormPage, Outcome, PageRequest, PostedForm, Redirect};
use crate::web::lang::RequestLang;
use actix_session::Session;
use actix_web::{HttpResponse, http::header};

pub(super) const PATH: &str = "/logg-inn/kode";

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CodeInput {
    #[serde(serialize_with = "forms::never_shown")] // never shown back
    code: String,
}

const PAGE: FormPage<'static> = FormPage {
    template: "account/code.html",
    path: PATH,
    field_order: &["code"],
};

/// No password step waiting (none, or over five minutes ago): back to the login.
fn to_login() -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/logg-inn"))
        .finish()
}

#[tracing::instrument(skip_all)]
pub async fn form(view: PageRequest, session: Session) -> PageResult {
    if PendingLogin::of(&session).is_none() {
        return Ok(to_login());
    }
    view.render_values(&PAGE, &CodeInput::default(), tera::Context::new())
}

#[tracing::instrument(skip_all)]
pub async fn submit(
    RequestLang(lang): RequestLang,
    session: Session,
    form: PostedForm,
) -> PageResult {
    let Some(pending) = PendingLogin::of(&session) else {
        PendingLogin::clear(&session);
        return Ok(to_login());
    };
    let state = &form.state;
    form.act_limited_on(
        &PAGE,
        &state.login_limiter,
        async |input: &CodeInput| match state
            .accounts
            .verify_second_factor(pending.user_id, input.code.clone())
            .await?
        {
            SecondFactorOutcome::LoggedIn(user) => {
                sign_in(&session, user.id)?;
                let left = state.accounts.recovery_codes_left(user.id).await?;
                let redirect = Redirect::to(next_page(&pending.next, &user));
                Ok(if left <= 2 {
                    redirect.with_flash(crate::web::flash::Flash::success_with(
                        "totp-recovery-codes-low",
                        &[("count", &left.to_string())],
                    ))
                } else {
                    redirect
                }
                .into())
            }
            SecondFactorOutcome::Refused => Ok(Outcome::Refused(refusal(
                lang,
                &state.settings.auth,
                "error-code-refused",
            ))),
        },
    )
    .await
}
