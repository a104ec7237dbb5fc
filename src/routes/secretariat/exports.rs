//! The secretariat's exports of a round: every score as CSV and as xlsx
//! (`/sekretariat/runder/{id}/poeng.csv`, `…/poeng.xlsx`, written by `services::exports`) and the
//! printable jury report (`/sekretariat/runder/{id}/rapport`).

use crate::db::decisions::ScoreExportRow;
use crate::jury::Measure;
use crate::routes::decision_support::{self, PageInput, number, overview_context};
use crate::services::decisions::{self, rules::Viewer};
use crate::services::exports;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::PageRequest;
use crate::web::{AppState, lang::RequestLang};
use actix_web::body::MessageBody;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use anyhow::Context as _;

/// A round's scores and the file name they are downloaded as (`poeng-2031-runde-4.csv`).
async fn round_scores(
    state: &AppState,
    round_id: i32,
    extension: &str,
) -> Result<(String, Vec<ScoreExportRow>), PageError> {
    let (prize_year, rows) = exports::round_scores(&state.db, round_id)
        .await?
        .ok_or(PageError::NotFound)?;
    Ok((
        format!("poeng-{prize_year}-runde-{round_id}.{extension}"),
        rows,
    ))
}

/// A download that no cache keeps (the scores are the jury's working material).
fn attachment(
    content_type: &str,
    filename: &str,
    body: impl MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn scores_csv(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (filename, rows) = round_scores(&state, round_id.into_inner(), "csv").await?;
    let body = exports::scores_csv(lang, &rows).context("writing the scores CSV")?;
    Ok(attachment("text/csv; charset=utf-8", &filename, body))
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn scores_xlsx(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (filename, rows) = round_scores(&state, round_id.into_inner(), "xlsx").await?;
    let body = exports::scores_xlsx(lang, &rows).context("writing the scores xlsx")?;
    Ok(attachment(XLSX, &filename, body))
}

/// The media type of an Office Open XML workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
