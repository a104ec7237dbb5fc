//! The public side: the prize explained, the library of good examples and its open data, nominating, tipping, the privacy and
//! accessibility statements, the language switch, static assets and the health check. No login.

pub(super) mod assets;
pub(super) mod draft;
pub(super) mod health;
pub(super) mod home;
pub(super) mod language;
pub(super) mod library;
pub(super) mod nominate;
pub(super) mod nomination;
pub(super) mod statements;
pub(super) mod tips;
