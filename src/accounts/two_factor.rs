//! The second factor of a staff login: enrolling an authenticator app (with recovery
//! codes), checking a code at login — counted against the same lockout as passwords —
//! and taking it away when the authenticator is lost (another admin or the CLI, audited).

use super::{Accounts, totp};
use crate::db::{self, audit, two_factor, users::UserRow};
use crate::domain::Actor;
use diesel::Connection as _;
use diesel::OptionalExtension as _;

/// What a code at the second step of a login came to.
#[derive(Debug)]
pub enum SecondFactorOutcome {
    LoggedIn(UserRow),
    /// A wrong, used or replayed code, or the account is locked or disabled: one answer.
    Refused,
}

fn unix_time() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

impl Accounts {
    /// Whether this account must enrol before it can use any staff page.
    pub fn must_enrol(&self, user: &UserRow) -> bool {
        !user.has_totp() && self.settings.require_totp.applies_to(user.role())
    }

    /// The enrolment to show a user who has not finished one: the secret waiting for its
    /// first code, or a new one. `None` when the user is enrolled.
    #[tracing::instrument(skip(self, user, qr_label), fields(user_id = user.id))]
    pub async fn enrolment(
        &self,
        user: &UserRow,
        qr_label: &str,
    ) -> anyhow::Result<Option<totp::Enrolment>> {
        let user_id = user.id;
        let state = self
            .db
            .read(move |conn| Ok(two_factor::state(conn, user_id)?))
            .await?;
        if state.enrolled_at.is_some() {
            return Ok(None);
        }
        // A secret waiting for its first code is kept, so reloading the page does not
        // void what was scanned; one that no longer opens is replaced.
        let waiting = state
            .secret
            .and_then(|sealed| self.secrets.open(user_id, &sealed).ok());
        let secret = match waiting {
            Some(secret) => secret,
            None => {
                let secret = totp::new_secret();
                let sealed = self.secrets.seal(user_id, &secret)?;
                let started = self
                    .db
                    .write(move |conn| Ok(two_factor::start_enrolment(conn, user_id, &sealed)?))
                    .await?;
                if !started {
                    return Ok(None);
                }
                secret
            }
        };
        totp::enrolment(&secret, &user.email, qr_label).map(Some)
    }

    /// Finishes the enrolment with the first code from the app: the account logs in with
    /// codes from now on, every session of it ends (the caller renews its own), and the
    /// recovery codes are returned to be shown once. `None`: wrong code, or no enrolment
    /// waiting.
    #[tracing::instrument(skip(self, code))]
    pub async fn confirm_enrolment(
        &self,
        user_id: i32,
        code: String,
    ) -> anyhow::Result<Option<Vec<String>>> {
        let state = self
            .db
            .read(move |conn| Ok(two_factor::state(conn, user_id)?))
            .await?;
        let (Some(sealed), None) = (state.secret, state.enrolled_at) else {
            return Ok(None);
        };
        let secret = self.secrets.open(user_id, &sealed)?;
        let Some(step) = totp::check_code(&secret, &code, unix_time()) else {
            return Ok(None);
        };
        let codes = totp::new_recovery_codes();
        let hashes: Vec<String> = codes.iter().map(|c| totp::hash_recovery_code(c)).collect();
        let done = self
            .db
            .write(move |conn| {
                conn.transaction(|conn| {
                    let now = db::now();
                    if !two_factor::finish_enrolment(conn, user_id, &sealed, step, now)? {
                        return Ok(false);
                    }
                    two_factor::replace_recovery_codes(conn, user_id, &hashes, now)?;
                    db::users::end_sessions(conn, user_id)?;
                    audit::record_by_user(conn, user_id, "user.totp_enrolled", None)?;
                    Ok(true)
                })
            })
            .await?;
        tracing::info!(done, "two-factor enrolment");
        Ok(done.then_some(codes))
    }

