//! The actions of `/sekretariat/nominasjoner/{id}`: screening a nomination (eligible, or
//! excluded with a reason), carrying it into a later round, assigning it to jurors, and
//! reopening a juror's submitted assessment. Each redirects back to the nomination page.

use super::nominations::nomination_page;

use crate::domain::{
    ScreeningDecision, ScreeningInput, chosen_jurors, juror_to_reopen, parse_target_round,
    target_round_missing,
};
use crate::services::screening;
use crate::web::auth::Admin;
use crate::web::errors::{OrNotFound as _, PageError, PageResult};
use crate::web::forms::{Outcome, PostedForm, PostedTo, Redirect};

/// Back to the nomination page, saying the change is saved.
fn saved(nomination_id: i32) -> Redirect {
    Redirect::to(format!("/sekretariat/nominasjoner/{nomination_id}")).saying("secretariat-saved")
}

/// One of the nomination page's forms: `action` on what was posted, or the page again
/// with the forms filled by `typed` (from what was posted and what is stored).
async fn nomination_form(
    form: &PostedForm,
    nomination_id: i32,
    action: impl AsyncFnOnce(&ScreeningInput) -> Result<Outcome, PageError>,
    typed: impl FnOnce(&ScreeningInput, ScreeningInput) -> ScreeningInput,
) -> PageResult {
    form.act(action, async |input, rejection| {
        let shown = |stored| typed(input, stored);
        nomination_page(
            &form.req,
            &form.state,
            nomination_id,
            shown,
            Some(&rejection),
        )
        .await
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = form.path))]
pub async fn screen(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let nomination_id = form.path;
    let decide = async |input: &ScreeningInput| match ScreeningDecision::parse(input) {
        Ok(decision) => {
            screening::screen(&form.state.db, nomination_id, decision, admin.actor()).await?;
            Ok(saved(nomination_id).into())
        }
        Err(errors) => Ok(Outcome::Invalid(errors)),
    };
    // The screening as typed; the other forms as stored.
    let typed = |input: &ScreeningInput, stored: ScreeningInput| ScreeningInput {
        assigned_jurors: stored.assigned_jurors,
        target_round: String::new(),
        ..input.clone()
    };
    nomination_form(&form, nomination_id, decide, typed).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = form.path))]
pub async fn carry(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let nomination_id = form.path;
    let carry = async |input: &ScreeningInput| {
        let target = match parse_target_round(input) {
            Ok(target) => target,
            Err(errors) => return Ok(Outcome::Invalid(errors)),
        };
        if screening::carry(&form.state.db, nomination_id, target, admin.actor()).await? {
            Ok(saved(nomination_id).into())
        } else {
            Ok(Outcome::Invalid(target_round_missing()))
        }
    };
    let typed = |input: &ScreeningInput, stored| ScreeningInput {
        target_round: input.target_round.clone(),
        ..stored
    };
    nomination_form(&form, nomination_id, carry, typed).await
}

/// What the assignment and reopen forms show when not taken: the page as stored.
fn as_stored(_: &ScreeningInput, stored: ScreeningInput) -> ScreeningInput {
    stored
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = form.path))]
pub async fn assign(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let nomination_id = form.path;
    let assign = async |input: &ScreeningInput| {
        let jurors = chosen_jurors(input);
        screening::assign(&form.state.db, nomination_id, jurors, admin.actor()).await?;
        Ok(saved(nomination_id).into())
    };
    nomination_form(&form, nomination_id, assign, as_stored).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = form.path))]
pub async fn reopen(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let nomination_id = form.path;
    let reopen = async |input: &ScreeningInput| {
        let juror_id = juror_to_reopen(input).ok_or(PageError::NotFound)?;
        screening::reopen(&form.state.db, nomination_id, juror_id, admin.actor())
            .await?
            .or_not_found()?;
        Ok(saved(nomination_id).into())
    };
    nomination_form(&form, nomination_id, reopen, as_stored).await
}
