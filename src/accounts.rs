//! Accounts of the secretariat and the jury: creating them with a one-time link to set a
//! password, logging in with argon2id and a lockout after repeated failures, and password
//! reset by an expiring e-mail link.

use crate::config::AuthSettings;
use crate::db::{self, Database, audit, users::UserRow};
use crate::domain::PASSWORD_MAX_CHARS;
use crate::domain::{Actor, EmailAddress, NewPassword, Role, ShortText};
use crate::email::{self, MailIdentity};
use crate::i18n::Lang;
use crate::outbox::OutboxSignal;
use crate::submissions::{EditToken, hash_token};
use crate::templates;
use crate::web::rate_limit::Allowance;
use anyhow::Context as _;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use diesel::Connection as _;
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

pub mod totp;
mod two_factor;
pub use two_factor::SecondFactorOutcome;

#[derive(Clone)]
pub struct Accounts {
    db: Database,
    identity: MailIdentity,
    signal: OutboxSignal,
    settings: AuthSettings,
    /// Password hashes and checks running at once, process-wide.
    hashing: Arc<Semaphore>,
    /// Reset mails per account, whoever asks (the per-address login limit is separate).
    resets_per_account: Allowance,
    /// Seals the TOTP secrets for the database.
    secrets: totp::SecretBox,
}

#[derive(Debug)]
pub enum LoginOutcome {
    LoggedIn(UserRow),
    /// The password is right and the account has a second factor: the login is complete
    /// only with a code (`verify_second_factor`). The attempt stays counted until then.
    SecondFactor(UserRow),
    /// Wrong address or password, or the account is locked: the same answer for all, so
    /// the page does not reveal which addresses have accounts.
    Refused,
    /// Too many logins being checked at this moment: try again shortly (503).
    Busy,
}

/// What switching an account off or on did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switched {
    Done,
    /// It already was so.
    AlreadySo,
    /// Refused: it is the one enabled secretariat account, and nobody could sign in to run
    /// the portal without it. Another admin must be added first.
    LastAdmin,
    NoSuchUser,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account with this e-mail address exists")]
    EmailTaken,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// What a password change through a link came to.
#[derive(Debug)]
pub enum SetPasswordOutcome {
    Set(UserRow),
    /// Unknown, used or expired link (or a disabled account's).
    LinkInvalid,
    /// Too many password hashes at this moment: try again shortly.
    Busy,
}

/// The threads that hash passwords. Not tokio's blocking pool: a hash run on whichever of
/// its many threads is idle leaves its ~19 MiB in that thread's malloc arena, so a login
/// flood grew the process to ~1 GB although only two hashes ran at a time (measured with
/// bench/run.sh's login flood). A few long-lived threads keep that memory in a few arenas;
/// `main` makes malloc give each hash's memory back to the kernel when it is done (the
/// arenas still grew to ~290 MiB: other threads' small allocations pinned it there).
struct Hashers(std::sync::Mutex<std::sync::mpsc::Sender<Box<dyn FnOnce() + Send>>>);

impl Hashers {
    fn start(threads: usize) -> Self {
        let (jobs, queue) = std::sync::mpsc::channel::<Box<dyn FnOnce() + Send>>();
        let queue = Arc::new(std::sync::Mutex::new(queue));
        for n in 0..threads {
            let queue = queue.clone();
            let _ = std::thread::Builder::new()
                .name(format!("password-hash-{n}"))
                .spawn(move || {
                    loop {
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        match job {
                            // A panicking hash fails its caller (the answer is dropped),
                            // not the thread.
                            Ok(job) => {
                                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                            }
                            Err(_) => return,
                        }
                    }
                });
        }
        Self(std::sync::Mutex::new(jobs))
    }

    fn run(&self, job: Box<dyn FnOnce() + Send>) {
        if let Ok(jobs) = self.0.lock() {
            let _ = jobs.send(job);
        }
    }
}

