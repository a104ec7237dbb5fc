//! `/sekretariat/logg`: the audit log, newest first, a hundred events a page.

use crate::services::oversight;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::forms::{FormPage, PageRequest};
use crate::web::lang::RequestLang;
use actix_web::web;

#[derive(serde::Deserialize)]
pub struct LogQuery {
    side: Option<String>,
}

#[derive(serde::Serialize)]
struct EventView {
    occurred_at: chrono::NaiveDateTime,
    sentence: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn log(
    view: PageRequest,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    query: web::Query<LogQuery>,
) -> PageResult {
    let page = oversight::page_number(query.side.as_deref());
    let log = oversight::audit_page(&view.state.db, page, lang).await?;
    let views: Vec<EventView> = log
        .events
        .into_iter()
        .map(|e| EventView {
            occurred_at: e.occurred_at,
            sentence: e.sentence,
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("events", &views);
    context.insert("page", &log.page);
    context.insert("pages", &log.pages);
    context.insert("total", &log.total);
    context.insert("previous", &(log.page > 1).then(|| log.page - 1));
    context.insert("next", &(log.page < log.pages).then(|| log.page + 1));
    let form_page = FormPage {
        template: "secretariat/log.html",
        path: "/sekretariat/logg",
        field_order: &[],
    };
    view.render_form(&form_page, context)
}
