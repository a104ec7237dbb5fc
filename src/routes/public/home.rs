use crate::domain::Category;
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::web;

use crate::web::errors::{PageError, PageResult};
use crate::web::forms::contact_address;

const PRACTICES: [&str; 7] = [
    "goals",
    "indicators",
    "trust",
    "learning",
    "users",
    "context",
    "stepwise",
];

#[tracing::instrument(skip_all)]
pub async fn page(state: web::Data<AppState>, RequestLang(lang): RequestLang) -> PageResult {
    let (prize_year, deadline) = state.intake.open_round().await?;
    let mut context = page::base_context(lang, "/", &contact_address(&state));
    context.insert(
        "round",
        &serde_json::json!({ "prize_year": prize_year, "deadline": lang.long_date(deadline) }),
    );
    context.insert("areas", &Category::ALL.map(Category::code));
    context.insert("practices", &PRACTICES);
    let entries = crate::services::library::public_entries(&state.db).await?;
    context.insert("showcase", &crate::services::library::showcase(&entries));
    page::render(StatusCode::OK, "home.html", &context).map_err(PageError::from)
}
