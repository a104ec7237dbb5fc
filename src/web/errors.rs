//! Errors mapped to HTTP, once.
//!
//! - `PageError` for HTML pages: a page in the user's language.
//! - `ApiError` for the JSON API: `{"errors": …}` or `{"error": …}` with the right status.
//!
//! Handlers add context to unexpected failures with `anyhow::Context`; the full cause
//! chain is logged here, and the user sees a plain message that nothing was saved.

use crate::domain::FieldErrors;
use crate::i18n::Lang;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Debug)]
pub enum PageErrorKind {
    NotFound,
    LinkInvalid,
    Unexpected(anyhow::Error),
}

#[derive(Debug, thiserror::Error)]
#[error("{kind:?}")]
pub struct PageError {
    pub lang: Lang,
    pub kind: PageErrorKind,
}

impl PageError {
    pub fn not_found(lang: Lang) -> Self {
        Self {
            lang,
            kind: PageErrorKind::NotFound,
        }
    }

    pub fn unexpected(lang: Lang, error: anyhow::Error) -> Self {
        Self {
            lang,
            kind: PageErrorKind::Unexpected(error),
        }
    }

    pub fn link_invalid(lang: Lang) -> Self {
        Self {
            lang,
            kind: PageErrorKind::LinkInvalid,
        }
    }
}

/// Attaches the page language to an unexpected error.
pub trait OrPageError<T> {
    fn or_page_error(self, lang: Lang) -> Result<T, PageError>;
}

impl<T> OrPageError<T> for anyhow::Result<T> {
    fn or_page_error(self, lang: Lang) -> Result<T, PageError> {
        self.map_err(|error| PageError {
            lang,
            kind: PageErrorKind::Unexpected(error),
        })
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self.kind {
            PageErrorKind::NotFound | PageErrorKind::LinkInvalid => StatusCode::NOT_FOUND,
            PageErrorKind::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let message_id = match &self.kind {
            PageErrorKind::NotFound => "error-not-found",
            PageErrorKind::LinkInvalid => "error-link-invalid",
            PageErrorKind::Unexpected(error) => {
                tracing::error!(error = ?error, "request failed");
                "error-unexpected"
            }
        };
        let mut context = super::page::base_context(self.lang, "/", "");
        context.insert("message", &self.lang.text(message_id));
        super::page::render(self.status_code(), "error.html", &context).unwrap_or_else(|error| {
            tracing::error!(error = ?error, "rendering the error page failed");
            HttpResponse::build(self.status_code())
                .content_type("text/plain; charset=utf-8")
                .body(self.lang.text(message_id))
        })
    }
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
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
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
            Self::Unexpected(error) => {
                tracing::error!(error = ?error, "API request failed");
                response.json(serde_json::json!({ "error": "internal" }))
            }
        }
    }
}
