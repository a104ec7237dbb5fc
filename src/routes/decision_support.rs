//! The decision-support view shared by `/sekretariat/runder/{id}/resultater` (with the
//! decision forms), `/jury/runder/{id}/resultater` and the printable report
//! (`/sekretariat/runder/{id}/rapport`): a page family of its own, used by both areas.
//!
//! Scores are indications, not dictators (`../shared/DESIGN.md`): the page shows the
//! figures of [`crate::jury::aggregate`] to focus the discussion, and the secretariat
//! records the jury's decisions — shortlist, finalists, winner — each with a rationale.
//! What a viewer may not see is decided once, by the policy
//! ([`crate::services::decisions::rules::hidden_from`]); such a nomination is listed apart,
//! unranked, and is in no ranked list (the figures were computed without it).

mod charts;
mod figures;
mod forms;

use crate::db::decisions::{
    Absence, DecisionKind, DecisionRecord, NominationLabel, SubmittedAssessment,
};
use crate::db::phase_changes::PhaseChange;
use crate::i18n::Lang;
use crate::jury::{Measure, NominationId};
use crate::services::decisions::rules::DecisionError;
use crate::web::AppState;
use crate::web::errors::PageResult;
use crate::web::forms::{FormPage, Rejection};
use actix_web::HttpRequest;
use std::collections::{HashMap, HashSet};

pub use crate::services::decisions::Overview;
use crate::services::decisions::Results;
pub use figures::{number, parse_sort};
use figures::{optional_number, optional_rank, sort_code};

/// A decision form shown again after a refusal: what was typed and what was wrong.
#[derive(Debug, Clone, Default)]
pub struct PostedDecision {
    pub kind: Option<DecisionKind>,
    pub chosen: Vec<String>,
    pub rationale: String,
    pub errors: Vec<DecisionError>,
}

/// What shapes the page besides the figures.
pub struct PageInput<'a> {
    pub overview: &'a Overview,
    pub sort: Measure,
    /// The nominations whose figures and assessments the viewer may not see.
    pub hidden: &'a HashSet<i32>,
    /// The secretariat's page (with the decision forms) rather than the jury's.
    pub secretariat: bool,
    /// The page's own path, for the sort links.
    pub path: &'a str,
    pub decisions: &'a [DecisionRecord],
    pub posted: Option<&'a PostedDecision>,
    /// The round's moves back to an earlier phase, shown at the top.
    pub phase_changes: &'a [PhaseChange],
}

impl<'a> PageInput<'a> {
    /// The page of `results` as its viewer may see it, sorted by `sort`, for the jury
    /// (the secretariat's page adds its forms with [`PageInput::with_forms`]).
    pub(crate) fn of(results: &'a Results, sort: Measure, path: &'a str) -> Self {
        Self {
            overview: &results.overview,
            sort,
            hidden: &results.hidden,
            secretariat: false,
            path,
            decisions: &results.decisions,
            posted: None,
            phase_changes: &results.phase_changes,
        }
    }

    /// With the decision forms, and the one refused shown again if any.
    pub(crate) fn with_forms(self, posted: Option<&'a PostedDecision>) -> Self {
        Self {
            secretariat: true,
            posted,
            ..self
        }
    }
}

#[derive(serde::Serialize)]
struct RowView<'a> {
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
struct SortLink {
    href: String,
    label: String,
    current: bool,
}

#[derive(serde::Serialize)]
struct LeaveOneOutView {
    juror: String,
    top_three: Vec<String>,
    set_changed: bool,
    order_changed: bool,
}

#[derive(serde::Serialize)]
struct AssessmentGroup<'a> {
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
struct DecisionView<'a> {
    kind: &'static str,
    heading: String,
    rationale: &'a str,
    departs: bool,
    decided: String,
    nominations: &'a [NominationLabel],
    absences: &'a [Absence],
}

fn kind_heading(lang: Lang, kind: DecisionKind) -> String {
    lang.text(&format!("decisions-kind-{}", kind.code()))
}

/// A stored (UTC) time as the pages show it: in Norwegian time, written out.
fn when(lang: Lang, at: chrono::NaiveDateTime) -> String {
    crate::format::date_time(lang, at)
}

