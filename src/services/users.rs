//! The secretariat's overview of its users: the list, inviting a user
//! (through `crate::accounts`), and ending a user's sessions.

use crate::accounts::{Accounts, CreateUserError};
use crate::db::{self, Database, users::UserRow};
use crate::domain::Actor;
use crate::domain::Invitation;
use crate::i18n::Lang;
use diesel::Connection as _;
use diesel::OptionalExtension as _;

/// Every user, for the user management on the overview.
#[tracing::instrument(skip(db))]
pub async fn overview(db: &Database) -> anyhow::Result<Vec<UserRow>> {
    db.read(|conn| Ok(db::users::all(conn)?)).await
}

/// Creates the account and sends the invitation (with its link to choose a password),
/// in the invitation's own language `lang`.
#[tracing::instrument(skip(accounts, invitation), fields(role = invitation.role.code()))]
pub async fn invite(
    accounts: &Accounts,
    invited_by: i32,
    invitation: Invitation,
    lang: Lang,
) -> Result<(), CreateUserError> {
    accounts
        .create_user(
            invitation.email,
            invitation.name,
            invitation.role,
            lang,
            Actor::User(invited_by),
        )
        .await
        .map(|_| ())
}

/// Ends every session of a user at once, with its audit event; `false` when there is no
/// such user.
#[tracing::instrument(skip(db))]
pub async fn end_sessions(db: &Database, ended_by: i32, user_id: i32) -> anyhow::Result<bool> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            if db::users::find(conn, user_id).optional()?.is_none() {
                return Ok(false);
            }
            db::users::end_sessions(conn, user_id)?;
            db::audit::record_on_user(
                conn,
                Actor::User(ended_by),
                "user.sessions_ended",
                user_id,
                None,
            )?;
            Ok(true)
        })
    })
    .await
}

/// What resetting a user's second factor came to.
pub enum ResetTotp {
    Done,
    HadNone,
    /// One's own: another admin (or the CLI) must reset it, so a stolen session cannot
    /// take the second factor off its account.
    Own,
    NoSuchUser,
}

/// Resets another user's second factor (through `crate::accounts`, audited).
#[tracing::instrument(skip(accounts))]
pub async fn reset_totp(
    accounts: &Accounts,
    reset_by: i32,
    user_id: i32,
) -> anyhow::Result<ResetTotp> {
    if reset_by == user_id {
        return Ok(ResetTotp::Own);
    }
    Ok(
        match accounts
            .reset_two_factor(user_id, Actor::User(reset_by))
            .await?
        {
            Some(true) => ResetTotp::Done,
            Some(false) => ResetTotp::HadNone,
            None => ResetTotp::NoSuchUser,
        },
    )
}
