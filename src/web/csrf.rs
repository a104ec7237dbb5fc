//! CSRF protection for HTML forms by the double-submit pattern: a random token in a
//! `SameSite=Strict`, `HttpOnly` cookie and the same token in a hidden form field. Another
//! site can make a browser send the cookie with a cross-site form only if SameSite fails,
//! and even then cannot read it to put it in the field.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use rand::RngCore as _;
use subtle::ConstantTimeEq as _;

pub const CSRF_COOKIE: &str = "csrf";
const TOKEN_HEX_LEN: usize = 64;

/// The token for a page with a form: the one the browser already holds, or a new one
/// (which `cookie` then sets).
pub struct CsrfToken {
    value: String,
    is_new: bool,
}

impl CsrfToken {
    pub fn for_request(req: &HttpRequest) -> Self {
        match req.cookie(CSRF_COOKIE) {
            Some(cookie) if is_well_formed(cookie.value()) => Self {
                value: cookie.value().to_owned(),
                is_new: false,
            },
            _ => {
                let mut bytes = [0u8; 32];
                rand::rng().fill_bytes(&mut bytes);
                Self {
                    value: bytes.iter().map(|b| format!("{b:02x}")).collect(),
                    is_new: true,
                }
            }
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cookie to set, when the token is new.
    pub fn cookie(&self, secure: bool) -> Option<Cookie<'static>> {
        self.is_new.then(|| {
            Cookie::build(CSRF_COOKIE, self.value.clone())
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

/// Whether the submitted field matches the cookie (compared in constant time).
pub fn verify(req: &HttpRequest, submitted: &str) -> bool {
    match req.cookie(CSRF_COOKIE) {
        Some(cookie) if is_well_formed(cookie.value()) && is_well_formed(submitted) => {
            bool::from(cookie.value().as_bytes().ct_eq(submitted.as_bytes()))
        }
        _ => false,
    }
}
