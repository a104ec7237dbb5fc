//! The secretariat's desk under `/sekretariat`. The router lets only the secretariat in.

pub(super) mod exports;
pub(super) mod nominations;
pub(super) mod outbox;
pub(super) mod oversight;
pub(super) mod overview;
pub mod results;
pub(super) mod rounds;
pub(super) mod rubric;
pub(super) mod screening;
