use super::schema::Field;
use super::{Created, Rejected, accept};
use crate::domain::{NewNomination, NominationInput};
use crate::web::errors::ApiError;
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};
use utoipa::ToSchema;

/// An agency's nomination of its own initiative.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationRequest {
    #[serde(default)]
    pub agency_name: String,
    /// An organisation number: nine digits (spaces between groups are also taken), the
    /// last a mod-11 check digit over the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2
    /// (a remainder giving 10 is never issued). The check digit is beyond JSON Schema: a
    /// wrong one is answered 422.
    #[serde(default)]
    #[schema(example = "986252932")]
    pub org_number: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    pub title: String,
    /// One or more of `styring`, `kontroll`, `innsparing`, `kvalitetsforbedring`.
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub what_was_done: String,
    #[serde(default)]
    pub results: String,
    /// Estimated yearly savings in NOK.
    #[serde(default, deserialize_with = "whole_number")]
    pub savings_nok: Option<u64>,
    /// Estimated yearly savings in hours.
    #[serde(default, deserialize_with = "whole_number")]
    pub savings_hours: Option<u64>,
    #[serde(default)]
    pub user_effects: String,
    #[serde(default)]
    pub transfer_value: String,
    #[serde(default)]
    pub other_agencies: Option<String>,
    #[serde(default)]
    pub leadership_backing: bool,
    #[serde(default)]
    pub consent_publish: bool,
}

/// A non-negative whole number, also when written as `52656.0`: JSON Schema's `integer`
/// takes any number with a zero fraction, so the API does too (found by the OpenAPI fuzzer).
fn whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u64>, D::Error> {
    use serde::Deserialize as _;
    let Some(number) = Option::<serde_json::Number>::deserialize(deserializer)? else {
        return Ok(None);
    };
    match (number.as_u64(), number.as_f64()) {
        (Some(whole), _) => Ok(Some(whole)),
        (None, Some(float)) if float >= 0.0 && float.fract() == 0.0 && float < u64::MAX as f64 => {
            Ok(Some(float as u64))
        }
        _ => Err(serde::de::Error::custom(format!(
            "expected a non-negative whole number, found {number}"
        ))),
    }
}

/// What the OpenAPI document states about each field (see `schema`).
pub const NOMINATION_FIELDS: &[(&str, Field)] = &[
    ("agency_name", Field::ShortText),
    ("org_number", Field::OrgNumber),
    ("contact_name", Field::ShortText),
    ("contact_email", Field::Email),
    ("contact_phone", Field::OptionalPhone),
    ("title", Field::ShortText),
    ("categories", Field::Categories),
    ("summary", Field::LongText),
    ("background", Field::LongText),
    ("what_was_done", Field::LongText),
    ("results", Field::LongText),
    ("savings_nok", Field::OptionalEstimate),
    ("savings_hours", Field::OptionalEstimate),
    ("user_effects", Field::LongText),
    ("transfer_value", Field::LongText),
    ("other_agencies", Field::OptionalLongText),
    ("leadership_backing", Field::Flag),
    ("consent_publish", Field::Flag),
];

impl From<NominationRequest> for NominationInput {
    fn from(r: NominationRequest) -> Self {
        Self {
            agency_name: r.agency_name,
            org_number: r.org_number,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            contact_phone: r.contact_phone.unwrap_or_default(),
            title: r.title,
            categories: r.categories,
            summary: r.summary,
            background: r.background,
            what_was_done: r.what_was_done,
            results: r.results,
            savings_nok: r.savings_nok.map(|v| v.to_string()).unwrap_or_default(),
            savings_hours: r.savings_hours.map(|v| v.to_string()).unwrap_or_default(),
            user_effects: r.user_effects,
            transfer_value: r.transfer_value,
            other_agencies: r.other_agencies.unwrap_or_default(),
            leadership_backing: r.leadership_backing,
            consent_publish: r.consent_publish,
        }
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/nominations",
    operation_id = "createNomination",
    request_body = NominationRequest,
    responses(
        (status = 201, description = "Stored; a receipt with an edit link goes to the contact person", body = Created),
        Rejected,
    )
)]
#[tracing::instrument(skip_all)]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    body: web::Json<NominationRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = NominationInput::from(body.into_inner());
    accept(
        &req,
        &state,
        lang,
        &input,
        async |nomination: NewNomination| {
            let (row, _round) = state
                .intake
                .submit_nomination(nomination, lang, None, Vec::new())
                .await?;
            Ok(row.reference)
        },
    )
    .await
}
