//! CSRF protection for HTML forms.
//!
//! - Signed in: the token lives in the server-side session (set at login) and a form must
//!   carry exactly it — bound to the session, so a token read anywhere else (another
//!   browser, the time before logging in) is worth nothing.
//! - Not signed in (the public forms, the login form): the double-submit pattern — a random
//!   token in a `SameSite=Strict`, `HttpOnly` cookie and the same token in a hidden form
//!   field. Another site can make a browser send the cookie with a cross-site form only if
//!   SameSite fails, and even then cannot read it to put it in the field.
//!
//! With `server.secure_cookies` the cookie is `__Host-csrf` (Secure, path `/`, no domain:
//! a sibling subdomain cannot plant one).

use super::AppState;
use actix_session::SessionExt as _;
use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::web;
use rand::RngCore as _;
use subtle::ConstantTimeEq as _;

const TOKEN_HEX_LEN: usize = 64;
/// The session's own token, once signed in.
pub const SESSION_KEY: &str = "csrf";

/// The cookie's name: with the `__Host-` prefix when cookies are secure.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-csrf" } else { "csrf" }
}

fn secure_cookies(req: &HttpRequest) -> bool {
    req.app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.settings.server.secure_cookies)
}

/// A new random token.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn session_token(req: &HttpRequest) -> Option<String> {
    req.get_session()
        .get::<String>(SESSION_KEY)
        .ok()
        .flatten()
        .filter(|token| is_well_formed(token))
}

/// The token for a page with a form: the session's when signed in, else the one the
/// browser already holds in its cookie, else a new one (which `cookie` then sets).
pub struct CsrfToken {
    value: String,
    is_new: bool,
}

impl CsrfToken {
    pub fn for_request(req: &HttpRequest) -> Self {
        if let Some(value) = session_token(req) {
            return Self {
                value,
                is_new: false,
            };
        }
        match req.cookie(cookie_name(secure_cookies(req))) {
            Some(cookie) if is_well_formed(cookie.value()) => Self {
                value: cookie.value().to_owned(),
                is_new: false,
            },
            _ => Self {
                value: generate(),
                is_new: true,
            },
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cookie to set, when the token is new.
    pub fn cookie(&self, secure: bool) -> Option<Cookie<'static>> {
        self.is_new.then(|| {
            Cookie::build(cookie_name(secure), self.value.clone())
                .path("/")
                .http_only(true)
                .secure(secure)
                .same_site(SameSite::Strict)
                .max_age(Duration::hours(12))
                .finish()
        })
    }
}

fn is_well_formed(token: &str) -> bool {
    token.len() == TOKEN_HEX_LEN && token.bytes().all(|b| b.is_ascii_hexdigit())
}

fn same(a: &str, b: &str) -> bool {
    is_well_formed(a) && is_well_formed(b) && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Whether the submitted field is this request's token (compared in constant time): the
/// session's when signed in, else the cookie's.
pub fn verify(req: &HttpRequest, submitted: &str) -> bool {
    if let Some(expected) = session_token(req) {
        return same(&expected, submitted);
    }
    match req.cookie(cookie_name(secure_cookies(req))) {
        Some(cookie) => same(cookie.value(), submitted),
        None => false,
    }
}
