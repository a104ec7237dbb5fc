//! The secretariat's management of the jury's work: rounds and their rubric, screening
//! nominations, carrying them into a later round, explicit assignments, decisions on
//! conflicts of interest, reopening submitted assessments, and reading the audit log.
//! Every change is written to the audit log in the same transaction, with the acting user
//! (`user:<id>`) and ids or codes only.

use super::DbConn;
use super::audit;
use super::jury::{self, CriterionRow};
use super::nominations::NominationRow;
use super::rounds::Round;
use super::schema::{
    assessments, assignments, audit_events, conflicts, criteria, nominations, rounds, users,
};
use crate::domain::{Actor, ConflictStatus, NominationStatus, Phase, PrizeYear};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use std::collections::HashMap;

/// The first instant (UTC) after the end of `deadline` in Oslo.
///
/// The same rule as `RoundPlan` (whose 1 October always falls in summer time), for any
/// date: Norway follows the EU rule, summer time (UTC+2) from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October, else UTC+1. Midnight that
/// ends the deadline day is the start of the next day, which is in summer time exactly when
/// that next day falls after the last Sunday of March and no later than the last Sunday of
/// October (the switches happen at night, after midnight).
pub fn closes_at_utc(deadline: NaiveDate) -> NaiveDateTime {
    let next_day = deadline.succ_opt().unwrap_or(deadline);
    let year = next_day.year();
    let summer = next_day > last_sunday(year, 3) && next_day <= last_sunday(year, 10);
    let offset_hours = if summer { 2 } else { 1 };
    next_day.and_time(NaiveTime::MIN) - chrono::TimeDelta::hours(offset_hours)
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last_day = NaiveDate::from_ymd_opt(year, month + 1, 1)
        .expect("March and October are followed by a month")
        .pred_opt()
        .expect("a day before");
    let back = last_day.weekday().num_days_from_sunday();
    last_day - chrono::TimeDelta::days(i64::from(back))
}

/// Every round, the newest prize year first.
pub fn all_rounds(conn: &mut DbConn) -> QueryResult<Vec<Round>> {
    rounds::table
        .order(rounds::prize_year.desc())
        .select(Round::as_select())
        .load(conn)
}

/// The dates of a round, as the secretariat sets them.
#[derive(Debug, Clone)]
pub struct RoundDates {
    pub nomination_deadline: NaiveDate,
    pub jury_deadline: Option<NaiveDate>,
    pub conference_date: Option<NaiveDate>,
}

/// Creates a round with the default rubric; `None` when the prize year has one already.
pub fn create_round(
    conn: &mut DbConn,
    prize_year: PrizeYear,
    dates: &RoundDates,
    actor: Actor,
) -> QueryResult<Option<Round>> {
    let prize_year = prize_year.value();
    conn.transaction(|conn| {
        if super::rounds::find_by_year(conn, prize_year)?.is_some() {
            return Ok(None);
        }
        let id = diesel::insert_into(rounds::table)
            .values((
                rounds::prize_year.eq(prize_year),
                rounds::nomination_deadline.eq(dates.nomination_deadline),
                rounds::closes_at.eq(closes_at_utc(dates.nomination_deadline)),
                rounds::created_at.eq(super::now()),
                rounds::jury_deadline.eq(dates.jury_deadline),
                rounds::conference_date.eq(dates.conference_date),
                rounds::phase.eq(Phase::Nominations),
            ))
            .returning(rounds::id)
            .get_result::<i32>(conn)?;
        jury::ensure_default_rubric(conn, id)?;
        audit::record(
            conn,
            actor,
            "round.created",
            &format!("round:{id}"),
            Some(&prize_year.to_string()),
        )?;
        super::rounds::find(conn, id).map(Some)
    })
}

/// What the secretariat can change on a round.
#[derive(Debug, Clone)]
pub struct RoundChanges {
    pub dates: RoundDates,
    pub phase: Phase,
    pub disagreement_threshold: f64,
}

pub fn update_round(
    conn: &mut DbConn,
    round_id: i32,
    changes: &RoundChanges,
    actor: Actor,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let before = super::rounds::find(conn, round_id)?;
        diesel::update(rounds::table.find(round_id))
            .set((
                rounds::nomination_deadline.eq(changes.dates.nomination_deadline),
                rounds::closes_at.eq(closes_at_utc(changes.dates.nomination_deadline)),
                rounds::jury_deadline.eq(changes.dates.jury_deadline),
                rounds::conference_date.eq(changes.dates.conference_date),
                rounds::phase.eq(changes.phase),
                rounds::disagreement_threshold.eq(changes.disagreement_threshold),
            ))
            .execute(conn)?;
        let subject = format!("round:{round_id}");
        audit::record(conn, actor, "round.updated", &subject, None)?;
        if before.phase != changes.phase {
            audit::record(
                conn,
                actor,
                "round.phase_changed",
                &subject,
                Some(changes.phase.code()),
            )?;
        }
        Ok(())
    })
}