/// The decision-support part of the page (everything but the layout, the CSRF token and
/// the form key): pure, so the benchmark renders exactly what the page renders.
pub fn overview_context(lang: Lang, input: &PageInput<'_>) -> tera::Context {
    let overview = input.overview;
    let labels: HashMap<i32, &NominationLabel> =
        overview.nominations.iter().map(|n| (n.id, n)).collect();
    let juror_names: HashMap<i32, &str> = overview
        .jurors
        .iter()
        .map(|(id, name)| (*id, name.as_str()))
        .collect();
    let label = |id: NominationId| -> String {
        labels
            .get(&id.0)
            .map(|n| n.reference.clone())
            .unwrap_or_else(|| id.0.to_string())
    };
    let aggregation = &overview.aggregation;

    // Hidden nominations are not in the aggregation the viewer gets; should one slip in,
    // it is still never ranked.
    let rows: Vec<RowView<'_>> = aggregation
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
        .collect();
    // Listed apart, by reference, unranked.
    let hidden_rows: Vec<&NominationLabel> = overview
        .nominations
        .iter()
        .filter(|n| input.hidden.contains(&n.id))
        .collect();

    let sort_links: Vec<SortLink> = [
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
    .collect();

    let robustness = &aggregation.robustness;
    let visible = |id: &&NominationId| !input.hidden.contains(&id.0);
    let leave_one_out: Vec<LeaveOneOutView> = robustness
        .leave_one_out
        .iter()
        .map(|l| LeaveOneOutView {
            juror: juror_names
                .get(&l.juror.0)
                .map(|name| (*name).to_owned())
                .unwrap_or_default(),
            top_three: l
                .top_three
                .iter()
                .filter(visible)
                .map(|id| label(*id))
                .collect(),
            set_changed: l.set_changed,
            order_changed: l.order_changed,
        })
        .collect();

    let mut by_nomination: HashMap<i32, Vec<&SubmittedAssessment>> = HashMap::new();
    for assessment in &overview.assessments {
        by_nomination
            .entry(assessment.nomination_id)
            .or_default()
            .push(assessment);
    }
    let assessments: Vec<AssessmentGroup<'_>> = overview
        .nominations
        .iter()
        .map(|n| {
            let hidden = input.hidden.contains(&n.id);
            AssessmentGroup {
                reference: &n.reference,
                title: &n.title,
                hidden,
                items: if hidden {
                    Vec::new()
                } else {
                    by_nomination
                        .get(&n.id)
                        .map(|list| {
                            list.iter()
                                .map(|a| AssessmentItem {
                                    juror: &a.juror_name,
                                    holistic: &a.holistic,
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                },
            }
        })
        .collect();

    let decisions: Vec<DecisionView<'_>> = input
        .decisions
        .iter()
        .map(|d| DecisionView {
            kind: d.kind.code(),
            heading: kind_heading(lang, d.kind),
            rationale: &d.rationale,
            departs: d.departs_from_ranking,
            decided: lang.text_with(
                "decisions-decided-by",
                &[("name", &d.decided_by), ("when", &when(lang, d.decided_at))],
            ),
            nominations: &d.nominations,
            absences: &d.absences,
        })
        .collect();

    let mut context = tera::Context::new();
    context.insert("round_id", &overview.round_id);
    context.insert("prize_year", &overview.prize_year);
    context.insert(
        "phase",
        &lang.text(&format!("decisions-phase-{}", overview.phase.code())),
    );
    let phase_changes: Vec<serde_json::Value> = input
        .phase_changes
        .iter()
        .map(|change| {
            serde_json::json!({
                "text": lang.text_with(
                    "decisions-phase-moved-back",
                    &[
                        ("from", &lang.text(&format!("decisions-phase-{}", change.from_phase.code()))),
                        ("to", &lang.text(&format!("decisions-phase-{}", change.to_phase.code()))),
                        ("when", &when(lang, change.changed_at)),
                        ("by", &change.changed_by),
                    ],
                ),
                "reason": change.reason,
            })
        })
        .collect();
    context.insert("phase_changes", &phase_changes);
    context.insert("secretariat", &input.secretariat);
    // The printable report shows the pictures' tables open (it says so itself).
    context.insert("report", &false);
    context.insert("rows", &rows);
    context.insert("hidden_rows", &hidden_rows);
    context.insert("sort_links", &sort_links);
    context.insert(
        "threshold",
        &number(lang, aggregation.disagreement_threshold),
    );
    context.insert(
        "kendall",
        &aggregation.kendall_w.map(|k| {
            serde_json::json!({
                "w": number(lang, k.w),
                "jurors": k.jurors,
                "nominations": k.nominations,
            })
        }),
    );
    context.insert(
        "top_three",
        &robustness
            .top_three
            .iter()
            .filter(visible)
            .map(|id| label(*id))
            .collect::<Vec<_>>(),
    );
    context.insert("robust", &robustness.robust);
    context.insert("tie_at_cutoff", &robustness.tie_at_cutoff);
    context.insert("leave_one_out", &leave_one_out);
    context.insert("assessments", &assessments);
    context.insert("decisions", &decisions);

    charts::insert(lang, input, &labels, &mut context);

    if input.secretariat {
        let (forms, error_list) = forms::decision_forms(lang, input, &labels);
        context.insert("decision_forms", &forms);
        context.insert("decision_error_list", &error_list);
    }
    context
}

pub const TEMPLATE: &str = "decisions/results.html";

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct SortQuery {
    pub sorter: Option<String>,
}

/// Renders a page of the family: `context` from [`overview_context`] plus the page's own
/// additions, in the layout with its CSRF token (the logout form) and flash message.
pub(crate) fn render(
    req: &HttpRequest,
    state: &AppState,
    template: &str,
    path: &str,
    context: tera::Context,
    rejection: Option<&Rejection>,
) -> PageResult {
    let page = FormPage {
        template,
        path,
        field_order: &[],
    };
    Ok(page.render(req, state, &serde_json::json!({}), rejection, None, context)?)
}
