use super::schema::Field;
use super::{Created, Rejected, accept};
use crate::domain::{NewTip, TipInput};
use crate::web::errors::ApiError;
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};
use utoipa::ToSchema;

/// A tip about an initiative. The tipster may stay anonymous.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TipRequest {
    /// What the initiative is.
    #[serde(default)]
    pub initiative: String,
    /// Which agency carried it out.
    #[serde(default)]
    pub agency: String,
    /// Why it deserves the prize.
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub tipster_name: Option<String>,
    /// Gets a receipt when given; required when `may_contact` is true. Blank means none.
    #[serde(default)]
    pub tipster_email: Option<String>,
    #[serde(default)]
    pub may_contact: bool,
}

/// What the OpenAPI document states about each field (see `schema`).
pub const TIP_FIELDS: &[(&str, Field)] = &[
    ("initiative", Field::LongText),
    ("agency", Field::ShortText),
    ("reason", Field::LongText),
    ("tipster_name", Field::OptionalShortText),
    ("tipster_email", Field::OptionalEmail),
    ("may_contact", Field::Flag),
];

impl From<TipRequest> for TipInput {
    fn from(request: TipRequest) -> Self {
        Self {
            initiative: request.initiative,
            agency: request.agency,
            reason: request.reason,
            tipster_name: request.tipster_name.unwrap_or_default(),
            tipster_email: request.tipster_email.unwrap_or_default(),
            may_contact: request.may_contact,
        }
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/tips",
    operation_id = "createTip",
    request_body = TipRequest,
    responses(
        (status = 201, description = "Stored and forwarded to the secretariat", body = Created),
        Rejected,
    )
)]
#[tracing::instrument(skip_all)]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    body: web::Json<TipRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = TipInput::from(body.into_inner());
    accept(&req, &state, lang, &input, async |tip: NewTip| {
        let row = state.intake.submit_tip(tip, lang, None).await?;
        Ok(row.reference)
    })
    .await
}