/// A criterion's content, as the secretariat writes it.
#[derive(Debug, Clone)]
pub struct CriterionContent {
    pub name: String,
    pub description: String,
    pub weight: f64,
}

/// A change to a round's rubric.
#[derive(Debug, Clone)]
pub enum RubricChange {
    Add(CriterionContent),
    Update(i32, CriterionContent),
    Remove(i32),
}

/// Why a rubric change was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RubricRefusal {
    /// A score has been given in the round.
    Locked,
    /// The criterion is not in this round.
    NotFound,
}

/// Whether a criterion code is one of the default rubric's (pages may translate those).
fn is_default_code(code: &str) -> bool {
    jury::DEFAULT_RUBRIC.iter().any(|(c, _, _)| *c == code)
}

/// Changes the rubric, checking in the same transaction that no score has been given.
pub fn change_rubric(
    conn: &mut DbConn,
    round_id: i32,
    change: &RubricChange,
    actor: Actor,
) -> QueryResult<Result<(), RubricRefusal>> {
    conn.transaction(|conn| {
        if jury::rubric_locked(conn, round_id)? {
            return Ok(Err(RubricRefusal::Locked));
        }
        let existing = jury::criteria_for(conn, round_id)?;
        let subject = |id: i32| format!("criterion:{id}");
        match change {
            RubricChange::Add(content) => {
                let position = existing.iter().map(|c| c.position).max().unwrap_or(-1) + 1;
                let mut code = format!("custom-{position}");
                let mut n = position;
                while existing.iter().any(|c| c.code == code) {
                    n += 1;
                    code = format!("custom-{n}");
                }
                let id = diesel::insert_into(criteria::table)
                    .values((
                        criteria::round_id.eq(round_id),
                        criteria::code.eq(&code),
                        criteria::name.eq(&content.name),
                        criteria::description.eq(&content.description),
                        criteria::weight.eq(content.weight),
                        criteria::position.eq(position),
                    ))
                    .returning(criteria::id)
                    .get_result::<i32>(conn)?;
                audit::record(
                    conn,
                    actor,
                    "criterion.added",
                    &subject(id),
                    Some(&format!("round:{round_id}")),
                )?;
            }
            RubricChange::Update(id, content) => {
                let Some(current) = existing.iter().find(|c| c.id == *id) else {
                    return Ok(Err(RubricRefusal::NotFound));
                };
                // A renamed default criterion is no longer the default one: pages then
                // show the stored name instead of the translation of its code.
                let renamed =
                    current.name != content.name || current.description != content.description;
                let code = if renamed && is_default_code(&current.code) {
                    format!("custom-e{id}")
                } else {
                    current.code.clone()
                };
                diesel::update(criteria::table.find(*id))
                    .set((
                        criteria::code.eq(code),
                        criteria::name.eq(&content.name),
                        criteria::description.eq(&content.description),
                        criteria::weight.eq(content.weight),
                    ))
                    .execute(conn)?;
                audit::record(conn, actor, "criterion.updated", &subject(*id), None)?;
            }
            RubricChange::Remove(id) => {
                if !existing.iter().any(|c| c.id == *id) {
                    return Ok(Err(RubricRefusal::NotFound));
                }
                diesel::delete(criteria::table.find(*id)).execute(conn)?;
                audit::record(conn, actor, "criterion.removed", &subject(*id), None)?;
            }
        }
        Ok(Ok(()))
    })
}

pub fn find_criterion(
    conn: &mut DbConn,
    round_id: i32,
    criterion_id: i32,
) -> QueryResult<Option<CriterionRow>> {
    super::first_of(
        conn,
        criteria::table
            .filter(criteria::round_id.eq(round_id))
            .filter(criteria::id.eq(criterion_id)),
    )
}

/// A round's nominations, by reference.
pub fn round_nominations(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<NominationRow>> {
    nominations::table
        .filter(nominations::round_id.eq(round_id))
        .order(nominations::reference)
        .select(NominationRow::as_select())
        .load(conn)
}

/// The secretariat's screening of a nomination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screening {
    Eligible,
    Excluded { reason: String },
}

