//! `/jury`: the juror's desk — the overview of the rounds at work and the juror's
//! nominations; affiliations (`/jury/tilknytninger`) and each nomination's scoring page
//! (`/jury/nominasjoner/{id}`) live in the modules beside this one.

use crate::services::jury_desk;
use crate::web::auth::SignedIn;
use crate::web::errors::PageResult;
use crate::web::forms::PageRequest;
use crate::web::{forms, lang::RequestLang, page};
use actix_web::http::StatusCode;

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn index(view: PageRequest, SignedIn(user): SignedIn) -> PageResult {
    let rounds = jury_desk::overview(&view.state.db, &user).await?;
    let lang = RequestLang::of(&view.req);
    let mut context =
        page::base_context(lang, view.req.path(), &forms::contact_address(&view.state));
    context.insert("rounds", &rounds);
    Ok(forms::render_with_csrf(
        &view.req,
        &view.state,
        StatusCode::OK,
        "jury/index.html",
        context,
    )?)
}
