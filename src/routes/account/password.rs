//! `/glemt-passord` (asking for a reset link) and `/konto/passord/{token}` (setting a
//! password from an invitation or reset link).

use crate::domain::{FieldErrors, NewPassword, ValidationError};
use crate::i18n::Lang;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

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
        .map_err(PageError::from)
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
                    .map_err(PageError::from)?;
                let minutes = state.settings.auth.reset_valid_minutes.to_string();
                let message = lang.text_with("forgot-sent", &[("minutes", &minutes)]);
                return Ok(
                    message_page(lang, "forgot-title", message, None).map_err(PageError::from)?
                );
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
        .map_err(PageError::from)?)
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
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    if !state
        .accounts
        .password_link_valid(token.into_inner())
        .await
        .map_err(PageError::from)?
    {
        return Err(PageError::LinkInvalid);
    }
    let path = req.path().to_owned();
    password_page(&path)
        .render(&req, &state, &NO_VALUES, None, None, action_context(&path))
        .map_err(PageError::from)
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
                    .map_err(PageError::from)?
                {
                    None => return Err(PageError::LinkInvalid.into()),
                    Some(_) => {
                        let message = lang.text("password-saved");
                        let link = Some(("/logg-inn", lang.text("login-title")));
                        return Ok(message_page(lang, "password-title", message, link)
                            .map_err(PageError::from)?);
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
        .map_err(PageError::from)?)
}
