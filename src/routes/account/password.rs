//! `/glemt-passord` (asking for a reset link) and `/konto/passord/{token}` (setting a
//! password from an invitation or reset link).

use crate::accounts::SetPasswordOutcome;
use crate::domain::{EmailAddress, FieldErrors, NewPassword, ValidationError};
use crate::i18n::Lang;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{FormPage, Outcome, PageRequest, PostedForm, PostedTo};
use crate::web::{lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

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
pub async fn forgot_form(view: PageRequest) -> PageResult {
    view.render_values(&FORGOT, &ForgotInput::default(), tera::Context::new())
}

#[tracing::instrument(skip_all)]
pub async fn forgot(RequestLang(lang): RequestLang, form: PostedForm) -> PageResult {
    let state = &form.state;
    form.act_limited_on(
        &FORGOT,
        &state.login_limiter,
        async |input: &ForgotInput| match EmailAddress::parse(&input.email) {
            Err(error) => Ok(Outcome::Invalid(FieldErrors::one("email", error))),
            Ok(address) => {
                state.accounts.request_password_reset(address, lang);
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
pub async fn password_form(view: PageRequest, token: web::Path<String>) -> PageResult {
    if !view
        .state
        .accounts
        .password_link_valid(token.into_inner())
        .await?
    {
        return Err(PageError::LinkInvalid);
    }
    let path = view.req.path();
    view.render_values(&password_page(path), &NO_VALUES, action_context(path))
}

#[tracing::instrument(skip_all)]
pub async fn set_password(RequestLang(lang): RequestLang, form: PostedTo<String>) -> PageResult {
    let (state, path) = (&form.state, form.req.path());
    form.act_limited(
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
            Ok(password) => match state
                .accounts
                .set_password(form.path.clone(), password)
                .await?
            {
                SetPasswordOutcome::LinkInvalid => Err(PageError::LinkInvalid),
                SetPasswordOutcome::Busy => Ok(Outcome::Busy),
                SetPasswordOutcome::Set(_) => {
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
            form.show_again(
                &password_page(path),
                &NO_VALUES,
                &rejection,
                action_context(path),
            )
        },
    )
    .await
}
