//! `/glemt-passord` (asking for a reset link) and `/konto/passord/{token}` (setting a
//! password from an invitation or reset link).

use crate::domain::{EmailAddress, FieldErrors, NewPassword, ValidationError};
use crate::i18n::Lang;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{self, FormPage, Outcome};
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
pub async fn forgot_form(req: HttpRequest, state: web::Data<AppState>) -> PageResult {
    Ok(FORGOT.render(
        &req,
        &state,
        &ForgotInput::default(),
        None,
        None,
        tera::Context::new(),
    )?)
}

#[tracing::instrument(skip_all)]
pub async fn forgot(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    body: web::Bytes,
) -> PageResult {
    forms::act_limited(
        &req,
        &body,
        &state.login_limiter,
        async |input: &ForgotInput| match EmailAddress::parse(&input.email) {
            Err(error) => Ok(Outcome::Invalid(FieldErrors::one("email", error))),
            Ok(address) => {
                state
                    .accounts
                    .request_password_reset(address.as_ref().to_owned(), lang)
                    .await?;
                let minutes = state.settings.auth.reset_valid_minutes.to_string();
                let message = lang.text_with("forgot-sent", &[("minutes", &minutes)]);
                Ok(Outcome::Shown(message_page(
                    lang,
                    "forgot-title",
                    message,
                    None,
                )?))
            }
        },
        async |input, rejection| {
            Ok(FORGOT.render(
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
) -> PageResult {
    if !state
        .accounts
        .password_link_valid(token.into_inner())
        .await?
    {
        return Err(PageError::LinkInvalid);
    }
    let path = req.path().to_owned();
    Ok(password_page(&path).render(&req, &state, &NO_VALUES, None, None, action_context(&path))?)
}

#[tracing::instrument(skip_all)]
pub async fn set_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let path = req.path().to_owned();
    let token = token.into_inner();
    forms::act_limited(
        &req,
        &body,
        &state.login_limiter,
        async |input: &PasswordInput| match NewPassword::parse(
            &input.password,
            &input.password_confirmation,
        ) {
            Err(error) => {
                let field = if error == ValidationError::PasswordMismatch {
                    "password_confirmation"
                } else {
                    "password"
                };
                Ok(Outcome::Invalid(FieldErrors::one(field, error)))
            }
            Ok(password) => match state.accounts.set_password(token, password).await? {
                None => Err(PageError::LinkInvalid),
                Some(_) => {
                    let message = lang.text("password-saved");
                    let link = Some(("/logg-inn", lang.text("login-title")));
                    Ok(Outcome::Shown(message_page(
                        lang,
                        "password-title",
                        message,
                        link,
                    )?))
                }
            },
        },
        async |_, rejection| {
            Ok(password_page(&path).render(
                &req,
                &state,
                &NO_VALUES,
                Some(&rejection),
                None,
                action_context(&path),
            )?)
        },
    )
    .await
}
