//! `/jury/nominasjoner/{id}`: one nomination at the juror's desk — its text, the scoring
//! form (a 0–5 score with a justification per criterion, and the holistic assessment),
//! the conflict declaration, and, once the juror may see them, the other jurors'
//! submitted assessments side by side.
//!
//! Every request checks that the nomination is one of the user's (else 404) and what the
//! user may do with it (`may_score`, `may_see_others`); a juror who is conflicted sees only
//! the nomination's text and the conflict's status, and cannot score (403).

use super::desk::render;
use crate::db;
use crate::db::jury::{CriterionRow, DEFAULT_RUBRIC};
use crate::db::scoring::{Desk, ScoreEntry, SheetEntry};
use crate::db::users::UserRow;
use crate::domain::{LongText, ShortText, ValidationError};
use crate::i18n::Lang;
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::errors::PageError;
use crate::web::forms::{self, Rejection};
use crate::web::lang::RequestLang;
use crate::web::rate_limit::SubmissionLimiter;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::Connection as _;
use std::collections::{BTreeMap, HashMap};

/// Most characters of a justification: it is meant to be short.
const JUSTIFICATION_MAX_CHARS: usize = 1_000;
const ANCHORS: [i32; 6] = [0, 1, 2, 3, 4, 5];

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoticeQuery {
    lagret: Option<String>,
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ConflictInput {
    conflict_reason: String,
}

/// A text that may not exist (yet) in the locales.
fn optional_text(lang: Lang, id: &str) -> Option<String> {
    use fluent_templates::Loader as _;
    let langid: fluent_templates::LanguageIdentifier = lang.code().parse().ok()?;
    crate::i18n::LOCALES.try_lookup(&langid, id)
}

fn is_default(code: &str) -> bool {
    DEFAULT_RUBRIC
        .iter()
        .any(|(default, _, _)| *default == code)
}

/// A criterion's name in the page language (the default criteria are translated).
fn criterion_label(lang: Lang, criterion: &CriterionRow) -> String {
    if is_default(&criterion.code) {
        lang.text(&format!("criterion-{}", criterion.code))
    } else {
        criterion.name.clone()
    }
}

fn criterion_description(lang: Lang, criterion: &CriterionRow) -> String {
    if is_default(&criterion.code) {
        lang.text(&format!("criterion-{}-description", criterion.code))
    } else {
        criterion.description.clone()
    }
}

fn score_field(criterion: &CriterionRow) -> String {
    format!("score-{}", criterion.id)
}

fn justification_field(criterion: &CriterionRow) -> String {
    format!("justification-{}", criterion.id)
}

// ---------------------------------------------------------------------------------------
// Reading the scoring form

/// The scoring form as posted: field name → value.
type Typed = HashMap<String, String>;

fn typed<'a>(values: &'a Typed, field: &str) -> &'a str {
    values.get(field).map(String::as_str).unwrap_or_default()
}

/// Errors in the order the fields appear on the page.
#[derive(Default)]
struct Errors(Vec<(String, ValidationError)>);

impl Errors {
    fn add(&mut self, field: String, error: ValidationError) {
        self.0.push((field, error));
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn of(&self, field: &str, lang: Lang) -> Vec<String> {
        self.0
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, e)| lang.text(e.message_id()))
            .collect()
    }
}

fn parse_score(raw: &str) -> Result<Option<i32>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i32>() {
        Ok(value) if (0..=5).contains(&value) => Ok(Some(value)),
        _ => Err(ValidationError::ScoreOutOfRange),
    }
}

