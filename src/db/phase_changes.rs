//! Rounds moved back to an earlier phase, with the secretariat's reason.

use super::DbConn;
use super::schema::{round_phase_changes, users};
use crate::domain::Phase;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// One move back, as the results page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct PhaseChange {
    pub from_phase: Phase,
    pub to_phase: Phase,
    pub reason: String,
    pub changed_by: String,
    pub changed_at: NaiveDateTime,
}

pub fn record(
    conn: &mut DbConn,
    round_id: i32,
    from: Phase,
    to: Phase,
    reason: &str,
    changed_by: i32,
) -> QueryResult<()> {
    diesel::insert_into(round_phase_changes::table)
        .values((
            round_phase_changes::round_id.eq(round_id),
            round_phase_changes::from_phase.eq(from),
            round_phase_changes::to_phase.eq(to),
            round_phase_changes::reason.eq(reason),
            round_phase_changes::changed_by.eq(changed_by),
            round_phase_changes::changed_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A round's moves back, oldest first, with who made them.
pub fn of_round(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<PhaseChange>> {
    round_phase_changes::table
        .inner_join(users::table.on(users::id.eq(round_phase_changes::changed_by)))
        .filter(round_phase_changes::round_id.eq(round_id))
        .order(round_phase_changes::id)
        .select((
            round_phase_changes::from_phase,
            round_phase_changes::to_phase,
            round_phase_changes::reason,
            users::name,
            round_phase_changes::changed_at,
        ))
        .load(conn)
}
