//! The juror's desk: affiliations, conflict declarations, scores and holistic
//! assessments. Every change is written with its audit event in the caller's transaction.

use super::DbConn;
use super::audit;
use super::jury::{self, CriterionRow};
use super::nominations::NominationRow;
use super::rounds::Round;
use super::schema::{affiliations, assessments, conflicts, nominations, rounds, scores, users};
use super::users::UserRow;
use crate::domain::{Actor, ConflictStatus, Impartiality, OrgNumber, Phase, Role, may_see_others};
use anyhow::Context as _;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------
// Affiliations

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = affiliations)]
pub struct AffiliationRow {
    pub id: i32,
    pub user_id: i32,
    pub org_number: String,
    pub organisation: String,
    pub role: String,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

/// An affiliation as the juror registers it, already parsed.
pub struct NewAffiliation<'a> {
    pub org_number: OrgNumber,
    pub organisation: &'a str,
    pub role: &'a str,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
}

pub fn affiliations_of(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<AffiliationRow>> {
    affiliations::table
        .filter(affiliations::user_id.eq(user_id))
        .order((affiliations::organisation, affiliations::id))
        .select(AffiliationRow::as_select())
        .load(conn)
}

#[tracing::instrument(skip_all, fields(user_id = user_id))]
pub fn add_affiliation(
    conn: &mut DbConn,
    user_id: i32,
    new: &NewAffiliation<'_>,
) -> QueryResult<i32> {
    let id = diesel::insert_into(affiliations::table)
        .values((
            affiliations::user_id.eq(user_id),
            affiliations::org_number.eq(new.org_number.to_string()),
            affiliations::organisation.eq(new.organisation),
            affiliations::role.eq(new.role),
            affiliations::period_from.eq(new.period_from),
            affiliations::period_to.eq(new.period_to),
            affiliations::created_at.eq(super::now()),
        ))
        .returning(affiliations::id)
        .get_result::<i32>(conn)?;
    audit::record(
        conn,
        Actor::User(user_id),
        "affiliation.added",
        &Actor::User(user_id).to_string(),
        Some(&format!("affiliation:{id}")),
    )?;
    Ok(id)
}

/// Removes one of the user's own affiliations; `false` when there is no such affiliation
/// of theirs.
#[tracing::instrument(skip_all, fields(user_id = user_id, affiliation_id = affiliation_id))]
pub fn remove_affiliation(
    conn: &mut DbConn,
    user_id: i32,
    affiliation_id: i32,
) -> QueryResult<bool> {
    let removed = diesel::delete(
        affiliations::table
            .filter(affiliations::id.eq(affiliation_id))
            .filter(affiliations::user_id.eq(user_id)),
    )
    .execute(conn)?;
    if removed > 0 {
        audit::record(
            conn,
            Actor::User(user_id),
            "affiliation.removed",
            &Actor::User(user_id).to_string(),
            Some(&format!("affiliation:{affiliation_id}")),
        )?;
    }
    Ok(removed > 0)
}

// ---------------------------------------------------------------------------------------
// The overview

/// The rounds the jury is working on: scoring or discussion.
pub fn rounds_at_work(conn: &mut DbConn) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::phase.eq_any([Phase::Scoring.code(), Phase::Discussion.code()]))
        .order(rounds::prize_year.desc())
        .select(Round::as_select())
        .load(conn)
}

/// How far a juror has come with a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    NotStarted,
    Draft,
    Submitted,
}

/// The juror's progress on each of the given nominations.
pub fn progress(
    conn: &mut DbConn,
    juror_id: i32,
    nomination_ids: &[i32],
) -> QueryResult<HashMap<i32, Progress>> {
    let mut map: HashMap<i32, Progress> = nomination_ids
        .iter()
        .map(|id| (*id, Progress::NotStarted))
        .collect();
    let scored: Vec<i32> = scores::table
        .filter(scores::juror_id.eq(juror_id))
        .filter(scores::nomination_id.eq_any(nomination_ids))
        .select(scores::nomination_id)
        .distinct()
        .load(conn)?;
    for id in scored {
        map.insert(id, Progress::Draft);
    }
    let assessed: Vec<(i32, Option<NaiveDateTime>)> = assessments::table
        .filter(assessments::juror_id.eq(juror_id))
        .filter(assessments::nomination_id.eq_any(nomination_ids))
        .select((assessments::nomination_id, assessments::submitted_at))
        .load(conn)?;
    for (id, submitted_at) in assessed {
        let progress = if submitted_at.is_some() {
            Progress::Submitted
        } else {
            Progress::Draft
        };
        map.insert(id, progress);
    }
    Ok(map)
}

