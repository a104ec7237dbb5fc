//! `/jury`: the juror's desk — the overview of the rounds at work and the juror's
//! nominations; affiliations (`/jury/tilknytninger`) and each nomination's scoring page
//! (`/jury/nominasjoner/{id}`) live in the modules beside this one.

use crate::db;
use crate::db::scoring::Progress;
use crate::db::users::UserRow;
use crate::domain::{Impartiality, Role};
use crate::web::auth::SignedIn;
use crate::web::errors::PageError;
use crate::web::forms;
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// Renders a page of the desk: the layout's context, the signed-in user, and the CSRF
/// token (every page has at least the logout form).
pub(super) fn render(
    req: &HttpRequest,
    state: &AppState,
    user: &UserRow,
    template: &str,
    status: StatusCode,
    extra: tera::Context,
) -> anyhow::Result<HttpResponse> {
    let lang = RequestLang::of(req);
    let mut context = page::base_context(lang, req.path(), &forms::contact_address(state));
    context.insert("signed_in", &serde_json::json!({ "name": user.name }));
    context.insert("is_juror", &(user.role() == Role::Juror));
    context.extend(extra);
    forms::render_with_csrf(req, state, status, template, context)
}

#[derive(serde::Serialize)]
struct NominationLine {
    id: i32,
    reference: String,
    title: String,
    agency: String,
    progress: Progress,
    standing: Impartiality,
}

#[derive(serde::Serialize)]
struct RoundView {
    id: i32,
    prize_year: i32,
    phase: &'static str,
    nominations: Vec<NominationLine>,
}

/// The rounds at work and, per round, the user's nominations with their progress and any
/// impartiality flag.
fn overview(conn: &mut db::DbConn, user: &UserRow) -> anyhow::Result<Vec<RoundView>> {
    let mut views = Vec::new();
    for round in db::scoring::rounds_at_work(conn)? {
        let nominations = if user.role() == Role::Juror {
            db::jury::juror_nominations(conn, round.id, user.id)?
        } else {
            db::jury::eligible_nominations(conn, round.id)?
        };
        let ids: Vec<i32> = nominations.iter().map(|n| n.id).collect();
        let progress = db::scoring::progress(conn, user.id, &ids)?;
        let standings = db::jury::impartiality_map(conn, round.id)?;
        let phase = round.phase;
        views.push(RoundView {
            id: round.id,
            prize_year: round.prize_year,
            phase: phase.code(),
            nominations: nominations
                .into_iter()
                .map(|n| NominationLine {
                    progress: progress.get(&n.id).copied().unwrap_or(Progress::NotStarted),
                    standing: standings
                        .get(&(user.id, n.id))
                        .copied()
                        .unwrap_or(Impartiality::Clear),
                    id: n.id,
                    reference: n.reference,
                    title: n.title,
                    agency: n.agency_name,
                })
                .collect(),
        });
    }
    Ok(views)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn index(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
) -> Result<HttpResponse, PageError> {
    let reader = user.clone();
    let rounds = state
        .db
        .read(move |conn| overview(conn, &reader))
        .await
        .map_err(PageError::from)?;
    let mut context = tera::Context::new();
    context.insert("rounds", &rounds);
    render(
        &req,
        &state,
        &user,
        "jury/index.html",
        StatusCode::OK,
        context,
    )
    .map_err(PageError::from)
}
