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

/// Why a submission is not stored: the answers both endpoints share besides `201`.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // only described, never built: the answers come from `ApiError`
pub enum Rejected {
    #[response(status = 400, description = "Malformed JSON")]
    Malformed,
    #[response(status = 413, description = "Body too large")]
    TooLarge,
    #[response(status = 415, description = "Not application/json")]
    NotJson,
    #[response(status = 422, description = "Invalid fields")]
    Invalid(ValidationErrors),
    #[response(status = 429, description = "Too many submissions from this address")]
    RateLimited,
}

/// What both endpoints do with a request: take one submission from the caller's
/// allowance, check `input` into the domain type (`422` with the messages in `lang`),
/// `submit` it, and answer `201` with the stored reference.
pub(crate) async fn accept<'a, I, D>(
    req: &actix_web::HttpRequest,
    state: &crate::web::AppState,
    lang: crate::i18n::Lang,
    input: &'a I,
    submit: impl AsyncFnOnce(D) -> Result<String, ApiError>,
) -> Result<HttpResponse, ApiError>
where
    D: TryFrom<&'a I, Error = crate::domain::FieldErrors>,
{
    check_rate(req, state).await?;
    let parsed = D::try_from(input).map_err(|errors| ApiError::Validation(errors, lang))?;
    let reference = submit(parsed).await?;
    Ok(HttpResponse::Created().json(Created { reference }))
}

/// Takes one submission from the caller's allowance.
pub(crate) async fn check_rate(
    req: &actix_web::HttpRequest,
    state: &crate::web::AppState,
) -> Result<(), ApiError> {
    state
        .limiter
        .check(req)
        .await
        .map_err(ApiError::RateLimited)
}

#[allow(dead_code)]
fn assert_error_is_response(error: ApiError) -> HttpResponse {
    error.error_response()
}
