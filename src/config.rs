//! Settings: `config/default.toml` (compiled in), then an optional file, then environment
//! variables `BEDRE_STAT__<SECTION>__<KEY>`.

use anyhow::Context as _;
use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;
use std::path::Path;

const DEFAULTS: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub auth: AuthSettings,
    pub database: DatabaseSettings,
    pub mail: MailSettings,
    pub rate_limit: RateLimitSettings,
    pub nomination: NominationSettings,
    pub logging: LoggingSettings,
    pub metrics: MetricsSettings,
    pub retention: crate::domain::RetentionPeriods,
    pub statements: StatementSettings,
    pub jury: JurySettings,
    pub library: LibrarySettings,
}

/// The library of good examples' open data.
#[derive(Debug, Clone, Deserialize)]
pub struct LibrarySettings {
    /// The licence the JSON, CSV and feed are published under.
    pub licence_name: String,
    pub licence_url: String,
}

/// What the privacy and accessibility statements say beyond the other settings.
#[derive(Debug, Clone, Deserialize)]
pub struct StatementSettings {
    /// The address for questions about personal data and accessibility.
    pub contact_email: String,
    /// When the accessibility statement was last reviewed.
    pub accessibility_statement_date: chrono::NaiveDate,
    /// When the automated accessibility check last ran (set by whoever ran it).
    pub accessibility_checked_date: chrono::NaiveDate,
}

/// A setting that must never be printed: a password, a token, a URL that may hold
/// credentials. `Debug` shows `<redacted>` (or `""` when it is not set, so a missing
/// secret can still be told from a set one); the value itself is read through `Deref`.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = if self.0.is_empty() { "" } else { "<redacted>" };
        std::fmt::Debug::fmt(shown, f)
    }
}

