//! The round's record as the page shows it: the jurors' written assessments by nomination,
//! the decisions taken with their rationale, and the round's moves back to an earlier
//! phase.

use super::{PageInput, kind_heading, phase_name};
use crate::db::decisions::{Absence, NominationLabel, SubmittedAssessment};
use crate::format::date_time;
use crate::i18n::Lang;
use std::collections::HashMap;

#[derive(serde::Serialize)]
pub(super) struct AssessmentGroup<'a> {
    reference: &'a str,
    title: &'a str,
    hidden: bool,
    items: Vec<AssessmentItem<'a>>,
}

#[derive(serde::Serialize)]
struct AssessmentItem<'a> {
    juror: &'a str,
    holistic: &'a str,
}

#[derive(serde::Serialize)]
pub(super) struct DecisionView<'a> {
    kind: &'static str,
    heading: String,
    rationale: &'a str,
    departs: bool,
    decided: String,
    nominations: &'a [NominationLabel],
    absences: &'a [Absence],
}

/// Each nomination with the assessments submitted on it; a hidden one with none.
pub(super) fn assessments<'a>(input: &PageInput<'a>) -> Vec<AssessmentGroup<'a>> {
    let overview = input.overview;
    let mut by_nomination: HashMap<i32, Vec<&SubmittedAssessment>> = HashMap::new();
    for assessment in &overview.assessments {
        by_nomination
            .entry(assessment.nomination_id)
            .or_default()
            .push(assessment);
    }
    overview
        .nominations
        .iter()
        .map(|n| {
            let hidden = input.hidden.contains(&n.id);
            let submitted = if hidden {
                None
            } else {
                by_nomination.get(&n.id)
            };
            AssessmentGroup {
                reference: &n.reference,
                title: &n.title,
                hidden,
                items: submitted
                    .into_iter()
                    .flatten()
                    .map(|a| AssessmentItem {
                        juror: &a.juror_name,
                        holistic: &a.holistic,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The decisions taken, each with who took it and when.
pub(super) fn decisions<'a>(lang: Lang, input: &PageInput<'a>) -> Vec<DecisionView<'a>> {
    input
        .decisions
        .iter()
        .map(|d| DecisionView {
            kind: d.kind.code(),
            heading: kind_heading(lang, d.kind),
            rationale: &d.rationale,
            departs: d.departs_from_ranking,
            decided: lang.text_with(
                "decisions-decided-by",
                &[
                    ("name", &d.decided_by),
                    ("when", &date_time(lang, d.decided_at)),
                ],
            ),
            nominations: &d.nominations,
            absences: &d.absences,
        })
        .collect()
}

/// Each move back to an earlier phase as a sentence, with the reason given.
pub(super) fn phase_changes(lang: Lang, input: &PageInput<'_>) -> Vec<serde_json::Value> {
    input
        .phase_changes
        .iter()
        .map(|change| {
            serde_json::json!({
                "text": lang.text_with(
                    "decisions-phase-moved-back",
                    &[
                        ("from", &phase_name(lang, change.from_phase)),
                        ("to", &phase_name(lang, change.to_phase)),
                        ("when", &date_time(lang, change.changed_at)),
                        ("by", &change.changed_by),
                    ],
                ),
                "reason": change.reason,
            })
        })
        .collect()
}
