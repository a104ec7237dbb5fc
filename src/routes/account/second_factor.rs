//! `/logg-inn/kode`: the second step of a login for an account with an authenticator —
//! a code from the app or a recovery code, within five minutes of the password.

use super::login::{next_page, sign_in};
use crate::accounts::SecondFactorOutcome;
use crate::web::auth::PendingLogin;
use crate::web::errors::PageResult;
use crate::web::forms::{self, FormPage, Outcome, Redirect};
use crate::web::{AppState, lang::RequestLang};
use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, http::header, web};

pub(super) const PATH: &str = "/logg-inn/kode";

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CodeInput {
    #[serde(serialize_with = "blank")] // never shown back
    code: String,
}

fn blank<S: serde::Serializer>(_: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str("")
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
pub async fn form(req: HttpRequest, state: web::Data<AppState>, session: Session) -> PageResult {
    if PendingLogin::of(&session).is_none() {
        return Ok(to_login());
    }
    Ok(PAGE.render(
        &req,
        &state,
        &CodeInput::default(),
        None,
        None,
        tera::Context::new(),
    )?)
}

#[tracing::instrument(skip_all)]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    session: Session,
    body: web::Bytes,
) -> PageResult {
    let Some(pending) = PendingLogin::of(&session) else {
        PendingLogin::clear(&session);
        return Ok(to_login());
    };
    forms::act_limited(
        &req,
        &body,
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
            SecondFactorOutcome::Refused => {
                let auth = &state.settings.auth;
                Ok(Outcome::Refused(lang.text_with(
                    "error-code-refused",
                    &[
                        ("attempts", &auth.lockout_after.to_string()),
                        ("minutes", &auth.lockout_minutes.to_string()),
                    ],
                )))
            }
        },
        async |input, rejection| {
            Ok(PAGE.render(
                &req,
                &state,
                input,
                Some(&rejection),
                None,
                tera::Context::new(),
            )?)
        },
    )
    .await
}
