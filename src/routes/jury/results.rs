//! `/jury/runder/{id}/resultater`: the jury's view of the decision support once the
//! discussion is open — the same figures as the secretariat's page, without what a juror
//! is conflicted on.

use crate::db;
use crate::domain::{Phase, may_see_others};
use crate::routes::secretariat::results::{
    PageInput, SortQuery, TEMPLATE, load_overview, overview_context, parse_sort,
};
use crate::web::auth::SignedIn;
use crate::web::errors::PageError;
use crate::web::forms::FormPage;
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::HashSet;

#[tracing::instrument(skip_all, fields(user_id = user.id, round_id = *round_id))]
pub async fn jury_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    SignedIn(user): SignedIn,
    round_id: web::Path<i32>,
    query: web::Query<SortQuery>,
) -> Result<HttpResponse, actix_web::Error> {
    let round_id = round_id.into_inner();
    let sort = parse_sort(query.sorter.as_deref());
    let is_admin = user.role() == crate::domain::Role::Admin;
    let user_id = user.id;
    let loaded = state
        .db
        .read(move |conn| {
            let Some(overview) = load_overview(conn, round_id)? else {
                return Ok(None);
            };
            let standing = db::jury::impartiality_map(conn, round_id)?;
            let decisions = db::decisions::latest(conn, round_id)?;
            Ok(Some((overview, standing, decisions)))
        })
        .await
        .map_err(PageError::from)?;
    let Some((overview, standing, decisions)) = loaded else {
        return Err(PageError::NotFound.into());
    };
    if overview.phase < Phase::Discussion {
        return Err(PageError::Forbidden.into());
    }
    let hidden: HashSet<i32> = if is_admin {
        HashSet::new()
    } else {
        overview
            .nominations
            .iter()
            .filter(|n| {
                let impartiality = standing
                    .get(&(user_id, n.id))
                    .copied()
                    .unwrap_or(crate::domain::Impartiality::Clear);
                // In discussion and decided, everyone not conflicted sees the others.
                !may_see_others(overview.phase, false, impartiality)
            })
            .map(|n| n.id)
            .collect()
    };
    let path = format!("/jury/runder/{round_id}/resultater");
    let mut context = overview_context(
        lang,
        &PageInput {
            overview: &overview,
            sort,
            hidden: &hidden,
            secretariat: false,
            path: &path,
            decisions: &decisions,
            posted: None,
        },
    );
    context.insert("signed_in", &serde_json::json!({ "name": user.name }));
    let page = FormPage {
        template: TEMPLATE,
        path: &path,
        field_order: &[],
    };
    Ok(page
        .render(&req, &state, &serde_json::json!({}), None, None, context)
        .map_err(PageError::from)?)
}
