//! Errors mapped to HTTP, once. When to use which:
//!
//! - `PageError` for every HTML page: the error page in the request's language (the
//!   language middleware sets it; no error carries it). `?` turns an `anyhow::Error` into
//!   `PageError::Unexpected` — except diesel's `NotFound` anywhere in its chain, which is
//!   the 404 page. Small constructors say the rest: `PageError::NotFound`, `Forbidden`,
//!   `Csrf`, `LinkInvalid`, `bad_request(..)`, and `.or_not_found()` on a service's
//!   `false` for "no such thing".
//! - `ApiError` for the JSON API: `{"errors": …}` or `{"error": …}` with the right status.
//!
//! Handlers add context to unexpected failures with `anyhow::Context`; the full cause
//! chain is logged here, and the user sees a plain message that nothing was saved.

use crate::domain::FieldErrors;
use crate::i18n::Lang;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use std::collections::BTreeMap;
use std::time::Duration;

/// What an HTML page answers instead of itself.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("not found")]
    NotFound,
    /// A one-time link that is unknown, used or expired.
    #[error("link invalid")]
    LinkInvalid,
    /// Signed in, but this page is not for this user's role.
    #[error("forbidden")]
    Forbidden,
    /// Not signed in: to the login page, and back here afterwards.
    #[error("login required")]
    LoginRequired { next: String },
    /// Signed in, but the account must enrol an authenticator first: to the enrolment.
    #[error("two-factor enrolment required")]
    EnrolmentRequired,
    /// The CSRF check of a button failed (an old tab, cookies cleared): the same page
    /// wherever it happens, saying to go back and press again.
    #[error("CSRF check failed")]
    Csrf,
    /// A request no page of ours sends (a malformed form body, an unknown choice).
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error(transparent)]
    Unexpected(anyhow::Error),
}

/// Where an account enrols its authenticator app.
pub const ENROLMENT_PATH: &str = "/konto/totp";

/// The result of an HTML handler.
pub type PageResult = Result<HttpResponse, PageError>;

impl PageError {
    pub fn bad_request(detail: impl std::fmt::Display) -> Self {
        Self::BadRequest(detail.to_string())
    }
}

/// A service's `false` for "there is no such thing (of yours)" becomes the 404 page:
/// `affiliations::remove(..).await?.or_not_found()?`.
pub trait OrNotFound {
    fn or_not_found(self) -> Result<(), PageError>;
}

impl OrNotFound for bool {
    fn or_not_found(self) -> Result<(), PageError> {
        if self {
            Ok(())
        } else {
            Err(PageError::NotFound)
        }
    }
}

impl From<anyhow::Error> for PageError {
    fn from(error: anyhow::Error) -> Self {
        let not_found = error.chain().any(|cause| {
            matches!(
                cause.downcast_ref::<diesel::result::Error>(),
                Some(diesel::result::Error::NotFound)
            )
        });
        if not_found {
            Self::NotFound
        } else {
            Self::Unexpected(error)
        }
    }
}

impl From<diesel::result::Error> for PageError {
    fn from(error: diesel::result::Error) -> Self {
        anyhow::Error::from(error).into()
    }
}

impl From<tera::Error> for PageError {
    fn from(error: tera::Error) -> Self {
        Self::Unexpected(anyhow::Error::from(error).context("rendering a template"))
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound | Self::LinkInvalid => StatusCode::NOT_FOUND,
            Self::Forbidden | Self::Csrf => StatusCode::FORBIDDEN,
            Self::LoginRequired { .. } | Self::EnrolmentRequired => StatusCode::SEE_OTHER,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let message_id = match self {
            Self::NotFound => "error-not-found",
            Self::LinkInvalid => "error-link-invalid",
            Self::Forbidden => "error-forbidden",
            Self::Csrf => "error-csrf-action",
            Self::BadRequest(detail) => {
                tracing::info!(detail, "bad request");
                "error-bad-request"
            }
            Self::LoginRequired { next } => {
                return HttpResponse::SeeOther()
                    .insert_header((
                        header::LOCATION,
                        format!("/logg-inn?neste={}", super::page::url_encode(next)),
                    ))
                    .finish();
            }
            Self::EnrolmentRequired => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, ENROLMENT_PATH))
                    .insert_header((header::CACHE_CONTROL, "no-store"))
                    .finish();
            }
            Self::Unexpected(error) => {
                tracing::error!(error = ?error, "request failed");
                "error-unexpected"
            }
        };
        error_page(self.status_code(), super::lang::current(), message_id)
    }
}

/// The error page: the layout with one message.
fn error_page(status: StatusCode, lang: Lang, message_id: &str) -> HttpResponse {
    let mut context = super::page::base_context(lang, "/", "");
    context.insert("message", &lang.text(message_id));
    super::page::render(status, "error.html", &context).unwrap_or_else(|error| {
        tracing::error!(error = ?error, "rendering the error page failed");
        HttpResponse::build(status)
            .content_type("text/plain; charset=utf-8")
            .body(lang.text(message_id))
    })
}

/// Errors of the JSON API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("invalid input")]
    Validation(FieldErrors, Lang),
    #[error("rate limited")]
    RateLimited(Duration),
    #[error("malformed request: {0}")]
    BadRequest(String),
    /// A method the path does not take: 405 with the `Allow` header.
    #[error("method not allowed")]
    MethodNotAllowed(&'static str),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl ApiError {
    /// The answer of an API path to any method but `allowed`.
    pub async fn only(allowed: &'static str) -> Result<HttpResponse, ApiError> {
        Err(Self::MethodNotAllowed(allowed))
    }
}

/// Translated messages per field, as the API and the forms show them.
pub fn messages_per_field(errors: &FieldErrors, lang: Lang) -> BTreeMap<&'static str, Vec<String>> {
    errors
        .iter()
        .map(|(field, list)| {
            (
                field,
                list.iter().map(|e| lang.text(e.message_id())).collect(),
            )
        })
        .collect()
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Validation(..) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::Validation(errors, lang) => {
                response.json(serde_json::json!({ "errors": messages_per_field(errors, *lang) }))
            }
            Self::RateLimited(wait) => response
                .insert_header(("Retry-After", wait.as_secs().max(1).to_string()))
                .json(serde_json::json!({ "error": "rate_limited" })),
            Self::BadRequest(detail) => {
                response.json(serde_json::json!({ "error": "bad_request", "detail": detail }))
            }
            Self::MethodNotAllowed(allowed) => response
                .insert_header((header::ALLOW, *allowed))
                .json(serde_json::json!({ "error": "method_not_allowed" })),
            Self::Unexpected(error) => {
                tracing::error!(error = ?error, "API request failed");
                response.json(serde_json::json!({ "error": "internal" }))
            }
        }
    }
}
