//! `/jury`: the juror's desk — the overview of the rounds at work and the juror's
//! nominations; affiliations (`/jury/tilknytninger`) and each nomination's scoring page
//! (`/jury/nominasjoner/{id}`) live in the modules beside this one.

use crate::services::jury_desk;
use crate::web::auth::SignedIn;
use crate::web::errors::PageResult;
use crate::web::forms::PageRequest;

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn index(view: PageRequest, SignedIn(user): SignedIn) -> PageResult {
    let today = crate::format::oslo_date(view.state.clock.now());
    let lang = crate::web::lang::RequestLang::of(&view.req);
    let rounds = jury_desk::overview(&view.state.db, &user, today, lang).await?;
    let mut context = tera::Context::new();
    context.insert("rounds", &rounds);
    view.render("jury/index.html", context)
}
