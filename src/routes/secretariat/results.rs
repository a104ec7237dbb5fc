//! Decision support and the jury's decisions: `/sekretariat/runder/{id}/resultater` and
//! the jury's view of the same once the discussion is open
//! (`/jury/runder/{id}/resultater`); the exports live in `decisions_export.rs`.
//!
//! Scores are indications, not dictators (`../shared/DESIGN.md`): the page shows the
//! figures of [`crate::jury::aggregate`] to focus the discussion, and the secretariat
//! records the jury's decisions — shortlist, finalists, winner — each with a rationale.
//!
//! # When a decision departs from the score ranking
//! A choice of N nominations follows the ranking when no nomination left out ranks
//! strictly better by weighted mean than one chosen. Ranks are competition ranks with
//! ties (see `crate::jury`), so when nominations tie at the cut-off, choosing any of them
//! follows the ranking; a nomination no juror scored ranks below every scored one. A
//! departing decision needs a rationale; a following one may have one (the form
//! encourages it, but the figures already explain it).
//!
//! # What a juror sees
//! Only in the phases discussion and decided (otherwise 403), and never the figures or
//! the assessments of a nomination they are conflicted on
//! ([`crate::domain::may_see_others`]); such a nomination is listed, marked hidden, and
//! is left out of the robustness lists by name.

use crate::db;
use crate::db::decisions::{DecisionKind, DecisionRecord, NominationLabel, SubmittedAssessment};
use crate::domain::Phase;
use crate::i18n::Lang;
use crate::jury::{Aggregation, Measure, NominationId};
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};
use anyhow::Context as _;
use std::collections::{HashMap, HashSet};

/// The longest rationale accepted, in characters.
pub const RATIONALE_MAX_CHARS: usize = 8000;

/// Everything the decision-support page shows, read from the database.
#[derive(Debug, Clone)]
pub struct Overview {
    pub round_id: i32,
    pub prize_year: i32,
    pub phase: Phase,
    /// The eligible nominations, in the aggregation's order.
    pub nominations: Vec<NominationLabel>,
    /// The jurors (id, name), in the aggregation's order.
    pub jurors: Vec<(i32, String)>,
    pub aggregation: Aggregation,
    pub assessments: Vec<SubmittedAssessment>,
}

impl Overview {
    pub fn load(conn: &mut db::DbConn, round_id: i32) -> anyhow::Result<Self> {
        let round = db::rounds::find(conn, round_id)?;
        let input = db::jury::jury_input(conn, round_id)?;
        let aggregation = crate::jury::aggregate(&input);
        Ok(Self {
            round_id,
            prize_year: round.prize_year,
            phase: round.phase,
            nominations: db::decisions::eligible_labels(conn, round_id)?,
            jurors: db::jury::jurors(conn)?
                .into_iter()
                .map(|j| (j.id, j.name))
                .collect(),
            aggregation,
            assessments: db::decisions::submitted_assessments(conn, round_id)?,
        })
    }
}

/// The round's overview, or `None` when there is no such round (a 404).
pub(crate) fn load_overview(
    conn: &mut db::DbConn,
    round_id: i32,
) -> anyhow::Result<Option<Overview>> {
    if !load_overview_exists(conn, round_id)? {
        return Ok(None);
    }
    Overview::load(conn, round_id).map(Some)
}

/// The measure a page is sorted by, from `?sorter=`; anything else means weighted mean.
pub fn parse_sort(raw: Option<&str>) -> Measure {
    match raw.map(str::trim) {
        Some("median") => Measure::Median,
        Some("z") => Measure::ZNormalised,
        Some("borda") => Measure::Borda,
        _ => Measure::WeightedMean,
    }
}

fn sort_code(measure: Measure) -> &'static str {
    match measure {
        Measure::WeightedMean => "vektet",
        Measure::Median => "median",
        Measure::ZNormalised => "z",
        Measure::Borda => "borda",
    }
}

/// A number with two decimals, with a decimal comma in bokmål and nynorsk.
pub fn number(lang: Lang, value: f64) -> String {
    let text = format!("{value:.2}");
    let text = if text == "-0.00" { "0.00".into() } else { text };
    match lang {
        Lang::Nb | Lang::Nn => text.replace('.', ","),
        Lang::En => text,
    }
}

fn optional_number(lang: Lang, value: Option<f64>) -> String {
    value.map(|v| number(lang, v)).unwrap_or_else(|| "–".into())
}

fn optional_rank(rank: Option<usize>) -> String {
    rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into())
}

