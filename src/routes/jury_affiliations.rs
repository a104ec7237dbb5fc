//! `/jury/tilknytninger`: the user's own affiliations with organisations
//! (forvaltningsloven § 6). A nomination from one of these organisations is flagged for
//! the juror.

use super::super::forms::{self, Rejection};
use super::render;
use crate::db;
use crate::db::users::UserRow;
use crate::domain::{FieldErrors, OrgNumber, ShortText, ValidationError};
use crate::i18n::Lang;
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::errors::{OrPageError as _, PageError, messages_per_field};
use crate::web::lang::RequestLang;
use crate::web::rate_limit::SubmissionLimiter;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;

const PATH: &str = "/jury/tilknytninger";
const FIELD_ORDER: [&str; 5] = [
    "organisation",
    "org_number",
    "role",
    "period_from",
    "period_to",
];

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AffiliationInput {
    organisation: String,
    org_number: String,
    role: String,
    period_from: String,
    period_to: String,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoInput {}

#[derive(serde::Serialize)]
struct AffiliationView {
    id: i32,
    organisation: String,
    org_number: String,
    role: String,
    period_from: Option<String>,
    period_to: Option<String>,
}

/// An optional date as `<input type="date">` sends it.
fn parse_date(raw: &str) -> Result<Option<NaiveDate>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ValidationError::DateInvalid)
}

async fn page(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    user: &UserRow,
    values: &AffiliationInput,
    rejection: Option<&Rejection>,
) -> Result<HttpResponse, PageError> {
    let user_id = user.id;
    let rows = state
        .db
        .read(move |conn| Ok(db::scoring::affiliations_of(conn, user_id)?))
        .await
        .or_page_error(lang)?;
    let views: Vec<AffiliationView> = rows
        .into_iter()
        .map(|row| AffiliationView {
            id: row.id,
            organisation: row.organisation,
            org_number: row.org_number,
            role: row.role,
            period_from: row.period_from.map(|d| lang.long_date(d)),
            period_to: row.period_to.map(|d| lang.long_date(d)),
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("affiliations", &views);
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
            (&no_errors, Some(message.clone()), StatusCode::FORBIDDEN)
        }
    };
    let summary: Vec<serde_json::Value> = FIELD_ORDER
        .iter()
        .filter_map(|field| errors.get(field).map(|list| (*field, list)))
        .flat_map(|(field, list)| {
            list.iter().map(move |error| {
                serde_json::json!({
                    "field": field,
                    "label": lang.text(&format!("field-{field}")),
                    "message": lang.text(error.message_id()),
                })
            })
        })
        .collect();
    context.insert("errors", &messages_per_field(errors, lang));
    context.insert("error_list", &summary);
    context.insert("form_alert", &alert);
    render(req, state, user, "jury/affiliations.html", status, context).or_page_error(lang)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
) -> Result<HttpResponse, PageError> {
    page(
        &req,
        &state,
        lang,
        &user,
        &AffiliationInput::default(),
        None,
    )
    .await
}

fn see_list() -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, PATH))
        .finish()
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn add(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<AffiliationInput>(&body)?;
    let input = &posted.input;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let mut errors = FieldErrors::default();
            let organisation = errors.check("organisation", ShortText::parse(&input.organisation));
            let org_number = errors.check("org_number", OrgNumber::parse(&input.org_number));
            let role = errors.check("role", ShortText::parse(&input.role));
            let from = errors.check("period_from", parse_date(&input.period_from));
            let to = errors.check("period_to", parse_date(&input.period_to));
            if let (Some(Some(from)), Some(Some(to))) = (from, to)
                && to < from
            {
                errors.add("period_to", ValidationError::DateInvalid);
            }
            match (organisation, org_number, role, from, to) {
                (Some(organisation), Some(org_number), Some(role), Some(from), Some(to))
                    if errors.is_empty() =>
                {
                    let user_id = user.id;
                    state
                        .db
                        .write(move |conn| {
                            let new = db::scoring::NewAffiliation {
                                org_number,
                                organisation: organisation.as_ref(),
                                role: role.as_ref(),
                                period_from: from,
                                period_to: to,
                            };
                            use diesel::Connection as _;
                            conn.transaction(|conn| {
                                Ok(db::scoring::add_affiliation(conn, user_id, &new)?)
                            })
                        })
                        .await
                        .or_page_error(lang)?;
                    return Ok(see_list());
                }
                _ => Rejection::Invalid(errors),
            }
        }
    };
    Ok(page(&req, &state, lang, &user, input, Some(&rejection)).await?)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<NoInput>(&body)?;
    if let Err(rejection) = posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        return Ok(page(
            &req,
            &state,
            lang,
            &user,
            &AffiliationInput::default(),
            Some(&rejection),
        )
        .await?);
    }
    let (user_id, affiliation_id) = (user.id, path.into_inner());
    let removed = state
        .db
        .write(move |conn| {
            use diesel::Connection as _;
            conn.transaction(|conn| {
                Ok(db::scoring::remove_affiliation(
                    conn,
                    user_id,
                    affiliation_id,
                )?)
            })
        })
        .await
        .or_page_error(lang)?;
    if !removed {
        return Err(PageError::not_found(lang).into());
    }
    Ok(see_list())
}
