//! The secretariat's exports of a round: every score as xlsx and as CSV
//! (`/sekretariat/runder/{id}/poeng.xlsx`, `…/poeng.csv`, written by `services::exports`)
//! and the printable jury report (`/sekretariat/runder/{id}/rapport`).

use crate::domain::criterion_text;
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

/// The file types the scores are offered in, named by the path's extension.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoresFile {
    /// For Excel with Norwegian settings: typed numbers and dates.
    Xlsx,
    /// `;`-separated with decimal comma, as Norwegian Excel reads CSV.
    Csv,
}

/// Every score of a round as a download (`poeng-2031-runde-4.xlsx`) that no cache keeps:
/// the scores are the jury's working material. Any other extension is the 404 page.
#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = path.0, file = ?path.1))]
pub async fn scores(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<(i32, ScoresFile)>,
) -> Result<HttpResponse, PageError> {
    let (round_id, file) = path.into_inner();
    let (prize_year, rows) = exports::round_scores(&state.db, round_id, lang)
        .await?
        .ok_or(PageError::NotFound)?;
    let (content_type, extension, body) = match file {
        ScoresFile::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            exports::scores_xlsx(lang, &rows).context("writing the scores xlsx")?,
        ),
        ScoresFile::Csv => (
            "text/csv; charset=utf-8",
            "csv",
            exports::scores_csv(lang, &rows)
                .context("writing the scores CSV")?
                .into_bytes(),
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"poeng-{prize_year}-runde-{round_id}.{extension}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
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
            name: criterion_text::name(lang, &c.code, &c.name),
            description: criterion_text::description(lang, &c.code, &c.description),
            weight: number(lang, c.weight),
        })
        .collect();
    context.insert("rubric", &rubric);
    context.insert("report", &true);
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
