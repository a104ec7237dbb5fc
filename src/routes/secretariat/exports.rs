//! The secretariat's exports of a round: every score as CSV
//! (`/sekretariat/runder/{id}/poeng.csv`, written by `services::exports`) and the
//! printable jury report (`/sekretariat/runder/{id}/rapport`).

use super::results::{Overview, PageInput, load_overview, number, overview_context};
use crate::db;
use crate::jury::Measure;
use crate::services;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::FormPage;
use crate::web::{AppState, lang::RequestLang};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use anyhow::Context as _;
use std::collections::HashSet;

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn scores_csv(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let round_id = round_id.into_inner();
    let loaded = state
        .db
        .read(move |conn| {
            if !super::results::load_overview_exists(conn, round_id)? {
                return Ok(None);
            }
            let round = db::rounds::find(conn, round_id)?;
            Ok(Some((
                round.prize_year,
                db::decisions::score_export(conn, round_id)?,
            )))
        })
        .await
        .map_err(PageError::from)?;
    let Some((prize_year, rows)) = loaded else {
        return Err(PageError::NotFound);
    };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"poeng-{prize_year}-runde-{round_id}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(services::exports::scores_csv(lang, &rows).context("writing the scores CSV")?))
}

#[derive(serde::Serialize)]
struct CriterionView {
    name: String,
    description: String,
    weight: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn report(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let round_id = round_id.into_inner();
    let loaded = state
        .db
        .read(move |conn| {
            let Some(overview) = load_overview(conn, round_id)? else {
                return Ok(None);
            };
            let rubric = db::jury::criteria_for(conn, round_id)?;
            let decisions = db::decisions::latest(conn, round_id)?;
            Ok(Some((overview, rubric, decisions)))
        })
        .await
        .map_err(PageError::from)?;
    let Some((overview, rubric, decisions)): Option<(Overview, _, _)> = loaded else {
        return Err(PageError::NotFound);
    };
    let path = format!("/sekretariat/runder/{round_id}/rapport");
    let hidden = HashSet::new();
    let mut context = overview_context(
        lang,
        &PageInput {
            overview: &overview,
            sort: Measure::WeightedMean,
            hidden: &hidden,
            secretariat: false,
            path: &format!("/sekretariat/runder/{round_id}/resultater"),
            decisions: &decisions,
            posted: None,
        },
    );
    let rubric: Vec<CriterionView> = rubric
        .into_iter()
        .map(|c| CriterionView {
            name: c.name,
            description: c.description,
            weight: number(lang, c.weight),
        })
        .collect();
    context.insert("rubric", &rubric);
    context.insert("signed_in", &serde_json::json!({ "name": admin.name }));
    // The layout's logout form needs the CSRF token, which `FormPage` provides.
    let page = FormPage {
        template: "decisions/report.html",
        path: &path,
        field_order: &[],
    };
    page.render(&req, &state, &serde_json::json!({}), None, None, context)
        .map_err(PageError::from)
}