pub fn screen(
    conn: &mut DbConn,
    nomination: &NominationRow,
    screening: &Screening,
    actor: Actor,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let (status, reason, action) = match screening {
            Screening::Eligible => (NominationStatus::Eligible, None, "nomination.eligible"),
            Screening::Excluded { reason } => (
                NominationStatus::Excluded,
                Some(reason.as_str()),
                "nomination.excluded",
            ),
        };
        diesel::update(nominations::table.find(nomination.id))
            .set((
                nominations::status.eq(status),
                nominations::exclusion_reason.eq(reason),
                nominations::updated_at.eq(super::now()),
            ))
            .execute(conn)?;
        audit::record(conn, actor, action, &nomination.reference, None)
    })
}

/// The rounds a nomination can be carried into: those of a later prize year.
pub fn later_rounds(conn: &mut DbConn, nomination: &NominationRow) -> QueryResult<Vec<Round>> {
    let current = super::rounds::find(conn, nomination.round_id)?;
    rounds::table
        .filter(rounds::prize_year.gt(current.prize_year))
        .order(rounds::prize_year)
        .select(Round::as_select())
        .load(conn)
}

/// Carries a nomination into a later round: it keeps its reference, records where it came
/// from and is screened again there. Its assignments belonged to the old round and go.
/// `false` when the target round is not a later one.
pub fn carry(
    conn: &mut DbConn,
    nomination: &NominationRow,
    target_round_id: i32,
    actor: Actor,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        if !later_rounds(conn, nomination)?
            .iter()
            .any(|r| r.id == target_round_id)
        {
            return Ok(false);
        }
        diesel::delete(assignments::table.filter(assignments::nomination_id.eq(nomination.id)))
            .execute(conn)?;
        diesel::update(nominations::table.find(nomination.id))
            .set((
                nominations::round_id.eq(target_round_id),
                nominations::carried_from_round_id.eq(Some(nomination.round_id)),
                nominations::status.eq(NominationStatus::Submitted),
                nominations::exclusion_reason.eq(None::<String>),
                nominations::updated_at.eq(super::now()),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "nomination.carried",
            &nomination.reference,
            Some(&format!(
                "round:{}->round:{target_round_id}",
                nomination.round_id
            )),
        )?;
        Ok(true)
    })
}

/// The jurors explicitly assigned to a nomination.
pub fn assigned_jurors(conn: &mut DbConn, nomination_id: i32) -> QueryResult<Vec<i32>> {
    assignments::table
        .filter(assignments::nomination_id.eq(nomination_id))
        .select(assignments::juror_id)
        .load(conn)
}

/// Whether the round has any explicit assignment (if not, every juror gets every eligible
/// nomination).
pub fn round_has_assignments(conn: &mut DbConn, round_id: i32) -> QueryResult<bool> {
    let n: i64 = assignments::table
        .filter(assignments::round_id.eq(round_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Replaces the nomination's explicit assignments with `juror_ids` (ids that are not
/// jurors are ignored).
pub fn set_assignments(
    conn: &mut DbConn,
    nomination: &NominationRow,
    juror_ids: &[i32],
    actor: Actor,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let jurors: Vec<i32> = jury::jurors(conn)?
            .into_iter()
            .map(|j| j.id)
            .filter(|id| juror_ids.contains(id))
            .collect();
        diesel::delete(assignments::table.filter(assignments::nomination_id.eq(nomination.id)))
            .execute(conn)?;
        for juror in &jurors {
            diesel::insert_into(assignments::table)
                .values((
                    assignments::round_id.eq(nomination.round_id),
                    assignments::juror_id.eq(juror),
                    assignments::nomination_id.eq(nomination.id),
                ))
                .execute(conn)?;
        }
        let detail = jurors
            .iter()
            .map(|id| Actor::User(*id).to_string())
            .collect::<Vec<_>>()
            .join(",");
        audit::record(
            conn,
            actor,
            "assignments.changed",
            &nomination.reference,
            Some(&detail),
        )
    })
}

/// The jurors who have submitted their assessment of the nomination, with when.
pub fn submitted_assessments(
    conn: &mut DbConn,
    nomination_id: i32,
) -> QueryResult<Vec<(i32, String, NaiveDateTime)>> {
    let rows: Vec<(i32, String, Option<NaiveDateTime>)> = assessments::table
        .inner_join(users::table.on(users::id.eq(assessments::juror_id)))
        .filter(assessments::nomination_id.eq(nomination_id))
        .filter(assessments::submitted_at.is_not_null())
        .order(users::name)
        .select((users::id, users::name, assessments::submitted_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name, at)| at.map(|at| (id, name, at)))
        .collect())
}

