//! `/jury/nominasjoner/{id}`: one nomination at the juror's desk — its text, the scoring
//! form (a 0–5 score with a justification per criterion, and the holistic assessment),
//! the conflict declaration, and, once the juror may see them, the other jurors'
//! submitted assessments side by side.
//!
//! Every request loads the desk through `services::scoring`, which decides whether the
//! nomination is the user's (else 404) and what the user may do with it; a juror who is
//! conflicted sees only the nomination's text and the conflict's status, and cannot score
//! (403). The page's view model is in `nomination/page.rs`.

mod page;

use crate::db::users::UserRow;
use crate::domain::LongText;
use crate::domain::score_sheet::{ScoreSheet, SheetAction, SheetErrors, SheetInput};
use crate::services::attachments;
use crate::services::scoring::{self, Desk, Written};
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{Outcome, PageRequest, PostedForm, PostedTo, Redirect, Rejection};
use crate::web::lang::RequestLang;
use actix_web::http::StatusCode;
use actix_web::web;
use page::Shown;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ConflictInput {
    conflict_reason: String,
}

fn page_path(nomination_id: i32) -> String {
    format!("/jury/nominasjoner/{nomination_id}")
}

/// The desk for this user and nomination, or 404 when it is not theirs to see.
async fn load(state: &AppState, user: &UserRow, id: i32) -> Result<Desk, PageError> {
    scoring::desk(&state.db, user, id)
        .await?
        .ok_or(PageError::NotFound)
}

/// What was typed in the form that is shown again.
enum Typed<'a> {
    Sheet(&'a SheetInput),
    ConflictReason(&'a str),
}

/// A rejected form shown again with everything typed: the alert for a failed security
/// check (CSRF, honeypot), else what is wrong with each field. A sheet's fields are named
/// by criterion id, which `FieldErrors` cannot hold, so the sheet is parsed again here.
async fn show_again(
    form: &PostedForm,
    user: &UserRow,
    nomination_id: i32,
    typed: Typed<'_>,
    rejection: Rejection,
) -> PageResult {
    let (req, state) = (&form.req, &form.state);
    let desk = load(state, user, nomination_id).await?;
    match typed {
        Typed::Sheet(_) if !desk.access.may_score => return Err(PageError::Forbidden),
        Typed::ConflictReason(_) if !desk.is_juror => return Err(PageError::Forbidden),
        Typed::ConflictReason(_) if desk.conflict.is_some() => {
            return Ok(Redirect::to(page_path(nomination_id)).respond(req));
        }
        _ => {}
    }
    let lang = RequestLang::of(req);
    let (errors, alert, status) = match rejection {
        Rejection::Csrf => (None, Some(lang.text("error-csrf")), StatusCode::FORBIDDEN),
        Rejection::Invalid(errors) if errors.get("website").is_some() => (
            None,
            Some(lang.text("error-honeypot")),
            StatusCode::FORBIDDEN,
        ),
        Rejection::Busy => (
            None,
            Some(lang.text("error-busy")),
            StatusCode::SERVICE_UNAVAILABLE,
        ),
        Rejection::RateLimited => (
            None,
            Some(lang.text("error-rate-limited")),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Rejection::Refused(message) => (None, Some(message), StatusCode::UNPROCESSABLE_ENTITY),
        Rejection::Invalid(errors) => (Some(errors), None, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let (sheet, conflict_reason, errors) = match (typed, errors) {
        (Typed::Sheet(values), Some(_)) => (
            Some(values),
            "",
            ScoreSheet::parse(&desk.criterion_ids(), values)
                .err()
                .unwrap_or_default(),
        ),
        (Typed::Sheet(values), None) => (Some(values), "", SheetErrors::default()),
        (Typed::ConflictReason(reason), errors) => (
            None,
            reason,
            errors.as_ref().map(SheetErrors::from).unwrap_or_default(),
        ),
    };
    let shown = Shown {
        typed: sheet,
        conflict_reason,
        errors,
        alert,
        status,
    };
    page::render(req, state, &desk, shown)
}

#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = *path))]
pub async fn show(view: PageRequest, SignedIn(user): SignedIn, path: web::Path<i32>) -> PageResult {
    let desk = load(&view.state, &user, path.into_inner()).await?;
    page::render(&view.req, &view.state, &desk, Shown::stored())
}

#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = form.path))]
pub async fn save(SignedIn(user): SignedIn, form: PostedTo<i32>) -> PageResult {
    let nomination_id = form.path;
    form.act(
        async |values: &SheetInput| {
            let desk = load(&form.state, &user, nomination_id).await?;
            if !desk.access.may_score {
                return Err(PageError::Forbidden);
            }
            // `show_again` names the fields that are wrong.
            let Ok(sheet) = ScoreSheet::parse(&desk.criterion_ids(), values) else {
                return Ok(Outcome::Invalid(Default::default()));
            };
            let notice = match sheet.action {
                SheetAction::Submit => "jury-submitted-notice",
                SheetAction::Draft => "jury-draft-saved",
            };
            match scoring::save_sheet(&form.state.db, &user, nomination_id, sheet).await? {
                Written::Done | Written::Unchanged => {
                    Ok(Redirect::to(page_path(nomination_id)).saying(notice).into())
                }
                Written::NotFound => Err(PageError::NotFound),
                Written::Refused => Err(PageError::Forbidden),
            }
        },
        async |values, rejection| {
            let typed = Typed::Sheet(values);
            show_again(&form, &user, nomination_id, typed, rejection).await
        },
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = form.path))]
pub async fn declare_conflict(SignedIn(user): SignedIn, form: PostedTo<i32>) -> PageResult {
    let nomination_id = form.path;
    form.act(
        async |input: &ConflictInput| {
            let reason = match LongText::parse(&input.conflict_reason) {
                Ok(reason) => reason,
                Err(error) => {
                    let mut errors = crate::domain::FieldErrors::default();
                    errors.add("conflict_reason", error);
                    return Ok(Outcome::Invalid(errors));
                }
            };
            match scoring::declare_conflict(&form.state.db, &user, nomination_id, reason).await? {
                Written::Done => Ok(Redirect::to(page_path(nomination_id))
                    .saying("jury-conflict-declared")
                    .into()),
                Written::Unchanged => Ok(Redirect::to(page_path(nomination_id)).into()),
                Written::NotFound => Err(PageError::NotFound),
                Written::Refused => Err(PageError::Forbidden),
            }
        },
        async |input, rejection| {
            let typed = Typed::ConflictReason(&input.conflict_reason);
            show_again(&form, &user, nomination_id, typed, rejection).await
        },
    )
    .await
}

/// `GET /jury/nominasjoner/{id}/vedlegg/{file}`: one of the nomination's files, as a
/// download; 404 when the nomination is not the user's to see or has no such file, 403
/// when the user is conflicted on it (the policy, through the desk).
#[tracing::instrument(skip_all, fields(user_id = user.id, nomination_id = path.0, attachment_id = path.1))]
pub async fn attachment(
    view: PageRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(i32, i32)>,
) -> PageResult {
    let (nomination_id, attachment_id) = path.into_inner();
    let download = attachments::at_desk(&view.state.db, &user, nomination_id, attachment_id);
    crate::web::download::answer(download.await?)
}
