//! `/logg-inn`, `/logg-ut`, `/glemt-passord` and `/konto/passord/{token}`.

use super::forms::{self, FormPage, Rejection};
use crate::accounts::LoginOutcome;
use crate::db::sessions::USER_ID_KEY;
use crate::domain::{FieldErrors, NewPassword, Role, ValidationError};
use crate::i18n::Lang;
use crate::web::errors::{OrPageError as _, PageError};
use crate::web::{AppState, csrf, is_local_path, lang::RequestLang, page};
use actix_session::Session;
use actix_web::http::{StatusCode, header};
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
    RequestLang(lang): RequestLang,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, PageError> {
    let input = LoginInput {
        neste: query.into_inner().neste.unwrap_or_default(),
        ..LoginInput::default()
    };
    LOGIN
        .render(&req, &state, &input, None, None, tera::Context::new())
        .or_page_error(lang)
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
                .or_page_error(lang)?
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
        .or_page_error(lang)?)
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

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ForgotInput {
    email: String,
}

const FORGOT: FormPage<'static> = FormPage {
    template: "account/forgot.html",
    path: "/glemt-passord",
    field_order: &["email"],
};

fn message_page(
    lang: Lang,
    heading: &str,
    message: String,
    link: Option<(&str, String)>,
) -> anyhow::Result<HttpResponse> {
    let mut context = page::base_context(lang, "/", "");
    context.insert("heading", &lang.text(heading));
    context.insert("message", &message);
    context.insert("color", "success");
    if let Some((href, text)) = link {
        context.insert("link_href", href);
        context.insert("link_text", &text);
    }
    page::render(StatusCode::OK, "account/message.html", &context)
}

#[tracing::instrument(skip_all)]
pub async fn forgot_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
) -> Result<HttpResponse, PageError> {
    FORGOT
        .render(
            &req,
            &state,
            &ForgotInput::default(),
            None,
            None,
            tera::Context::new(),
        )
        .or_page_error(lang)
}

#[tracing::instrument(skip_all)]
pub async fn forgot(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<ForgotInput>(&body)?;
    let rejection = match posted.check_security(&req, &state.login_limiter) {
        Err(rejection) => rejection,
        Ok(()) => match crate::domain::EmailAddress::parse(&posted.input.email) {
            Err(error) => {
                let mut errors = FieldErrors::default();
                errors.add("email", error);
                Rejection::Invalid(errors)
            }
            Ok(address) => {
                state
                    .accounts
                    .request_password_reset(address.as_ref().to_owned(), lang)
                    .await
                    .or_page_error(lang)?;
                let minutes = state.settings.auth.reset_valid_minutes.to_string();
                let message = lang.text_with("forgot-sent", &[("minutes", &minutes)]);
                return Ok(message_page(lang, "forgot-title", message, None).or_page_error(lang)?);
            }
        },
    };
    Ok(FORGOT
        .render(
            &req,
            &state,
            &posted.input,
            Some(&rejection),
            None,
            tera::Context::new(),
        )
        .or_page_error(lang)?)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PasswordInput {
    password: String,
    password_confirmation: String,
}

/// Nothing typed into a password field is ever sent back.
#[derive(serde::Serialize)]
struct NoValues {
    password: &'static str,
    password_confirmation: &'static str,
}

const NO_VALUES: NoValues = NoValues {
    password: "",
    password_confirmation: "",
};

fn password_page(path: &str) -> FormPage<'_> {
    FormPage {
        template: "account/password.html",
        path,
        field_order: &["password", "password_confirmation"],
    }
}

fn action_context(path: &str) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("action", path);
    context
}

#[tracing::instrument(skip_all)]
pub async fn password_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    if !state
        .accounts
        .password_link_valid(token.into_inner())
        .await
        .or_page_error(lang)?
    {
        return Err(PageError::link_invalid(lang));
    }
    let path = req.path().to_owned();
    password_page(&path)
        .render(&req, &state, &NO_VALUES, None, None, action_context(&path))
        .or_page_error(lang)
}

#[tracing::instrument(skip_all)]
pub async fn set_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let path = req.path().to_owned();
    let posted = forms::decode::<PasswordInput>(&body)?;
    let rejection = match posted.check_security(&req, &state.login_limiter) {
        Err(rejection) => rejection,
        Ok(()) => {
            match NewPassword::parse(&posted.input.password, &posted.input.password_confirmation) {
                Err(error) => {
                    let mut errors = FieldErrors::default();
                    let field = if error == ValidationError::PasswordMismatch {
                        "password_confirmation"
                    } else {
                        "password"
                    };
                    errors.add(field, error);
                    Rejection::Invalid(errors)
                }
                Ok(password) => match state
                    .accounts
                    .set_password(token.into_inner(), password)
                    .await
                    .or_page_error(lang)?
                {
                    None => return Err(PageError::link_invalid(lang).into()),
                    Some(_) => {
                        let message = lang.text("password-saved");
                        let link = Some(("/logg-inn", lang.text("login-title")));
                        return Ok(message_page(lang, "password-title", message, link)
                            .or_page_error(lang)?);
                    }
                },
            }
        }
    };
    Ok(password_page(&path)
        .render(
            &req,
            &state,
            &NO_VALUES,
            Some(&rejection),
            None,
            action_context(&path),
        )
        .or_page_error(lang)?)
}