/// Opens a juror's submitted assessment for changes again. `false` if there was none.
pub fn reopen(
    conn: &mut DbConn,
    nomination: &NominationRow,
    juror_id: i32,
    actor: Actor,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let changed = diesel::update(
            assessments::table
                .filter(assessments::nomination_id.eq(nomination.id))
                .filter(assessments::juror_id.eq(juror_id))
                .filter(assessments::submitted_at.is_not_null()),
        )
        .set((
            assessments::submitted_at.eq(None::<NaiveDateTime>),
            assessments::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
        if changed > 0 {
            audit::record(
                conn,
                actor,
                "assessment.reopened",
                &nomination.reference,
                Some(&Actor::User(juror_id).to_string()),
            )?;
        }
        Ok(changed > 0)
    })
}

/// A (juror, nomination) pair the secretariat decides on, or has decided.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConflictCase {
    pub juror_id: i32,
    pub juror_name: String,
    pub nomination_id: i32,
    pub reference: String,
    pub title: String,
    pub agency_name: String,
    pub org_number: String,
    pub prize_year: i32,
    /// The case's status, or `None` for a flag by
    /// affiliation that nobody has declared or decided.
    pub status: Option<ConflictStatus>,
    /// The juror's reason, when declared.
    pub reason: String,
    pub affiliated: bool,
    pub decision_note: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
}

/// Every conflict row and every affiliation flag in rounds not yet decided.
pub fn conflict_cases(conn: &mut DbConn) -> QueryResult<Vec<ConflictCase>> {
    let open: Vec<(NominationRow, i32)> = nominations::table
        .inner_join(rounds::table)
        .filter(rounds::phase.ne(Phase::Decided))
        .order(nominations::reference)
        .select((NominationRow::as_select(), rounds::prize_year))
        .load(conn)?;
    let ids: Vec<i32> = open.iter().map(|(n, _)| n.id).collect();
    type ConflictTuple = (
        i32,
        i32,
        ConflictStatus,
        String,
        Option<String>,
        Option<NaiveDateTime>,
    );
    let stored: HashMap<(i32, i32), ConflictTuple> = conflicts::table
        .filter(conflicts::nomination_id.eq_any(&ids))
        .select((
            conflicts::juror_id,
            conflicts::nomination_id,
            conflicts::status,
            conflicts::reason,
            conflicts::decision_note,
            conflicts::decided_at,
        ))
        .load::<ConflictTuple>(conn)?
        .into_iter()
        .map(|row| ((row.0, row.1), row))
        .collect();
    let orgs: Vec<&str> = open.iter().map(|(n, _)| n.org_number.as_str()).collect();
    let affiliated = jury::affiliations_with(conn, &orgs)?;
    let mut cases = Vec::new();
    for juror in jury::jurors(conn)? {
        for (nomination, prize_year) in &open {
            let row = stored.get(&(juror.id, nomination.id));
            let flagged = affiliated.contains(&(juror.id, nomination.org_number.clone()));
            if row.is_none() && !flagged {
                continue;
            }
            cases.push(ConflictCase {
                juror_id: juror.id,
                juror_name: juror.name.clone(),
                nomination_id: nomination.id,
                reference: nomination.reference.clone(),
                title: nomination.title.clone(),
                agency_name: nomination.agency_name.clone(),
                org_number: nomination.org_number.clone(),
                prize_year: *prize_year,
                status: row.map(|r| r.2),
                reason: row.map(|r| r.3.clone()).unwrap_or_default(),
                affiliated: flagged,
                decision_note: row.and_then(|r| r.4.clone()),
                decided_at: row.and_then(|r| r.5),
            });
        }
    }
    Ok(cases)
}

