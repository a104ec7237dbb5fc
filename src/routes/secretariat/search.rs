//! `/sekretariat/sok` and `/sekretariat/nominasjoner`: finding anything — full-text search
//! over every text of nominations and tips, with the passage that matched, and every
//! nomination narrowed by round, status, area and agency. Both are GET forms, so a search
//! is a link that can be kept and shared.

use crate::db::search::NominationFilter;
use crate::domain::search::SearchQuery;
use crate::domain::{Category, NominationStatus, ShortText};
use crate::services::search;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::forms::PageRequest;
use actix_web::web;

/// `?q=`: what was typed into the search field.
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn search(
    view: PageRequest,
    Admin(admin): Admin,
    params: web::Query<SearchParams>,
) -> PageResult {
    let query = SearchQuery::parse(&params.q);
    let searched = query.is_some();
    let hits = match query {
        Some(query) => search::search(&view.state.db, query).await?,
        None => Vec::new(),
    };
    let mut context = tera::Context::new();
    context.insert("q", &params.q);
    context.insert("searched", &searched);
    context.insert("hits", &hits);
    view.render("secretariat/search.html", context)
}

/// The nominations list's filters as the query string carries them (Norwegian names, as
/// in the URL); anything unknown or blank is "any".
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct FilterParams {
    #[serde(default)]
    runde: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    omrade: String,
    #[serde(default)]
    virksomhet: String,
}

impl FilterParams {
    fn filter(&self) -> NominationFilter {
        NominationFilter {
            round_id: self.runde.trim().parse().ok(),
            status: NominationStatus::parse(self.status.trim()),
            category: Category::parse(&self.omrade).ok(),
            agency: ShortText::parse(&self.virksomhet)
                .ok()
                .map(ShortText::into_inner),
        }
    }
}

#[derive(serde::Serialize)]
struct Row {
    id: i32,
    reference: String,
    prize_year: i32,
    title: String,
    agency_name: String,
    status: NominationStatus,
    categories: Vec<&'static str>,
    carried: bool,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn nominations(
    view: PageRequest,
    Admin(admin): Admin,
    params: web::Query<FilterParams>,
) -> PageResult {
    let (found, rounds) = search::nominations(&view.state.db, params.filter()).await?;
    let year_of = |round_id| {
        rounds
            .iter()
            .find(|r| r.id == round_id)
            .map_or(0, |r| r.prize_year)
    };
    let rows: Vec<Row> = found
        .into_iter()
        .map(|n| Row {
            id: n.id,
            prize_year: year_of(n.round_id),
            categories: n.categories.as_slice().iter().map(|c| c.code()).collect(),
            carried: n.carried_from_round_id.is_some(),
            reference: n.reference,
            title: n.content.title,
            agency_name: n.content.agency_name,
            status: n.status,
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("filter", &*params);
    context.insert(
        "rounds",
        &rounds
            .iter()
            .map(|r| serde_json::json!({ "id": r.id, "prize_year": r.prize_year }))
            .collect::<Vec<_>>(),
    );
    context.insert(
        "statuses",
        &NominationStatus::ALL.map(NominationStatus::code),
    );
    context.insert("areas", &Category::ALL.map(Category::code));
    context.insert("nominations", &rows);
    view.render("secretariat/find_nominations.html", context)
}