/// As many threads as the machine has cores: the semaphore (`auth.max_concurrent_hashes`)
/// decides how many hashes run at once; these only decide where.
static HASHERS: LazyLock<Hashers> =
    LazyLock::new(|| Hashers::start(std::thread::available_parallelism().map_or(2, |n| n.get())));

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
        let resets = Allowance::new(
            &db,
            "password_resets",
            settings.resets_per_account_per_hour,
            std::time::Duration::from_secs(
                (3600 / settings.resets_per_account_per_hour.max(1)).into(),
            ),
        );
        Self {
            hashing: Arc::new(Semaphore::new(settings.max_concurrent_hashes.max(1))),
            resets_per_account: resets,
            secrets: totp::SecretBox::from_session_secret(&settings.session_secret),
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
                    store_and_mail_link(
                        conn,
                        &identity,
                        &user,
                        (&token, valid_for),
                        &mail_link,
                        email::AccountLink::Invite(hours),
                        lang,
                    )?;
                    audit::record_on_user(conn, actor, "user.created", user.id, Some(role.code()))?;
                    Ok(Some(user))
                })
            })
            .await?;
        let user = created.ok_or(CreateUserError::EmailTaken)?;
        self.signal.new_mail();
        Ok((user, link))
    }

    /// Checks an e-mail address and password. Each attempt is counted against the
    /// account *before* the password is checked (atomically in the database), so a burst
    /// of parallel attempts gets at most `lockout_after` checks; at the limit the account
    /// is locked. Unknown addresses, locked and disabled accounts are checked against a
    /// dummy hash, so all refusals take the same time.
    #[tracing::instrument(skip_all)]
    pub async fn authenticate(
        &self,
        email_address: String,
        password: String,
    ) -> anyhow::Result<LoginOutcome> {
        // No stored password is longer; a longer one is refused before any work.
        if password.chars().count() > PASSWORD_MAX_CHARS {
            return Ok(LoginOutcome::Refused);
        }
        let (lock_after, now) = (self.settings.lockout_after, db::now());
        let lock_until = now + chrono::TimeDelta::minutes(self.settings.lockout_minutes);
        let user = self
            .db
            .read(move |conn| Ok(db::users::find_by_email(conn, &email_address)?))
            .await?;
        let attempt = match &user {
            Some(user) if !user.is_disabled() && user.password_hash.is_some() => {
                let user_id = user.id;
                self.db
                    .write(move |conn| {
                        Ok(db::users::reserve_login_attempt(
                            conn, user_id, lock_after, now,
                        )?)
                    })
                    .await?
            }
            _ => None,
        };
        let stored_hash = match (&user, attempt) {
            (Some(user), Some(_)) => user.password_hash.clone(),
            _ => None,
        }
        .unwrap_or_else(|| DUMMY_HASH.clone());
        let password_ok = self
            .hash_limited(move || verify_password(&password, &stored_hash))
            .await?
            .ok_or(LoginOutcome::Busy);
        let password_ok = match password_ok {
            Ok(ok) => ok,
            Err(busy) => return Ok(busy),
        };
        let (Some(user), Some(attempt)) = (user, attempt) else {
            tracing::info!("login refused");
            metrics::counter!("login_failures_total").increment(1);
            return Ok(LoginOutcome::Refused);
        };
        let user_id = user.id;
        if password_ok && user.has_totp() {
            // Not a login yet: the failure count is not reset, so knowing the password
            // does not buy unlimited guesses at the code.
            tracing::info!(user_id, "password accepted, second factor pending");
            return Ok(LoginOutcome::SecondFactor(user));
        }
        if password_ok {
            self.db
                .write(move |conn| {
                    db::users::record_successful_login(conn, user_id)?;
                    audit::record_by_user(conn, user_id, "user.logged_in", None)?;
                    Ok(())
                })
                .await?;
            tracing::info!(user_id, "logged in");
            return Ok(LoginOutcome::LoggedIn(user));
        }
        let locked = self
            .db
            .write(move |conn| {
                let locked =
                    db::users::record_failed_login(conn, user_id, attempt, lock_after, lock_until)?;
                audit::record_on_user(
                    conn,
                    Actor::Public,
                    if locked {
                        "user.locked"
                    } else {
                        "user.login_failed"
                    },
                    user_id,
                    None,
                )?;
                Ok(locked)
            })
            .await?;
        tracing::info!(user_id, attempt, locked, "login refused");
        metrics::counter!("login_failures_total").increment(1);
        if locked {
            metrics::counter!("login_lockouts_total").increment(1);
        }
        Ok(LoginOutcome::Refused)
    }

    /// Runs a password hash or check on a blocking thread, at most
    /// `auth.max_concurrent_hashes` at a time across the process (each argon2id hash
    /// takes ~19 MiB: unbounded, a burst of logins is a lever on memory). `None` when no
    /// slot came free within `auth.hash_wait_secs`.
    async fn hash_limited<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> anyhow::Result<Option<T>> {
        let wait = std::time::Duration::from_secs(self.settings.hash_wait_secs);
        let Ok(permit) = tokio::time::timeout(wait, self.hashing.clone().acquire_owned()).await
        else {
            tracing::warn!("password hashing is saturated: attempt turned away");
            return Ok(None);
        };
        let permit = permit.context("the hashing semaphore is closed")?;
        let (answer, answered) = tokio::sync::oneshot::channel();
        HASHERS.run(Box::new(move || {
            let _permit = permit;
            let _ = answer.send(work());
        }));
        Ok(Some(answered.await.context("password hashing panicked")?))
    }

    /// Switches an account off (`true`) or on again, audited. Switching off ends its
    /// sessions at once and voids its open links; the one enabled secretariat account is
    /// not switched off ([`db::users::is_the_last_admin`]).
    #[tracing::instrument(skip(self))]
    pub async fn set_disabled(
        &self,
        user_id: i32,
        disabled: bool,
        actor: Actor,
    ) -> anyhow::Result<Switched> {
        self.db
            .write(move |conn| {
                use diesel::OptionalExtension as _;
                if db::users::find(conn, user_id).optional()?.is_none() {
                    return Ok(Switched::NoSuchUser);
                }
                if disabled && db::users::is_the_last_admin(conn, user_id)? {
                    return Ok(Switched::LastAdmin);
                }
                let changed = db::users::set_disabled(conn, user_id, disabled, db::now())?;
                if !changed {
                    return Ok(Switched::AlreadySo);
                }
                let action = if disabled {
                    "user.disabled"
                } else {
                    "user.enabled"
                };
                audit::record_on_user(conn, actor, action, user_id, None)?;
                Ok(Switched::Done)
            })
            .await
    }

    /// E-mails a reset link if an active account has this address; says nothing either
    /// way. The caller is answered at once: the lookup and the mail happen afterwards, so
    /// the answer takes the same time whether or not the address has an account. At most
    /// `auth.resets_per_account_per_hour` links go to one account, whoever asks.
    #[tracing::instrument(skip_all)]
    pub fn request_password_reset(&self, email_address: EmailAddress, lang: Lang) {
        let accounts = self.clone();
        let span = tracing::Span::current();
        tokio::spawn(tracing::Instrument::instrument(
            async move {
                if let Err(error) = accounts.send_reset_link(email_address, lang).await {
                    tracing::error!(error = ?error, "sending a reset link failed");
                }
            },
            span,
        ));
    }

    async fn send_reset_link(&self, email_address: EmailAddress, lang: Lang) -> anyhow::Result<()> {
        let key = email_address.as_ref().trim().to_lowercase();
        if self.resets_per_account.take(&key).await.is_err() {
            tracing::info!("reset link not sent: the account's hourly limit is reached");
            return Ok(());
        }
        let token = EditToken::generate();
        let link = self.link(&token);
        let identity = self.identity.clone();
        let minutes = self.settings.reset_valid_minutes;
        let valid_for = chrono::TimeDelta::minutes(minutes);
        let sent = self
            .db
            .write(move |conn| {
                let Some(user) = db::users::find_by_email(conn, email_address.as_ref())?
                    .filter(|user| !user.is_disabled())
                else {
                    return Ok(false);
                };
                store_and_mail_link(
                    conn,
                    &identity,
                    &user,
                    (&token, valid_for),
                    &link,
                    email::AccountLink::Reset(minutes),
                    lang,
                )?;
                audit::record_on_user(conn, Actor::Public, "user.reset_requested", user.id, None)?;
                Ok(true)
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

    /// Sets the password through a one-time link, which is then used up (with every other
    /// open link of the account); every session of the account ends.
    #[tracing::instrument(skip_all)]
    pub async fn set_password(
        &self,
        token: String,
        password: NewPassword,
    ) -> anyhow::Result<SetPasswordOutcome> {
        let Some(hash) = self
            .hash_limited(move || hash_password(password.expose()))
            .await?
        else {
            return Ok(SetPasswordOutcome::Busy);
        };
        let hash = hash?;
        self.db
            .write(move |conn| {
                let Some(user_id) = db::users::consume_token(conn, &hash_token(&token), db::now())?
                else {
                    return Ok(SetPasswordOutcome::LinkInvalid);
                };
                db::users::set_password_hash(conn, user_id, &hash)?;
                audit::record_by_user(conn, user_id, "user.password_set", None)?;
                Ok(SetPasswordOutcome::Set(db::users::find(conn, user_id)?))
            })
            .await
    }

    /// The account with this address, active or not.
    pub async fn find_by_email(&self, email_address: String) -> anyhow::Result<Option<UserRow>> {
        self.db
            .read(move |conn| Ok(db::users::find_by_email(conn, &email_address)?))
            .await
    }

    /// The account of a session, while it is active (a disabled account has none).
    pub async fn find_active_user(&self, user_id: i32) -> anyhow::Result<Option<UserRow>> {
        self.db
            .read(move |conn| {
                Ok(
                    diesel::OptionalExtension::optional(db::users::find(conn, user_id))?
                        .filter(|user| !user.is_disabled()),
                )
            })
            .await
    }
}

/// Stores the hash of a one-time link's token for `user`, valid for the given time, and
/// queues the mail that carries the link (an invitation or a reset), in the caller's
/// transaction.
fn store_and_mail_link(
    conn: &mut db::DbConn,
    identity: &MailIdentity,
    user: &UserRow,
    (token, valid_for): (&EditToken, chrono::TimeDelta),
    link: &str,
    kind: email::AccountLink,
    lang: Lang,
) -> anyhow::Result<()> {
    db::users::insert_token(
        conn,
        user.id,
        &hash_token(token.as_str()),
        db::now() + valid_for,
    )?;
    let message = email::account_link(templates::get(), identity, user, link, kind, lang)?;
    db::outbox::enqueue(conn, &message)?;
    Ok(())
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