// ---------------------------------------------------------------------------------------
// One nomination at the desk

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = conflicts)]
pub struct ConflictRow {
    pub id: i32,
    pub status: ConflictStatus,
    pub reason: String,
    pub decision_note: Option<String>,
    pub created_at: NaiveDateTime,
}

/// One criterion's score with its justification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ScoreEntry {
    pub value: i32,
    pub justification: String,
}

/// Another juror's submitted scores and holistic assessment.
#[derive(Debug, Clone)]
pub struct OtherAssessment {
    pub juror_id: i32,
    pub juror_name: String,
    pub holistic: String,
    pub scores: HashMap<i32, ScoreEntry>,
}

/// Everything the nomination page of the desk needs, loaded after the access check.
#[derive(Debug)]
pub struct Desk {
    pub round: Round,
    pub phase: Phase,
    pub nomination: NominationRow,
    pub criteria: Vec<CriterionRow>,
    pub standing: Impartiality,
    pub conflict: Option<ConflictRow>,
    /// Whether this user is a juror (the secretariat may look, but not score).
    pub is_juror: bool,
    pub submitted: bool,
    /// Own scores per criterion id and own holistic text; empty when excluded.
    pub own_scores: HashMap<i32, ScoreEntry>,
    pub own_holistic: String,
    /// The others' submitted assessments, when this user may see them.
    pub others: Option<Vec<OtherAssessment>>,
}

impl Desk {
    pub fn may_score(&self) -> bool {
        self.is_juror && crate::domain::may_score(self.phase, self.submitted, self.standing)
    }
}

/// The nomination as the user may see it at the desk, or `None` when it is not theirs to
/// see (unknown, not eligible, not assigned to them, or its round not at the jury stage).
pub fn desk(conn: &mut DbConn, user: &UserRow, nomination_id: i32) -> anyhow::Result<Option<Desk>> {
    let Some(round_id) = nominations::table
        .find(nomination_id)
        .select(nominations::round_id)
        .first::<i32>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let round = super::rounds::find(conn, round_id)?;
    let phase = round.phase;
    if phase == Phase::Nominations {
        return Ok(None);
    }
    let is_juror = user.role() == Role::Juror;
    let visible = if is_juror {
        jury::juror_nominations(conn, round_id, user.id)?
    } else {
        jury::eligible_nominations(conn, round_id)?
    };
    let Some(nomination) = visible.into_iter().find(|n| n.id == nomination_id) else {
        return Ok(None);
    };
    let standing = jury::impartiality(conn, user.id, &nomination)?;
    let conflict = conflicts::table
        .filter(conflicts::juror_id.eq(user.id))
        .filter(conflicts::nomination_id.eq(nomination_id))
        .select(ConflictRow::as_select())
        .first(conn)
        .optional()?;
    let criteria = jury::criteria_for(conn, round_id)?;
    let submitted = jury::has_submitted(conn, user.id, nomination_id)?;
    let (own_scores, own_holistic) = if standing.excludes() {
        (HashMap::new(), String::new())
    } else {
        let scores = own_scores(conn, user.id, nomination_id)?;
        let holistic = assessments::table
            .filter(assessments::juror_id.eq(user.id))
            .filter(assessments::nomination_id.eq(nomination_id))
            .select(assessments::holistic)
            .first::<String>(conn)
            .optional()?
            .unwrap_or_default();
        (scores, holistic)
    };
    let others = if is_juror && may_see_others(phase, submitted, standing) {
        Some(others_submitted(conn, round_id, nomination_id, user.id)?)
    } else {
        None
    };
    Ok(Some(Desk {
        round,
        phase,
        nomination,
        criteria,
        standing,
        conflict,
        is_juror,
        submitted,
        own_scores,
        own_holistic,
        others,
    }))
}

fn own_scores(
    conn: &mut DbConn,
    juror_id: i32,
    nomination_id: i32,
) -> QueryResult<HashMap<i32, ScoreEntry>> {
    Ok(scores::table
        .filter(scores::juror_id.eq(juror_id))
        .filter(scores::nomination_id.eq(nomination_id))
        .select((scores::criterion_id, scores::value, scores::justification))
        .load::<(i32, i32, String)>(conn)?
        .into_iter()
        .map(|(criterion, value, justification)| {
            (
                criterion,
                ScoreEntry {
                    value,
                    justification,
                },
            )
        })
        .collect())
}

