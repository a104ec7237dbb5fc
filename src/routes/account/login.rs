//! `/logg-inn` and `/logg-ut`.

use crate::accounts::LoginOutcome;
use crate::db::sessions::USER_ID_KEY;
use crate::domain::Role;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::{AppState, csrf, is_local_path, lang::RequestLang};
use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LoginInput {
    email: String,
    #[serde(serialize_with = "blank")] // never shown back
    password: String,
    neste: String,
}

fn blank<S: serde::Serializer>(_: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str("")
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
fn landing(role: Role) -> &'static str {
    match role {
        Role::Admin => "/sekretariat",
        Role::Juror => "/jury",
    }
}

#[tracing::instrument(skip_all)]
pub async fn login_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, PageError> {
    let input = LoginInput {
        neste: query.into_inner().neste.unwrap_or_default(),
        ..LoginInput::default()
    };
    LOGIN
        .render(&req, &state, &input, None, None, tera::Context::new())
        .map_err(PageError::from)
}

#[tracing::instrument(skip_all)]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    session: Session,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<LoginInput>(&body)?;
    let rejection = match posted.check_security(&req, &state.login_limiter) {
        Err(rejection) => rejection,
        Ok(()) => {
            let input = &posted.input;
            match state
                .accounts
                .authenticate(input.email.clone(), input.password.clone())
                .await
                .map_err(PageError::from)?
            {
                LoginOutcome::LoggedIn(user) => {
                    // A new session id at login, so an id planted before cannot be used after.
                    session.renew();
                    session
                        .insert(USER_ID_KEY, user.id)
                        .map_err(actix_web::error::ErrorInternalServerError)?;
                    let target = if is_local_path(&input.neste) {
                        input.neste.clone()
                    } else {
                        landing(user.role()).to_owned()
                    };
                    return Ok(HttpResponse::SeeOther()
                        .insert_header((header::LOCATION, target))
                        .finish());
                }
                LoginOutcome::Refused => {
                    let auth = &state.settings.auth;
                    Rejection::Refused(lang.text_with(
                        "error-login-refused",
                        &[
                            ("attempts", &auth.lockout_after.to_string()),
                            ("minutes", &auth.lockout_minutes.to_string()),
                        ],
                    ))
                }
            }
        }
    };
    Ok(LOGIN
        .render(
            &req,
            &state,
            &posted.input,
            Some(&rejection),
            None,
            tera::Context::new(),
        )
        .map_err(PageError::from)?)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LogoutInput {
    csrf_token: String,
}

/// Ends the session here and in the database.
#[tracing::instrument(skip_all)]
pub async fn logout(
    req: HttpRequest,
    session: Session,
    form: web::Form<LogoutInput>,
) -> HttpResponse {
    if !csrf::verify(&req, &form.csrf_token) {
        return HttpResponse::Forbidden().finish();
    }
    session.purge();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/"))
        .finish()
}
