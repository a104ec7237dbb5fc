//! What the HTML forms share: reading the posted body, the security checks (honeypot,
//! CSRF, rate limit), and showing the form again with messages and everything the user
//! typed.

use crate::domain::{FieldErrors, SubmissionKey, ValidationError};
use crate::web::errors::messages_per_field;
use crate::web::lang::RequestLang;
use crate::web::rate_limit::SubmissionLimiter;
use crate::web::{AppState, csrf, csrf::CsrfToken, page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::de::DeserializeOwned;

/// Fields every form carries besides its content.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct FormMeta {
    csrf_token: String,
    /// The honeypot: hidden from people, filled in by bots.
    website: String,
    /// The form's one-time key (see `SubmissionKey`).
    submission_key: String,
}

/// Why a posted form is shown again instead of being accepted.
pub enum Rejection {
    Invalid(FieldErrors),
    /// The CSRF check failed (an old tab, cookies cleared): the user only needs to press
    /// the button again.
    Csrf,
    RateLimited,
    /// Refused for a reason the message explains (e.g. a failed login).
    Refused(String),
}

/// A posted form, decoded. Repeated keys (checkbox groups) become lists.
pub struct Posted<T> {
    pub input: T,
    meta: FormMeta,
}

pub fn decode<T: DeserializeOwned>(body: &web::Bytes) -> Result<Posted<T>, actix_web::Error> {
    let input = serde_html_form::from_bytes(body).map_err(actix_web::error::ErrorBadRequest)?;
    let meta = serde_html_form::from_bytes(body).map_err(actix_web::error::ErrorBadRequest)?;
    Ok(Posted { input, meta })
}

impl<T> Posted<T> {
    pub fn submission_key(&self) -> Option<SubmissionKey> {
        SubmissionKey::parse(&self.meta.submission_key)
    }

    /// The checks that come before the content is looked at.
    pub fn check_security(
        &self,
        req: &HttpRequest,
        limiter: &SubmissionLimiter,
    ) -> Result<(), Rejection> {
        if !self.meta.website.trim().is_empty() {
            let mut errors = FieldErrors::default();
            errors.add("website", ValidationError::Honeypot);
            return Err(Rejection::Invalid(errors));
        }
        if !csrf::verify(req, &self.meta.csrf_token) {
            return Err(Rejection::Csrf);
        }
        limiter.check(req).map_err(|_| Rejection::RateLimited)
    }
}

pub fn contact_address(state: &AppState) -> String {
    state.settings.mail.tip_recipient.clone()
}

/// A form page: the template, its field order (for the error summary) and the values.
pub struct FormPage<'a> {
    pub template: &'a str,
    pub path: &'a str,
    pub field_order: &'a [&'static str],
}

#[derive(serde::Serialize)]
struct SummaryItem {
    field: &'static str,
    label: String,
    message: String,
}

impl FormPage<'_> {
    /// Renders the form with `values`, and with the messages of `rejection` if any.
    pub fn render(
        &self,
        req: &HttpRequest,
        state: &AppState,
        values: &impl serde::Serialize,
        rejection: Option<&Rejection>,
        submission_key: Option<SubmissionKey>,
        extra: tera::Context,
    ) -> anyhow::Result<HttpResponse> {
        let lang = RequestLang::of(req);
        // A form shown again keeps its key, so its eventual submission is still one.
        let submission_key = submission_key.unwrap_or_else(SubmissionKey::generate);
        let mut context = page::base_context(lang, self.path, &contact_address(state));
        context.extend(extra);
        context.insert("submission_key", submission_key.as_ref());
        context.insert("form", values);
        let no_errors = FieldErrors::default();
        let (errors, alert, status) = match rejection {
            None => (&no_errors, None, StatusCode::OK),
            Some(Rejection::Invalid(errors)) => (errors, None, StatusCode::UNPROCESSABLE_ENTITY),
            Some(Rejection::Csrf) => (
                &no_errors,
                Some(lang.text("error-csrf")),
                StatusCode::FORBIDDEN,
            ),
            Some(Rejection::RateLimited) => (
                &no_errors,
                Some(lang.text("error-rate-limited")),
                StatusCode::TOO_MANY_REQUESTS,
            ),
            Some(Rejection::Refused(message)) => {
                (&no_errors, Some(message.clone()), StatusCode::UNAUTHORIZED)
            }
        };
        // The honeypot is not a field people can fix: say so at the top.
        let alert = alert.or_else(|| errors.get("website").map(|_| lang.text("error-honeypot")));
        let summary: Vec<SummaryItem> = self
            .field_order
            .iter()
            .filter_map(|field| errors.get(field).map(|list| (*field, list)))
            .flat_map(|(field, list)| {
                list.iter().map(move |error| SummaryItem {
                    field,
                    label: lang.text(&format!("field-{field}")),
                    message: lang.text(error.message_id()),
                })
            })
            .collect();
        context.insert("errors", &messages_per_field(errors, lang));
        context.insert("error_list", &summary);
        context.insert("form_alert", &alert);
        render_with_csrf(req, state, status, self.template, context)
    }
}

/// Renders a page that has a form (at least the logout button): puts the CSRF token in the
/// context, and sets the token's cookie if the browser has none yet.
pub fn render_with_csrf(
    req: &HttpRequest,
    state: &AppState,
    status: StatusCode,
    template: &str,
    mut context: tera::Context,
) -> anyhow::Result<HttpResponse> {
    let token = CsrfToken::for_request(req);
    context.insert("csrf_token", token.value());
    let mut response = page::render(status, template, &context)?;
    if let Some(cookie) = token.cookie(state.settings.server.secure_cookies) {
        response.add_cookie(&cookie)?;
    }
    Ok(response)
}
