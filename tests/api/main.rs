//! Integration tests: the real application, started on port 0 with its own database and
//! SMTP server, driven through its front door. Every test runs on SQLite and PostgreSQL. What they share
//! with tests/browser (spawning the app, fixture builders) is the `bedre-stat-test-support`
//! crate in tests/support.

mod account_hardening;
mod accounts;
mod api;
mod archive;
mod attachments;
mod authorization;
mod backup;
mod charts;
mod crash;
mod decision_support;
mod delivery;
mod desk;
mod drafts;
mod exports;
mod first_start;
mod forms;
mod hardening;
mod impartiality;
mod json_logs;
mod jury_desk;
mod library;
mod metrics;
mod migrations;
mod multi_instance;
mod openapi;
mod phase_back;
mod privacy;
mod processes;
mod receipts_and_links;
mod retention;
mod round_trips;
mod secretariat_mail;
mod secretariat_work;
mod security;
mod statements;
mod tips_and_search;
mod two_factor;
mod validation;
mod words;
