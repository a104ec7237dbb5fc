use super::DbConn;
use super::schema::{account_tokens, sessions, users};
use crate::domain::{EmailAddress, Role};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: Option<String>,
    pub failed_logins: i32,
    pub locked_until: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub disabled_at: Option<NaiveDateTime>,
    /// Since when the account logs in with a TOTP code too (`None`: password only).
    pub totp_enrolled_at: Option<NaiveDateTime>,
}

impl UserRow {
    /// This user as the one who acted, in the audit log.
    pub fn actor(&self) -> crate::domain::Actor {
        crate::domain::Actor::User(self.id)
    }

    /// Switched off: cannot log in, has no sessions, its links do not work.
    pub fn is_disabled(&self) -> bool {
        self.disabled_at.is_some()
    }

    /// Logs in with a second factor (an authenticator app's code or a recovery code).
    pub fn has_totp(&self) -> bool {
        self.totp_enrolled_at.is_some()
    }

    /// The stored role; a row can only have been written with a valid one.
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Juror)
    }
}

/// E-mail addresses are compared without regard to case.
fn normalise(email: &str) -> String {
    email.trim().to_lowercase()
}

#[tracing::instrument(skip_all, fields(role = role.code()))]
pub fn insert(
    conn: &mut DbConn,
    email: &EmailAddress,
    name: &str,
    role: Role,
) -> QueryResult<UserRow> {
    let id = diesel::insert_into(users::table)
        .values((
            users::email.eq(normalise(email.as_ref())),
            users::name.eq(name),
            users::role.eq(role.code()),
            users::failed_logins.eq(0),
            users::created_at.eq(super::now()),
        ))
        .returning(users::id)
        .get_result::<i32>(conn)?;
    find(conn, id)
}

pub fn find(conn: &mut DbConn, user_id: i32) -> QueryResult<UserRow> {
    users::table
        .find(user_id)
        .select(UserRow::as_select())
        .first(conn)
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    super::first_of(conn, users::table.filter(users::email.eq(normalise(email))))
}

/// The accounts the secretariat manages: all but the anonymised ones (nobody's, and
/// never to be switched on again; they stay in the jury's record under their ids).
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::erased_at.is_null())
        .order((users::role, users::name))
        .select(UserRow::as_select())
        .load(conn)
}

/// Takes one login attempt for the account, atomically and before any password is
/// checked: the count goes up only while the account is not locked and fewer than
/// `lock_after` attempts are open, so a burst of parallel attempts gets no more than
/// `lock_after` password checks. `None`: no attempt allowed (locked, or the limit is
/// reached by attempts still being checked). A successful login resets the count.
pub fn reserve_login_attempt(
    conn: &mut DbConn,
    user_id: i32,
    lock_after: i32,
    now: NaiveDateTime,
) -> QueryResult<Option<i32>> {
    diesel::update(
        users::table
            .filter(users::id.eq(user_id))
            .filter(users::disabled_at.is_null())
            .filter(users::failed_logins.lt(lock_after))
            .filter(
                users::locked_until
                    .is_null()
                    .or(users::locked_until.le(now)),
            ),
    )
    .set(users::failed_logins.eq(users::failed_logins + 1))
    .returning(users::failed_logins)
    .get_result(conn)
    .optional()
}

