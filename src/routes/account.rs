//! Staff accounts: logging in and out (with a second factor where the account has one),
//! enrolling an authenticator app, and setting a password from a one-time link
//! (invitation or reset).

pub(super) mod enrolment;
pub(super) mod login;
pub(super) mod password;
pub(super) mod second_factor;
