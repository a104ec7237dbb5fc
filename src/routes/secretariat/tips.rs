//! `/sekretariat/tips`: the tips that came in, newest first.

use super::outbox::time;
use crate::services::outbox_desk;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::forms::PageRequest;

#[derive(serde::Serialize)]
struct TipView {
    reference: String,
    received: String,
    agency: String,
    initiative: String,
    triage_state: String,
    has_contact: bool,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn tips(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let tips = outbox_desk::latest_tips(&view.state.db).await?;
    let views: Vec<TipView> = tips
        .into_iter()
        .map(|t| TipView {
            reference: t.reference,
            received: time(Some(t.created_at)),
            agency: t.agency,
            initiative: t.initiative,
            triage_state: t.triage_state,
            has_contact: t.tipster_email.is_some() && t.may_contact,
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("tips", &views);
    view.render("secretariat/tips.html", context)
}
