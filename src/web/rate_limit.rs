//! Per-client limits: a burst, then one per period. One limiter for submissions (forms
//! and API alike), another for login attempts, a third (in `Accounts`) for reset links
//! per account. Whose address counts is decided by `client_address` (trusted proxies,
//! IPv6 per /64).
//!
//! Where the allowance is kept follows the database: on PostgreSQL, where several
//! instances may serve one database, in the database (`db::rate_limits`, one atomic upsert
//! per request), so three instances do not triple a limit; on SQLite, served by one
//! process, in memory (governor).

use super::client_address::{TrustedProxies, client_ip, limit_key};
use crate::config::RateLimitSettings;
use crate::db::{self, Backend, Database};
use actix_web::HttpRequest;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// A keyed allowance: `burst` units per key, one coming back every `period`.
#[derive(Clone)]
pub struct Allowance(Store);

#[derive(Clone)]
enum Store {
    Memory(Arc<DefaultKeyedRateLimiter<String>>),
    Shared {
        db: Database,
        bucket: &'static str,
        period_ms: i64,
        burst: i64,
    },
}

impl Allowance {
    /// `bucket` names the limit in the shared table. A period is a second at least.
    pub fn new(db: &Database, bucket: &'static str, burst: u32, period: Duration) -> Self {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let period = period.max(Duration::from_secs(1));
        Self(match db.backend() {
            Backend::Postgres => Store::Shared {
                db: db.clone(),
                bucket,
                period_ms: i64::try_from(period.as_millis()).unwrap_or(i64::MAX),
                burst: burst.get().into(),
            },
            Backend::Sqlite => Store::Memory(Arc::new(RateLimiter::keyed(
                Quota::with_period(period)
                    .expect("period is positive")
                    .allow_burst(burst),
            ))),
        })
    }

    /// Takes one unit of `key`'s allowance; `Err` holds how long to wait. When the shared
    /// table cannot be reached the request is let through (and a warning logged): the
    /// action it guards needs the same database and fails on its own.
    pub async fn take(&self, key: &str) -> Result<(), Duration> {
        match &self.0 {
            Store::Memory(limiter) => limiter.check_key(&key.to_owned()).map_err(|not_until| {
                not_until.wait_time_from(governor::clock::Clock::now(
                    &governor::clock::DefaultClock::default(),
                ))
            }),
            Store::Shared {
                db,
                bucket,
                period_ms,
                burst,
            } => {
                // The table keeps a fingerprint, not the address or e-mail address itself.
                let client = db::outbox::address_hash(key);
                let (bucket, period_ms, burst) = (*bucket, *period_ms, *burst);
                let decided = db
                    .write(move |conn| {
                        Ok(db::rate_limits::take(
                            conn, bucket, &client, period_ms, burst,
                        )?)
                    })
                    .await;
                match decided {
                    Ok(None) => Ok(()),
                    Ok(Some(wait_ms)) => Err(Duration::from_millis(wait_ms.max(0).unsigned_abs())),
                    Err(error) => {
                        tracing::warn!(error = ?error, bucket, "shared rate limit unavailable");
                        Ok(())
                    }
                }
            }
        }
    }

    /// Forgets keys whose allowance is full again, so memory stays bounded. (The shared
    /// table is pruned by the housekeeping task, `db::rate_limits::forget_idle`.)
    pub fn forget_idle(&self) {
        if let Store::Memory(limiter) = &self.0 {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

#[derive(Clone)]
pub struct SubmissionLimiter(Option<Limited>);

#[derive(Clone)]
struct Limited {
    allowance: Allowance,
    trusted: Arc<TrustedProxies>,
}

impl SubmissionLimiter {
    /// The limiter for submissions of nominations and tips.
    pub fn new(settings: &RateLimitSettings, trusted: Arc<TrustedProxies>, db: &Database) -> Self {
        Self::with(
            settings.enabled,
            Allowance::new(
                db,
                "submissions",
                settings.submissions_burst,
                Duration::from_secs(settings.submissions_period_secs),
            ),
            trusted,
        )
    }

    /// No limit: for the forms of signed-in staff and jurors, which a login and the CSRF
    /// check already guard (a juror saving drafts must not run into the public limit).
    pub const fn unlimited() -> Self {
        Self(None)
    }

    pub fn with(enabled: bool, allowance: Allowance, trusted: Arc<TrustedProxies>) -> Self {
        Self(enabled.then_some(Limited { allowance, trusted }))
    }

    /// Takes one submission from the client's allowance; `Err` holds how long to wait.
    pub async fn check(&self, req: &HttpRequest) -> Result<(), Duration> {
        let Some(Limited { allowance, trusted }) = &self.0 else {
            return Ok(());
        };
        let Some(client) = client_ip(req, trusted) else {
            return Ok(());
        };
        allowance.take(&limit_key(client).to_string()).await
    }

    /// Forgets addresses whose allowance is full again, so memory stays bounded.
    pub fn forget_idle(&self) {
        if let Some(Limited { allowance, .. }) = &self.0 {
            allowance.forget_idle();
        }
    }
}
