//! The decision-support pictures' view: the strip plot per nomination, the heatmap of the
//! round and the slope chart of the rankings, each with its description and its numbers as
//! a table, laid out by [`crate::charts`] and written as SVG by
//! `templates/decisions/charts.html`.
//!
//! Impartiality: the pictures are drawn from the viewer's aggregation only, which the
//! policy computed as if the nominations hidden from the viewer were not in the round; they
//! are filtered out here once more, so no picture, title, coordinate or table cell can come
//! from one.

use super::PageInput;
use super::figures::number;
use crate::charts::{self, CellIn, CellKind, SlopeIn, SlopeItemIn, StripIn, StripRowIn};
use crate::db::decisions::NominationLabel;
use crate::i18n::Lang;
use crate::jury::{Measure, NominationSummary};
use std::collections::HashMap;

#[derive(serde::Serialize)]
struct JurorLegend<'a> {
    number: usize,
    name: &'a str,
}

#[derive(serde::Serialize)]
struct StripTableRow {
    criterion: String,
    cells: Vec<String>,
    range: String,
    flagged: bool,
}

#[derive(serde::Serialize)]
struct StripView<'a> {
    reference: &'a str,
    title: &'a str,
    plot: charts::StripPlot,
    description: String,
    few_jurors: Option<String>,
    table: Vec<StripTableRow>,
}

#[derive(serde::Serialize)]
struct HeatTableRow<'a> {
    reference: &'a str,
    cells: Vec<String>,
}

const MEASURES: [Measure; 4] = [
    Measure::WeightedMean,
    Measure::Median,
    Measure::ZNormalised,
    Measure::Borda,
];

fn method_code(measure: Measure) -> &'static str {
    super::figures::sort_code(measure)
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

/// The warning for a nomination ranked on too few jurors, if it is.
pub(super) fn few_jurors_text(
    lang: Lang,
    summary: &NominationSummary,
    jury: usize,
) -> Option<String> {
    summary.few_jurors.then(|| {
        lang.text_with(
            "charts-few-jurors",
            &[
                ("counted", &summary.jurors_counted.to_string()),
                ("jury", &jury.to_string()),
            ],
        )
    })
}

