//! The juror's desk: affiliations, conflict declarations, scores and holistic
//! assessments. Every change is written with its audit event in the caller's transaction.

use super::DbConn;
use super::audit;
use super::jury::CriterionRow;
use super::nominations::NominationRow;
use super::rounds::Round;
use super::schema::{affiliations, assessments, conflicts, nominations, rounds, scores, users};
use crate::domain::{Actor, Affiliation, AffiliationContent, ConflictStatus, Phase, Role};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------
// Affiliations

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = affiliations)]
pub struct AffiliationRow {
    pub id: i32,
    pub user_id: i32,
    #[diesel(embed)]
    pub affiliation: AffiliationContent,
    pub created_at: NaiveDateTime,
}

impl std::ops::Deref for AffiliationRow {
    type Target = AffiliationContent;

    /// The affiliation's fields read as the row's own (`row.organisation`).
    fn deref(&self) -> &AffiliationContent {
        &self.affiliation
    }
}

pub fn affiliations_of(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<AffiliationRow>> {
    affiliations::table
        .filter(affiliations::user_id.eq(user_id))
        .order((affiliations::organisation, affiliations::id))
        .select(AffiliationRow::as_select())
        .load(conn)
}

#[tracing::instrument(skip_all, fields(user_id = user_id))]
pub fn add_affiliation(conn: &mut DbConn, user_id: i32, new: &Affiliation) -> QueryResult<i32> {
    let id = diesel::insert_into(affiliations::table)
        .values((
            affiliations::user_id.eq(user_id),
            new.content(),
            affiliations::created_at.eq(super::now()),
        ))
        .returning(affiliations::id)
        .get_result::<i32>(conn)?;
    audit::record_by_user(
        conn,
        user_id,
        "affiliation.added",
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
        audit::record_by_user(
            conn,
            user_id,
            "affiliation.removed",
            Some(&format!("affiliation:{affiliation_id}")),
        )?;
    }
    Ok(removed > 0)
}

/// One of the user's own affiliations, if they have one by that id.
pub fn affiliation_of(
    conn: &mut DbConn,
    user_id: i32,
    affiliation_id: i32,
) -> QueryResult<Option<AffiliationRow>> {
    super::first_of(
        conn,
        affiliations::table
            .filter(affiliations::id.eq(affiliation_id))
            .filter(affiliations::user_id.eq(user_id)),
    )
}

/// The nominations from the organisation, each with its round's phase.
pub fn nominations_from(
    conn: &mut DbConn,
    org_number: &str,
) -> QueryResult<Vec<(NominationRow, Phase)>> {
    nominations::table
        .inner_join(rounds::table)
        .filter(nominations::org_number.eq(org_number))
        .order(nominations::id)
        .select((NominationRow::as_select(), rounds::phase))
        .load(conn)
}

/// Keeps the flag an affiliation raised on the nomination as a case waiting for the
/// secretariat (status `flagged`), with its audit event, unless a case of the juror's is
/// already on record for it (which then stands). Call inside a transaction.
pub fn keep_flag(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
) -> QueryResult<bool> {
    let juror = Actor::User(juror_id).to_string();
    // No declaration: the case came from an affiliation.
    let case = NewCase {
        status: ConflictStatus::Flagged,
        reason: "",
        event: "conflict.flag_kept",
        detail: Some(&juror),
    };
    open_case(conn, juror_id, nomination, case)
}

/// A conflict case to open: its status and reason, and the audit event that records it.
struct NewCase<'a> {
    status: ConflictStatus,
    reason: &'a str,
    event: &'a str,
    detail: Option<&'a str>,
}

/// Opens the juror's conflict case on the nomination with its audit event; `false`, and
/// nothing written, when a case of theirs is already on record (it stands).
fn open_case(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
    case: NewCase<'_>,
) -> QueryResult<bool> {
    if conflict_of(conn, juror_id, nomination.id)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(conflicts::table)
        .values((
            conflicts::nomination_id.eq(nomination.id),
            conflicts::juror_id.eq(juror_id),
            conflicts::reason.eq(case.reason),
            conflicts::status.eq(case.status),
            conflicts::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        Actor::User(juror_id),
        case.event,
        &nomination.reference,
        case.detail,
    )?;
    Ok(true)
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

pub use crate::domain::score_sheet::ScoreEntry;

/// The conflict a juror declared on a nomination, if any.
pub fn conflict_of(
    conn: &mut DbConn,
    juror_id: i32,
    nomination_id: i32,
) -> QueryResult<Option<ConflictRow>> {
    super::first_of(
        conn,
        conflicts::table
            .filter(conflicts::juror_id.eq(juror_id))
            .filter(conflicts::nomination_id.eq(nomination_id)),
    )
}

/// A juror's holistic assessment of a nomination (draft or submitted), if any.
pub fn holistic_of(
    conn: &mut DbConn,
    juror_id: i32,
    nomination_id: i32,
) -> QueryResult<Option<String>> {
    assessments::table
        .filter(assessments::juror_id.eq(juror_id))
        .filter(assessments::nomination_id.eq(nomination_id))
        .select(assessments::holistic)
        .first::<String>(conn)
        .optional()
}

/// A juror's stored scores of a nomination, per criterion id.
pub fn scores_of(
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

/// A submitted holistic assessment with its juror.
#[derive(Debug, Clone, Queryable)]
pub struct SubmittedAssessment {
    pub juror_id: i32,
    pub juror_name: String,
    pub holistic: String,
}

/// The jurors' submitted assessments of a nomination, except `except_juror`'s, by name.
/// Who of them may be shown is not decided here (see `services::scoring`).
pub fn submitted_assessments(
    conn: &mut DbConn,
    nomination_id: i32,
    except_juror: i32,
) -> QueryResult<Vec<SubmittedAssessment>> {
    assessments::table
        .inner_join(users::table.on(users::id.eq(assessments::juror_id)))
        .filter(assessments::nomination_id.eq(nomination_id))
        .filter(assessments::juror_id.ne(except_juror))
        .filter(assessments::submitted_at.is_not_null())
        .filter(users::role.eq(Role::Juror.code()))
        .order((users::name, users::id))
        .select((users::id, users::name, assessments::holistic))
        .load(conn)
}

/// The round a nomination belongs to, if the nomination exists.
pub fn round_of(conn: &mut DbConn, nomination_id: i32) -> QueryResult<Option<i32>> {
    nominations::table
        .find(nomination_id)
        .select(nominations::round_id)
        .first::<i32>(conn)
        .optional()
}

/// Records a conflict the juror declares; `false` when one is already recorded.
#[tracing::instrument(skip_all, fields(juror_id = juror_id, nomination_id = nomination.id))]
pub fn declare_conflict(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
    reason: &str,
) -> QueryResult<bool> {
    let case = NewCase {
        status: ConflictStatus::Declared,
        reason,
        event: "conflict.declared",
        detail: None,
    };
    open_case(conn, juror_id, nomination, case)
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
    let stored = scores_of(conn, juror_id, nomination.id)?;
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