/// Whether choosing `chosen` departs from the ranking by weighted mean: true when some
/// nomination left out ranks strictly better than some nomination chosen (see the module
/// comment). Nominations not in the aggregation count as unranked.
pub fn departs_from_ranking(aggregation: &Aggregation, chosen: &[NominationId]) -> bool {
    let key = |summary_rank: Option<usize>| summary_rank.unwrap_or(usize::MAX);
    let chosen_set: HashSet<NominationId> = chosen.iter().copied().collect();
    let worst_chosen = chosen
        .iter()
        .map(|id| key(aggregation.get(*id).and_then(|s| s.ranks.weighted_mean)))
        .max();
    let best_left_out = aggregation
        .nominations
        .iter()
        .filter(|s| !chosen_set.contains(&s.nomination))
        .map(|s| key(s.ranks.weighted_mean))
        .min();
    match (worst_chosen, best_left_out) {
        (Some(worst), Some(best)) => best < worst,
        _ => false,
    }
}

/// Why a posted decision is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    NoneChosen,
    WinnerNotOne,
    UnknownNomination,
    RationaleRequired,
    RationaleTooLong,
}

impl DecisionError {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NoneChosen => "decisions-error-none-chosen",
            Self::WinnerNotOne => "decisions-error-winner-one",
            Self::UnknownNomination => "decisions-error-unknown-nomination",
            Self::RationaleRequired => "decisions-error-rationale-required",
            Self::RationaleTooLong => "decisions-error-rationale-too-long",
        }
    }

    /// The form field the message belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Self::RationaleRequired | Self::RationaleTooLong => "rationale",
            _ => "nominations",
        }
    }
}

/// A decision that passed the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub kind: DecisionKind,
    pub nominations: Vec<NominationId>,
    pub rationale: String,
    pub departs_from_ranking: bool,
}

/// Checks a posted decision against the round's eligible nominations and the ranking.
pub fn validate_decision(
    kind: DecisionKind,
    chosen: &[String],
    rationale: &str,
    aggregation: &Aggregation,
) -> Result<ValidDecision, Vec<DecisionError>> {
    let mut errors = Vec::new();
    let mut ids: Vec<NominationId> = Vec::new();
    for raw in chosen {
        match raw.trim().parse::<i32>().map(NominationId) {
            Ok(id) if aggregation.get(id).is_some() => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            _ => {
                errors.push(DecisionError::UnknownNomination);
                break;
            }
        }
    }
    if ids.is_empty() && errors.is_empty() {
        errors.push(DecisionError::NoneChosen);
    } else if kind == DecisionKind::Winner && ids.len() > 1 {
        errors.push(DecisionError::WinnerNotOne);
    }
    let rationale = rationale.trim();
    let departs = departs_from_ranking(aggregation, &ids);
    if rationale.chars().count() > RATIONALE_MAX_CHARS {
        errors.push(DecisionError::RationaleTooLong);
    } else if departs && rationale.is_empty() && !ids.is_empty() {
        errors.push(DecisionError::RationaleRequired);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    ids.sort();
    Ok(ValidDecision {
        kind,
        nominations: ids,
        rationale: rationale.to_owned(),
        departs_from_ranking: departs,
    })
}

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
}

#[derive(serde::Serialize)]
struct RowView<'a> {
    id: i32,
    reference: &'a str,
    title: &'a str,
    hidden: bool,
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
struct ChoiceView<'a> {
    id: i32,
    reference: &'a str,
    title: &'a str,
    rank: String,
    checked: bool,
}

#[derive(serde::Serialize)]
struct ErrorView {
    field: String,
    message: String,
}

#[derive(serde::Serialize)]
struct FormView<'a> {
    kind: &'static str,
    heading: String,
    single: bool,
    choices: Vec<ChoiceView<'a>>,
    rationale: String,
    nomination_errors: Vec<String>,
    rationale_errors: Vec<String>,
}

#[derive(serde::Serialize)]
struct DecisionView<'a> {
    kind: &'static str,
    heading: String,
    rationale: &'a str,
    departs: bool,
    decided: String,
    nominations: &'a [NominationLabel],
    absences: &'a [db::decisions::Absence],
}

fn kind_heading(lang: Lang, kind: DecisionKind) -> String {
    lang.text(&format!("decisions-kind-{}", kind.code()))
}

