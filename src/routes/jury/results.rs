//! `/jury/runder/{id}/resultater`: the jury's view of the decision support once the
//! discussion is open — the same figures as the secretariat's page, without what a juror
//! is conflicted on (decided by `services::decisions`, as for every results view).

use crate::routes::decision_support::{
    self, PageInput, SortQuery, TEMPLATE, overview_context, parse_sort,
};
use crate::services::decisions::{
    self,
    rules::{Viewer, jury_may_see_results},
};
use crate::web::auth::SignedIn;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::PageRequest;
use crate::web::lang::RequestLang;
use actix_web::web;

#[tracing::instrument(skip_all, fields(user_id = user.id, round_id = *round_id))]
pub async fn jury_page(
    view: PageRequest,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    round_id: web::Path<i32>,
    query: web::Query<SortQuery>,
) -> PageResult {
    let round_id = round_id.into_inner();
    let sort = parse_sort(query.sorter.as_deref());
    let viewer = Viewer::of(user.id, user.role());
    let results = decisions::results(&view.state.db, round_id, viewer).await?;
    if !jury_may_see_results(results.overview.phase) {
        return Err(PageError::Forbidden);
    }
    let path = format!("/jury/runder/{round_id}/resultater");
    let context = overview_context(lang, &PageInput::of(&results, sort, &path));
    decision_support::render(&view.req, &view.state, TEMPLATE, &path, context, None)
}
