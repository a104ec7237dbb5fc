//! `/jury`: the juror's desk — the overview of the rounds at work and the juror's
//! nominations; affiliations (`/jury/tilknytninger`) and each nomination's scoring page
//! (`/jury/nominasjoner/{id}`) live in the modules beside this one.

use crate::services::jury_desk;
use crate::web::auth::SignedIn;
use crate::web::errors::PageResult;
use crate::web::{AppState, forms, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn index(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
) -> PageResult {
    let rounds = jury_desk::overview(&state.db, &user).await?;
    let lang = RequestLang::of(&req);
    let mut context = page::base_context(lang, req.path(), &forms::contact_address(&state));
    context.insert("rounds", &rounds);
    Ok(forms::render_with_csrf(
        &req,
        &state,
        StatusCode::OK,
        "jury/index.html",
        context,
    )?)
}
