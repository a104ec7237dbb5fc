use super::DbConn;
use super::schema::audit_events;
use crate::domain::Actor;
use diesel::prelude::*;

/// Records an event in the caller's transaction. `subject_ref` is a reference or id, and
/// `detail` must never hold personal data or free text from users.
pub fn record(
    conn: &mut DbConn,
    actor: Actor,
    action: &str,
    subject_ref: &str,
    detail: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::occurred_at.eq(super::now()),
            audit_events::actor.eq(actor.to_string()),
            audit_events::action.eq(action),
            audit_events::subject_ref.eq(subject_ref),
            audit_events::detail.eq(detail),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records an event about a user account: the subject is the user (`user:<id>`).
pub fn record_on_user(
    conn: &mut DbConn,
    actor: Actor,
    action: &str,
    user_id: i32,
    detail: Option<&str>,
) -> QueryResult<()> {
    record(
        conn,
        actor,
        action,
        &Actor::User(user_id).to_string(),
        detail,
    )
}

/// Records what a user did to their own account (logged in, set a password, added an
/// affiliation): actor and subject are both the user.
pub fn record_by_user(
    conn: &mut DbConn,
    user_id: i32,
    action: &str,
    detail: Option<&str>,
) -> QueryResult<()> {
    record_on_user(conn, Actor::User(user_id), action, user_id, detail)
}

pub fn actions_for(conn: &mut DbConn, subject_ref: &str) -> QueryResult<Vec<String>> {
    audit_events::table
        .filter(audit_events::subject_ref.eq(subject_ref))
        .order(audit_events::id)
        .select(audit_events::action)
        .load(conn)
}
