//! Flash messages: a staff form's action says what happened, redirects (post/redirect/get),
//! and the next page shows the message once, at its top, in a Designsystemet alert.
//!
//! Written here rather than taken from `actix-web-flash-messages`: its cookie store marks
//! the cookie `Secure` unconditionally (so it never comes back over plain-HTTP local runs
//! and tests) and its session store needs actix-session 0.10 while we are on 0.11. Staff
//! are always signed in, so the message rides in their server-side session: a key set on
//! the redirect and removed when the next page is rendered.

use actix_session::SessionExt as _;
use actix_web::HttpRequest;

const FLASH_KEY: &str = "flash";

/// One message for the next page, already in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Flash {
    /// Designsystemet's alert colour: `success`, `info`, `warning` or `danger`.
    pub color: String,
    pub text: String,
}

impl Flash {
    /// "It was saved": the text of `message_id` in the request's language.
    pub fn success(message_id: &str) -> Self {
        Self::success_with(message_id, &[])
    }

    pub fn success_with(message_id: &str, args: &[(&'static str, &str)]) -> Self {
        Self::coloured("success", message_id, args)
    }

    /// "It was not done, and why": the text of `message_id` in the request's language.
    pub fn warning(message_id: &str) -> Self {
        Self::coloured("warning", message_id, &[])
    }

    fn coloured(color: &str, message_id: &str, args: &[(&'static str, &str)]) -> Self {
        Self {
            color: color.into(),
            text: super::lang::current().text_with(message_id, args),
        }
    }

    /// Stores the message for the next page this browser shows.
    pub fn send(&self, req: &HttpRequest) {
        if let Err(error) = req.get_session().insert(FLASH_KEY, self) {
            // The action itself is done; only its confirmation would be missing.
            tracing::warn!(error = %error, "storing a flash message failed");
        }
    }

    /// The message waiting for this page, if any; it is shown once.
    pub fn take(req: &HttpRequest) -> Option<Self> {
        let session = req.get_session();
        match session.remove_as::<Flash>(FLASH_KEY) {
            Some(Ok(flash)) => Some(flash),
            Some(Err(_)) | None => None,
        }
    }
}
