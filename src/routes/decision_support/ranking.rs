//! The ranking: the table of figures sorted by one measure, the links that sort it by
//! another, and how robust the top three is when one juror at a time is left out. Hidden
//! nominations (the policy's `hidden`) are in none of them.

use super::PageInput;
use super::figures::{optional_number, optional_rank, sort_code};
use crate::db::decisions::NominationLabel;
use crate::i18n::Lang;
use crate::jury::{Measure, NominationId};
use std::collections::HashMap;

#[derive(serde::Serialize)]
pub(super) struct RowView<'a> {
    id: i32,
    reference: &'a str,
    title: &'a str,
    weighted_mean: String,
    median: String,
    z_normalised: String,
    borda: String,
    rank_weighted_mean: String,
    rank_median: String,
    rank_z: String,
    rank_borda: String,
    std_dev: String,
    range: String,
    flagged: bool,
    missing: usize,
    counted: usize,
    /// The warning when the figures rest on too few jurors.
    few_jurors: Option<String>,
    /// How many criteria the jurors disagree on (see `crate::jury::CriterionSpread`).
    criteria_flagged: String,
}

#[derive(serde::Serialize)]
pub(super) struct SortLink {
    href: String,
    label: String,
    current: bool,
}

#[derive(serde::Serialize)]
pub(super) struct LeaveOneOutView {
    juror: String,
    top_three: Vec<String>,
    set_changed: bool,
    order_changed: bool,
}

/// The table's rows in the order of `input.sort`. Hidden nominations are not in the
/// aggregation the viewer gets; should one slip in, it is still never ranked.
pub(super) fn rows<'a>(
    lang: Lang,
    input: &PageInput<'a>,
    labels: &HashMap<i32, &'a NominationLabel>,
) -> Vec<RowView<'a>> {
    input
        .overview
        .aggregation
        .ranking(input.sort)
        .into_iter()
        .filter(|s| !input.hidden.contains(&s.nomination.0))
        .filter_map(|s| {
            let n = labels.get(&s.nomination.0)?;
            Some(RowView {
                id: n.id,
                reference: &n.reference,
                title: &n.title,
                weighted_mean: optional_number(lang, s.weighted_mean),
                median: optional_number(lang, s.median),
                z_normalised: optional_number(lang, s.z_normalised),
                borda: optional_number(lang, s.value(Measure::Borda)),
                rank_weighted_mean: optional_rank(s.ranks.weighted_mean),
                rank_median: optional_rank(s.ranks.median),
                rank_z: optional_rank(s.ranks.z_normalised),
                rank_borda: optional_rank(s.ranks.borda),
                std_dev: optional_number(lang, s.disagreement.map(|d| d.std_dev)),
                range: optional_number(lang, s.disagreement.map(|d| d.range)),
                flagged: s.disagreement.is_some_and(|d| d.flagged),
                missing: s.missing_scores,
                counted: s.jurors_counted,
                few_jurors: s.few_jurors.then(|| {
                    lang.text_with(
                        "charts-few-jurors-tag",
                        &[("counted", &s.jurors_counted.to_string())],
                    )
                }),
                // Separate messages for one: the arguments reach Fluent as strings, so a
                // plural selector would not match.
                criteria_flagged: match s.criteria.iter().filter(|c| c.flagged).count() {
                    0 => String::new(),
                    1 => lang.text("charts-criteria-flagged-one"),
                    count => {
                        lang.text_with("charts-criteria-flagged", &[("count", &count.to_string())])
                    }
                },
            })
        })
        .collect()
}

/// A link per measure to this page sorted by it; the current one marked.
pub(super) fn sort_links(lang: Lang, input: &PageInput<'_>) -> Vec<SortLink> {
    [
        Measure::WeightedMean,
        Measure::Median,
        Measure::ZNormalised,
        Measure::Borda,
    ]
    .into_iter()
    .map(|measure| SortLink {
        href: format!("{}?sorter={}", input.path, sort_code(measure)),
        label: lang.text(&format!("decisions-sort-{}", sort_code(measure))),
        current: measure == input.sort,
    })
    .collect()
}

/// The top three by reference, hidden nominations left out.
pub(super) fn top_three(
    input: &PageInput<'_>,
    labels: &HashMap<i32, &NominationLabel>,
    ids: &[NominationId],
) -> Vec<String> {
    ids.iter()
        .filter(|id| !input.hidden.contains(&id.0))
        .map(|id| {
            labels
                .get(&id.0)
                .map(|n| n.reference.clone())
                .unwrap_or_else(|| id.0.to_string())
        })
        .collect()
}

/// For each juror: the top three without their scores, and whether it changed.
pub(super) fn leave_one_out(
    input: &PageInput<'_>,
    labels: &HashMap<i32, &NominationLabel>,
) -> Vec<LeaveOneOutView> {
    let juror_names: HashMap<i32, &str> = input
        .overview
        .jurors
        .iter()
        .map(|(id, name)| (*id, name.as_str()))
        .collect();
    input
        .overview
        .aggregation
        .robustness
        .leave_one_out
        .iter()
        .map(|l| LeaveOneOutView {
            juror: juror_names
                .get(&l.juror.0)
                .map(|name| (*name).to_owned())
                .unwrap_or_default(),
            top_three: top_three(input, labels, &l.top_three),
            set_changed: l.set_changed,
            order_changed: l.order_changed,
        })
        .collect()
}
