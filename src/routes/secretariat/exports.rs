//! The secretariat's exports of a round: every score as CSV
//! (`/sekretariat/runder/{id}/poeng.csv`, written by `services::exports`) and the
//! printable jury report (`/sekretariat/runder/{id}/rapport`).

use crate::jury::Measure;
use crate::routes::decision_support::{self, PageInput, number, overview_context};
use crate::services::decisions::{self, rules::Viewer};
use crate::services::exports;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::PageRequest;
use crate::web::{AppState, lang::RequestLang};
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use anyhow::Context as _;

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn scores_csv(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let round_id = round_id.into_inner();
    let (prize_year, rows) = exports::round_scores(&state.db, round_id)
        .await?
        .ok_or(PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"poeng-{prize_year}-runde-{round_id}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(exports::scores_csv(lang, &rows).context("writing the scores CSV")?))
}

#[derive(serde::Serialize)]
struct CriterionView {
    name: String,
    description: String,
    weight: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn report(
    view: PageRequest,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let round_id = round_id.into_inner();
    let viewer = Viewer::of(admin.id, admin.role());
    let (results, rubric) = decisions::report(&view.state.db, round_id, viewer).await?;
    // The report's sort links would lead to the results page.
    let results_path = format!("/sekretariat/runder/{round_id}/resultater");
    let input = PageInput::of(&results, Measure::WeightedMean, &results_path);
    let mut context = overview_context(lang, &input);
    let rubric: Vec<CriterionView> = rubric
        .into_iter()
        .map(|c| CriterionView {
            name: c.name,
            description: c.description,
            weight: number(lang, c.weight),
        })
        .collect();
    context.insert("rubric", &rubric);
    let path = format!("/sekretariat/runder/{round_id}/rapport");
    decision_support::render(
        &view.req,
        &view.state,
        "decisions/report.html",
        &path,
        context,
        None,
    )
}
