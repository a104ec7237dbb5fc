use crate::db;
use crate::domain::{Category, RoundPlan};
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::forms::contact_address;
use crate::web::errors::{OrPageError as _, PageError};

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
pub async fn page(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
) -> Result<HttpResponse, PageError> {
    let plan = RoundPlan::open_at(db::now());
    let mut context = page::base_context(lang, "/", &contact_address(&state));
    context.insert(
        "round",
        &serde_json::json!({ "prize_year": plan.prize_year.value(), "deadline": lang.long_date(plan.deadline_date) }),
    );
    context.insert("areas", &Category::ALL.map(Category::code));
    context.insert("practices", &PRACTICES);
    page::render(StatusCode::OK, "home.html", &context).or_page_error(lang)
}
