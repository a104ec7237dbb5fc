//! Rendering HTML pages: the context every page needs, and the response.

use crate::i18n::Lang;
use crate::templates;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use tera::Context;

#[derive(serde::Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
}

/// Each language's own name for itself.
fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Bokmål",
        Lang::Nn => "Nynorsk",
        Lang::En => "English",
    }
}

/// What the layout needs: the language, links to this page in the other languages, and the
/// secretariat's address.
pub fn base_context(lang: Lang, path: &str, contact_address: &str) -> Context {
    let mut context = Context::new();
    context.insert("lang", &lang);
    let back: String = url_encode(path);
    let links: Vec<LanguageLink> = Lang::ALL
        .into_iter()
        .map(|option| LanguageLink {
            code: option.code(),
            name: endonym(option),
            href: format!("/sprak?lang={}&tilbake={back}", option.code()),
            current: option == lang,
        })
        .collect();
    context.insert("language_links", &links);
    context.insert("contact_address", contact_address);
    context
}

/// Percent-encodes everything but unreserved characters and `/`.
pub fn url_encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Renders a page template into a response with the given status.
pub fn render(
    status: StatusCode,
    template: &str,
    context: &Context,
) -> anyhow::Result<HttpResponse> {
    let body = templates::get().render(template, context)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_the_return_path() {
        assert_eq!(url_encode("/tips"), "/tips");
        assert_eq!(
            url_encode("/nominer?x=1&y=\"æ\""),
            "/nominer%3Fx%3D1%26y%3D%22%C3%A6%22"
        );
    }
}
