//! The scoring page's view: the nomination's text, the rubric with the juror's scores (or
//! what was just typed), the others' assessments when the desk has them, the conflict
//! form, and the error summary. What may be shown was decided by `services::scoring`.

use crate::db::jury::{CriterionRow, DEFAULT_RUBRIC};
use crate::domain::ValidationError;
use crate::domain::score_sheet::{
    SCORE_VALUES, ScoreEntry, SheetErrors, SheetInput, justification_field, score_field, typed,
};
use crate::i18n::Lang;
use crate::services::scoring::Desk;
use crate::web::errors::PageResult;
use crate::web::lang::RequestLang;
use crate::web::{AppState, forms, page};
use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use std::collections::BTreeMap;

/// What the user typed or had saved, and what was wrong with it.
pub(super) struct Shown<'a> {
    pub typed: Option<&'a SheetInput>,
    pub conflict_reason: &'a str,
    pub errors: SheetErrors,
    pub alert: Option<String>,
    pub status: StatusCode,
}

impl Shown<'_> {
    /// The page as stored.
    pub fn stored() -> Self {
        Shown {
            typed: None,
            conflict_reason: "",
            errors: SheetErrors::default(),
            alert: None,
            status: StatusCode::OK,
        }
    }
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
pub(crate) fn criterion_label(lang: Lang, criterion: &CriterionRow) -> String {
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

/// The message that says what to do about `error` in `field` and names the criterion
/// ("Velg en poengsum for Styring."), for the sheet's own fields.
fn specific_message(field: &str, error: ValidationError) -> Option<&'static str> {
    let kind = field.split('-').next().unwrap_or_default();
    match (kind, error) {
        ("score", ValidationError::Required) => Some("desk-error-score-required"),
        ("score", ValidationError::ScoreOutOfRange) => Some("desk-error-score-range"),
        ("justification", ValidationError::Required) => Some("desk-error-justification-required"),
        ("justification", ValidationError::TooLong) => Some("desk-error-justification-long"),
        ("holistic", ValidationError::Required) => Some("desk-error-holistic-required"),
        _ => None,
    }
}

/// What to do about `error` in `field`, naming its criterion (`label`) where it has one;
/// other fields get the general message.
fn message(lang: Lang, field: &str, label: &str, error: ValidationError) -> String {
    match specific_message(field, error) {
        Some(id) => lang.text_with(id, &[("criterion", label)]),
        None => lang.text(error.message_id()),
    }
}

fn messages(errors: &SheetErrors, field: &str, label: &str, lang: Lang) -> Vec<String> {
    errors
        .of(field)
        .map(|error| message(lang, field, label, error))
        .collect()
}

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

/// The rubric with the juror's values: what was typed, else what is stored.
fn criteria_views(lang: Lang, desk: &Desk, shown: &Shown<'_>) -> Vec<CriterionView> {
    if desk.access.excluded {
        return Vec::new();
    }
    let others = desk.others.as_deref().unwrap_or_default();
    desk.criteria
        .iter()
        .map(|criterion| {
            let (score_name, justification_name) =
                (score_field(criterion.id), justification_field(criterion.id));
            let own = desk.own_scores.get(&criterion.id);
            let (value, justification) = match shown.typed {
                Some(values) => (
                    typed(values, &score_name).trim().to_owned(),
                    typed(values, &justification_name).to_owned(),
                ),
                None => (
                    own.map(|s| s.value.to_string()).unwrap_or_default(),
                    own.map(|s| s.justification.clone()).unwrap_or_default(),
                ),
            };
            let label = criterion_label(lang, criterion);
            CriterionView {
                id: criterion.id,
                description: criterion_description(lang, criterion),
                value,
                justification,
                score_errors: messages(&shown.errors, &score_name, &label, lang),
                justification_errors: messages(&shown.errors, &justification_name, &label, lang),
                label,
                others: others
                    .iter()
                    .map(|other| other.scores.get(&criterion.id).cloned())
                    .collect(),
            }
        })
        .collect()
}

/// The error summary, in the order of the page's fields, with each field's label.
fn summary(lang: Lang, desk: &Desk, errors: &SheetErrors) -> Vec<SummaryItem> {
    let labels: BTreeMap<String, String> = desk
        .criteria
        .iter()
        .flat_map(|criterion| {
            let label = criterion_label(lang, criterion);
            [
                (score_field(criterion.id), label.clone()),
                (justification_field(criterion.id), label),
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
    errors
        .iter()
        .map(|(field, error)| {
            let label = labels.get(field).cloned().unwrap_or_default();
            SummaryItem {
                field: field.to_owned(),
                message: message(lang, field, &label, error),
                // "Velg en poengsum for Styring" needs no "Styring:" before it.
                label: if specific_message(field, error).is_some() {
                    String::new()
                } else {
                    label
                },
            }
        })
        .collect()
}

/// Renders `/jury/nominasjoner/{id}` for the desk, with what is `shown`.
pub(super) fn render(
    req: &HttpRequest,
    state: &AppState,
    desk: &Desk,
    shown: Shown<'_>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let excluded = desk.access.excluded;
    let anchors: Vec<AnchorView> = SCORE_VALUES
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
    let others: Option<Vec<OtherView>> = desk.others.as_ref().map(|others| {
        others
            .iter()
            .map(|other| OtherView {
                name: other.juror_name.clone(),
                holistic: other.holistic.clone(),
            })
            .collect()
    });

    let mut context = page::base_context(lang, req.path(), &forms::contact_address(state));
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
    context.insert("may_score", &desk.access.may_score);
    context.insert("may_declare", &desk.access.may_declare);
    context.insert("submitted", &desk.submitted);
    context.insert("criteria", &criteria_views(lang, desk, &shown));
    context.insert("anchors", &anchors);
    context.insert("holistic", &holistic);
    context.insert(
        "holistic_errors",
        &messages(&shown.errors, "holistic", "", lang),
    );
    context.insert("conflict_reason", shown.conflict_reason);
    context.insert(
        "conflict_reason_errors",
        &messages(&shown.errors, "conflict_reason", "", lang),
    );
    let deadline = desk.round.jury_deadline;
    let today = crate::format::oslo_date(state.clock.now());
    context.insert("jury_deadline", &deadline);
    context.insert(
        "days_left",
        &deadline.map(|d| crate::domain::reminder::days_left(d, today)),
    );
    context.insert(
        "progress",
        &desk
            .progress
            .map(|(submitted, of)| serde_json::json!({"submitted": submitted, "of": of})),
    );
    context.insert("others_visible", &others.is_some());
    context.insert("others", &others);
    context.insert("error_list", &summary(lang, desk, &shown.errors));
    context.insert("form_alert", &shown.alert);
    Ok(forms::render_with_csrf(
        req,
        state,
        shown.status,
        "jury/nomination.html",
        context,
    )?)
}
