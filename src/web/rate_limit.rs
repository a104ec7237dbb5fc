//! Per-address limits: a burst, then one per period. One limiter for submissions (forms
//! and API alike), another for login attempts. Whose address counts is decided by
//! `client_address` (trusted proxies, IPv6 per /64).

use super::client_address::{TrustedProxies, client_ip, limit_key};
use crate::config::RateLimitSettings;
use actix_web::HttpRequest;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
pub struct SubmissionLimiter(Option<Limited>);

#[derive(Clone)]
struct Limited {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    trusted: Arc<TrustedProxies>,
}

impl SubmissionLimiter {
    /// The limiter for submissions of nominations and tips.
    pub fn new(settings: &RateLimitSettings, trusted: Arc<TrustedProxies>) -> Self {
        Self::with(
            settings.enabled,
            settings.submissions_burst,
            settings.submissions_period_secs,
            trusted,
        )
    }

    /// No limit: for the forms of signed-in staff and jurors, which a login and the CSRF
    /// check already guard (a juror saving drafts must not run into the public limit).
    pub const fn unlimited() -> Self {
        Self(None)
    }

    pub fn with(enabled: bool, burst: u32, period_secs: u64, trusted: Arc<TrustedProxies>) -> Self {
        if !enabled {
            return Self(None);
        }
        let period = Duration::from_secs(period_secs.max(1));
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(period)
            .expect("period is positive")
            .allow_burst(burst);
        Self(Some(Limited {
            limiter: Arc::new(RateLimiter::keyed(quota)),
            trusted,
        }))
    }

    /// Takes one submission from the client's allowance; `Err` holds how long to wait.
    pub fn check(&self, req: &HttpRequest) -> Result<(), Duration> {
        let Some(Limited { limiter, trusted }) = &self.0 else {
            return Ok(());
        };
        let Some(client) = client_ip(req, trusted) else {
            return Ok(());
        };
        limiter.check_key(&limit_key(client)).map_err(|not_until| {
            not_until.wait_time_from(governor::clock::Clock::now(
                &governor::clock::DefaultClock::default(),
            ))
        })
    }

    /// Forgets addresses whose allowance is full again, so memory stays bounded.
    pub fn forget_idle(&self) {
        if let Some(Limited { limiter, .. }) = &self.0 {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}