fn parse_justification(raw: &str) -> Result<Option<String>, ValidationError> {
    match ShortText::parse_with_max(raw, JUSTIFICATION_MAX_CHARS) {
        Ok(text) => Ok(Some(text.into_inner())),
        Err(ValidationError::Required) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The scores and the holistic text, parsed. A draft needs nothing to be complete, but
/// what was filled in must be valid, and a justification needs its score; submitting
/// needs every score, every justification and the holistic assessment.
fn parse_sheet<'c>(
    criteria: &'c [CriterionRow],
    values: &Typed,
    submit: bool,
) -> Result<(Vec<SheetEntry<'c>>, String), Errors> {
    let mut errors = Errors::default();
    let mut entries = Vec::new();
    for criterion in criteria {
        let (score_name, justification_name) =
            (score_field(criterion), justification_field(criterion));
        let score = parse_score(typed(values, &score_name))
            .map_err(|e| errors.add(score_name.clone(), e))
            .ok();
        let justification = parse_justification(typed(values, &justification_name))
            .map_err(|e| errors.add(justification_name.clone(), e))
            .ok();
        let (Some(score), Some(justification)) = (score, justification) else {
            continue;
        };
        match (score, justification) {
            (None, None) if !submit => entries.push(SheetEntry {
                criterion,
                score: None,
            }),
            (None, justification) => {
                errors.add(score_name, ValidationError::Required);
                if submit && justification.is_none() {
                    errors.add(justification_name, ValidationError::Required);
                }
            }
            (Some(_), None) if submit => errors.add(justification_name, ValidationError::Required),
            (Some(value), justification) => entries.push(SheetEntry {
                criterion,
                score: Some(ScoreEntry {
                    value,
                    justification: justification.unwrap_or_default(),
                }),
            }),
        }
    }
    let raw_holistic = typed(values, "holistic");
    let holistic = if submit {
        LongText::parse(raw_holistic).map(|t| Some(t.into_inner()))
    } else {
        LongText::parse_optional(Some(raw_holistic)).map(|t| t.map(LongText::into_inner))
    };
    let holistic = holistic
        .map_err(|e| errors.add("holistic".into(), e))
        .ok()
        .flatten()
        .unwrap_or_default();
    if errors.is_empty() {
        Ok((entries, holistic))
    } else {
        Err(errors)
    }
}

// ---------------------------------------------------------------------------------------
// The page

#[derive(serde::Serialize)]
struct FieldView {
    label: String,
    value: String,
}

#[derive(serde::Serialize)]
struct AnchorView {
    value: String,
    text: Option<String>,
}

#[derive(serde::Serialize)]
struct CriterionView {
    id: i32,
    label: String,
    description: String,
    value: String,
    justification: String,
    score_errors: Vec<String>,
    justification_errors: Vec<String>,
    /// The other jurors' scores, in the order of `others`.
    others: Vec<Option<ScoreEntry>>,
}

#[derive(serde::Serialize)]
struct OtherView {
    name: String,
    holistic: String,
}

#[derive(serde::Serialize)]
struct SummaryItem {
    field: String,
    label: String,
    message: String,
}

/// What the user typed or had saved, and what was wrong with it.
struct Shown<'a> {
    typed: Option<&'a Typed>,
    conflict_reason: &'a str,
    errors: &'a Errors,
    alert: Option<String>,
    notice: Option<String>,
    status: StatusCode,
}

fn nomination_fields(lang: Lang, desk: &Desk) -> Vec<FieldView> {
    let n = &desk.nomination;
    let areas = n
        .categories
        .as_slice()
        .iter()
        .map(|category| lang.text(&format!("area-{}", category.code())))
        .collect::<Vec<_>>()
        .join(", ");
    let yes_no = |flag: bool| lang.text(if flag { "jury-yes" } else { "jury-no" });
    let number = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    let rows: [(&str, String); 18] = [
        ("agency_name", n.agency_name.clone()),
        ("org_number", n.org_number.clone()),
        ("title", n.title.clone()),
        ("categories", areas),
        ("summary", n.summary.clone()),
        ("background", n.background.clone()),
        ("what_was_done", n.what_was_done.clone()),
        ("results", n.results.clone()),
        ("savings_nok", number(n.savings_nok)),
        ("savings_hours", number(n.savings_hours)),
        ("user_effects", n.user_effects.clone()),
        ("transfer_value", n.transfer_value.clone()),
        (
            "other_agencies",
            n.other_agencies.clone().unwrap_or_default(),
        ),
        ("leadership_backing", yes_no(n.leadership_backing)),
        ("consent_publish", yes_no(n.consent_publish)),
        ("contact_name", n.contact_name.clone()),
        ("contact_email", n.contact_email.clone()),
        ("contact_phone", n.contact_phone.clone().unwrap_or_default()),
    ];
    rows.into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(field, value)| FieldView {
            label: lang.text(&format!("field-{field}")),
            value,
        })
        .collect()
}

