use crate::i18n::{LANG_COOKIE, Lang};
use crate::web::is_local_path;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::{HttpResponse, http::header, web};

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    lang: String,
    tilbake: Option<String>,
}

/// Remembers the chosen language and goes back to the page the user came from. Works
/// without JavaScript: the switch is a plain link.
pub async fn switch(query: web::Query<SwitchQuery>) -> HttpResponse {
    let back = query
        .tilbake
        .as_deref()
        .filter(|path| is_local_path(path))
        .unwrap_or("/");
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, back.to_owned()));
    if let Some(lang) = Lang::from_code(&query.lang) {
        response.cookie(
            Cookie::build(LANG_COOKIE, lang.code())
                .path("/")
                .same_site(SameSite::Lax)
                .max_age(Duration::days(365))
                .finish(),
        );
    }
    response.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/tips"));
        assert!(is_local_path("/nominasjon/abc"));
        for path in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "tips",
            "/a\r\nSet-Cookie: x",
        ] {
            assert!(!is_local_path(path), "{path:?}");
        }
    }
}