    /// The second step of a login: a code from the app (the step before and after count
    /// too, never a step already used) or an unused recovery code. Each try takes an
    /// attempt from the same lockout as the password.
    #[tracing::instrument(skip(self, code))]
    pub async fn verify_second_factor(
        &self,
        user_id: i32,
        code: String,
    ) -> anyhow::Result<SecondFactorOutcome> {
        let (lock_after, now) = (self.settings.lockout_after, db::now());
        let lock_until = now + chrono::TimeDelta::minutes(self.settings.lockout_minutes);
        let found = self
            .db
            .write(move |conn| {
                let Some(user) = db::users::find(conn, user_id)
                    .optional()?
                    .filter(|user| !user.is_disabled() && user.has_totp())
                else {
                    return Ok(None);
                };
                let attempt = db::users::reserve_login_attempt(conn, user_id, lock_after, now)?;
                let sealed = two_factor::state(conn, user_id)?.secret;
                Ok(attempt.map(|attempt| (user, attempt, sealed)))
            })
            .await?;
        let Some((user, attempt, sealed)) = found else {
            tracing::info!("second factor refused: no attempt allowed");
            return Ok(SecondFactorOutcome::Refused);
        };
        let step = if totp::looks_like_totp_code(&code) {
            let secret = self.secrets.open(user_id, &sealed.unwrap_or_default())?;
            totp::check_code(&secret, &code, unix_time())
        } else {
            None
        };
        let is_app_code = totp::looks_like_totp_code(&code);
        let accepted = self
            .db
            .write(move |conn| {
                conn.transaction(|conn| {
                    let how = match step {
                        Some(step) if two_factor::use_step(conn, user_id, step)? => Some("totp"),
                        _ if is_app_code => None,
                        _ => {
                            let used = two_factor::unused_recovery_codes(conn, user_id)?
                                .into_iter()
                                .find(|(_, hash)| totp::recovery_code_matches(&code, hash));
                            match used {
                                Some((id, _)) if two_factor::use_recovery_code(conn, id, now)? => {
                                    Some("recovery_code")
                                }
                                _ => None,
                            }
                        }
                    };
                    let target = Actor::User(user_id).to_string();
                    if let Some(how) = how {
                        db::users::record_successful_login(conn, user_id)?;
                        audit::record(
                            conn,
                            Actor::User(user_id),
                            "user.logged_in",
                            &target,
                            Some(how),
                        )?;
                        return Ok(true);
                    }
                    let locked = db::users::record_failed_login(
                        conn, user_id, attempt, lock_after, lock_until,
                    )?;
                    audit::record(
                        conn,
                        Actor::Public,
                        if locked {
                            "user.locked"
                        } else {
                            "user.second_factor_failed"
                        },
                        &target,
                        None,
                    )?;
                    Ok(false)
                })
            })
            .await?;
        tracing::info!(user_id, attempt, accepted, "second factor");
        Ok(if accepted {
            SecondFactorOutcome::LoggedIn(user)
        } else {
            SecondFactorOutcome::Refused
        })
    }

    /// How many recovery codes the user has left.
    pub async fn recovery_codes_left(&self, user_id: i32) -> anyhow::Result<i64> {
        self.db
            .read(move |conn| Ok(two_factor::count_unused_recovery_codes(conn, user_id)?))
            .await
    }

    /// Takes a user's second factor away (a lost authenticator), audited; their sessions
    /// end, and they enrol again at their next login if it is required. `None`: no such
    /// user; `Some(false)`: they had none.
    #[tracing::instrument(skip(self))]
    pub async fn reset_two_factor(
        &self,
        user_id: i32,
        actor: Actor,
    ) -> anyhow::Result<Option<bool>> {
        self.db
            .write(move |conn| {
                conn.transaction(|conn| {
                    if db::users::find(conn, user_id).optional()?.is_none() {
                        return Ok(None);
                    }
                    let changed = two_factor::reset(conn, user_id)?;
                    if changed {
                        db::users::end_sessions(conn, user_id)?;
                        audit::record_on_user(conn, actor, "user.totp_reset", user_id, None)?;
                    }
                    Ok(Some(changed))
                })
            })
            .await
    }
}