fn render_page(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    user: &UserRow,
    desk: &Desk,
    shown: Shown<'_>,
) -> Result<HttpResponse, PageError> {
    let excluded = desk.standing.excludes();
    let errors = shown.errors;
    let others = desk.others.as_deref().unwrap_or_default();
    let criteria: Vec<CriterionView> = if excluded {
        Vec::new()
    } else {
        desk.criteria
            .iter()
            .map(|criterion| {
                let own = desk.own_scores.get(&criterion.id);
                let (value, justification) = match shown.typed {
                    Some(values) => (
                        typed(values, &score_field(criterion)).trim().to_owned(),
                        typed(values, &justification_field(criterion)).to_owned(),
                    ),
                    None => (
                        own.map(|s| s.value.to_string()).unwrap_or_default(),
                        own.map(|s| s.justification.clone()).unwrap_or_default(),
                    ),
                };
                CriterionView {
                    id: criterion.id,
                    label: criterion_label(lang, criterion),
                    description: criterion_description(lang, criterion),
                    value,
                    justification,
                    score_errors: errors.of(&score_field(criterion), lang),
                    justification_errors: errors.of(&justification_field(criterion), lang),
                    others: others
                        .iter()
                        .map(|other| other.scores.get(&criterion.id).cloned())
                        .collect(),
                }
            })
            .collect()
    };
    let labels: BTreeMap<String, String> = desk
        .criteria
        .iter()
        .flat_map(|criterion| {
            let label = criterion_label(lang, criterion);
            [
                (score_field(criterion), label.clone()),
                (
                    justification_field(criterion),
                    lang.text_with("jury-justification-for", &[("criterion", &label)]),
                ),
            ]
        })
        .chain([
            ("holistic".to_owned(), lang.text("field-holistic")),
            (
                "conflict_reason".to_owned(),
                lang.text("field-conflict_reason"),
            ),
        ])
        .collect();
    let summary: Vec<SummaryItem> = errors
        .0
        .iter()
        .map(|(field, error)| SummaryItem {
            field: field.clone(),
            label: labels.get(field).cloned().unwrap_or_default(),
            message: lang.text(error.message_id()),
        })
        .collect();
    let anchors: Vec<AnchorView> = ANCHORS
        .iter()
        .map(|value| AnchorView {
            value: value.to_string(),
            text: optional_text(lang, &format!("anchor-{value}")),
        })
        .collect();
    let holistic = match shown.typed {
        Some(values) => typed(values, "holistic").to_owned(),
        None if excluded => String::new(),
        None => desk.own_holistic.clone(),
    };
    let others_view: Option<Vec<OtherView>> = desk.others.as_ref().map(|others| {
        others
            .iter()
            .map(|other| OtherView {
                name: other.juror_name.clone(),
                holistic: other.holistic.clone(),
            })
            .collect()
    });

    let mut context = tera::Context::new();
    context.insert(
        "nomination",
        &serde_json::json!({
            "id": desk.nomination.id,
            "reference": desk.nomination.reference,
            "title": desk.nomination.title,
        }),
    );
    context.insert("fields", &nomination_fields(lang, desk));
    context.insert("prize_year", &desk.round.prize_year);
    context.insert("phase", desk.phase.code());
    context.insert("standing", &desk.standing);
    context.insert("excluded", &excluded);
    context.insert(
        "conflict",
        &desk.conflict.as_ref().map(|c| {
            serde_json::json!({
                "status": c.status,
                "reason": c.reason,
                "note": c.decision_note,
            })
        }),
    );
    context.insert("may_score", &desk.may_score());
    context.insert("may_declare", &(desk.is_juror && desk.conflict.is_none()));
    context.insert("submitted", &desk.submitted);
    context.insert("criteria", &criteria);
    context.insert("anchors", &anchors);
    context.insert("holistic", &holistic);
    context.insert("holistic_errors", &errors.of("holistic", lang));
    context.insert("conflict_reason", shown.conflict_reason);
    context.insert(
        "conflict_reason_errors",
        &errors.of("conflict_reason", lang),
    );
    context.insert("others_visible", &others_view.is_some());
    context.insert("others", &others_view);
    context.insert("error_list", &summary);
    context.insert("form_alert", &shown.alert);
    context.insert("notice", &shown.notice);
    render(
        req,
        state,
        user,
        "jury/nomination.html",
        shown.status,
        context,
    )
    .map_err(PageError::from)
}

