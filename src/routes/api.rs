//! The JSON API for integrations: the same domain types and rules as the forms.

pub mod nominations;
pub mod schema;
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

/// `400`, `413`, `415`, `429`: what went wrong, as a stable code (`bad_request`,
/// `payload_too_large`, `unsupported_media_type`, `rate_limited`).
#[derive(serde::Serialize, ToSchema)]
pub struct Failure {
    pub error: String,
    /// For a malformed body: what the JSON parser found.
    #[schema(nullable = false)]
    pub detail: Option<String>,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Bedre stat-prisen",
        description = "Nominations and tips for DFØ's Bedre stat-prisen. The request schemas \
            state every rule of the API but the org number's check digit: a request they \
            accept is stored (201), one the API refuses gets 422 with a message per field."
    ),
    paths(tips::create, nominations::create),
    components(schemas(
        Created,
        ValidationErrors,
        Failure,
        tips::TipRequest,
        nominations::NominationRequest
    )),
    modifiers(&Rules)
)]
struct ApiDoc;

/// Puts each request field's rule (`schema::Field`) into the document.
struct Rules;

impl utoipa::Modify for Rules {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let contact = schema::string_required_when("may_contact", "tipster_email");
        schema::apply(openapi, "TipRequest", tips::TIP_FIELDS, Some(contact));
        schema::apply(
            openapi,
            "NominationRequest",
            nominations::NOMINATION_FIELDS,
            None,
        );
    }
}

/// The OpenAPI document, built once.
pub fn document() -> &'static str {
    static DOCUMENT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        ApiDoc::openapi()
            .to_json()
            .expect("the OpenAPI document serialises")
    });
    &DOCUMENT
}

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(document())
}

/// The largest JSON body the API reads: room for the largest request its schemas accept,
/// written compactly even with every character escaped (a unit test checks), so that no
/// request the document accepts is refused as too large.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// Body limits and error mapping for JSON: a wrong content type is 415, an oversized body
/// 413, and anything that is not the expected JSON shape 400.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(MAX_JSON_BYTES)
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
    #[response(
        status = 400,
        description = "Malformed JSON, a field of the wrong type, or an unknown field"
    )]
    Malformed(Failure),
    #[response(status = 413, description = "Body too large")]
    TooLarge(Failure),
    #[response(status = 415, description = "Not application/json")]
    NotJson(Failure),
    #[response(
        status = 422,
        description = "Invalid fields: a message per field, nothing stored"
    )]
    Invalid(ValidationErrors),
    #[response(
        status = 429,
        description = "Too many submissions from this address",
        headers(("Retry-After" = u64, description = "Seconds to wait"))
    )]
    RateLimited(Failure),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn document_json() -> Value {
        serde_json::from_str(document()).unwrap()
    }

    /// The longest compact JSON a schema accepts, with every character written as an escaped
    /// surrogate pair (`\ud83d\ude00`, 12 bytes for one character).
    fn largest_body(schema: &Value, components: &Value) -> usize {
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.rsplit('/').next().unwrap();
            return largest_body(&components[name], components);
        }
        for combined in ["allOf", "anyOf", "oneOf"] {
            if let Some(items) = schema[combined].as_array() {
                return items
                    .iter()
                    .map(|item| largest_body(item, components))
                    .max()
                    .unwrap();
            }
        }
        if let Some(properties) = schema["properties"].as_object() {
            return 2 + properties
                .iter()
                .map(|(name, value)| name.len() + 4 + largest_body(value, components))
                .sum::<usize>();
        }
        if let Some(max_length) = schema["maxLength"].as_u64() {
            return 2 + 12 * max_length as usize;
        }
        if schema["type"] == "array" {
            let items = schema["maxItems"].as_u64().expect("arrays are bounded") as usize;
            return 2 + items * (1 + largest_body(&schema["items"], components));
        }
        if let Some(values) = schema["enum"].as_array() {
            return values.iter().map(|v| v.to_string().len()).max().unwrap();
        }
        if schema["pattern"].is_string() {
            // The org number: nine digits.
            return 2 + 12 * 9;
        }
        // A boolean, an integer below 10^13, or null.
        20
    }

    #[test]
    fn the_largest_request_the_schemas_accept_fits_the_body_limit() {
        let document = document_json();
        let components = &document["components"]["schemas"];
        for name in ["TipRequest", "NominationRequest"] {
            let largest = largest_body(&components[name], components);
            assert!(largest < MAX_JSON_BYTES, "{name}: {largest}");
        }
    }

    #[test]
    fn operation_ids_are_unique() {
        let document = document_json();
        let ids: Vec<&str> = ["/api/v1/tips", "/api/v1/nominations"]
            .iter()
            .map(|path| {
                document["paths"][path]["post"]["operationId"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids, ["createTip", "createNomination"]);
    }

    #[test]
    fn the_required_fields_are_the_ones_the_domain_requires() {
        let document = document_json();
        let nomination = &document["components"]["schemas"]["NominationRequest"];
        // An empty nomination is refused on exactly the fields the schema requires.
        let errors = crate::domain::NewNomination::try_from(&Default::default()).unwrap_err();
        let mut refused: Vec<&str> = errors.iter().map(|(field, _)| field).collect();
        refused.sort();
        let mut required: Vec<&str> = nomination["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        required.sort();
        assert_eq!(refused, required);
        assert_eq!(nomination["additionalProperties"], false);

        let tip = &document["components"]["schemas"]["TipRequest"]["allOf"][0];
        let errors = crate::domain::NewTip::try_from(&Default::default()).unwrap_err();
        let mut refused: Vec<&str> = errors.iter().map(|(field, _)| field).collect();
        refused.sort();
        assert_eq!(refused, ["agency", "initiative", "reason"]);
        assert_eq!(
            tip["required"],
            serde_json::json!(["initiative", "agency", "reason"])
        );
        assert_eq!(tip["additionalProperties"], false);
    }

    #[test]
    fn categories_are_the_domains() {
        let document = document_json();
        let categories =
            &document["components"]["schemas"]["NominationRequest"]["properties"]["categories"];
        let codes: Vec<&str> = crate::domain::Category::ALL.map(|c| c.code()).to_vec();
        assert_eq!(categories["items"]["enum"], serde_json::json!(codes));
        assert_eq!(categories["minItems"], 1);
    }
}