/// The other jurors' submitted assessments of a nomination, leaving out jurors who are
/// conflicted on it.
fn others_submitted(
    conn: &mut DbConn,
    round_id: i32,
    nomination_id: i32,
    juror_id: i32,
) -> anyhow::Result<Vec<OtherAssessment>> {
    let standings = jury::impartiality_map(conn, round_id)?;
    let submitted: Vec<(i32, String, String)> = assessments::table
        .inner_join(users::table.on(users::id.eq(assessments::juror_id)))
        .filter(assessments::nomination_id.eq(nomination_id))
        .filter(assessments::juror_id.ne(juror_id))
        .filter(assessments::submitted_at.is_not_null())
        .filter(users::role.eq(Role::Juror.code()))
        .order((users::name, users::id))
        .select((users::id, users::name, assessments::holistic))
        .load(conn)
        .context("loading the others' assessments")?;
    let mut others = Vec::new();
    for (other_id, juror_name, holistic) in submitted {
        let excluded = standings
            .get(&(other_id, nomination_id))
            .is_some_and(|standing| standing.excludes());
        if excluded {
            continue;
        }
        others.push(OtherAssessment {
            juror_id: other_id,
            juror_name,
            holistic,
            scores: own_scores(conn, other_id, nomination_id)?,
        });
    }
    Ok(others)
}

/// Records a conflict the juror declares; `false` when one is already recorded.
#[tracing::instrument(skip_all, fields(juror_id = juror_id, nomination_id = nomination.id))]
pub fn declare_conflict(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
    reason: &str,
) -> QueryResult<bool> {
    let existing: i64 = conflicts::table
        .filter(conflicts::juror_id.eq(juror_id))
        .filter(conflicts::nomination_id.eq(nomination.id))
        .count()
        .get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    diesel::insert_into(conflicts::table)
        .values((
            conflicts::nomination_id.eq(nomination.id),
            conflicts::juror_id.eq(juror_id),
            conflicts::reason.eq(reason),
            conflicts::status.eq(ConflictStatus::Declared),
            conflicts::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        Actor::User(juror_id),
        "conflict.declared",
        &nomination.reference,
        None,
    )?;
    Ok(true)
}

/// What the juror entered for one criterion: `None` clears it (drafts only).
pub struct SheetEntry<'a> {
    pub criterion: &'a CriterionRow,
    pub score: Option<ScoreEntry>,
}

/// Stores the juror's scores and holistic assessment, and submits them if `submit`. Call
/// inside a transaction, after checking that the juror may score. Each changed score gets
/// its own audit event (the criterion, never the text).
#[tracing::instrument(skip_all, fields(juror_id = juror_id, nomination_id = nomination.id, submit = submit))]
pub fn save_sheet(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
    entries: &[SheetEntry<'_>],
    holistic: &str,
    submit: bool,
) -> QueryResult<()> {
    let now = super::now();
    let who = Actor::User(juror_id);
    let stored = own_scores(conn, juror_id, nomination.id)?;
    for entry in entries {
        let criterion_id = entry.criterion.id;
        let detail = format!("criterion:{}", entry.criterion.code);
        let this_score = scores::table
            .filter(scores::juror_id.eq(juror_id))
            .filter(scores::nomination_id.eq(nomination.id))
            .filter(scores::criterion_id.eq(criterion_id));
        match &entry.score {
            Some(score) if stored.get(&criterion_id) == Some(score) => {}
            Some(score) => {
                let updated = diesel::update(this_score)
                    .set((
                        scores::value.eq(score.value),
                        scores::justification.eq(&score.justification),
                        scores::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                if updated == 0 {
                    diesel::insert_into(scores::table)
                        .values((
                            scores::nomination_id.eq(nomination.id),
                            scores::juror_id.eq(juror_id),
                            scores::criterion_id.eq(criterion_id),
                            scores::value.eq(score.value),
                            scores::justification.eq(&score.justification),
                            scores::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                }
                audit::record(
                    conn,
                    who,
                    "score.changed",
                    &nomination.reference,
                    Some(&detail),
                )?;
            }
            None => {
                if diesel::delete(this_score).execute(conn)? > 0 {
                    audit::record(
                        conn,
                        who,
                        "score.removed",
                        &nomination.reference,
                        Some(&detail),
                    )?;
                }
            }
        }
    }
    let submitted_at = submit.then_some(now);
    let this_assessment = assessments::table
        .filter(assessments::juror_id.eq(juror_id))
        .filter(assessments::nomination_id.eq(nomination.id));
    let updated = diesel::update(this_assessment)
        .set((
            assessments::holistic.eq(holistic),
            assessments::submitted_at.eq(submitted_at),
            assessments::updated_at.eq(now),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(assessments::table)
            .values((
                assessments::nomination_id.eq(nomination.id),
                assessments::juror_id.eq(juror_id),
                assessments::holistic.eq(holistic),
                assessments::submitted_at.eq(submitted_at),
                assessments::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    let action = if submit {
        "assessment.submitted"
    } else {
        "assessment.saved"
    };
    audit::record(conn, who, action, &nomination.reference, None)
}