/// The desk for this user and nomination, or 404 when it is not theirs to see.
async fn load(
    state: &AppState,
    _lang: Lang,
    user: &UserRow,
    nomination_id: i32,
) -> Result<Desk, PageError> {
    let reader = user.clone();
    state
        .db
        .read(move |conn| db::scoring::desk(conn, &reader, nomination_id))
        .await
        .map_err(PageError::from)?
        .ok_or_else(|| PageError::NotFound)
}

fn see_page(nomination_id: i32, query: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("/jury/nominasjoner/{nomination_id}{query}"),
        ))
        .finish()
}

#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = *path))]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    path: web::Path<i32>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, PageError> {
    let desk = load(&state, lang, &user, path.into_inner()).await?;
    let notice = match query.lagret.as_deref() {
        Some("utkast") => Some(lang.text("jury-draft-saved")),
        Some("sendt") => Some(lang.text("jury-submitted-notice")),
        Some("habilitet") => Some(lang.text("jury-conflict-declared")),
        _ => None,
    };
    render_page(
        &req,
        &state,
        lang,
        &user,
        &desk,
        Shown {
            typed: None,
            conflict_reason: "",
            errors: &Errors::default(),
            alert: None,
            notice,
            status: StatusCode::OK,
        },
    )
}

/// What happened to a posted sheet inside the write transaction.
enum Saved {
    Done,
    NotFound,
    Refused,
}

#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = *path))]
pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let nomination_id = path.into_inner();
    let posted = forms::decode::<Typed>(&body)?;
    let values = &posted.input;
    let desk = load(&state, lang, &user, nomination_id).await?;
    if !desk.may_score() {
        return Err(PageError::Forbidden.into());
    }
    let submit = typed(values, "action") == "submit";
    let shown = |errors, alert, status| Shown {
        typed: Some(values),
        conflict_reason: "",
        errors,
        alert,
        notice: None,
        status,
    };
    if let Err(rejection) = posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        let alert = match rejection {
            Rejection::Csrf => lang.text("error-csrf"),
            _ => lang.text("error-honeypot"),
        };
        let errors = Errors::default();
        return Ok(render_page(
            &req,
            &state,
            lang,
            &user,
            &desk,
            shown(&errors, Some(alert), StatusCode::FORBIDDEN),
        )?);
    }
    let (entries, holistic) = match parse_sheet(&desk.criteria, values, submit) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return Ok(render_page(
                &req,
                &state,
                lang,
                &user,
                &desk,
                shown(&errors, None, StatusCode::UNPROCESSABLE_ENTITY),
            )?);
        }
    };
    // The sheet refers to the criteria loaded above; the transaction checks again that
    // the juror may still score (not submitted meanwhile, no conflict declared since).
    let scores: Vec<(i32, Option<ScoreEntry>)> = entries
        .into_iter()
        .map(|entry| (entry.criterion.id, entry.score))
        .collect();
    let writer = user.clone();
    let outcome = state
        .db
        .write(move |conn| {
            conn.transaction::<_, anyhow::Error, _>(|conn| {
                let Some(desk) = db::scoring::desk(conn, &writer, nomination_id)? else {
                    return Ok(Saved::NotFound);
                };
                if !desk.may_score() {
                    return Ok(Saved::Refused);
                }
                let entries: Vec<SheetEntry<'_>> = scores
                    .into_iter()
                    .filter_map(|(id, score)| {
                        let criterion = desk.criteria.iter().find(|c| c.id == id)?;
                        Some(SheetEntry { criterion, score })
                    })
                    .collect();
                db::scoring::save_sheet(
                    conn,
                    writer.id,
                    &desk.nomination,
                    &entries,
                    &holistic,
                    submit,
                )?;
                Ok(Saved::Done)
            })
        })
        .await
        .map_err(PageError::from)?;
    match outcome {
        Saved::Done => {
            tracing::info!(submit, "scores saved");
            Ok(see_page(
                nomination_id,
                if submit {
                    "?lagret=sendt"
                } else {
                    "?lagret=utkast"
                },
            ))
        }
        Saved::NotFound => Err(PageError::NotFound.into()),
        Saved::Refused => Err(PageError::Forbidden.into()),
    }
}

