//! The JSON API for integrations: the same domain types and rules as the forms.

pub mod nominations;
pub mod tips;

use crate::web::errors::ApiError;
use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError as _, web};
use utoipa::{OpenApi, ToSchema};

/// `201 Created`: the reference of what was stored.
#[derive(serde::Serialize, ToSchema)]
pub struct Created {
    /// For example `BSP-2027-0007` or `TIPS-2026-0012`.
    pub reference: String,
}

/// `422`: messages per field, in the language of `Accept-Language` (bokmål by default).
#[derive(serde::Serialize, ToSchema)]
pub struct ValidationErrors {
    #[schema(example = json!({"org_number": ["Organisasjonsnummeret er ikke gyldig. Sjekk at sifrene er riktige."]}))]
    pub errors: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Bedre stat-prisen",
        description = "Nominations and tips for DFØ's Bedre stat-prisen."
    ),
    paths(tips::create, nominations::create),
    components(schemas(
        Created,
        ValidationErrors,
        tips::TipRequest,
        nominations::NominationRequest
    ))
)]
struct ApiDoc;

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

/// Body limits and error mapping for JSON: a wrong content type is 415, an oversized body
/// 413, and anything that is not the expected JSON shape 400.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(64 * 1024)
        .error_handler(|error, _req| {
            let status = match &error {
                JsonPayloadError::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                JsonPayloadError::Overflow { .. }
                | JsonPayloadError::OverflowKnownLength { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                _ => StatusCode::BAD_REQUEST,
            };
            let code = match status {
                StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
                StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
                _ => "bad_request",
            };
            let response = HttpResponse::build(status)
                .json(serde_json::json!({ "error": code, "detail": error.to_string() }));
            actix_web::error::InternalError::from_response(error, response).into()
        })
}

/// Takes one submission from the caller's allowance.
pub(crate) fn check_rate(
    req: &actix_web::HttpRequest,
    state: &crate::web::AppState,
) -> Result<(), ApiError> {
    state.limiter.check(req).map_err(ApiError::RateLimited)
}

#[allow(dead_code)]
fn assert_error_is_response(error: ApiError) -> HttpResponse {
    error.error_response()
}