impl std::ops::Deref for Secret {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl PartialEq<&str> for Secret {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct MetricsSettings {
    pub enabled: bool,
    /// Bearer token a scraper must send; empty: only loopback peers may scrape.
    pub token: Secret,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JurySettings {
    /// Days before a round's jury deadline on which a juror with nominations left gets a
    /// reminder e-mail (each once).
    pub reminder_days: Vec<u32>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LoggingSettings {
    pub format: crate::telemetry::LogFormat,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub base_url: String,
    pub secure_cookies: bool,
    pub max_body_bytes: usize,
    pub workers: usize,
    /// Proxies whose `Forwarded`/`X-Forwarded-For` are believed (addresses or CIDRs).
    pub trusted_proxies: Vec<String>,
    /// A request whose body has not arrived in full after this many seconds is cut off.
    pub body_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    pub session_secret: Secret,
    pub session_hours: i64,
    pub lockout_after: i32,
    pub lockout_minutes: i64,
    pub login_burst: u32,
    pub login_period_secs: u64,
    pub invite_valid_hours: i64,
    pub reset_valid_minutes: i64,
    /// Password hashes or checks running at once, process-wide.
    pub max_concurrent_hashes: usize,
    /// How long a login waits for a free hashing slot before it is turned away (503).
    pub hash_wait_secs: u64,
    /// Reset links sent to one account per hour, however many addresses ask.
    pub resets_per_account_per_hour: u32,
    /// Who must log in with a TOTP code too.
    pub require_totp: RequireTotp,
}

/// `auth.require_totp`: whose accounts must have a second factor (an authenticator app).
/// Others may enrol of their own accord.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RequireTotp {
    /// The secretariat (the default).
    Admins,
    /// Every staff account, the jury too.
    All,
    /// Nobody (voluntary only).
    None,
}

impl RequireTotp {
    pub fn applies_to(self, role: crate::domain::Role) -> bool {
        match self {
            Self::Admins => role == crate::domain::Role::Admin,
            Self::All => true,
            Self::None => false,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// May hold a password.
    pub url: Secret,
    pub pool_size: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    pub worker_enabled: bool,
    /// May hold credentials.
    pub smtp_url: Secret,
    pub from: String,
    pub tip_recipient: String,
    pub max_attempts: i32,
    pub retry_base_secs: u64,
    pub retry_max_secs: u64,
    pub claim_lease_secs: u64,
    pub poll_interval_ms: u64,
    pub concurrency: usize,
    pub keep_sent_days: i64,
    pub smtp_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RateLimitSettings {
    pub enabled: bool,
    pub submissions_burst: u32,
    pub submissions_period_secs: u64,
    /// Receipts (tip and nomination) queued to one address per UTC day; more submissions
    /// are stored and acknowledged, without a receipt.
    pub receipts_per_address_per_day: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NominationSettings {
    /// Days a draft ("save and continue later") is kept after its last save.
    pub draft_days: u32,
    /// Days before that a draft's one reminder goes out (0: none).
    pub draft_reminder_days: u32,
    /// Files a nomination may carry.
    pub max_attachments: usize,
    /// Largest file, in MB (10^6 bytes).
    pub max_attachment_mb: usize,
    /// Bytes of uploaded files held in memory at once by all requests together, in MB;
    /// an upload that would pass it waits, then is turned away (503, the form kept).
    pub upload_memory_mb: usize,
    /// Time a form with files has to send its whole body (instead of
    /// `server.body_timeout_secs`).
    pub upload_timeout_secs: u64,
}

impl NominationSettings {
    pub fn attachment_limits(&self) -> crate::domain::AttachmentLimits {
        crate::domain::AttachmentLimits {
            max_count: self.max_attachments,
            max_bytes: self.max_attachment_mb.saturating_mul(1_000_000),
        }
    }

    pub fn draft_lifetime(&self) -> crate::domain::DraftLifetime {
        crate::domain::DraftLifetime {
            days: self.draft_days,
            reminder_days: self.draft_reminder_days,
        }
    }
}

impl RateLimitSettings {
    /// The receipt cap in force: none when limits are turned off.
    pub fn receipt_limit(&self) -> Option<u32> {
        self.enabled.then_some(self.receipts_per_address_per_day)
    }
}

impl Settings {
    /// Reads the layered configuration. `extra_file` is the `--config` file, if any.
    pub fn load(extra_file: Option<&Path>) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Toml::string(DEFAULTS));
        if let Some(path) = extra_file {
            anyhow::ensure!(
                path.exists(),
                "configuration file {} does not exist",
                path.display()
            );
            figment = figment.merge(Toml::file(path));
        }
        figment
            .merge(Env::prefixed("BEDRE_STAT__").split("__"))
            .extract()
            .context("reading configuration (config/default.toml, --config file, BEDRE_STAT__* variables)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail API returns its own error type
    fn defaults_load_and_environment_overrides() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("BEDRE_STAT__SERVER__PORT", "9123");
            jail.set_env("BEDRE_STAT__MAIL__TIP_RECIPIENT", "sekretariat@example.no");
            let settings = Settings::load(None).expect("loads");
            assert_eq!(settings.server.port, 9123);
            assert_eq!(settings.mail.tip_recipient, "sekretariat@example.no");
            assert_eq!(settings.database.url, "data/bedre-stat.db");
            assert!(settings.rate_limit.enabled);
            assert_eq!(settings.auth.require_totp, RequireTotp::Admins);
            jail.set_env("BEDRE_STAT__AUTH__REQUIRE_TOTP", "all");
            assert_eq!(
                Settings::load(None).unwrap().auth.require_totp,
                RequireTotp::All
            );
            assert_eq!(settings.rate_limit.receipt_limit(), Some(3));
            assert_eq!(settings.nomination.draft_days, 60);
            assert_eq!(settings.nomination.draft_reminder_days, 7);
            Ok(())
        });
    }

    #[test]
    fn debug_output_hides_secrets() {
        let mut settings = Settings::load(None).unwrap();
        settings.auth.session_secret = "the-session-secret".into();
        settings.metrics.token = "the-metrics-token".into();
        let printed = format!("{settings:?}");
        assert!(!printed.contains("smtp://"));
        assert!(!printed.contains("bedre-stat.db"));
        assert!(!printed.contains("the-session-secret"));
        assert!(!printed.contains("the-metrics-token"));
        assert!(printed.contains("<redacted>"));
    }
}
