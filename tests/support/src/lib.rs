//! What both integration-test binaries (tests/api and tests/browser) share: the real
//! application spawned for one test with its own database and SMTP server, helpers that
//! read a page, valid request bodies, and fixture builders for the rows a test needs that
//! no public form makes (rounds in a later phase, scores, assessments, affiliations…).
//!
//! Every integration test runs on SQLite and PostgreSQL through `on_both_backends!`.

mod app;
mod bodies;
mod database;
pub mod fixtures;
mod pages;
mod smtp;

pub use app::{TestApp, free_port, init_tracing, spawn_app, spawn_app_with, test_settings};
pub use bodies::{valid_nomination, valid_nomination_form, valid_nomination_form_with, valid_tip};
pub use database::{Backend, TestDatabase};
pub use pages::{csrf_token_in, hidden_field_in, reference_in};
pub use smtp::{Mail, SmtpSink};

/// Generates one test per backend from `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::Backend::Postgres).await
            }
        }
    )+};
}
