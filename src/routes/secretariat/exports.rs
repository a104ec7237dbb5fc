//! The secretariat's exports of a round: every score as CSV
//! (`/sekretariat/runder/{id}/poeng.csv`) and the printable jury report
//! (`/sekretariat/runder/{id}/rapport`).
//!
//! The CSV follows RFC 4180 (comma, CRLF, fields with a comma, quote or line break in
//! double quotes, quotes doubled) and starts with a UTF-8 byte-order mark so that
//! spreadsheet programs read æ, ø and å right. A cell starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return gets a leading `'`, so a spreadsheet never runs a
//! justification as a formula (CSV formula injection).

use crate::db;
use crate::i18n::Lang;
use crate::jury::Measure;
use crate::routes::decision_support::{self, PageInput, number, overview_context};
use crate::services::decisions::{self, rules::Viewer};
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::{AppState, lang::RequestLang};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

/// One CSV field: guarded against formula injection, then quoted if it must be.
pub fn csv_field(raw: &str) -> String {
    let guarded = if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{raw}")
    } else {
        raw.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One CSV record, ended by CRLF.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The CSV of a round's scores, with a header row in the user's language.
pub fn scores_csv_body(lang: Lang, rows: &[db::decisions::ScoreExportRow]) -> String {
    let mut body = String::from("\u{feff}");
    let header: Vec<String> = [
        "reference",
        "title",
        "juror",
        "criterion",
        "value",
        "justification",
        "submitted",
    ]
    .iter()
    .map(|column| lang.text(&format!("decisions-csv-{column}")))
    .collect();
    body.push_str(&csv_line(&header));
    let (yes, no) = (lang.text("decisions-yes"), lang.text("decisions-no"));
    for row in rows {
        body.push_str(&csv_line(&[
            row.reference.as_str(),
            row.title.as_str(),
            row.juror_name.as_str(),
            row.criterion.as_str(),
            &row.value.to_string(),
            row.justification.as_str(),
            if row.submitted { &yes } else { &no },
        ]));
    }
    body
}

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
        .body(scores_csv_body(lang, &rows)))
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
    let viewer = Viewer::of(admin.id, admin.role());
    let (results, rubric) = decisions::report(&state.db, round_id, viewer).await?;
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
    decision_support::render(&req, &state, "decisions/report.html", &path, context, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_are_left_alone() {
        assert_eq!(csv_field("Kari Nordmann"), "Kari Nordmann");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("3"), "3");
    }

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("si \"hei\""), "\"si \"\"hei\"\"\"");
        assert_eq!(csv_field("linje 1\nlinje 2"), "\"linje 1\nlinje 2\"");
        assert_eq!(csv_field("a\r\nb"), "\"a\r\nb\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("a=b"), "a=b");
    }

    #[test]
    fn lines_end_with_crlf() {
        assert_eq!(csv_line(&["a", "b,c", "=d"]), "a,\"b,c\",'=d\r\n");
    }
}