/// Records the secretariat's decision on a (juror, nomination) pair: creates the conflict
/// row for a flag by affiliation, or updates the declared one.
pub fn decide_conflict(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
    upheld: bool,
    note: &str,
    decided_by: i32,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let status = ConflictStatus::decided(upheld);
        let now = super::now();
        let existing: Option<i32> = conflicts::table
            .filter(conflicts::juror_id.eq(juror_id))
            .filter(conflicts::nomination_id.eq(nomination.id))
            .select(conflicts::id)
            .first(conn)
            .optional()?;
        match existing {
            Some(id) => {
                diesel::update(conflicts::table.find(id))
                    .set((
                        conflicts::status.eq(status),
                        conflicts::decision_note.eq(Some(note)),
                        conflicts::decided_by.eq(Some(decided_by)),
                        conflicts::decided_at.eq(Some(now)),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(conflicts::table)
                    .values((
                        conflicts::juror_id.eq(juror_id),
                        conflicts::nomination_id.eq(nomination.id),
                        // No declaration: the case came from an affiliation.
                        conflicts::reason.eq(""),
                        conflicts::status.eq(status),
                        conflicts::decision_note.eq(Some(note)),
                        conflicts::decided_by.eq(Some(decided_by)),
                        conflicts::decided_at.eq(Some(now)),
                        conflicts::created_at.eq(now),
                    ))
                    .execute(conn)?;
            }
        }
        audit::record(
            conn,
            Actor::User(decided_by),
            &format!("conflict.{status}"),
            &nomination.reference,
            Some(&Actor::User(juror_id).to_string()),
        )
    })
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    pub id: i32,
    pub occurred_at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub subject_ref: String,
    pub detail: Option<String>,
}

/// One page of the audit log, newest first, and the number of events in all.
pub fn audit_page(
    conn: &mut DbConn,
    page: i64,
    per_page: i64,
) -> QueryResult<(Vec<AuditEvent>, i64)> {
    let total: i64 = audit_events::table.count().get_result(conn)?;
    let events = audit_events::table
        .order(audit_events::id.desc())
        .offset(page.saturating_sub(1).max(0) * per_page)
        .limit(per_page)
        .select(AuditEvent::as_select())
        .load(conn)?;
    Ok((events, total))
}

/// Every user's name by id, to show who acted.
pub fn user_names(conn: &mut DbConn) -> QueryResult<HashMap<i32, String>> {
    Ok(users::table
        .select((users::id, users::name))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect())
}

/// Every round's prize year, by id (the audit log names rounds by their year).
pub fn round_years(conn: &mut DbConn) -> QueryResult<HashMap<i32, i32>> {
    Ok(rounds::table
        .select((rounds::id, rounds::prize_year))
        .load::<(i32, i32)>(conn)?
        .into_iter()
        .collect())
}

/// Every criterion's code and name, by id.
pub fn criterion_names(conn: &mut DbConn) -> QueryResult<HashMap<i32, (String, String)>> {
    Ok(criteria::table
        .select((criteria::id, criteria::code, criteria::name))
        .load::<(i32, String, String)>(conn)?
        .into_iter()
        .map(|(id, code, name)| (id, (code, name)))
        .collect())
}

/// The references of the given nominations, by id.
pub fn references_of(conn: &mut DbConn, ids: &[i32]) -> QueryResult<HashMap<i32, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(nominations::table
        .filter(nominations::id.eq_any(ids))
        .select((nominations::id, nominations::reference))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::test_time::{at, date};
    use crate::domain::RoundPlan;

    #[test]
    fn agrees_with_the_yearly_rule_on_1_october() {
        for year in 2020..2040 {
            let plan = RoundPlan::for_prize_year(PrizeYear::new(year + 1));
            assert_eq!(closes_at_utc(plan.deadline_date), plan.closes_at_utc);
        }
    }

    #[test]
    fn winter_deadlines_close_at_23_utc() {
        assert_eq!(closes_at_utc(date(2026, 12, 1)), at(2026, 12, 1, 23, 0));
        assert_eq!(closes_at_utc(date(2026, 12, 31)), at(2026, 12, 31, 23, 0));
    }

    #[test]
    fn the_days_around_the_switches() {
        // 2026: summer time from Sunday 29 March to Sunday 25 October.
        assert_eq!(last_sunday(2026, 3), date(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), date(2026, 10, 25));
        // Midnight starting 29 March is still winter time; 30 March's is summer time.
        // Midnight starting 25 October is still summer time; 26 October's is winter.
        for (deadline, closes) in [
            (date(2026, 3, 28), "23:00:00"),
            (date(2026, 3, 29), "22:00:00"),
            (date(2026, 10, 24), "22:00:00"),
            (date(2026, 10, 25), "23:00:00"),
        ] {
            let time = closes_at_utc(deadline).time().to_string();
            assert_eq!(time, closes, "deadline {deadline}");
        }
    }
}
