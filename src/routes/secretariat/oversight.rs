//! `/sekretariat/habilitet`: the secretariat's decisions on conflicts of interest
//! (forvaltningsloven §§ 6 and 8), and `/sekretariat/logg`: the audit log.

use super::rounds::{NoticeQuery, see_other, signed_in};
use crate::db::{self, screening};
use crate::domain::{ConflictStatus, FieldErrors, Role, ValidationError};
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::rate_limit::SubmissionLimiter;
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::OptionalExtension as _;

#[derive(serde::Serialize)]
struct CaseView {
    #[serde(flatten)]
    case: screening::ConflictCase,
    decided_at_text: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn conflicts(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, PageError> {
    let cases = state
        .db
        .read(|conn| Ok(screening::conflict_cases(conn)?))
        .await
        .map_err(PageError::from)?;
    let (open, decided): (Vec<CaseView>, Vec<CaseView>) = cases
        .into_iter()
        .map(|case| CaseView {
            decided_at_text: case
                .decided_at
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default(),
            case,
        })
        .partition(|view| matches!(view.case.status, None | Some(ConflictStatus::Declared)));
    let mut context = tera::Context::new();
    signed_in(&mut context, &admin);
    context.insert("open_cases", &open);
    context.insert("decided_cases", &decided);
    if query.lagret.is_some() {
        context.insert("notice", &lang.text("secretariat-saved"));
    }
    FormPage {
        template: "secretariat/conflicts.html",
        path: "/sekretariat/habilitet",
        field_order: &[],
    }
    .render(&req, &state, &serde_json::json!({}), None, None, context)
    .map_err(PageError::from)
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    conflict_decision: String,
    conflict_note: String,
}

const DECISION_FIELDS: &[&str] = &["conflict_decision", "conflict_note"];

struct Pair {
    nomination: db::nominations::NominationRow,
    case: Option<screening::ConflictCase>,
    juror_name: String,
}

async fn load_pair(
    state: &AppState,
    _lang: crate::i18n::Lang,
    juror_id: i32,
    nomination_id: i32,
) -> Result<Pair, PageError> {
    let found = state
        .db
        .read(move |conn| {
            let Some(juror) = db::users::find(conn, juror_id).optional()? else {
                return Ok(None);
            };
            let Some(nomination) = db::nominations::find_by_id(conn, nomination_id).optional()?
            else {
                return Ok(None);
            };
            if juror.role() != Role::Juror {
                return Ok(None);
            }
            let case = screening::conflict_cases(conn)?
                .into_iter()
                .find(|c| c.juror_id == juror_id && c.nomination_id == nomination_id);
            Ok(Some(Pair {
                nomination,
                case,
                juror_name: juror.name,
            }))
        })
        .await
        .map_err(PageError::from)?;
    found.ok_or_else(|| PageError::NotFound)
}

fn decision_context(admin: &db::users::UserRow, juror_id: i32, pair: &Pair) -> tera::Context {
    let mut context = tera::Context::new();
    signed_in(&mut context, admin);
    context.insert("juror_id", &juror_id);
    context.insert("juror_name", &pair.juror_name);
    context.insert("nomination_id", &pair.nomination.id);
    context.insert("reference", &pair.nomination.reference);
    context.insert("title", &pair.nomination.title);
    context.insert("agency_name", &pair.nomination.agency_name);
    context.insert("case", &pair.case);
    context
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn decision_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PageError> {
    let (juror_id, nomination_id) = path.into_inner();
    let pair = load_pair(&state, lang, juror_id, nomination_id).await?;
    let input = DecisionInput {
        conflict_decision: pair
            .case
            .as_ref()
            .and_then(|c| c.status)
            .filter(|s| *s != ConflictStatus::Declared)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        conflict_note: pair
            .case
            .as_ref()
            .and_then(|c| c.decision_note.clone())
            .unwrap_or_default(),
    };
    let page_path = req.path().to_owned();
    FormPage {
        template: "secretariat/conflict.html",
        path: &page_path,
        field_order: DECISION_FIELDS,
    }
    .render(
        &req,
        &state,
        &input,
        None,
        None,
        decision_context(&admin, juror_id, &pair),
    )
    .map_err(PageError::from)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let (juror_id, nomination_id) = path.into_inner();
    let posted = forms::decode::<DecisionInput>(&body)?;
    let pair = load_pair(&state, lang, juror_id, nomination_id).await?;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let input = &posted.input;
            let mut errors = FieldErrors::default();
            let upheld = match input.conflict_decision.as_str() {
                "upheld" => Some(true),
                "dismissed" => Some(false),
                _ => {
                    errors.add("conflict_decision", ValidationError::Required);
                    None
                }
            };
            let note = input.conflict_note.trim().to_owned();
            if note.is_empty() {
                errors.add("conflict_note", ValidationError::Required);
            } else if note.chars().count() > 2000 {
                errors.add("conflict_note", ValidationError::TooLong);
            }
            match upheld {
                Some(upheld) if errors.is_empty() => {
                    let nomination = pair.nomination.clone();
                    let decided_by = admin.id;
                    state
                        .db
                        .write(move |conn| {
                            Ok(screening::decide_conflict(
                                conn,
                                juror_id,
                                &nomination,
                                upheld,
                                &note,
                                decided_by,
                            )?)
                        })
                        .await
                        .map_err(PageError::from)?;
                    return Ok(see_other("/sekretariat/habilitet?lagret=1"));
                }
                _ => Rejection::Invalid(errors),
            }
        }
    };
    let page_path = req.path().to_owned();
    Ok(FormPage {
        template: "secretariat/conflict.html",
        path: &page_path,
        field_order: DECISION_FIELDS,
    }
    .render(
        &req,
        &state,
        &posted.input,
        Some(&rejection),
        None,
        decision_context(&admin, juror_id, &pair),
    )
    .map_err(PageError::from)?)
}

/// Events per page of the audit log.
const PER_PAGE: i64 = 100;

#[derive(serde::Deserialize)]
pub struct LogQuery {
    side: Option<String>,
}

#[derive(serde::Serialize)]
struct EventView {
    occurred_at: String,
    actor: String,
    action: String,
    subject: String,
    detail: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn log(
    req: HttpRequest,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, PageError> {
    let page = query
        .side
        .as_deref()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let (events, total, names) = state
        .db
        .read(move |conn| {
            let (events, total) = screening::audit_page(conn, page, PER_PAGE)?;
            Ok((events, total, screening::user_names(conn)?))
        })
        .await
        .map_err(PageError::from)?;
    let views: Vec<EventView> = events
        .into_iter()
        .map(|e| {
            // "user:7" is shown with the user's name; other actors as stored.
            let actor = crate::domain::Actor::parse(&e.actor)
                .and_then(crate::domain::Actor::user_id)
                .and_then(|id| names.get(&id))
                .map(|name| format!("{name} ({})", e.actor))
                .unwrap_or(e.actor);
            EventView {
                occurred_at: e.occurred_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                actor,
                action: e.action,
                subject: e.subject_ref,
                detail: e.detail.unwrap_or_default(),
            }
        })
        .collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let mut context = tera::Context::new();
    signed_in(&mut context, &admin);
    context.insert("events", &views);
    context.insert("page", &page);
    context.insert("pages", &pages);
    context.insert("total", &total);
    context.insert("previous", &(page > 1).then(|| page - 1));
    context.insert("next", &(page < pages).then(|| page + 1));
    FormPage {
        template: "secretariat/log.html",
        path: "/sekretariat/logg",
        field_order: &[],
    }
    .render(&req, &state, &serde_json::json!({}), None, None, context)
    .map_err(PageError::from)
}
