//! Accounts of the secretariat and the jury: creating them with a one-time link to set a
//! password, logging in with argon2id and a lockout after repeated failures, and password
//! reset by an expiring e-mail link.

use crate::config::AuthSettings;
use crate::db::{self, Database, audit, users::UserRow};
use crate::domain::{Actor, EmailAddress, NewPassword, Role, ShortText};
use crate::email::{self, MailIdentity};
use crate::i18n::Lang;
use crate::outbox::OutboxSignal;
use crate::submissions::{EditToken, hash_token};
use crate::templates;
use anyhow::Context as _;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use diesel::Connection as _;
use std::sync::LazyLock;

#[derive(Clone)]
pub struct Accounts {
    db: Database,
    identity: MailIdentity,
    signal: OutboxSignal,
    settings: AuthSettings,
}

#[derive(Debug)]
pub enum LoginOutcome {
    LoggedIn(UserRow),
    /// Wrong address or password, or the account is locked: the same answer for all, so
    /// the page does not reveal which addresses have accounts.
    Refused,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account with this e-mail address exists")]
    EmailTaken,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// A hash to verify against when no account matches, so a login for an unknown address
/// takes as long as one for a known address.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("not a real password at all").unwrap_or_default());

fn hash_password(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

impl Accounts {
    pub fn new(
        db: Database,
        identity: MailIdentity,
        signal: OutboxSignal,
        settings: AuthSettings,
    ) -> Self {
        Self {
            db,
            identity,
            signal,
            settings,
        }
    }

    fn link(&self, token: &EditToken) -> String {
        format!(
            "{}/konto/passord/{}",
            self.identity.base_url,
            token.as_str()
        )
    }

    /// Creates an account and e-mails (through the outbox) a one-time link to set its
    /// password. Returns the account and the link (the command line prints it).
    #[tracing::instrument(skip_all, fields(role = role.code(), actor))]
    pub async fn create_user(
        &self,
        email_address: EmailAddress,
        name: ShortText,
        role: Role,
        lang: Lang,
        actor: Actor,
    ) -> Result<(UserRow, String), CreateUserError> {
        let token = EditToken::generate();
        let link = self.link(&token);
        let identity = self.identity.clone();
        let hours = self.settings.invite_valid_hours;
        let valid_for = chrono::TimeDelta::hours(hours);
        let mail_link = link.clone();
        let created = self
            .db
            .write(move |conn| {
                conn.transaction(|conn| {
                    if db::users::find_by_email(conn, email_address.as_ref())?.is_some() {
                        return Ok(None);
                    }
                    let user = db::users::insert(conn, &email_address, name.as_ref(), role)?;
                    db::users::insert_token(
                        conn,
                        user.id,
                        &hash_token(token.as_str()),
                        db::now() + valid_for,
                    )?;
                    let message = email::account_link(
                        templates::get(),
                        &identity,
                        &user,
                        &mail_link,
                        email::AccountLink::Invite(hours),
                        lang,
                    )?;
                    db::outbox::enqueue(conn, &message)?;
                    audit::record(
                        conn,
                        actor,
                        "user.created",
                        &Actor::User(user.id).to_string(),
                        Some(role.code()),
                    )?;
                    Ok(Some(user))
                })
            })
            .await?;
        let user = created.ok_or(CreateUserError::EmailTaken)?;
        self.signal.new_mail();
        Ok((user, link))
    }

    /// Checks an e-mail address and password. Failures count towards a lockout.
    #[tracing::instrument(skip_all)]
    pub async fn authenticate(
        &self,
        email_address: String,
        password: String,
    ) -> anyhow::Result<LoginOutcome> {
        let user = self
            .db
            .read(move |conn| Ok(db::users::find_by_email(conn, &email_address)?))
            .await?;
        let stored_hash = user
            .as_ref()
            .and_then(|u| u.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.clone());
        let password_ok =
            tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
                .await
                .context("password check panicked")?;
        let Some(user) = user else {
            return Ok(LoginOutcome::Refused);
        };
        let now = db::now();
        let locked = user.locked_until.is_some_and(|until| until > now);
        let (user_id, lock_after) = (user.id, self.settings.lockout_after);
        let lock_until = now + chrono::TimeDelta::minutes(self.settings.lockout_minutes);
        if password_ok && !locked && user.password_hash.is_some() {
            self.db
                .write(move |conn| {
                    db::users::record_successful_login(conn, user_id)?;
                    audit::record(
                        conn,
                        Actor::User(user_id),
                        "user.logged_in",
                        &Actor::User(user_id).to_string(),
                        None,
                    )?;
                    Ok(())
                })
                .await?;
            tracing::info!(user_id, "logged in");
            return Ok(LoginOutcome::LoggedIn(user));
        }
        if !locked {
            self.db
                .write(move |conn| {
                    conn.transaction(|conn| {
                        db::users::record_failed_login(conn, user_id, lock_after, lock_until)?;
                        audit::record(
                            conn,
                            Actor::Public,
                            "user.login_failed",
                            &Actor::User(user_id).to_string(),
                            None,
                        )?;
                        Ok(())
                    })
                })
                .await?;
        }
        tracing::info!(user_id, locked, "login refused");
        Ok(LoginOutcome::Refused)
    }

    /// E-mails a reset link if an account has this address; says nothing either way.
    #[tracing::instrument(skip_all)]
    pub async fn request_password_reset(
        &self,
        email_address: String,
        lang: Lang,
    ) -> anyhow::Result<()> {
        let token = EditToken::generate();
        let link = self.link(&token);
        let identity = self.identity.clone();
        let minutes = self.settings.reset_valid_minutes;
        let valid_for = chrono::TimeDelta::minutes(minutes);
        let sent = self
            .db
            .write(move |conn| {
                conn.transaction(|conn| {
                    let Some(user) = db::users::find_by_email(conn, &email_address)? else {
                        return Ok(false);
                    };
                    db::users::insert_token(
                        conn,
                        user.id,
                        &hash_token(token.as_str()),
                        db::now() + valid_for,
                    )?;
                    let message = email::account_link(
                        templates::get(),
                        &identity,
                        &user,
                        &link,
                        email::AccountLink::Reset(minutes),
                        lang,
                    )?;
                    db::outbox::enqueue(conn, &message)?;
                    audit::record(
                        conn,
                        Actor::Public,
                        "user.reset_requested",
                        &Actor::User(user.id).to_string(),
                        None,
                    )?;
                    Ok(true)
                })
            })
            .await?;
        if sent {
            self.signal.new_mail();
        }
        Ok(())
    }

    /// Whether a password link is still valid (unused and not expired).
    pub async fn password_link_valid(&self, token: String) -> anyhow::Result<bool> {
        self.db
            .read(move |conn| {
                Ok(db::users::token_user(conn, &hash_token(&token), db::now())?.is_some())
            })
            .await
    }

    /// Sets the password through a one-time link, which is then used up; every session of
    /// the account ends. `None` when the link is not valid.
    #[tracing::instrument(skip_all)]
    pub async fn set_password(
        &self,
        token: String,
        password: NewPassword,
    ) -> anyhow::Result<Option<UserRow>> {
        let hash = tokio::task::spawn_blocking(move || hash_password(password.expose()))
            .await
            .context("hashing panicked")??;
        self.db
            .write(move |conn| {
                conn.transaction(|conn| {
                    let Some(user_id) =
                        db::users::consume_token(conn, &hash_token(&token), db::now())?
                    else {
                        return Ok(None);
                    };
                    db::users::set_password_hash(conn, user_id, &hash)?;
                    audit::record(
                        conn,
                        Actor::User(user_id),
                        "user.password_set",
                        &Actor::User(user_id).to_string(),
                        None,
                    )?;
                    Ok(Some(db::users::find(conn, user_id)?))
                })
            })
            .await
    }

    pub async fn find_user(&self, user_id: i32) -> anyhow::Result<Option<UserRow>> {
        self.db
            .read(move |conn| {
                Ok(diesel::OptionalExtension::optional(db::users::find(
                    conn, user_id,
                ))?)
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("riktig hest batteri stift").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("riktig hest batteri stift", &hash));
        assert!(!verify_password("riktig hest batteri stiff", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }
}