/// A stored time as the pages show it: the date written out, and the time in UTC.
fn when(lang: Lang, at: chrono::NaiveDateTime) -> String {
    format!("{} {} UTC", lang.long_date(at.date()), at.format("%H:%M"))
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
    let hidden_text = lang.text("decisions-hidden-short");
    let label = |id: NominationId| -> String {
        if input.hidden.contains(&id.0) {
            return hidden_text.clone();
        }
        labels
            .get(&id.0)
            .map(|n| n.reference.clone())
            .unwrap_or_else(|| id.0.to_string())
    };
    let aggregation = &overview.aggregation;

    let rows: Vec<RowView<'_>> = aggregation
        .ranking(input.sort)
        .into_iter()
        .filter_map(|s| {
            let n = labels.get(&s.nomination.0)?;
            let hidden = input.hidden.contains(&n.id);
            let blank = String::new;
            Some(if hidden {
                RowView {
                    id: n.id,
                    reference: &n.reference,
                    title: &n.title,
                    hidden,
                    weighted_mean: blank(),
                    median: blank(),
                    z_normalised: blank(),
                    borda: blank(),
                    rank_weighted_mean: blank(),
                    rank_median: blank(),
                    rank_z: blank(),
                    rank_borda: blank(),
                    std_dev: blank(),
                    range: blank(),
                    flagged: false,
                    missing: 0,
                    counted: 0,
                }
            } else {
                RowView {
                    id: n.id,
                    reference: &n.reference,
                    title: &n.title,
                    hidden,
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
                }
            })
        })
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
    let leave_one_out: Vec<LeaveOneOutView> = robustness
        .leave_one_out
        .iter()
        .map(|l| LeaveOneOutView {
            juror: juror_names
                .get(&l.juror.0)
                .map(|name| (*name).to_owned())
                .unwrap_or_default(),
            top_three: l.top_three.iter().map(|id| label(*id)).collect(),
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
    context.insert("secretariat", &input.secretariat);
    context.insert("rows", &rows);
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
            .map(|id| label(*id))
            .collect::<Vec<_>>(),
    );
    context.insert("robust", &robustness.robust);
    context.insert("tie_at_cutoff", &robustness.tie_at_cutoff);
    context.insert("leave_one_out", &leave_one_out);
    context.insert("assessments", &assessments);
    context.insert("decisions", &decisions);

    if input.secretariat {
        let (forms, error_list) = decision_forms(lang, input, &labels);
        context.insert("decision_forms", &forms);
        context.insert("decision_error_list", &error_list);
    }
    context
}

fn decision_forms<'a>(
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

pub const TEMPLATE: &str = "decisions/results.html";

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct SortQuery {
    pub sorter: Option<String>,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn secretariat_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
    query: web::Query<SortQuery>,
) -> Result<HttpResponse, PageError> {
    let round_id = round_id.into_inner();
    let sort = parse_sort(query.sorter.as_deref());
    render_secretariat(&req, &state, lang, &admin, round_id, sort, None).await
}

async fn render_secretariat(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    admin: &db::users::UserRow,
    round_id: i32,
    sort: Measure,
    rejection: Option<(Rejection, PostedDecision)>,
) -> Result<HttpResponse, PageError> {
    let loaded = state
        .db
        .read(move |conn| {
            let Some(overview) = load_overview(conn, round_id)? else {
                return Ok(None);
            };
            let decisions = db::decisions::latest(conn, round_id)?;
            Ok(Some((overview, decisions)))
        })
        .await
        .map_err(PageError::from)?;
    let Some((overview, decisions)) = loaded else {
        return Err(PageError::NotFound);
    };
    let path = format!("/sekretariat/runder/{round_id}/resultater");
    let hidden = HashSet::new();
    let (rejection, posted) = match rejection {
        Some((rejection, posted)) => (Some(rejection), Some(posted)),
        None => (None, None),
    };
    let mut context = overview_context(
        lang,
        &PageInput {
            overview: &overview,
            sort,
            hidden: &hidden,
            secretariat: true,
            path: &path,
            decisions: &decisions,
            posted: posted.as_ref(),
        },
    );
    context.insert("signed_in", &serde_json::json!({ "name": admin.name }));
    let page = FormPage {
        template: TEMPLATE,
        path: &path,
        field_order: &[],
    };
    page.render(
        req,
        state,
        &serde_json::json!({}),
        rejection.as_ref(),
        None,
        context,
    )
    .map_err(PageError::from)
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    kind: String,
    nominations: Vec<String>,
    rationale: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let round_id = round_id.into_inner();
    let posted = forms::decode::<DecisionInput>(&body)?;
    let input = posted.input.clone();
    let kind = DecisionKind::parse(&input.kind);
    let again = |errors: Vec<DecisionError>| PostedDecision {
        kind,
        chosen: input.nominations.clone(),
        rationale: input.rationale.clone(),
        errors,
    };
    // Staff forms behind a login are not rate-limited (as on the other secretariat pages).
    if let Err(rejection) = posted.check_security(
        &req,
        &crate::web::rate_limit::SubmissionLimiter::unlimited(),
    ) {
        return Ok(render_secretariat(
            &req,
            &state,
            lang,
            &admin,
            round_id,
            Measure::WeightedMean,
            Some((rejection, again(Vec::new()))),
        )
        .await?);
    }
    let Some(kind) = kind else {
        return Err(actix_web::error::ErrorBadRequest("unknown decision kind"));
    };
    let chosen = input.nominations.clone();
    let rationale = input.rationale.clone();
    let actor = crate::domain::Actor::User(admin.id);
    let outcome = state
        .db
        .write(move |conn| {
            use diesel::Connection as _;
            if load_overview_exists(conn, round_id)? {
                conn.transaction(|conn| {
                    let overview = Overview::load(conn, round_id)?;
                    let valid =
                        match validate_decision(kind, &chosen, &rationale, &overview.aggregation) {
                            Ok(valid) => valid,
                            Err(errors) => return Ok(Some(Err(errors))),
                        };
                    let standing = db::jury::impartiality_map(conn, round_id)?;
                    let ids: Vec<i32> = valid.nominations.iter().map(|n| n.0).collect();
                    let mut absences: Vec<(i32, i32)> = standing
                        .iter()
                        .filter(|((_, nomination), s)| s.excludes() && ids.contains(nomination))
                        .map(|((juror, nomination), _)| (*nomination, *juror))
                        .collect();
                    absences.sort();
                    let id = db::decisions::insert(
                        conn,
                        &db::decisions::NewDecision {
                            round_id,
                            kind,
                            rationale: &valid.rationale,
                            departs_from_ranking: valid.departs_from_ranking,
                            decided_by: admin.id,
                            nomination_ids: &ids,
                            absences: &absences,
                        },
                    )?;
                    let detail = format!(
                        "decision:{id} kind:{} nominations:{} departs:{} absences:{}",
                        kind.code(),
                        ids.len(),
                        valid.departs_from_ranking,
                        absences.len()
                    );
                    db::audit::record(
                        conn,
                        actor,
                        "decision_recorded",
                        &format!("round:{round_id}"),
                        Some(&detail),
                    )?;
                    Ok::<_, anyhow::Error>(Some(Ok(id)))
                })
                .context("recording a decision")
            } else {
                Ok(None)
            }
        })
        .await
        .map_err(PageError::from)?;
    match outcome {
        None => Err(PageError::NotFound.into()),
        Some(Ok(id)) => {
            tracing::info!(decision_id = id, kind = kind.code(), "decision recorded");
            Ok(HttpResponse::SeeOther()
                .insert_header((
                    actix_web::http::header::LOCATION,
                    format!(
                        "/sekretariat/runder/{round_id}/resultater#vedtak-{}",
                        kind.code()
                    ),
                ))
                .finish())
        }
        Some(Err(errors)) => {
            let posted = again(errors);
            Ok(render_secretariat(
                &req,
                &state,
                lang,
                &admin,
                round_id,
                Measure::WeightedMean,
                Some((
                    Rejection::Invalid(crate::domain::FieldErrors::default()),
                    posted,
                )),
            )
            .await?)
        }
    }
}

pub(crate) fn load_overview_exists(conn: &mut db::DbConn, round_id: i32) -> anyhow::Result<bool> {
    use diesel::prelude::*;
    let exists: i64 = db::schema::rounds::table
        .filter(db::schema::rounds::id.eq(round_id))
        .count()
        .get_result(conn)?;
    Ok(exists > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jury::{
        Criterion, CriterionId, JurorId, JuryInput, JuryInputParts, Score, ScoreValue, aggregate,
    };

    /// Nominations 1..=4 with one juror's single-criterion scores.
    fn ranking(values: &[u8]) -> Aggregation {
        let scores = values
            .iter()
            .enumerate()
            .map(|(i, v)| Score {
                juror: JurorId(1),
                nomination: NominationId(i as i32 + 1),
                criterion: CriterionId(1),
                value: ScoreValue::new(*v).unwrap(),
            })
            .collect();
        let input = JuryInput::new(JuryInputParts {
            nominations: (1..=values.len() as i32 + 1).map(NominationId).collect(),
            jurors: vec![JurorId(1)],
            criteria: vec![Criterion::new(CriterionId(1), 1.0).unwrap()],
            scores,
            conflicts: Default::default(),
            disagreement_threshold: 1.0,
        })
        .unwrap();
        aggregate(&input)
    }

    fn ids(list: &[i32]) -> Vec<NominationId> {
        list.iter().copied().map(NominationId).collect()
    }

    #[test]
    fn choosing_the_top_follows_the_ranking() {
        // 1: 5, 2: 4, 3: 4, 4: 1, 5: unscored.
        let agg = ranking(&[5, 4, 4, 1]);
        assert!(!departs_from_ranking(&agg, &ids(&[1])));
        assert!(!departs_from_ranking(&agg, &ids(&[1, 2])));
        // A tie at the cut-off: either tied nomination follows the ranking.
        assert!(!departs_from_ranking(&agg, &ids(&[1, 3])));
        assert!(!departs_from_ranking(&agg, &ids(&[1, 2, 3])));
        assert!(!departs_from_ranking(&agg, &ids(&[1, 2, 3, 4, 5])));
    }

    #[test]
    fn leaving_out_a_better_nomination_departs() {
        let agg = ranking(&[5, 4, 4, 1]);
        assert!(departs_from_ranking(&agg, &ids(&[2])));
        assert!(departs_from_ranking(&agg, &ids(&[2, 3])));
        assert!(departs_from_ranking(&agg, &ids(&[1, 4])));
        // An unscored nomination ranks below every scored one.
        assert!(departs_from_ranking(&agg, &ids(&[1, 2, 3, 5])));
    }

    #[test]
    fn a_departing_decision_needs_a_rationale() {
        let agg = ranking(&[5, 4, 4, 1]);
        let chosen = vec!["2".to_owned()];
        assert_eq!(
            validate_decision(DecisionKind::Winner, &chosen, "  ", &agg),
            Err(vec![DecisionError::RationaleRequired])
        );
        let valid = validate_decision(
            DecisionKind::Winner,
            &chosen,
            " Størst nytte for brukerne ",
            &agg,
        )
        .unwrap();
        assert!(valid.departs_from_ranking);
        assert_eq!(valid.rationale, "Størst nytte for brukerne");
        let top = validate_decision(DecisionKind::Winner, &["1".into()], "", &agg).unwrap();
        assert!(!top.departs_from_ranking);
    }

    #[test]
    fn a_winner_is_exactly_one_known_nomination() {
        let agg = ranking(&[5, 4, 4, 1]);
        assert_eq!(
            validate_decision(DecisionKind::Winner, &[], "x", &agg),
            Err(vec![DecisionError::NoneChosen])
        );
        assert_eq!(
            validate_decision(DecisionKind::Winner, &["1".into(), "2".into()], "x", &agg),
            Err(vec![DecisionError::WinnerNotOne])
        );
        assert_eq!(
            validate_decision(DecisionKind::Finalists, &["99".into()], "x", &agg),
            Err(vec![DecisionError::UnknownNomination])
        );
        assert_eq!(
            validate_decision(DecisionKind::Finalists, &["1".into(), "1".into()], "", &agg)
                .unwrap()
                .nominations,
            ids(&[1])
        );
        let long = "x".repeat(RATIONALE_MAX_CHARS + 1);
        assert_eq!(
            validate_decision(DecisionKind::Shortlist, &["1".into()], &long, &agg),
            Err(vec![DecisionError::RationaleTooLong])
        );
    }

    #[test]
    fn numbers_have_two_decimals_and_a_decimal_comma_in_norwegian() {
        assert_eq!(number(Lang::Nb, 1.23456), "1,23");
        assert_eq!(number(Lang::Nn, 2.5), "2,50");
        assert_eq!(number(Lang::En, 2.5), "2.50");
        assert_eq!(number(Lang::En, -0.001), "0.00");
    }

    #[test]
    fn sorting_defaults_to_the_weighted_mean() {
        assert_eq!(parse_sort(None), Measure::WeightedMean);
        assert_eq!(parse_sort(Some("median")), Measure::Median);
        assert_eq!(parse_sort(Some("z")), Measure::ZNormalised);
        assert_eq!(parse_sort(Some("borda")), Measure::Borda);
        assert_eq!(parse_sort(Some("<script>")), Measure::WeightedMean);
    }
}
