//! Staff accounts: logging in and out, and setting a password from a one-time link
//! (invitation or reset).

pub(super) mod login;
pub(super) mod password;