#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = *path))]
pub async fn declare_conflict(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let nomination_id = path.into_inner();
    let posted = forms::decode::<ConflictInput>(&body)?;
    let desk = load(&state, lang, &user, nomination_id).await?;
    if !desk.is_juror {
        return Err(PageError::Forbidden.into());
    }
    if desk.conflict.is_some() {
        return Ok(see_page(nomination_id, ""));
    }
    let raw = posted.input.conflict_reason.as_str();
    let mut errors = Errors::default();
    let mut alert = None;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(Rejection::Csrf) => {
            alert = Some(lang.text("error-csrf"));
            status = StatusCode::FORBIDDEN;
        }
        Err(_) => {
            alert = Some(lang.text("error-honeypot"));
            status = StatusCode::FORBIDDEN;
        }
        Ok(()) => match LongText::parse(raw) {
            Err(error) => errors.add("conflict_reason".into(), error),
            Ok(reason) => {
                let juror_id = user.id;
                let nomination = desk.nomination.clone();
                state
                    .db
                    .write(move |conn| {
                        conn.transaction::<_, anyhow::Error, _>(|conn| {
                            Ok(db::scoring::declare_conflict(
                                conn,
                                juror_id,
                                &nomination,
                                reason.as_ref(),
                            )?)
                        })
                    })
                    .await
                    .map_err(PageError::from)?;
                tracing::info!("conflict declared");
                return Ok(see_page(nomination_id, "?lagret=habilitet"));
            }
        },
    }
    Ok(render_page(
        &req,
        &state,
        lang,
        &user,
        &desk,
        Shown {
            typed: None,
            conflict_reason: raw,
            errors: &errors,
            alert,
            notice: None,
            status,
        },
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rubric() -> Vec<CriterionRow> {
        DEFAULT_RUBRIC
            .iter()
            .take(2)
            .enumerate()
            .map(|(i, (code, name, description))| CriterionRow {
                id: i as i32 + 1,
                round_id: 1,
                code: (*code).into(),
                name: (*name).into(),
                description: (*description).into(),
                weight: 1.0,
                position: i as i32,
            })
            .collect()
    }

    fn values(pairs: &[(&str, &str)]) -> Typed {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn fields(errors: Errors) -> Vec<(String, ValidationError)> {
        errors.0
    }

    #[test]
    fn an_empty_draft_clears_and_a_partial_draft_is_kept() {
        let criteria = rubric();
        let (entries, holistic) = parse_sheet(&criteria, &values(&[]), false).ok().unwrap();
        assert!(entries.iter().all(|e| e.score.is_none()));
        assert_eq!(holistic, "");
        let (entries, _) = parse_sheet(&criteria, &values(&[("score-1", "4")]), false)
            .ok()
            .unwrap();
        assert_eq!(
            entries[0].score,
            Some(ScoreEntry {
                value: 4,
                justification: String::new()
            })
        );
        assert!(entries[1].score.is_none());
    }

    #[test]
    fn a_draft_rejects_bad_values_and_a_justification_without_its_score() {
        let criteria = rubric();
        let errors = parse_sheet(
            &criteria,
            &values(&[("score-1", "6"), ("justification-2", "Godt")]),
            false,
        )
        .err()
        .unwrap();
        assert_eq!(
            fields(errors),
            vec![
                ("score-1".into(), ValidationError::ScoreOutOfRange),
                ("score-2".into(), ValidationError::Required),
            ]
        );
        assert_eq!(parse_score("-1"), Err(ValidationError::ScoreOutOfRange));
        assert_eq!(parse_score(" 0 "), Ok(Some(0)));
    }

    #[test]
    fn submitting_needs_every_score_justification_and_the_holistic_text() {
        let criteria = rubric();
        let errors = parse_sheet(
            &criteria,
            &values(&[("score-1", "3"), ("justification-1", "Klart")]),
            true,
        )
        .err()
        .unwrap();
        assert_eq!(
            fields(errors),
            vec![
                ("score-2".into(), ValidationError::Required),
                ("justification-2".into(), ValidationError::Required),
                ("holistic".into(), ValidationError::Required),
            ]
        );
        let complete = values(&[
            ("score-1", "3"),
            ("justification-1", "Klart"),
            ("score-2", "0"),
            ("justification-2", "Ingen\r\nvirkning"),
            ("holistic", "Samlet: godt."),
        ]);
        let (entries, holistic) = parse_sheet(&criteria, &complete, true).ok().unwrap();
        assert_eq!(
            entries[1].score.as_ref().unwrap().justification,
            "Ingen virkning"
        );
        assert_eq!(holistic, "Samlet: godt.");
    }
}
