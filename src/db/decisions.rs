//! The jury's decisions (shortlist, finalists, winner) with their rationale and the jurors
//! recorded absent, and what the decision-support page and the exports read: submitted
//! holistic assessments and every score with its justification.

use super::DbConn;
use super::schema::{
    assessments, criteria, decision_absences, decision_nominations, decisions, nominations, scores,
    users,
};
use diesel::prelude::*;
use std::collections::BTreeMap;

/// What the jury decides. The latest decision of a kind is the one in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Shortlist,
    Finalists,
    Winner,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [Self::Shortlist, Self::Finalists, Self::Winner];

    pub fn code(self) -> &'static str {
        match self {
            Self::Shortlist => "shortlist",
            Self::Finalists => "finalists",
            Self::Winner => "winner",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == raw.trim())
    }
}

/// A nomination as the jury's pages name it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NominationLabel {
    pub id: i32,
    pub reference: String,
    pub title: String,
}

/// The round's eligible nominations (the ones aggregated), by reference.
pub fn eligible_labels(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<NominationLabel>> {
    Ok(super::jury::eligible_nominations(conn, round_id)?
        .into_iter()
        .map(|n| NominationLabel {
            id: n.id,
            reference: n.reference,
            title: n.content.title,
        })
        .collect())
}

/// A submitted holistic assessment.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SubmittedAssessment {
    pub nomination_id: i32,
    pub juror_id: i32,
    pub juror_name: String,
    pub holistic: String,
}

/// The submitted holistic assessments of the round's nominations, by juror name.
pub fn submitted_assessments(
    conn: &mut DbConn,
    round_id: i32,
) -> QueryResult<Vec<SubmittedAssessment>> {
    let rows: Vec<(i32, i32, String, String)> = assessments::table
        .inner_join(nominations::table)
        .inner_join(users::table.on(users::id.eq(assessments::juror_id)))
        .filter(nominations::round_id.eq(round_id))
        .filter(assessments::submitted_at.is_not_null())
        .order((users::name, users::id))
        .select((
            assessments::nomination_id,
            assessments::juror_id,
            users::name,
            assessments::holistic,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(nomination_id, juror_id, juror_name, holistic)| SubmittedAssessment {
                nomination_id,
                juror_id,
                juror_name,
                holistic,
            },
        )
        .collect())
}

/// One score as the exports (CSV, xlsx) list it.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ScoreExportRow {
    pub juror_id: i32,
    pub nomination_id: i32,
    pub reference: String,
    pub title: String,
    pub juror_name: String,
    /// The criterion's name as stored (bokmål for the default rubric; `services::exports`
    /// puts it in the reader's language).
    pub criterion: String,
    /// The criterion's code, for the translation of a default criterion's name.
    pub criterion_code: String,
    /// The criterion's weight in the round's rubric.
    pub weight: f64,
    pub value: i32,
    pub justification: String,
    /// When the score was last given or changed (UTC, as stored).
    pub scored_at: chrono::NaiveDateTime,
    /// Whether the juror has submitted their assessment of the nomination (drafts are not
    /// counted in the aggregation).
    pub submitted: bool,
    /// Whether the juror's work on the nomination is left out of the figures (conflicted),
    /// as the policy decides; set by `services::exports`, `false` as read.
    pub excluded: bool,
}

/// Every score given in the round (drafts too), by reference, juror and criterion.
pub fn score_export(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<ScoreExportRow>> {
    use diesel::sql_types::Bool;
    let mut rows: Vec<ScoreExportRow> = scores::table
        .inner_join(nominations::table)
        .inner_join(criteria::table)
        .inner_join(users::table.on(users::id.eq(scores::juror_id)))
        .filter(criteria::round_id.eq(round_id))
        .order((
            nominations::reference,
            users::name,
            users::id,
            criteria::position,
            criteria::id,
        ))
        .select((
            scores::juror_id,
            scores::nomination_id,
            nominations::reference,
            nominations::title,
            users::name,
            criteria::name,
            criteria::code,
            criteria::weight,
            scores::value,
            scores::justification,
            scores::updated_at,
            // `submitted` (set below) and `excluded` (set by the policy).
            false.into_sql::<Bool>(),
            false.into_sql::<Bool>(),
        ))
        .load(conn)?;
    let nomination_ids: Vec<i32> = rows.iter().map(|r| r.nomination_id).collect();
    let submitted = super::jury::submitted_sheets(conn, &nomination_ids)?;
    for row in &mut rows {
        row.submitted = submitted.contains(&(row.juror_id, row.nomination_id));
    }
    Ok(rows)
}

/// A decision to store.
pub struct NewDecision<'a> {
    pub round_id: i32,
    pub kind: DecisionKind,
    pub rationale: &'a str,
    pub departs_from_ranking: bool,
    pub decided_by: i32,
    pub nomination_ids: &'a [i32],
    /// (nomination, juror) pairs where the juror is conflicted on a chosen nomination.
    pub absences: &'a [(i32, i32)],
}

