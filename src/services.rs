//! The jury's and the secretariat's work, between the routes and the database: each
//! function is one unit of work (one transaction, with its audit event), taking parsed
//! domain values and returning what the page shows. The rules they apply are pure
//! functions in `crate::domain` and `crate::jury`; routes call these, never `db` directly.

pub mod affiliations;
pub mod archive;
pub mod attachments;
pub mod dashboard;
pub mod decisions;
pub mod exports;
pub mod jury_desk;
pub mod library;
pub mod outbox_desk;
pub mod oversight;
pub mod reminders;
pub mod retention;
pub mod rounds;
pub mod scoring;
pub mod screening;
pub mod search;
pub mod tips;
pub mod users;
