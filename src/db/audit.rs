use super::DbConn;
use super::schema::audit_events;
use diesel::prelude::*;

/// Who acted: a logged-in user's id later; for the public side, the kind of submitter.
pub const ACTOR_PUBLIC: &str = "public";

/// Records an event in the caller's transaction. `subject_ref` is a reference or id, and
/// `detail` must never hold personal data or free text from users.
pub fn record(
    conn: &mut DbConn,
    actor: &str,
    action: &str,
    subject_ref: &str,
    detail: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::occurred_at.eq(super::now()),
            audit_events::actor.eq(actor),
            audit_events::action.eq(action),
            audit_events::subject_ref.eq(subject_ref),
            audit_events::detail.eq(detail),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn actions_for(conn: &mut DbConn, subject_ref: &str) -> QueryResult<Vec<String>> {
    audit_events::table
        .filter(audit_events::subject_ref.eq(subject_ref))
        .order(audit_events::id)
        .select(audit_events::action)
        .load(conn)
}
