//! `/jury`: the juror's desk.

use super::forms::FormPage;
use crate::web::auth::SignedIn;
use crate::web::errors::{OrPageError as _, PageError};
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};

/// The juror's pages, all under `/jury`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/jury", web::get().to(index));
}

const PAGE: FormPage<'static> = FormPage {
    template: "jury/index.html",
    path: "/jury",
    field_order: &[],
};

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn index(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
) -> Result<HttpResponse, PageError> {
    let mut context = tera::Context::new();
    context.insert("signed_in", &serde_json::json!({ "name": user.name }));
    PAGE.render(&req, &state, &serde_json::json!({}), None, None, context)
        .or_page_error(lang)
}
