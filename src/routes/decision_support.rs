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
mod ranking;
mod record;

use crate::db::decisions::{DecisionKind, DecisionRecord, NominationLabel};
use crate::db::phase_changes::PhaseChange;
use crate::domain::Phase;
use crate::i18n::Lang;
use crate::jury::Measure;
use crate::services::decisions::rules::DecisionError;
use crate::web::AppState;
use crate::web::errors::PageResult;
use crate::web::forms::{FormPage, Rejection};
use actix_web::HttpRequest;
use std::collections::{HashMap, HashSet};

pub use crate::services::decisions::Overview;
use crate::services::decisions::Results;
pub use figures::{number, parse_sort};

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

fn kind_heading(lang: Lang, kind: DecisionKind) -> String {
    lang.text(&format!("decisions-kind-{}", kind.code()))
}

fn phase_name(lang: Lang, phase: Phase) -> String {
    lang.text(&format!("decisions-phase-{}", phase.code()))
}

/// The decision-support part of the page (everything but the layout, the CSRF token and
/// the form key): pure, so the benchmark renders exactly what the page renders.
pub fn overview_context(lang: Lang, input: &PageInput<'_>) -> tera::Context {
    let overview = input.overview;
    let labels: HashMap<i32, &NominationLabel> =
        overview.nominations.iter().map(|n| (n.id, n)).collect();
    let aggregation = &overview.aggregation;
    let robustness = &aggregation.robustness;
    // Listed apart, by reference, unranked.
    let hidden_rows: Vec<&NominationLabel> = overview
        .nominations
        .iter()
        .filter(|n| input.hidden.contains(&n.id))
        .collect();

    let mut context = tera::Context::new();
    context.insert("round_id", &overview.round_id);
    context.insert("prize_year", &overview.prize_year);
    context.insert("phase", &phase_name(lang, overview.phase));
    context.insert("phase_changes", &record::phase_changes(lang, input));
    context.insert("secretariat", &input.secretariat);
    // The printable report shows the pictures' tables open (it says so itself).
    context.insert("report", &false);
    context.insert("rows", &ranking::rows(lang, input, &labels));
    context.insert("hidden_rows", &hidden_rows);
    context.insert("sort_links", &ranking::sort_links(lang, input));
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
        &ranking::top_three(input, &labels, &robustness.top_three),
    );
    context.insert("robust", &robustness.robust);
    context.insert("tie_at_cutoff", &robustness.tie_at_cutoff);
    context.insert("leave_one_out", &ranking::leave_one_out(input, &labels));
    context.insert("assessments", &record::assessments(input));
    context.insert("decisions", &record::decisions(lang, input));

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
