//! `/sekretariat/runder/{round}/nominasjoner` and `/sekretariat/nominasjoner/{id}`: screening
//! a round's nominations (eligible, or excluded with a reason), carrying one into a later
//! round, explicit assignments to jurors, and reopening a juror's submitted assessment.

use super::rounds::{NoticeQuery, actor, see_other, signed_in};
use crate::db::{self, nominations::NominationRow, screening};
use crate::domain::{FieldErrors, ValidationError};
use crate::i18n::Lang;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::rate_limit::SubmissionLimiter;
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::OptionalExtension as _;

#[derive(serde::Serialize)]
struct NominationSummary {
    id: i32,
    reference: String,
    title: String,
    agency_name: String,
    status: String,
    carried: bool,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let round_id = path.into_inner();
    let found = state
        .db
        .read(move |conn| {
            let Some(round) = db::rounds::find(conn, round_id).optional()? else {
                return Ok(None);
            };
            let nominations = screening::round_nominations(conn, round_id)?;
            let assigned = screening::round_has_assignments(conn, round_id)?;
            Ok(Some((round, nominations, assigned)))
        })
        .await
        .map_err(PageError::from)?;
    let Some((round, nominations, assigned)) = found else {
        return Err(PageError::NotFound);
    };
    let mut context = tera::Context::new();
    signed_in(&mut context, &admin);
    context.insert("round", &super::rounds::RoundView::of(&round, lang));
    let rows: Vec<NominationSummary> = nominations
        .into_iter()
        .map(|n| NominationSummary {
            id: n.id,
            reference: n.reference,
            title: n.title,
            agency_name: n.agency_name,
            status: n.status.to_string(),
            carried: n.carried_from_round_id.is_some(),
        })
        .collect();
    context.insert("nominations", &rows);
    context.insert("has_assignments", &assigned);
    let page_path = req.path().to_owned();
    FormPage {
        template: "secretariat/nominations.html",
        path: &page_path,
        field_order: &[],
    }
    .render(&req, &state, &serde_json::json!({}), None, None, context)
    .map_err(PageError::from)
}

/// What the forms on the nomination page post.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ScreeningInput {
    screening: String,
    exclusion_reason: String,
    target_round: String,
    assigned_jurors: Vec<String>,
    juror: String,
}

const FIELDS: &[&str] = &["screening", "exclusion_reason", "target_round"];

#[derive(serde::Serialize)]
struct NominationView {
    id: i32,
    reference: String,
    title: String,
    agency_name: String,
    org_number: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    categories: Vec<String>,
    summary: String,
    background: String,
    what_was_done: String,
    results: String,
    savings_nok: String,
    savings_hours: String,
    user_effects: String,
    transfer_value: String,
    other_agencies: String,
    leadership_backing: bool,
    consent_publish: bool,
    status: String,
    exclusion_reason: String,
    created_at: String,
}

impl NominationView {
    fn of(n: &NominationRow) -> Self {
        Self {
            id: n.id,
            reference: n.reference.clone(),
            title: n.title.clone(),
            agency_name: n.agency_name.clone(),
            org_number: n.org_number.clone(),
            contact_name: n.contact_name.clone(),
            contact_email: n.contact_email.clone(),
            contact_phone: n.contact_phone.clone().unwrap_or_default(),
            categories: n
                .categories
                .as_slice()
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            summary: n.summary.clone(),
            background: n.background.clone(),
            what_was_done: n.what_was_done.clone(),
            results: n.results.clone(),
            savings_nok: n.savings_nok.map(|v| v.to_string()).unwrap_or_default(),
            savings_hours: n.savings_hours.map(|v| v.to_string()).unwrap_or_default(),
            user_effects: n.user_effects.clone(),
            transfer_value: n.transfer_value.clone(),
            other_agencies: n.other_agencies.clone().unwrap_or_default(),
            leadership_backing: n.leadership_backing,
            consent_publish: n.consent_publish,
            status: n.status.to_string(),
            exclusion_reason: n.exclusion_reason.clone().unwrap_or_default(),
            created_at: n.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        }
    }
}

#[derive(serde::Serialize)]
struct JurorChoice {
    id: i32,
    name: String,
    assigned: bool,
}

#[derive(serde::Serialize)]
struct SubmittedView {
    juror_id: i32,
    name: String,
    submitted_at: String,
}