/// Adds the pictures to the page's context.
pub(super) fn insert(
    lang: Lang,
    input: &PageInput<'_>,
    labels: &HashMap<i32, &NominationLabel>,
    context: &mut tera::Context,
) {
    let overview = input.overview;
    let jury = overview.jurors.len();
    let juror_number: HashMap<i32, usize> = overview
        .jurors
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i + 1))
        .collect();
    let legend: Vec<JurorLegend<'_>> = overview
        .jurors
        .iter()
        .enumerate()
        .map(|(i, (_, name))| JurorLegend {
            number: i + 1,
            name,
        })
        .collect();
    // The visible nominations, by weighted mean: the order of the figures' default table.
    let shown: Vec<(&NominationSummary, &NominationLabel)> = overview
        .aggregation
        .ranking(Measure::WeightedMean)
        .into_iter()
        .filter(|s| !input.hidden.contains(&s.nomination.0))
        .filter_map(|s| Some((s, *labels.get(&s.nomination.0)?)))
        .collect();
    let criterion_names: HashMap<i32, String> = overview
        .criteria
        .iter()
        .map(|c| {
            (
                c.id,
                crate::domain::criterion_text::name(lang, &c.code, &c.name),
            )
        })
        .collect();

    // The slope chart.
    let slope = charts::slope(&SlopeIn {
        columns: MEASURES
            .iter()
            .map(|m| lang.text(&format!("charts-method-{}", method_code(*m))))
            .collect(),
        items: shown
            .iter()
            .map(|(s, n)| SlopeItemIn {
                label: n.reference.clone(),
                ranks: MEASURES.iter().map(|m| s.rank(*m)).collect(),
            })
            .collect(),
    });
    let disagreeing: Vec<String> = slope
        .lines
        .iter()
        .filter(|l| l.disagree)
        .map(|l| l.label.clone())
        .collect();
    let slope_summary = if disagreeing.is_empty() {
        lang.text("charts-slope-agree")
    } else {
        lang.text_with("charts-slope-disagree", &[("list", &list(&disagreeing))])
    };

    // The heatmap and its table.
    let conflict = lang.text("charts-conflict");
    let missing = lang.text("charts-missing");
    let mut cells = Vec::with_capacity(shown.len() * jury);
    let mut heat_table = Vec::with_capacity(shown.len());
    for (s, n) in &shown {
        let mut row = Vec::with_capacity(jury);
        for (juror, _) in &overview.jurors {
            let (kind, text) = if s.conflicted_jurors.iter().any(|j| j.0 == *juror) {
                (CellKind::Conflicted, conflict.clone())
            } else if let Some(score) = s.juror_scores.iter().find(|x| x.juror.0 == *juror) {
                (
                    CellKind::Score(score.weighted_score),
                    number(lang, score.weighted_score),
                )
            } else {
                (CellKind::Missing, missing.clone())
            };
            let short = match kind {
                CellKind::Score(_) => text.clone(),
                CellKind::Conflicted => lang.text("charts-conflict-short"),
                CellKind::Missing => lang.text("charts-missing-short"),
            };
            row.push(text.clone());
            cells.push(CellIn { kind, text, short });
        }
        heat_table.push(HeatTableRow {
            reference: &n.reference,
            cells: row,
        });
    }
    let heatmap = charts::heatmap(&charts::HeatmapIn {
        rows: shown.iter().map(|(_, n)| n.reference.clone()).collect(),
        columns: jury,
        cells,
        conflict_label: lang.text("charts-legend-conflict"),
        missing_label: lang.text("charts-legend-missing"),
    });

    // A strip plot per nomination.
    let strips: Vec<StripView<'_>> = shown
        .iter()
        .map(|(s, n)| {
            let name = |id: i32| criterion_names.get(&id).cloned().unwrap_or_default();
            let rows: Vec<StripRowIn> = s
                .criteria
                .iter()
                .map(|c| StripRowIn {
                    label: name(c.criterion.0),
                    flagged: c.flagged,
                    points: c
                        .scores
                        .iter()
                        .filter_map(|x| Some((*juror_number.get(&x.juror.0)?, x.value)))
                        .collect(),
                })
                .collect();
            let flagged: Vec<String> = s
                .criteria
                .iter()
                .filter(|c| c.flagged)
                .map(|c| name(c.criterion.0))
                .collect();
            let mut description = lang.text("charts-strip-desc");
            description.push(' ');
            description.push_str(&if flagged.is_empty() {
                lang.text("charts-strip-calm")
            } else {
                lang.text_with("charts-strip-flagged", &[("list", &list(&flagged))])
            });
            let table = s
                .criteria
                .iter()
                .map(|c| StripTableRow {
                    criterion: name(c.criterion.0),
                    cells: overview
                        .jurors
                        .iter()
                        .map(|(juror, _)| {
                            if s.conflicted_jurors.iter().any(|j| j.0 == *juror) {
                                conflict.clone()
                            } else {
                                c.scores
                                    .iter()
                                    .find(|x| x.juror.0 == *juror)
                                    .map_or_else(|| "–".to_owned(), |x| x.value.to_string())
                            }
                        })
                        .collect(),
                    range: if c.scores.len() < 2 {
                        "–".into()
                    } else {
                        c.range.to_string()
                    },
                    flagged: c.flagged,
                })
                .collect();
            StripView {
                reference: &n.reference,
                title: &n.title,
                plot: charts::strip_plot(&StripIn { rows }),
                description,
                few_jurors: few_jurors_text(lang, s, jury),
                table,
            }
        })
        .collect();

    context.insert("chart_jurors", &legend);
    context.insert("chart_slope", &slope);
    context.insert("chart_slope_summary", &slope_summary);
    context.insert("chart_heatmap", &heatmap);
    context.insert("chart_heat_table", &heat_table);
    context.insert("chart_strips", &strips);
    context.insert("chart_any", &!shown.is_empty());
    context.insert(
        "chart_colours",
        &serde_json::json!({
            "ink": charts::INK,
            "muted": charts::MUTED,
            "warning": charts::WARNING,
        }),
    );
}
