//! The second factor of a staff login: the TOTP secret (stored encrypted; see
//! `accounts::totp`), the last accepted time step, and the one-time recovery codes.

use super::DbConn;
use super::schema::{recovery_codes, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// What the login and the enrolment need of a user's TOTP.
#[derive(Debug, Clone, Queryable)]
pub struct TotpState {
    /// The encrypted secret, if enrolment was started (or finished).
    pub secret: Option<String>,
    pub enrolled_at: Option<NaiveDateTime>,
}

pub fn state(conn: &mut DbConn, user_id: i32) -> QueryResult<TotpState> {
    users::table
        .find(user_id)
        .select((users::totp_secret, users::totp_enrolled_at))
        .first(conn)
}

/// Starts (or restarts) an enrolment with a new secret, unless one is finished: `false`
/// then, and nothing changes (an enrolled secret is only replaced after a reset).
pub fn start_enrolment(conn: &mut DbConn, user_id: i32, secret: &str) -> QueryResult<bool> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::totp_enrolled_at.is_null()),
    )
    .set((
        users::totp_secret.eq(secret),
        users::totp_last_step.eq(None::<i64>),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Finishes the enrolment whose secret is `secret` (the one the page showed), with the
/// step of the code that confirmed it; `false` if it was finished or restarted meanwhile.
pub fn finish_enrolment(
    conn: &mut DbConn,
    user_id: i32,
    secret: &str,
    step: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::totp_enrolled_at.is_null())
            .filter(users::totp_secret.eq(secret)),
    )
    .set((
        users::totp_enrolled_at.eq(now),
        users::totp_last_step.eq(step),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Takes a time step for a login, atomically: only a step later than the last one used
/// is accepted, so the same code (or an older one) never works twice, even when two
/// requests carry it at the same moment.
pub fn use_step(conn: &mut DbConn, user_id: i32, step: i64) -> QueryResult<bool> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::totp_enrolled_at.is_not_null())
            .filter(
                users::totp_last_step
                    .is_null()
                    .or(users::totp_last_step.lt(step)),
            ),
    )
    .set(users::totp_last_step.eq(step))
    .execute(conn)
    .map(|n| n == 1)
}

/// Replaces the user's recovery codes with these hashes.
pub fn replace_recovery_codes(
    conn: &mut DbConn,
    user_id: i32,
    hashes: &[String],
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    for hash in hashes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::user_id.eq(user_id),
                recovery_codes::code_hash.eq(hash),
                recovery_codes::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The user's unused recovery codes: (id, salted hash).
pub fn unused_recovery_codes(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<(i32, String)>> {
    recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .select((recovery_codes::id, recovery_codes::code_hash))
        .order(recovery_codes::id)
        .load(conn)
}

pub fn count_unused_recovery_codes(conn: &mut DbConn, user_id: i32) -> QueryResult<i64> {
    recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}

/// Uses up a recovery code, once: `false` if another request used it first.
pub fn use_recovery_code(conn: &mut DbConn, code_id: i32, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        recovery_codes::table
            .find(code_id)
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// Takes the second factor away (a lost authenticator): secret, step and recovery codes.
/// `false` when the user had none (enrolled or started).
pub fn reset(conn: &mut DbConn, user_id: i32) -> QueryResult<bool> {
    let changed = diesel::update(
        users::table
            .find(user_id)
            .filter(users::totp_secret.is_not_null()),
    )
    .set((
        users::totp_secret.eq(None::<String>),
        users::totp_enrolled_at.eq(None::<NaiveDateTime>),
        users::totp_last_step.eq(None::<i64>),
    ))
    .execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(changed == 1)
}
