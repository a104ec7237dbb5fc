//! The secretariat's decision forms on the results page: one per kind of decision, with
//! what was typed and why it was refused when shown again.

use super::figures::optional_rank;
use super::{PageInput, kind_heading};
use crate::db::decisions::{DecisionKind, NominationLabel};
use crate::i18n::Lang;
use crate::jury::Measure;
use std::collections::{HashMap, HashSet};

#[derive(serde::Serialize)]
struct ChoiceView<'a> {
    id: i32,
    reference: &'a str,
    title: &'a str,
    rank: String,
    checked: bool,
}

#[derive(serde::Serialize)]
pub(super) struct ErrorView {
    field: String,
    message: String,
}

#[derive(serde::Serialize)]
pub(super) struct FormView<'a> {
    kind: &'static str,
    heading: String,
    single: bool,
    choices: Vec<ChoiceView<'a>>,
    rationale: String,
    nomination_errors: Vec<String>,
    rationale_errors: Vec<String>,
}

pub(super) fn decision_forms<'a>(
    lang: Lang,
    input: &PageInput<'a>,
    labels: &HashMap<i32, &'a NominationLabel>,
) -> (Vec<FormView<'a>>, Vec<ErrorView>) {
    let aggregation = &input.overview.aggregation;
    let mut error_list = Vec::new();
    let forms = DecisionKind::ALL
        .into_iter()
        .map(|kind| {
            let posted = input.posted.filter(|p| p.kind == Some(kind));
            let in_force = input.decisions.iter().find(|d| d.kind == kind);
            let checked: HashSet<i32> = match posted {
                Some(p) => p.chosen.iter().filter_map(|c| c.parse().ok()).collect(),
                None => in_force
                    .map(|d| d.nominations.iter().map(|n| n.id).collect())
                    .unwrap_or_default(),
            };
            let choices = aggregation
                .ranking(Measure::WeightedMean)
                .into_iter()
                .filter_map(|s| {
                    let n = labels.get(&s.nomination.0)?;
                    Some(ChoiceView {
                        id: n.id,
                        reference: &n.reference,
                        title: &n.title,
                        rank: optional_rank(s.ranks.weighted_mean),
                        checked: checked.contains(&n.id),
                    })
                })
                .collect();
            let messages = |field: &str| -> Vec<String> {
                posted
                    .map(|p| {
                        p.errors
                            .iter()
                            .filter(|e| e.field() == field)
                            .map(|e| lang.text(e.message_id()))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let nomination_errors = messages("nominations");
            let rationale_errors = messages("rationale");
            for (field, list) in [
                ("nominations", &nomination_errors),
                ("rationale", &rationale_errors),
            ] {
                for message in list {
                    error_list.push(ErrorView {
                        field: format!("{}-{field}", kind.code()),
                        message: format!("{}: {message}", kind_heading(lang, kind)),
                    });
                }
            }
            FormView {
                kind: kind.code(),
                heading: kind_heading(lang, kind),
                single: kind == DecisionKind::Winner,
                choices,
                rationale: posted.map(|p| p.rationale.clone()).unwrap_or_default(),
                nomination_errors,
                rationale_errors,
            }
        })
        .collect();
    (forms, error_list)
}
