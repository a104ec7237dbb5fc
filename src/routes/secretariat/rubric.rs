//! `/sekretariat/runder/{round}/kriterier…`: the round's rubric — adding a criterion,
//! editing one on its own page, removing one — until the first score locks it.

use super::rounds::{render_round_form, round_page, round_path, show_decimal};
use crate::domain::{RoundInput, RubricCriterion};
use crate::services::rounds::{self, RubricRefusal};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{FormPage, NoFields, Outcome, PageRequest, PostedTo, Redirect, Rejection};
use crate::web::lang::RequestLang;
use actix_web::{HttpRequest, web};

const CRITERION_FIELDS: &[&str] = &[
    "criterion_name",
    "criterion_description",
    "criterion_weight",
];

/// Where a rubric change leads: back to the round page, or the page again when refused.
fn changed(req: &HttpRequest, round_id: i32, result: Result<(), RubricRefusal>) -> Outcome {
    match result {
        Ok(()) => Redirect::to(round_path(round_id))
            .saying("secretariat-saved")
            .into(),
        Err(_) => Outcome::Refused(RequestLang::of(req).text("secretariat-rubric-refused")),
    }
}

/// [`changed`] for a criterion that may not exist: then the answer is 404.
fn criterion_changed(
    req: &HttpRequest,
    round_id: i32,
    result: Result<(), RubricRefusal>,
) -> Result<Outcome, PageError> {
    match result {
        Err(RubricRefusal::NotFound) => Err(PageError::NotFound),
        result => Ok(changed(req, round_id, result)),
    }
}

/// The round page with the criterion as typed.
async fn round_page_with(
    req: &HttpRequest,
    state: &AppState,
    round_id: i32,
    typed: &RoundInput,
    rejection: Rejection,
) -> PageResult {
    let shown = |stored: RoundInput| RoundInput {
        criterion_name: typed.criterion_name.clone(),
        criterion_description: typed.criterion_description.clone(),
        criterion_weight: typed.criterion_weight.clone(),
        ..stored
    };
    round_page(req, state, round_id, shown, Some(&rejection)).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path))]
pub async fn add_criterion(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let round_id = form.path;
    form.act(
        async |input: &RoundInput| match RubricCriterion::parse(input) {
            Ok(criterion) => {
                let added =
                    rounds::add_criterion(&form.state.db, round_id, criterion, admin.actor())
                        .await?;
                Ok(changed(&form.req, round_id, added))
            }
            Err(errors) => Ok(Outcome::Invalid(errors)),
        },
        async |input, rejection| {
            round_page_with(&form.req, &form.state, round_id, input, rejection).await
        },
    )
    .await
}

/// The criterion's own page, with `typed` (or the stored values) in its form.
async fn criterion_page(
    req: &HttpRequest,
    state: &AppState,
    (round_id, criterion_id): (i32, i32),
    typed: Option<&RoundInput>,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let (criterion, locked) = rounds::criterion(&state.db, round_id, criterion_id)
        .await?
        .ok_or(PageError::NotFound)?;
    let values = typed.cloned().unwrap_or_else(|| RoundInput {
        criterion_name: criterion.name.clone(),
        criterion_description: criterion.description.clone(),
        criterion_weight: show_decimal(criterion.weight, lang),
        ..RoundInput::default()
    });
    let mut context = tera::Context::new();
    context.insert("round_id", &round_id);
    context.insert("criterion_id", &criterion.id);
    context.insert("locked", &locked);
    let path = format!("{}/kriterier/{criterion_id}", round_path(round_id));
    let page = FormPage {
        template: "secretariat/criterion.html",
        path: &path,
        field_order: CRITERION_FIELDS,
    };
    render_round_form(req, state, &page, &values, rejection, context)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = path.0, criterion_id = path.1))]
pub async fn criterion_form(
    view: PageRequest,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
) -> PageResult {
    criterion_page(&view.req, &view.state, path.into_inner(), None, None).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path.0, criterion_id = form.path.1))]
pub async fn edit_criterion(Admin(admin): Admin, form: PostedTo<(i32, i32)>) -> PageResult {
    let (round_id, criterion_id) = form.path;
    form.act(
        async |input: &RoundInput| match RubricCriterion::parse(input) {
            Ok(criterion) => {
                let actor = admin.actor();
                let edited = rounds::edit_criterion(
                    &form.state.db,
                    round_id,
                    criterion_id,
                    criterion,
                    actor,
                )
                .await?;
                criterion_changed(&form.req, round_id, edited)
            }
            Err(errors) => Ok(Outcome::Invalid(errors)),
        },
        async |input, rejection| {
            let ids = (round_id, criterion_id);
            criterion_page(&form.req, &form.state, ids, Some(input), Some(&rejection)).await
        },
    )
    .await
}

/// The remove button. Not `forms::press`: a locked rubric answers with the round page
/// saying so (409), as the other rubric forms do.
#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path.0, criterion_id = form.path.1))]
pub async fn remove_criterion(Admin(admin): Admin, form: PostedTo<(i32, i32)>) -> PageResult {
    let (round_id, criterion_id) = form.path;
    form.act(
        async |_: &NoFields| {
            let removed =
                rounds::remove_criterion(&form.state.db, round_id, criterion_id, admin.actor())
                    .await?;
            criterion_changed(&form.req, round_id, removed)
        },
        async |_, rejection| {
            round_page(
                &form.req,
                &form.state,
                round_id,
                |stored| stored,
                Some(&rejection),
            )
            .await
        },
    )
    .await
}
