//! Decision support and the jury's decisions: reading a round's results for one viewer
//! (the secretariat's page, the jury's page, the printable report), and recording a
//! decision with its absences and audit event in one transaction. The rules are pure, in
//! [`rules`].

pub mod rules;

use crate::db::decisions::{DecisionKind, DecisionRecord, NominationLabel, SubmittedAssessment};
use crate::db::phase_changes::PhaseChange;
use crate::db::{self, Database, DbConn, jury::CriterionRow};
use crate::domain::Actor;
use crate::domain::{Phase, counts};
use crate::jury::{Aggregation, JuryInput, NominationId};
use anyhow::Context as _;
use diesel::Connection as _;
use rules::{DecisionError, Viewer};
use std::collections::{BTreeSet, HashSet};

/// Everything the decision-support page shows, read from the database, as one viewer
/// may see it.
#[derive(Debug, Clone)]
pub struct Overview {
    pub round_id: i32,
    pub prize_year: i32,
    pub phase: Phase,
    /// The eligible nominations, in the aggregation's order.
    pub nominations: Vec<NominationLabel>,
    /// The jurors (id, name), in the aggregation's order.
    pub jurors: Vec<(i32, String)>,
    /// The figures of the nominations the viewer may see, computed as if the hidden ones
    /// were not in the round, so no rank or ranked list reveals where those stand.
    pub aggregation: Aggregation,
    /// The submitted assessments that count (the policy leaves out a conflicted juror's).
    pub assessments: Vec<SubmittedAssessment>,
    /// The round's rubric, in the aggregation's criterion order (for the pictures).
    pub criteria: Vec<CriterionRow>,
}

impl Overview {
    /// The round's overview as the secretariat sees it; diesel's `NotFound` when there is
    /// no such round.
    pub fn load(conn: &mut DbConn, round_id: i32) -> anyhow::Result<Self> {
        Ok(Self::load_for(conn, round_id, Viewer::Secretariat)?.0)
    }

    /// The round's overview as `viewer` may see it, and the nominations hidden from them.
    pub fn load_for(
        conn: &mut DbConn,
        round_id: i32,
        viewer: Viewer,
    ) -> anyhow::Result<(Self, HashSet<i32>)> {
        let round = db::rounds::find(conn, round_id)?;
        let standings = db::jury::impartiality_map(conn, round_id)?;
        let nominations = db::decisions::eligible_labels(conn, round_id)?;
        let ids: Vec<i32> = nominations.iter().map(|n| n.id).collect();
        let hidden = rules::hidden_from(viewer, round.phase, &ids, &standings);
        let left_out: BTreeSet<NominationId> = hidden.iter().copied().map(NominationId).collect();
        let input = JuryInput::new(
            db::jury::jury_input_parts(conn, round_id, &standings)?.without(&left_out),
        )
        .map_err(|e| anyhow::anyhow!("building the jury's input: {e:?}"))?;
        let assessments = db::decisions::submitted_assessments(conn, round_id)?
            .into_iter()
            .filter(|a| counts(&standings, a.juror_id, a.nomination_id))
            .filter(|a| !hidden.contains(&a.nomination_id))
            .collect();
        let overview = Self {
            round_id,
            prize_year: round.prize_year,
            phase: round.phase,
            nominations,
            jurors: db::jury::jurors(conn)?
                .into_iter()
                .map(|j| (j.id, j.name))
                .collect(),
            aggregation: crate::jury::aggregate(&input),
            assessments,
            criteria: db::jury::criteria_for(conn, round_id)?,
        };
        Ok((overview, hidden))
    }
}

/// A round's results as one viewer may see them.
pub struct Results {
    pub overview: Overview,
    /// The decisions in force.
    pub decisions: Vec<DecisionRecord>,
    /// The nominations whose figures, ranks and assessments this viewer may not see.
    pub hidden: HashSet<i32>,
    /// Every time the round was moved back to an earlier phase, with the reason.
    pub phase_changes: Vec<PhaseChange>,
}

fn results_in(conn: &mut DbConn, round_id: i32, viewer: Viewer) -> anyhow::Result<Results> {
    let (overview, hidden) = Overview::load_for(conn, round_id, viewer)?;
    let decisions = db::decisions::latest(conn, round_id)?;
    Ok(Results {
        overview,
        decisions,
        hidden,
        phase_changes: db::phase_changes::of_round(conn, round_id)?,
    })
}

/// The round's results for `viewer` — what the secretariat's and the jury's results
/// pages show. An unknown round is diesel's `NotFound`.
#[tracing::instrument(skip(db))]
pub async fn results(db: &Database, round_id: i32, viewer: Viewer) -> anyhow::Result<Results> {
    db.read(move |conn| results_in(conn, round_id, viewer))
        .await
}

/// The printable report: the results for `viewer` and the round's rubric.
#[tracing::instrument(skip(db))]
pub async fn report(
    db: &Database,
    round_id: i32,
    viewer: Viewer,
) -> anyhow::Result<(Results, Vec<CriterionRow>)> {
    db.read(move |conn| {
        let results = results_in(conn, round_id, viewer)?;
        Ok((results, db::jury::criteria_for(conn, round_id)?))
    })
    .await
}

/// Whether the round exists.
pub fn round_exists(conn: &mut DbConn, round_id: i32) -> anyhow::Result<bool> {
    use diesel::prelude::*;
    let exists: i64 = db::schema::rounds::table
        .filter(db::schema::rounds::id.eq(round_id))
        .count()
        .get_result(conn)?;
    Ok(exists > 0)
}

/// A decision as posted: the kind, the nominations ticked and the rationale typed.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub kind: DecisionKind,
    pub chosen: Vec<String>,
    pub rationale: String,
}

/// Records the jury's decision on the round, checked against the round's ranking as it
/// stands in the same transaction, with the conflicted jurors recorded absent and its
/// audit event. `Ok(Err(..))` when the decision is refused (nothing is stored); an
/// unknown round is diesel's `NotFound`.
#[tracing::instrument(skip(db, proposal), fields(kind = proposal.kind.code()))]
pub async fn record(
    db: &Database,
    round_id: i32,
    decided_by: i32,
    proposal: Proposal,
) -> anyhow::Result<Result<i32, Vec<DecisionError>>> {
    let kind = proposal.kind;
    let outcome = db
        .write(move |conn| {
            conn.transaction(|conn| {
                let overview = Overview::load(conn, round_id)?;
                let valid = match rules::validate_decision(
                    kind,
                    &proposal.chosen,
                    &proposal.rationale,
                    &overview.aggregation,
                ) {
                    Ok(valid) => valid,
                    Err(errors) => return Ok(Err(errors)),
                };
                let standings = db::jury::impartiality_map(conn, round_id)?;
                let ids: Vec<i32> = valid.nominations.iter().map(|n| n.0).collect();
                let absences = rules::absences(&standings, &ids);
                let id = db::decisions::insert(
                    conn,
                    &db::decisions::NewDecision {
                        round_id,
                        kind,
                        rationale: &valid.rationale,
                        departs_from_ranking: valid.departs_from_ranking,
                        decided_by,
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
                    Actor::User(decided_by),
                    "decision_recorded",
                    &format!("round:{round_id}"),
                    Some(&detail),
                )?;
                Ok::<_, anyhow::Error>(Ok(id))
            })
            .context("recording a decision")
        })
        .await?;
    if let Ok(id) = outcome {
        tracing::info!(decision_id = id, "decision recorded");
    }
    Ok(outcome)
}
