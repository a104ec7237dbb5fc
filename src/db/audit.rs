use super::DbConn;
use super::schema::audit_events;
use crate::domain::Actor;
use diesel::prelude::*;

/// Records an event in the caller's transaction. `subject_ref` is a reference or id, and
/// `detail` must never hold personal data or free text from users: the audit log is kept
/// when contacts and accounts are purged, so it may only name things by id.
pub fn record(
    conn: &mut DbConn,
    actor: Actor,
    action: &str,
    subject_ref: &str,
    detail: Option<&str>,
) -> QueryResult<()> {
    event(actor, action, subject_ref, detail, super::now())
        .run(conn)
        .map(|_| ())
}

/// The event `record` stores, to be stored along with another row (`db::together`).
pub fn event<'a>(
    actor: Actor,
    action: &'a str,
    subject_ref: &'a str,
    detail: Option<&'a str>,
    now: chrono::NaiveDateTime,
) -> super::together::Along<'a> {
    debug_assert!(
        is_reference_like(subject_ref) && detail.is_none_or(is_reference_like),
        "an audit event names something other than by id or code: {action}"
    );
    Box::new(diesel::insert_into(audit_events::table).values((
        audit_events::occurred_at.eq(now),
        audit_events::actor.eq(actor.to_string()),
        audit_events::action.eq(action),
        audit_events::subject_ref.eq(subject_ref),
        audit_events::detail.eq(detail),
    )))
}

/// What an event's subject and detail may hold: references, ids, codes and counts
/// (`BSP-2027-0007`, `round:3`, `from:scoring to:discussion`, `user:4,user:9`) — no `@`,
/// no letters outside ASCII, nothing long. Every call site passes such values (checked in
/// debug builds, so every test run checks the events it writes); a name could still pass
/// this rough check, which is why the call sites only ever pass ids.
fn is_reference_like(text: &str) -> bool {
    text.len() <= 200
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " :,->_.".contains(c))
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

#[cfg(test)]
mod tests {
    use super::is_reference_like;

    #[test]
    fn ids_and_codes_pass_addresses_and_long_text_do_not() {
        for ok in [
            "BSP-2027-0007",
            "round:3",
            "from:scoring to:discussion",
            "user:4,user:9",
        ] {
            assert!(is_reference_like(ok), "{ok}");
        }
        for bad in ["ola@example.no", "Kåre", &"x".repeat(201)] {
            assert!(!is_reference_like(bad), "{bad}");
        }
    }
}
