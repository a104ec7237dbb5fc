//! Bedre stat-prisen: the nomination portal for DFØ's yearly award. See `README.md` and
//! `../shared/DESIGN.md` for the picture; `startup` for how the parts are put together.

pub mod accounts;
pub mod charts;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod email;
pub mod format;
pub mod i18n;
pub mod jury;
pub mod outbox;
pub mod routes;
pub mod services;
pub mod startup;
pub mod submissions;
pub mod telemetry;
pub mod templates;
pub mod web;
