use super::DbConn;
use super::schema::rounds;
use crate::domain::{Phase, RoundPlan};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rounds)]
pub struct Round {
    pub id: i32,
    pub prize_year: i32,
    pub nomination_deadline: chrono::NaiveDate,
    pub closes_at: chrono::NaiveDateTime,
    pub created_at: chrono::NaiveDateTime,
    pub jury_deadline: Option<chrono::NaiveDate>,
    pub conference_date: Option<chrono::NaiveDate>,
    pub phase: Phase,
    pub disagreement_threshold: f64,
}

/// The round of the plan's prize year, created on first use. (Until the secretariat
/// manages rounds, they are made as needed from the yearly rule in `RoundPlan`.)
#[tracing::instrument(skip(conn), fields(prize_year = plan.prize_year.value()))]
pub fn ensure(conn: &mut DbConn, plan: &RoundPlan) -> QueryResult<Round> {
    if let Some(round) = find_by_year(conn, plan.prize_year.value())? {
        return Ok(round);
    }
    diesel::insert_into(rounds::table)
        .values((
            rounds::prize_year.eq(plan.prize_year.value()),
            rounds::nomination_deadline.eq(plan.deadline_date),
            rounds::closes_at.eq(plan.closes_at_utc),
            rounds::created_at.eq(super::now()),
        ))
        .returning(rounds::id)
        .get_result::<i32>(conn)
        .and_then(|id| {
            super::jury::ensure_default_rubric(conn, id)?;
            find(conn, id)
        })
}

pub fn find_by_year(conn: &mut DbConn, prize_year: i32) -> QueryResult<Option<Round>> {
    super::first_of(
        conn,
        rounds::table.filter(rounds::prize_year.eq(prize_year)),
    )
}

pub fn find(conn: &mut DbConn, round_id: i32) -> QueryResult<Round> {
    rounds::table
        .find(round_id)
        .select(Round::as_select())
        .first(conn)
}

/// The round taking nominations now: the one with the earliest deadline still ahead that
/// is in its nominations phase — a round the secretariat set up, with its own deadline —
/// if there is one.
pub fn find_open(conn: &mut DbConn, now: chrono::NaiveDateTime) -> QueryResult<Option<Round>> {
    super::first_of(
        conn,
        rounds::table
            .filter(rounds::closes_at.gt(now))
            .filter(rounds::phase.eq(Phase::Nominations))
            .order(rounds::closes_at.asc()),
    )
}

/// The round a nomination arriving now belongs to: the open one, or else the round the
/// yearly rule gives, created as needed.
pub fn open_for_nominations(conn: &mut DbConn, now: chrono::NaiveDateTime) -> QueryResult<Round> {
    match find_open(conn, now)? {
        Some(round) => Ok(round),
        None => ensure(conn, &RoundPlan::open_at(now)),
    }
}
