//! `/bibliotek…`: the library of good examples — finalists and winners by year and area,
//! searchable, one page per initiative — and its open data (JSON, CSV, an Atom feed, and
//! the page that documents them). Every one reads entries through
//! `services::library::public_view`, so none shows what the public may not see.

use crate::domain::Category;
use crate::domain::library::LibraryOutcome;
use crate::domain::search::SearchQuery;
use crate::i18n::Lang;
use crate::services::library::{self, LibraryFilter, Licence, OPEN_DATA_FIELDS, PublicEntry};
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::contact_address;
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};

/// The list's filters as typed in its form (`?aar=2026&omrade=styring&sok=innkjøp`).
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct LibraryQuery {
    aar: String,
    omrade: String,
    sok: String,
}

impl LibraryQuery {
    /// What each filter means; one that is not understood narrows nothing.
    fn filter(&self) -> LibraryFilter {
        LibraryFilter {
            year: self.aar.trim().parse().ok(),
            area: Category::parse(&self.omrade).ok(),
            query: SearchQuery::parse(&self.sok),
        }
    }
}

/// One year's entries on the list.
#[derive(serde::Serialize)]
struct Year {
    year: i32,
    entries: Vec<PublicEntry>,
}

fn by_year(entries: Vec<PublicEntry>) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for entry in entries {
        match years.last_mut() {
            Some(year) if year.year == entry.prize_year => year.entries.push(entry),
            _ => years.push(Year {
                year: entry.prize_year,
                entries: vec![entry],
            }),
        }
    }
    years
}

#[tracing::instrument(skip_all)]
pub async fn index(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    query: web::Query<LibraryQuery>,
) -> PageResult {
    let entries = library::public_entries(&state.db).await?;
    let mut years: Vec<i32> = entries.iter().map(|e| e.prize_year).collect();
    years.dedup();
    let filter = query.filter();
    let filtered = library::filtered(entries, &filter);
    let mut context = page::base_context(lang, "/bibliotek", &contact_address(&state));
    context.insert("count", &filtered.len());
    context.insert("years", &by_year(filtered));
    context.insert("year_options", &years);
    context.insert("areas", &Category::ALL.map(Category::code));
    context.insert("query", &query.into_inner());
    context.insert(
        "filtered",
        &(filter.year.is_some() || filter.area.is_some() || filter.query.is_some()),
    );
    page::render(StatusCode::OK, "library/index.html", &context).map_err(PageError::from)
}

#[tracing::instrument(skip_all, fields(entry_id = *path))]
pub async fn show(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    path: web::Path<i32>,
) -> PageResult {
    let id = path.into_inner();
    let entry = library::public_entry(&state.db, id)
        .await?
        .ok_or(PageError::NotFound)?;
    let mut context =
        page::base_context(lang, &format!("/bibliotek/{id}"), &contact_address(&state));
    context.insert("entry", &entry);
    page::render(StatusCode::OK, "library/entry.html", &context).map_err(PageError::from)
}

fn licence(state: &AppState) -> Licence {
    Licence {
        name: state.settings.library.licence_name.clone(),
        url: state.settings.library.licence_url.clone(),
    }
}

/// The page documenting the open data: the files, their fields, the licence.
#[tracing::instrument(skip_all)]
pub async fn data(state: web::Data<AppState>, RequestLang(lang): RequestLang) -> PageResult {
    let mut context = page::base_context(lang, "/bibliotek/data", &contact_address(&state));
    context.insert("fields", &OPEN_DATA_FIELDS);
    context.insert("licence", &licence(&state));
    page::render(StatusCode::OK, "library/data.html", &context).map_err(PageError::from)
}

#[tracing::instrument(skip_all)]
pub async fn json(state: web::Data<AppState>) -> PageResult {
    let entries = library::public_entries(&state.db).await?;
    let body = library::open_data_json(&entries, &state.settings.server.base_url, &licence(&state));
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(licence_link(&state))
        .body(body))
}

#[tracing::instrument(skip_all)]
pub async fn csv(state: web::Data<AppState>) -> PageResult {
    let entries = library::public_entries(&state.db).await?;
    let body = library::open_data_csv(&entries, &state.settings.server.base_url)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"bibliotek.csv\"",
        ))
        .insert_header(licence_link(&state))
        .body(body))
}

/// `Link: <licence>; rel="license"` (RFC 4946), for the files that cannot say it inside.
fn licence_link(state: &AppState) -> (header::HeaderName, String) {
    (
        header::LINK,
        format!("<{}>; rel=\"license\"", state.settings.library.licence_url),
    )
}

/// The feed's language, from its address: `?lang=nn` or `?lang=en`; bokmål without.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct FeedQuery {
    lang: Option<String>,
}

/// `GET /bibliotek/nye.atom`: the newest entries as an Atom feed. A feed reader sends no
/// cookie and seldom a language, so the feed's own words (its title, the outcomes) are in
/// the language its address names, and the data page links the one in the reader's.
/// The entries' text is the nominations' own, as written.
#[tracing::instrument(skip_all)]
pub async fn feed(state: web::Data<AppState>, query: web::Query<FeedQuery>) -> PageResult {
    let lang = query
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Nb);
    let entries = library::public_entries(&state.db).await?;
    let base_url = state.settings.server.base_url.trim_end_matches('/');
    let (items, updated) = library::feed(&entries, base_url);
    let mut context = tera::Context::new();
    context.insert("base_url", base_url);
    context.insert("entries", &items);
    context.insert("updated", &updated);
    context.insert("licence", &licence(&state));
    context.insert("lang", lang.code());
    context.insert("title", &lang.text("library-feed-title"));
    let outcome_labels: std::collections::HashMap<&str, String> = LibraryOutcome::ALL
        .iter()
        .map(|outcome| {
            let id = format!("library-outcome-{}", outcome.code());
            (outcome.code(), lang.text(&id))
        })
        .collect();
    context.insert("outcome_labels", &outcome_labels);
    let body = crate::templates::get().render("library/feed.xml", &context)?;
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(body))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_feed_template_renders_escaped() {
        let mut context = tera::Context::new();
        context.insert("base_url", "http://x");
        context.insert("title", "T");
        context.insert("lang", "nn");
        context.insert(
            "outcome_labels",
            &serde_json::json!({"winner": "Vinnar", "finalist": "Finalist"}),
        );
        context.insert("updated", "2026-01-01T00:00:00Z");
        context.insert(
            "licence",
            &serde_json::json!({"name": "L", "url": "http://l"}),
        );
        context.insert(
            "entries",
            &serde_json::json!([{ "url": "http://x/bibliotek/1", "title": "<b>&", "agency_name": "A",
                "prize_year": 2026, "outcome": "winner", "summary": "S", "published": "p", "updated": "u" }]),
        );
        let xml = crate::templates::get()
            .render("library/feed.xml", &context)
            .map_err(|e| format!("{e:#}"))
            .unwrap();
        assert!(xml.contains("<title>&lt;b&gt;&amp;</title>"), "{xml}");
        assert!(xml.contains(r#"xml:lang="nn""#), "{xml}");
        assert!(
            xml.contains(r#"<category term="winner" label="Vinnar"/>"#),
            "{xml}"
        );
        assert!(xml.contains("/bibliotek/nye.atom?lang=nn"), "{xml}");
    }
}
