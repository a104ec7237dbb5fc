//! The secretariat's desk under `/sekretariat`. The router lets only the secretariat in.

pub(super) mod audit_log;
pub(super) mod conflicts;
pub(super) mod dashboard;
pub(super) mod exports;
pub(super) mod library;
pub(super) mod nominations;
pub(super) mod outbox;
pub(super) mod overview;
pub(super) mod results;
pub(super) mod rounds;
pub(super) mod rubric;
pub(super) mod screening;
pub(super) mod search;
pub(super) mod tips;
