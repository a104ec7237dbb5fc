//! What every route shares: application state, the page language, CSRF, rate limits,
//! security headers, and the mapping of errors to responses.

pub mod auth;
pub mod body_timeout;
pub mod client_address;
pub mod csrf;
pub mod download;
pub mod errors;
pub mod flash;
pub mod forms;
pub mod lang;
pub mod metrics;
pub mod page;
pub mod rate_limit;
pub mod security;
pub mod uploads;

use crate::accounts::Accounts;
use crate::config::Settings;
use crate::db::Database;
use crate::submissions::Intake;
use std::sync::Arc;

/// Shared by all handlers (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    pub intake: Intake,
    pub accounts: Accounts,
    pub settings: Arc<Settings>,
    /// The time deadlines, reminders and retention are decided against (settable in tests).
    pub clock: crate::clock::Clock,
    /// The jury's reminders before its deadline (also sent by hand from the dashboard).
    pub reminders: crate::services::reminders::Reminders,
    pub limiter: rate_limit::SubmissionLimiter,
    pub login_limiter: rate_limit::SubmissionLimiter,
    /// Memory for uploaded files, shared by all requests (`nomination.upload_memory_mb`).
    pub upload_budget: uploads::UploadBudget,
}

/// Only paths on this site, so a `?tilbake=` or `?neste=` cannot redirect elsewhere.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}
