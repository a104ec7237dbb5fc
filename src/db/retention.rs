//! The records the retention rules read, and erasing what they say is due. The same
//! erasures serve a person's request (`privacy::erase`), so "removed" means one thing.
//! Each erasure touches only rows that still hold the data, and returns how many it
//! changed: two purges at once count each row once.

use super::DbConn;
use super::schema::{account_tokens, nominations, recovery_codes, rounds, sessions, tips, users};
use crate::domain::{Actor, RoundSpan};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Every round, as the rules read it (one a year: small).
pub fn rounds(conn: &mut DbConn) -> QueryResult<Vec<RoundSpan>> {
    rounds::table
        .select((rounds::id, rounds::closes_at, rounds::conference_date))
        .load::<(i32, NaiveDateTime, Option<chrono::NaiveDate>)>(conn)
        .map(|rows| {
            rows.into_iter()
                .map(|(id, closes_at, conference_date)| RoundSpan {
                    id,
                    closes_at,
                    conference_date,
                })
                .collect()
        })
}

/// Tips that still hold a tipster's name or address: id, when it arrived, and the round of
/// the nomination it led to.
pub fn tips_with_contact(conn: &mut DbConn) -> QueryResult<Vec<(i32, NaiveDateTime, Option<i32>)>> {
    tips::table
        .left_join(nominations::table)
        .filter(
            tips::tipster_name
                .is_not_null()
                .or(tips::tipster_email.is_not_null()),
        )
        .select((tips::id, tips::created_at, nominations::round_id.nullable()))
        .load(conn)
}

/// Nominations that still hold a contact person: id and round.
pub fn nominations_with_contact(conn: &mut DbConn) -> QueryResult<Vec<(i32, i32)>> {
    nominations::table
        .filter(nominations::contact_email.ne(""))
        .select((nominations::id, nominations::round_id))
        .load(conn)
}

/// Disabled accounts not yet anonymised: id and since when.
pub fn disabled_accounts(conn: &mut DbConn) -> QueryResult<Vec<(i32, NaiveDateTime)>> {
    users::table
        .filter(users::erased_at.is_null())
        .filter(users::disabled_at.is_not_null())
        .select((users::id, users::disabled_at.assume_not_null()))
        .load(conn)
}

/// Removes the tipster's name and address (and so the permission to contact them) from
/// the tips. The tips stay.
pub fn erase_tip_contacts(conn: &mut DbConn, ids: &[i32]) -> QueryResult<usize> {
    diesel::update(
        tips::table.filter(tips::id.eq_any(ids)).filter(
            tips::tipster_name
                .is_not_null()
                .or(tips::tipster_email.is_not_null()),
        ),
    )
    .set((
        tips::tipster_name.eq(None::<String>),
        tips::tipster_email.eq(None::<String>),
        tips::may_contact.eq(false),
    ))
    .execute(conn)
}

/// Removes the contact person (name, address, phone) from the nominations. The
/// nominations stay.
pub fn erase_nomination_contacts(conn: &mut DbConn, ids: &[i32]) -> QueryResult<usize> {
    diesel::update(
        nominations::table
            .filter(nominations::id.eq_any(ids))
            .filter(nominations::contact_email.ne("")),
    )
    .set((
        nominations::contact_name.eq(super::outbox::ERASED),
        nominations::contact_email.eq(""),
        nominations::contact_phone.eq(None::<String>),
    ))
    .execute(conn)
}

/// Anonymises a staff account: its name, address, password, authenticator, recovery
/// codes, links and sessions go; it stays disabled for good. The row and its id stay, so
/// what the jury did (scores, assessments, conflict declarations and their decisions,
/// assignments, affiliations — the basis of the impartiality rules that decided which
/// scores count — decisions and the audit log) keeps pointing at one account and the
/// jury's record reads as before. `false` when it was already anonymised or does not exist.
pub fn anonymise_user(
    conn: &mut DbConn,
    user_id: i32,
    actor: Actor,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        users::table
            .find(user_id)
            .filter(users::erased_at.is_null()),
    )
    .set((
        // Unique, and no mail can be delivered to it (.invalid is reserved, RFC 2606).
        users::email.eq(format!("erased-{user_id}@invalid")),
        users::name.eq(super::outbox::ERASED),
        users::password_hash.eq(None::<String>),
        users::failed_logins.eq(0),
        users::locked_until.eq(None::<NaiveDateTime>),
        users::totp_secret.eq(None::<String>),
        users::totp_enrolled_at.eq(None::<NaiveDateTime>),
        users::totp_last_step.eq(None::<i64>),
        users::erased_at.eq(now),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Ok(false);
    }
    // Erased at the person's request while still active: switched off for good too.
    super::users::set_disabled(conn, user_id, true, now)?;
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(account_tokens::table.filter(account_tokens::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    super::audit::record_on_user(conn, actor, "user.erased", user_id, None)?;
    Ok(true)
}
