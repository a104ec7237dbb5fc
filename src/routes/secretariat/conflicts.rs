//! `/sekretariat/habilitet`: the secretariat's decisions on conflicts of interest
//! (forvaltningsloven §§ 6 and 8), and `/sekretariat/habilitet/{juror}/{nomination}`:
//! deciding one.

use crate::db::screening::ConflictCase;
use crate::domain::ConflictStatus;
use crate::domain::{CONFLICT_DECISION_FIELDS, ConflictDecision, ConflictDecisionInput};
use crate::services::oversight::{self, Pair};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{FormPage, Outcome, PageRequest, PostedTo, Redirect, Rejection};
use actix_web::web;

const PATH: &str = "/sekretariat/habilitet";

#[derive(serde::Serialize)]
struct CaseView {
    #[serde(flatten)]
    case: ConflictCase,
    /// Stored UTC; the template's `datetime` filter shows it in Norwegian time.
    decided_at: Option<chrono::NaiveDateTime>,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn conflicts(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let cases = oversight::conflict_cases(&view.state.db).await?;
    let (open, decided): (Vec<CaseView>, Vec<CaseView>) = cases
        .into_iter()
        .map(|case| CaseView {
            decided_at: case.decided_at,
            case,
        })
        .partition(|view| oversight::is_open(&view.case));
    let mut context = tera::Context::new();
    context.insert("open_cases", &open);
    context.insert("decided_cases", &decided);
    let page = FormPage {
        template: "secretariat/conflicts.html",
        path: PATH,
        field_order: &[],
    };
    view.render_form(&page, context)
}

async fn load_pair(state: &AppState, juror_id: i32, nomination_id: i32) -> Result<Pair, PageError> {
    oversight::pair(&state.db, juror_id, nomination_id)
        .await?
        .ok_or(PageError::NotFound)
}

/// The decision form for the pair, with `values` typed and why they were not accepted.
fn decision_page(
    view: &PageRequest,
    juror_id: i32,
    pair: &Pair,
    values: &ConflictDecisionInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let mut context = tera::Context::new();
    context.insert("juror_id", &juror_id);
    context.insert("juror_name", &pair.juror_name);
    context.insert("nomination_id", &pair.nomination.id);
    context.insert("reference", &pair.nomination.reference);
    context.insert("title", &pair.nomination.title);
    context.insert("agency_name", &pair.nomination.agency_name);
    context.insert("case", &pair.case);
    let page = FormPage {
        template: "secretariat/conflict.html",
        path: view.req.path(),
        field_order: CONFLICT_DECISION_FIELDS,
    };
    Ok(page.render(&view.req, &view.state, values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn decision_form(
    view: PageRequest,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
) -> PageResult {
    let (juror_id, nomination_id) = path.into_inner();
    let pair = load_pair(&view.state, juror_id, nomination_id).await?;
    // A decided case shows its decision.
    let case = pair.case.as_ref();
    let values = ConflictDecisionInput {
        conflict_decision: case
            .and_then(|c| c.status)
            .filter(|s| matches!(s, ConflictStatus::Upheld | ConflictStatus::Dismissed))
            .map(|s| s.code().to_owned())
            .unwrap_or_default(),
        conflict_note: case
            .and_then(|c| c.decision_note.clone())
            .unwrap_or_default(),
    };
    decision_page(&view, juror_id, &pair, &values, None)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn decide(Admin(admin): Admin, form: PostedTo<(i32, i32)>) -> PageResult {
    let (juror_id, nomination_id) = form.path;
    let state = &form.state;
    let pair = load_pair(state, juror_id, nomination_id).await?;
    form.act(
        async |input: &ConflictDecisionInput| match ConflictDecision::parse(input) {
            Ok(decision) => {
                let nomination = pair.nomination.clone();
                oversight::decide_conflict(&state.db, admin.id, juror_id, nomination, decision)
                    .await?;
                Ok(Redirect::to(PATH).saying("secretariat-saved").into())
            }
            Err(errors) => Ok(Outcome::Invalid(errors)),
        },
        async |input, rejection| decision_page(&form, juror_id, &pair, input, Some(&rejection)),
    )
    .await
}