/// The attempt reserved with `reserve_login_attempt` failed: at the limit the account is
/// locked until `lock_until` (and the count starts again after it).
pub fn record_failed_login(
    conn: &mut DbConn,
    user_id: i32,
    attempt: i32,
    lock_after: i32,
    lock_until: NaiveDateTime,
) -> QueryResult<bool> {
    if attempt < lock_after {
        return Ok(false);
    }
    diesel::update(users::table.find(user_id))
        .set((
            users::locked_until.eq(lock_until),
            users::failed_logins.eq(0),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Whether `user_id` is the one enabled secretariat account, so that switching it off or
/// erasing it would leave nobody who can sign in to run the portal.
///
/// On PostgreSQL the enabled admins' rows are locked until the transaction ends: two
/// admins switching each other off at the same moment are then taken one after the
/// other, and the second sees that the first is done (under READ COMMITTED a plain read
/// would let both pass and leave none). SQLite writes one transaction at a time.
pub fn is_the_last_admin(conn: &mut DbConn, user_id: i32) -> QueryResult<bool> {
    let enabled_admins = users::table
        .filter(users::role.eq(Role::Admin.code()))
        .filter(users::disabled_at.is_null())
        .order(users::id)
        .select(users::id);
    let ids: Vec<i32> = match conn {
        DbConn::Pg(pg) => enabled_admins.for_update().load(pg)?,
        DbConn::Sqlite(_) => enabled_admins.load(conn)?,
    };
    Ok(ids == [user_id])
}

/// Switches an account off or on again; switching off ends its sessions and voids its
/// open links. `false` when it already was so.
pub fn set_disabled(
    conn: &mut DbConn,
    user_id: i32,
    disabled: bool,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = if disabled {
        diesel::update(
            users::table
                .find(user_id)
                .filter(users::disabled_at.is_null()),
        )
        .set(users::disabled_at.eq(now))
        .execute(conn)?
    } else {
        diesel::update(
            users::table
                .find(user_id)
                .filter(users::disabled_at.is_not_null())
                // An anonymised account stays off: it has no owner to give it back to.
                .filter(users::erased_at.is_null()),
        )
        .set((
            users::disabled_at.eq(None::<NaiveDateTime>),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?
    };
    if disabled && changed > 0 {
        end_sessions(conn, user_id)?;
        void_open_tokens(conn, user_id, now)?;
    }
    Ok(changed > 0)
}

/// The language the user last used the desk in, if known.
pub fn language_of(conn: &mut DbConn, user_id: i32) -> QueryResult<Option<String>> {
    users::table
        .find(user_id)
        .select(users::language)
        .first(conn)
}

pub fn set_language(conn: &mut DbConn, user_id: i32, lang: crate::i18n::Lang) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::language.eq(lang.code()))
        .execute(conn)
        .map(|_| ())
}

pub fn record_successful_login(conn: &mut DbConn, user_id: i32) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Sets a new password hash, lifts any lockout, and ends every session of the user.
pub fn set_password_hash(conn: &mut DbConn, user_id: i32, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    end_sessions(conn, user_id)
}

pub fn end_sessions(conn: &mut DbConn, user_id: i32) -> QueryResult<()> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id)))
        .execute(conn)
        .map(|_| ())
}

pub fn count_sessions(conn: &mut DbConn, user_id: i32) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .count()
        .get_result(conn)
}

/// Purposes of one-time account links.
pub const TOKEN_SET_PASSWORD: &str = "set_password";

/// Marks every open link of the user as used, so none of them works any more.
pub fn void_open_tokens(conn: &mut DbConn, user_id: i32, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        account_tokens::table
            .filter(account_tokens::user_id.eq(user_id))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(now))
    .execute(conn)
}

/// Stores a new one-time link; every older open link of the user stops working (only the
/// newest invitation or reset mail is good).
pub fn insert_token(
    conn: &mut DbConn,
    user_id: i32,
    token_hash: &str,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    void_open_tokens(conn, user_id, super::now())?;
    diesel::insert_into(account_tokens::table)
        .values((
            account_tokens::user_id.eq(user_id),
            account_tokens::token_hash.eq(token_hash),
            account_tokens::purpose.eq(TOKEN_SET_PASSWORD),
            account_tokens::expires_at.eq(expires_at),
            account_tokens::created_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The user a still valid, unused token belongs to (never a disabled account's).
pub fn token_user(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<i32>> {
    account_tokens::table
        .inner_join(users::table)
        .filter(account_tokens::token_hash.eq(token_hash))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now))
        .filter(users::disabled_at.is_null())
        .select(account_tokens::user_id)
        .first(conn)
        .optional()
}

/// Uses up a token (once): the user it belonged to, if it was valid.
pub fn consume_token(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<i32>> {
    let Some(user_id) = token_user(conn, token_hash, now)? else {
        return Ok(None);
    };
    let used = diesel::update(
        account_tokens::table
            .filter(account_tokens::token_hash.eq(token_hash))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(now))
    .execute(conn)?;
    if used != 1 {
        return Ok(None);
    }
    // Using one link voids every other open link of the user.
    void_open_tokens(conn, user_id, now)?;
    Ok(Some(user_id))
}