#[derive(serde::Serialize)]
struct RoundChoice {
    id: i32,
    prize_year: i32,
}

struct Loaded {
    nomination: NominationRow,
    context: tera::Context,
    assigned: Vec<i32>,
}

/// The nomination and everything its page shows.
async fn load(
    state: &AppState,
    lang: Lang,
    admin: &db::users::UserRow,
    nomination_id: i32,
) -> Result<Loaded, PageError> {
    let found = state
        .db
        .read(move |conn| {
            let Some(nomination) = db::nominations::find_by_id(conn, nomination_id).optional()?
            else {
                return Ok(None);
            };
            let round = db::rounds::find(conn, nomination.round_id)?;
            let carried_from = match nomination.carried_from_round_id {
                Some(id) => Some(db::rounds::find(conn, id)?.prize_year),
                None => None,
            };
            let later = screening::later_rounds(conn, &nomination)?;
            let jurors = db::jury::jurors(conn)?;
            let assigned = screening::assigned_jurors(conn, nomination.id)?;
            let round_assigned = screening::round_has_assignments(conn, nomination.round_id)?;
            let submitted = screening::submitted_assessments(conn, nomination.id)?;
            Ok(Some((
                nomination,
                round,
                carried_from,
                later,
                jurors,
                assigned,
                round_assigned,
                submitted,
            )))
        })
        .await
        .map_err(PageError::from)?;
    let Some((nomination, round, carried_from, later, jurors, assigned, round_assigned, submitted)) =
        found
    else {
        return Err(PageError::NotFound);
    };
    let mut context = tera::Context::new();
    signed_in(&mut context, admin);
    context.insert("nomination", &NominationView::of(&nomination));
    context.insert("round", &super::rounds::RoundView::of(&round, lang));
    context.insert("carried_from", &carried_from);
    let later: Vec<RoundChoice> = later
        .iter()
        .map(|r| RoundChoice {
            id: r.id,
            prize_year: r.prize_year,
        })
        .collect();
    context.insert("later_rounds", &later);
    let choices: Vec<JurorChoice> = jurors
        .iter()
        .map(|j| JurorChoice {
            id: j.id,
            name: j.name.clone(),
            assigned: assigned.contains(&j.id),
        })
        .collect();
    context.insert("jurors", &choices);
    context.insert("round_has_assignments", &round_assigned);
    let submitted: Vec<SubmittedView> = submitted
        .into_iter()
        .map(|(juror_id, name, at)| SubmittedView {
            juror_id,
            name,
            submitted_at: at.format("%Y-%m-%d %H:%M UTC").to_string(),
        })
        .collect();
    context.insert("submitted", &submitted);
    Ok(Loaded {
        nomination,
        context,
        assigned,
    })
}

fn page(path: &str) -> FormPage<'_> {
    FormPage {
        template: "secretariat/nomination.html",
        path,
        field_order: FIELDS,
    }
}

