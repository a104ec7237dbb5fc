//! Rendering HTML pages: the context every page needs, and the response.

use crate::i18n::Lang;
use crate::templates;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use std::sync::{Arc, LazyLock, RwLock};
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
    let body = if is_prerenderable(context) {
        prerendered(template, context)?
    } else {
        templates::get().render(template, context)?
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// Marks a page as the same for every visitor who sees it with the same context apart
/// from the per-request values in [`SLOTS`] (a public form as it first appears): it is
/// rendered once per context (in practice once per language) and then served from memory
/// with those values put in. Rendering the nomination form took ~6,000 template steps
/// and ~45 Fluent lookups per view, most of the time a `GET /nominer` took.
///
/// Never mark a page that shows what someone typed or stored (it would stay in memory).
/// Signed-in views and views with a flash message are rendered as usual.
pub fn prerender(mut context: Context) -> Context {
    context.insert(PRERENDER, &true);
    context
}

const PRERENDER: &str = "prerender";

/// The per-request values of a prerendered page: rendered as these markers, which the
/// HTML escaping leaves as they are, and replaced (escaped) on every view.
const SLOTS: [(&str, &str); 2] = [
    ("csrf_token", "\u{2063}slot:csrf_token\u{2063}"),
    ("submission_key", "\u{2063}slot:submission_key\u{2063}"),
];

/// Contexts rendered so far and their HTML cut at the markers. At most this many; when
/// full it starts again (a new round's deadline makes new contexts).
const MAX_PRERENDERED: usize = 32;

enum Part {
    Html(String),
    Slot(usize),
}

struct Prerendered {
    template: String,
    /// With the markers in place of the slots' values.
    context: Context,
    parts: Arc<Vec<Part>>,
}

static PRERENDERED: LazyLock<RwLock<Vec<Prerendered>>> = LazyLock::new(RwLock::default);

fn is_prerenderable(context: &Context) -> bool {
    context.contains_key(PRERENDER)
        && !context.contains_key("signed_in")
        && context.get("flash").is_none_or(tera::Value::is_none)
}

fn prerendered(template: &str, context: &Context) -> anyhow::Result<String> {
    let mut key = context.clone();
    let values: Vec<Option<String>> = SLOTS
        .iter()
        .map(|(name, marker)| {
            let value = key.get(name)?.as_str()?.to_owned();
            key.insert(*name, marker);
            Some(value)
        })
        .collect();
    let found = PRERENDERED
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|page| page.template == template && page.context == key)
        .map(|page| page.parts.clone());
    let parts = match found {
        Some(parts) => parts,
        None => {
            let parts = Arc::new(cut_at_slots(&templates::get().render(template, &key)?));
            let mut pages = PRERENDERED.write().unwrap_or_else(|e| e.into_inner());
            if pages.len() >= MAX_PRERENDERED {
                pages.clear();
            }
            pages.push(Prerendered {
                template: template.to_owned(),
                context: key,
                parts: parts.clone(),
            });
            parts
        }
    };
    let mut html = Vec::with_capacity(parts.iter().map(Part::len).sum::<usize>() + 256);
    for part in parts.iter() {
        match part {
            Part::Html(text) => html.extend_from_slice(text.as_bytes()),
            Part::Slot(slot) => {
                if let Some(value) = &values[*slot] {
                    tera::escape_html(value, &mut html)?;
                }
            }
        }
    }
    Ok(String::from_utf8(html)?)
}

impl Part {
    fn len(&self) -> usize {
        match self {
            Self::Html(text) => text.len(),
            Self::Slot(_) => 64,
        }
    }
}

/// The rendered page as HTML between the slots' markers.
fn cut_at_slots(mut html: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    while let Some((at, slot)) = SLOTS
        .iter()
        .enumerate()
        .filter_map(|(slot, (_, marker))| Some((html.find(marker)?, slot)))
        .min()
    {
        parts.push(Part::Html(html[..at].to_owned()));
        parts.push(Part::Slot(slot));
        html = &html[at + SLOTS[slot].1.len()..];
    }
    parts.push(Part::Html(html.to_owned()));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The login form as it first appears, with `csrf_token`.
    fn login_context(csrf_token: &str) -> Context {
        let mut context = prerender(base_context(Lang::Nn, "/logg-inn", "post@dfo.no"));
        context.insert("csrf_token", csrf_token);
        context.insert(
            "form",
            &serde_json::json!({ "neste": "", "email": "", "password": "" }),
        );
        context.insert("errors", &serde_json::json!({}));
        context.insert("error_list", &Vec::<String>::new());
        context.insert("form_alert", &None::<String>);
        context.insert("flash", &None::<String>);
        context
    }

    #[test]
    fn a_prerendered_page_is_the_page_with_this_requests_values() {
        let direct = |context: &Context| templates::get().render("account/login.html", context);
        for token in ["a1b2", "c3d4", "<\"&'>"] {
            let context = login_context(token);
            assert!(is_prerenderable(&context));
            let html = prerendered("account/login.html", &context).unwrap();
            assert_eq!(html, direct(&context).unwrap(), "token {token}");
        }
        let html = prerendered("account/login.html", &login_context("<")).unwrap();
        assert!(html.contains("value=\"&lt;\"") && !html.contains('\u{2063}'));
    }

    #[test]
    fn signed_in_views_and_flash_messages_are_rendered_as_usual() {
        let mut signed_in = login_context("a1b2");
        signed_in.insert("signed_in", &serde_json::json!({ "name": "Kari" }));
        assert!(!is_prerenderable(&signed_in));
        let mut flash = login_context("a1b2");
        flash.insert(
            "flash",
            &serde_json::json!({ "color": "success", "text": "Lagra" }),
        );
        assert!(!is_prerenderable(&flash));
        let mut unmarked = login_context("a1b2");
        unmarked.remove(PRERENDER);
        assert!(!is_prerenderable(&unmarked));
    }

    #[test]
    fn encodes_the_return_path() {
        assert_eq!(url_encode("/tips"), "/tips");
        assert_eq!(
            url_encode("/nominer?x=1&y=\"æ\""),
            "/nominer%3Fx%3D1%26y%3D%22%C3%A6%22"
        );
    }
}
