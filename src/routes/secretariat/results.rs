//! `/sekretariat/runder/{id}/resultater`: decision support for the secretariat, with the
//! forms to record the jury's decisions (`POST /sekretariat/runder/{id}/vedtak`). The
//! view is the page family's, in `crate::routes::decision_support`.

use crate::db::decisions::DecisionKind;
use crate::domain::FieldErrors;
use crate::jury::Measure;
use crate::routes::decision_support::{
    self, PageInput, PostedDecision, SortQuery, TEMPLATE, overview_context, parse_sort,
};
use crate::services::decisions::rules::{DecisionError, Viewer};
use crate::services::decisions::{self, Proposal};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{Outcome, PageRequest, PostedTo, Redirect, Rejection};
use crate::web::lang::RequestLang;
use actix_web::{HttpRequest, web};
use std::cell::Cell;

fn path(round_id: i32) -> String {
    format!("/sekretariat/runder/{round_id}/resultater")
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *round_id))]
pub async fn secretariat_page(
    view: PageRequest,
    Admin(admin): Admin,
    round_id: web::Path<i32>,
    query: web::Query<SortQuery>,
) -> PageResult {
    let sort = parse_sort(query.sorter.as_deref());
    page(&view.req, &view.state, round_id.into_inner(), sort, None).await
}

/// The page, with the decision form that was refused shown again if any.
async fn page(
    req: &HttpRequest,
    state: &AppState,
    round_id: i32,
    sort: Measure,
    refused: Option<(Rejection, PostedDecision)>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let results = decisions::results(&state.db, round_id, Viewer::Secretariat).await?;
    let path = path(round_id);
    let (rejection, posted) = refused.unzip();
    let input = PageInput::of(&results, sort, &path).with_forms(posted.as_ref());
    let context = overview_context(lang, &input);
    decision_support::render(req, state, TEMPLATE, &path, context, rejection.as_ref())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    kind: String,
    nominations: Vec<String>,
    rationale: String,
}

impl DecisionInput {
    fn shown_again(&self, errors: Vec<DecisionError>) -> PostedDecision {
        PostedDecision {
            kind: DecisionKind::parse(&self.kind),
            chosen: self.nominations.clone(),
            rationale: self.rationale.clone(),
            errors,
        }
    }
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path))]
pub async fn decide(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let round_id = form.path;
    // Why the decision was refused, per field of its form: more than `FieldErrors` holds,
    // so the action leaves it here for the page shown again.
    let refused = Cell::new(Vec::new());
    form.act(
        async |input: &DecisionInput| {
            let kind = DecisionKind::parse(&input.kind)
                .ok_or_else(|| PageError::bad_request("unknown decision kind"))?;
            let proposal = Proposal {
                kind,
                chosen: input.nominations.clone(),
                rationale: input.rationale.clone(),
            };
            Ok(
                match decisions::record(&form.state.db, round_id, admin.id, proposal).await? {
                    Ok(_) => Redirect::to(path(round_id))
                        .saying("decisions-recorded")
                        .into(),
                    Err(errors) => {
                        refused.set(errors);
                        Outcome::Invalid(FieldErrors::default())
                    }
                },
            )
        },
        async |input, rejection| {
            let posted = input.shown_again(refused.take());
            page(
                &form.req,
                &form.state,
                round_id,
                Measure::WeightedMean,
                Some((rejection, posted)),
            )
            .await
        },
    )
    .await
}
