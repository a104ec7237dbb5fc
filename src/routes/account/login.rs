//! `/logg-inn` and `/logg-ut`.

use super::second_factor;
use crate::accounts::LoginOutcome;
use crate::config::AuthSettings;
use crate::db::sessions::USER_ID_KEY;
use crate::db::users::UserRow;
use crate::domain::Role;
use crate::i18n::Lang;
use crate::web::auth::PendingLogin;
use crate::web::errors::{ENROLMENT_PATH, PageError, PageResult};
use crate::web::forms::{self, FormPage, Outcome, PageRequest, PostedForm, Redirect};
use crate::web::{csrf, is_local_path, lang::RequestLang};
use actix_session::Session;
use actix_web::{HttpRequest, web};

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LoginInput {
    email: String,
    #[serde(serialize_with = "forms::never_shown")] // never shown back
    password: String,
    neste: String,
}

#[derive(serde::Deserialize)]
pub struct LoginQuery {
    neste: Option<String>,
}

const LOGIN: FormPage<'static> = FormPage {
    template: "account/login.html",
    path: "/logg-inn",
    field_order: &["email", "password"],
};

/// Where a user lands after logging in, unless they were on their way somewhere.
pub(super) fn landing(role: Role) -> &'static str {
    match role {
        Role::Admin => "/sekretariat",
        Role::Juror => "/jury",
    }
}

/// Where the user was going (a path on this site), else their landing page.
pub(super) fn next_page(neste: &str, user: &UserRow) -> String {
    if is_local_path(neste) {
        neste.to_owned()
    } else {
        landing(user.role()).to_owned()
    }
}

/// Completes a login: a new session id (so an id planted before cannot be used after)
/// holding the user and the session's own CSRF token, and no pending second step.
pub(super) fn sign_in(session: &Session, user_id: i32) -> Result<(), PageError> {
    session.renew();
    PendingLogin::clear(session);
    session
        .insert(USER_ID_KEY, user_id)
        .and_then(|()| session.insert(csrf::SESSION_KEY, csrf::generate()))
        .map_err(|e| PageError::Unexpected(anyhow::anyhow!("{e}")))
}

#[tracing::instrument(skip_all)]
pub async fn login_form(view: PageRequest, query: web::Query<LoginQuery>) -> PageResult {
    let input = LoginInput {
        neste: query.into_inner().neste.unwrap_or_default(),
        ..LoginInput::default()
    };
    view.render_values(&LOGIN, &input, tera::Context::new())
}

#[tracing::instrument(skip_all)]
pub async fn login(
    RequestLang(lang): RequestLang,
    session: Session,
    form: PostedForm,
) -> PageResult {
    let state = &form.state;
    form.act_limited_on(&LOGIN, &state.login_limiter, async |input: &LoginInput| {
        let outcome = state
            .accounts
            .authenticate(input.email.clone(), input.password.clone())
            .await?;
        match outcome {
            LoginOutcome::LoggedIn(user) => {
                sign_in(&session, user.id)?;
                // An account that must have a second factor enrols before anything else.
                let target = if state.accounts.must_enrol(&user) {
                    ENROLMENT_PATH.to_owned()
                } else {
                    next_page(&input.neste, &user)
                };
                Ok(Redirect::to(target).into())
            }
            LoginOutcome::SecondFactor(user) => {
                // A new session id here too; it holds only the pending marker.
                session.renew();
                session.remove(USER_ID_KEY);
                session.remove(csrf::SESSION_KEY);
                PendingLogin::new(user.id, input.neste.clone()).store(&session)?;
                Ok(Redirect::to(second_factor::PATH).into())
            }
            LoginOutcome::Busy => Ok(Outcome::Busy),
            LoginOutcome::Refused => Ok(Outcome::Refused(refusal(
                lang,
                &state.settings.auth,
                "error-login-refused",
            ))),
        }
    })
    .await
}

/// Why a password or code was refused, in words that say when the account locks.
pub(super) fn refusal(lang: Lang, auth: &AuthSettings, message_id: &str) -> String {
    lang.text_with(
        message_id,
        &[
            ("attempts", &auth.lockout_after.to_string()),
            ("minutes", &auth.lockout_minutes.to_string()),
        ],
    )
}

/// Ends the session here and in the database.
#[tracing::instrument(skip_all)]
pub async fn logout(req: HttpRequest, session: Session, body: web::Bytes) -> PageResult {
    forms::press(&req, &body, async || {
        session.purge();
        Ok(Redirect::to("/"))
    })
    .await
}