/// Stores a decision with its nominations and absences; call inside a transaction.
pub fn insert(conn: &mut DbConn, new: &NewDecision<'_>) -> QueryResult<i32> {
    let id: i32 = diesel::insert_into(decisions::table)
        .values((
            decisions::round_id.eq(new.round_id),
            decisions::kind.eq(new.kind.code()),
            decisions::rationale.eq(new.rationale),
            decisions::departs_from_ranking.eq(new.departs_from_ranking),
            decisions::decided_by.eq(new.decided_by),
            decisions::decided_at.eq(super::now()),
        ))
        .returning(decisions::id)
        .get_result(conn)?;
    for nomination in new.nomination_ids {
        diesel::insert_into(decision_nominations::table)
            .values((
                decision_nominations::decision_id.eq(id),
                decision_nominations::nomination_id.eq(nomination),
            ))
            .execute(conn)?;
    }
    for (nomination, juror) in new.absences {
        diesel::insert_into(decision_absences::table)
            .values((
                decision_absences::decision_id.eq(id),
                decision_absences::nomination_id.eq(nomination),
                decision_absences::juror_id.eq(juror),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// A juror recorded absent from a decision on a nomination.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Absence {
    pub reference: String,
    pub juror_name: String,
}

/// A stored decision, as the pages show it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DecisionRecord {
    pub id: i32,
    pub kind: DecisionKind,
    pub rationale: String,
    pub departs_from_ranking: bool,
    pub decided_by: String,
    pub decided_at: chrono::NaiveDateTime,
    pub nominations: Vec<NominationLabel>,
    pub absences: Vec<Absence>,
}

/// The decision in force of each kind (the latest), in the order shortlist, finalists,
/// winner; kinds not yet decided are left out.
pub fn latest(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<DecisionRecord>> {
    type Row = (i32, String, String, bool, String, chrono::NaiveDateTime);
    let rows: Vec<Row> = decisions::table
        .inner_join(users::table.on(users::id.eq(decisions::decided_by)))
        .filter(decisions::round_id.eq(round_id))
        .order(decisions::id.desc())
        .select((
            decisions::id,
            decisions::kind,
            decisions::rationale,
            decisions::departs_from_ranking,
            users::name,
            decisions::decided_at,
        ))
        .load(conn)?;
    let mut in_force: BTreeMap<DecisionKind, Row> = BTreeMap::new();
    for row in rows {
        if let Some(kind) = DecisionKind::parse(&row.1) {
            in_force.entry(kind).or_insert(row);
        }
    }
    let mut records = Vec::with_capacity(in_force.len());
    for (kind, (id, _, rationale, departs_from_ranking, decided_by, decided_at)) in in_force {
        let nominations: Vec<NominationLabel> = decision_nominations::table
            .inner_join(
                nominations::table.on(nominations::id.eq(decision_nominations::nomination_id)),
            )
            .filter(decision_nominations::decision_id.eq(id))
            .order(nominations::reference)
            .select((nominations::id, nominations::reference, nominations::title))
            .load::<(i32, String, String)>(conn)?
            .into_iter()
            .map(|(id, reference, title)| NominationLabel {
                id,
                reference,
                title,
            })
            .collect();
        let absences: Vec<Absence> = decision_absences::table
            .inner_join(nominations::table.on(nominations::id.eq(decision_absences::nomination_id)))
            .inner_join(users::table.on(users::id.eq(decision_absences::juror_id)))
            .filter(decision_absences::decision_id.eq(id))
            .order((nominations::reference, users::name))
            .select((nominations::reference, users::name))
            .load::<(String, String)>(conn)?
            .into_iter()
            .map(|(reference, juror_name)| Absence {
                reference,
                juror_name,
            })
            .collect();
        records.push(DecisionRecord {
            id,
            kind,
            rationale,
            departs_from_ranking,
            decided_by,
            decided_at,
            nominations,
            absences,
        });
    }
    Ok(records)
}