fn current_input(nomination: &NominationRow, assigned: &[i32]) -> ScreeningInput {
    ScreeningInput {
        screening: if nomination.status.is_screened() {
            nomination.status.to_string()
        } else {
            String::new()
        },
        exclusion_reason: nomination.exclusion_reason.clone().unwrap_or_default(),
        assigned_jurors: assigned.iter().map(i32::to_string).collect(),
        ..ScreeningInput::default()
    }
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, PageError> {
    let mut loaded = load(&state, lang, &admin, path.into_inner()).await?;
    if query.lagret.is_some() {
        loaded
            .context
            .insert("notice", &lang.text("secretariat-saved"));
    }
    let input = current_input(&loaded.nomination, &loaded.assigned);
    let page_path = req.path().to_owned();
    page(&page_path)
        .render(&req, &state, &input, None, None, loaded.context)
        .map_err(PageError::from)
}

/// The nomination page again with the posted values and why they were not taken.
fn again(
    req: &HttpRequest,
    state: &AppState,
    _lang: Lang,
    loaded: Loaded,
    input: ScreeningInput,
    rejection: &Rejection,
) -> Result<HttpResponse, actix_web::Error> {
    let page_path = format!("/sekretariat/nominasjoner/{}", loaded.nomination.id);
    Ok(page(&page_path)
        .render(req, state, &input, Some(rejection), None, loaded.context)
        .map_err(PageError::from)?)
}

fn saved(nomination_id: i32, anchor: &str) -> HttpResponse {
    see_other(&format!(
        "/sekretariat/nominasjoner/{nomination_id}?lagret=1#{anchor}"
    ))
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn screen(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<ScreeningInput>(&body)?;
    let loaded = load(&state, lang, &admin, path.into_inner()).await?;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let input = &posted.input;
            let mut errors = FieldErrors::default();
            let reason = input.exclusion_reason.trim();
            let decision = match input.screening.as_str() {
                "eligible" => Some(screening::Screening::Eligible),
                "excluded" if reason.is_empty() => {
                    errors.add("exclusion_reason", ValidationError::Required);
                    None
                }
                "excluded" if reason.chars().count() > 2000 => {
                    errors.add("exclusion_reason", ValidationError::TooLong);
                    None
                }
                "excluded" => Some(screening::Screening::Excluded {
                    reason: reason.to_owned(),
                }),
                _ => {
                    errors.add("screening", ValidationError::Required);
                    None
                }
            };
            match decision {
                Some(decision) => {
                    let nomination = loaded.nomination.clone();
                    let actor = actor(&admin);
                    state
                        .db
                        .write(move |conn| {
                            Ok(screening::screen(conn, &nomination, &decision, actor)?)
                        })
                        .await
                        .map_err(PageError::from)?;
                    return Ok(saved(loaded.nomination.id, "screening"));
                }
                None => Rejection::Invalid(errors),
            }
        }
    };
    let input = ScreeningInput {
        assigned_jurors: loaded.assigned.iter().map(i32::to_string).collect(),
        target_round: String::new(),
        ..posted.input
    };
    again(&req, &state, lang, loaded, input, &rejection)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn carry(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<ScreeningInput>(&body)?;
    let loaded = load(&state, lang, &admin, path.into_inner()).await?;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let mut errors = FieldErrors::default();
            match posted.input.target_round.trim().parse::<i32>() {
                Ok(target) => {
                    let nomination = loaded.nomination.clone();
                    let actor = actor(&admin);
                    let carried = state
                        .db
                        .write(move |conn| Ok(screening::carry(conn, &nomination, target, actor)?))
                        .await
                        .map_err(PageError::from)?;
                    if carried {
                        return Ok(saved(loaded.nomination.id, "carry"));
                    }
                    errors.add("target_round", ValidationError::Required);
                    Rejection::Invalid(errors)
                }
                Err(_) => {
                    errors.add("target_round", ValidationError::Required);
                    Rejection::Invalid(errors)
                }
            }
        }
    };
    let input = ScreeningInput {
        target_round: posted.input.target_round.clone(),
        ..current_input(&loaded.nomination, &loaded.assigned)
    };
    again(&req, &state, lang, loaded, input, &rejection)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn assign(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<ScreeningInput>(&body)?;
    let loaded = load(&state, lang, &admin, path.into_inner()).await?;
    if let Err(rejection) = posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        let input = current_input(&loaded.nomination, &loaded.assigned);
        return again(&req, &state, lang, loaded, input, &rejection);
    }
    let chosen: Vec<i32> = posted
        .input
        .assigned_jurors
        .iter()
        .filter_map(|id| id.trim().parse().ok())
        .collect();
    let nomination = loaded.nomination.clone();
    let actor = actor(&admin);
    state
        .db
        .write(move |conn| {
            Ok(screening::set_assignments(
                conn,
                &nomination,
                &chosen,
                actor,
            )?)
        })
        .await
        .map_err(PageError::from)?;
    Ok(saved(loaded.nomination.id, "assignments"))
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn reopen(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<ScreeningInput>(&body)?;
    let loaded = load(&state, lang, &admin, path.into_inner()).await?;
    if let Err(rejection) = posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        let input = current_input(&loaded.nomination, &loaded.assigned);
        return again(&req, &state, lang, loaded, input, &rejection);
    }
    let Ok(juror_id) = posted.input.juror.trim().parse::<i32>() else {
        return Err(PageError::NotFound.into());
    };
    let nomination = loaded.nomination.clone();
    let actor = actor(&admin);
    let reopened = state
        .db
        .write(move |conn| Ok(screening::reopen(conn, &nomination, juror_id, actor)?))
        .await
        .map_err(PageError::from)?;
    if !reopened {
        return Err(PageError::NotFound.into());
    }
    Ok(saved(loaded.nomination.id, "submitted"))
}
