//! Drafts of a nomination ("Lagre og fortsett senere"): `/nominer/utkast` saves the form as
//! typed and mails a private link; `/nominer/utkast/{token}` opens it filled in, sends it
//! as a nomination (the draft is then gone) or saves it again (`…?lagre`). Only the
//! e-mail address is checked when saving; everything is checked when sending.
//!
//! The form may carry files (it is the nomination form). A draft does not keep them: they
//! are stored only when the draft is sent, and a saved draft's page says to choose them
//! again.
//!
//! A draft belongs to no round: sent, it goes to the round taking nominations then, like
//! any nomination from `/nominer`, so a round leaving the nominations phase changes
//! nothing for a draft but the year and deadline its page names.

use super::nominate::{
    attachment_context, checked_files, edit_page, insert_intro, new_context, new_form_page, receipt,
};
use crate::db::drafts::DraftRow;
use crate::domain::{FieldErrors, NewNomination, NominationDraft, NominationInput, SubmissionKey};
use crate::i18n::Lang;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{self, PageRequest, PostedForm, Rejection};
use crate::web::uploads::UploadForm;
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::web;
use chrono::NaiveDate;

/// The draft behind a private link; an unknown link (never made, sent, expired) is
/// `LinkInvalid`.
async fn by_token(state: &AppState, token: &str) -> Result<DraftRow, PageError> {
    state
        .intake
        .find_draft(token.to_owned())
        .await?
        .ok_or(PageError::LinkInvalid)
}

/// Texts and actions of a draft's page at `path`: the form, sent to the round open now.
async fn draft_context(
    state: &AppState,
    lang: Lang,
    path: &str,
    expires: NaiveDate,
    notice: Option<String>,
) -> anyhow::Result<tera::Context> {
    let round = state.intake.open_round().await?;
    let mut context = new_context(lang, round);
    let ids = ("draft-title", "draft-lead");
    insert_intro(&mut context, lang, ids, round, Some(expires));
    context.insert("action", path);
    context.insert("draft_action", &format!("{path}?{SAVE_QUERY}"));
    context.insert("notice", &notice);
    attachment_context(&mut context, state, lang, false);
    Ok(context)
}

/// The query of the save button's post to a draft's link (the send button posts bare).
const SAVE_QUERY: &str = "lagre";

fn draft_path(token: &str) -> String {
    format!("/nominer/utkast/{token}")
}

/// A post to a draft's link: find the draft, parse the form into `D`, and `act` on it with
/// the draft and its path; or show the draft's form again with what was typed and why.
async fn on_draft<D>(
    lang: Lang,
    token: &str,
    (form, checked, chosen): (&PostedForm, FieldErrors, bool),
    act: impl AsyncFnOnce(&DraftRow, &str, D, Option<SubmissionKey>) -> PageResult,
) -> PageResult
where
    D: for<'a> TryFrom<&'a NominationInput, Error = FieldErrors>,
{
    let state = &form.state;
    let draft = by_token(state, token).await?;
    let path = draft_path(token);
    form.receive_checked(
        checked,
        async |parsed, key| act(&draft, &path, parsed, key).await,
        async |input, rejection: Rejection, key| {
            let expires = state.intake.draft_expiry(draft.saved_at);
            let mut context = draft_context(state, lang, &path, expires, None).await?;
            context.insert("attachments_choose_again", &chosen);
            let page = edit_page(&path);
            Ok(page.render(&form.req, state, input, Some(&rejection), key, context)?)
        },
    )
    .await
}

/// `POST /nominer/utkast`: the new-nomination form saved as a draft. Its link goes by
/// e-mail; the page says so, and when the draft will be deleted.
#[tracing::instrument(skip_all)]
pub async fn save_new(RequestLang(lang): RequestLang, mut form: UploadForm) -> PageResult {
    // A draft keeps no files (see the module comment).
    let chosen = form.take_files().any_chosen;
    let state = &form.state;
    form.receive(
        async |draft: NominationDraft, key| {
            let email = draft.contact_email.as_ref().to_owned();
            let expires = state.intake.save_new_draft(draft, lang, key).await?;
            let mut context = page::base_context(lang, "/nominer", &forms::contact_address(state));
            context.insert(
                "email_note",
                &lang.text_with(
                    "draft-saved-email",
                    &[("email", &email), ("expires", &lang.long_date(expires))],
                ),
            );
            context.insert("attachments_not_kept", &chosen);
            Ok(page::render(StatusCode::OK, "draft_saved.html", &context)?)
        },
        async |input, rejection, key| {
            let mut context = new_context(lang, state.intake.open_round().await?);
            attachment_context(&mut context, state, lang, chosen);
            let page = new_form_page();
            Ok(page.render(&form.req, state, input, Some(&rejection), key, context)?)
        },
    )
    .await
}

/// `GET /nominer/utkast/{token}`: the form, filled in as it was saved.
#[tracing::instrument(skip_all)]
pub async fn open(
    view: PageRequest,
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
) -> PageResult {
    let draft = by_token(&view.state, &token).await?;
    let path = draft_path(&token);
    let expires = view.state.intake.draft_expiry(draft.saved_at);
    let context = draft_context(&view.state, lang, &path, expires, None).await?;
    view.render_values(&edit_page(&path), &draft.to_input(), context)
}

/// `POST /nominer/utkast/{token}`: the draft sent as a nomination, checked like any (the
/// receipt); or, from the save button (`?lagre`), saved again (the form, with a note until
/// when it is kept). Otherwise the form again with what was typed and why.
#[tracing::instrument(skip_all)]
pub async fn post(
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
    mut form: UploadForm,
) -> PageResult {
    let received = form.take_files();
    let chosen = received.any_chosen;
    let state = &form.state;
    if form.req.query_string() != SAVE_QUERY {
        if received.busy {
            let input = form.fields::<NominationInput>()?;
            let expires = state
                .intake
                .draft_expiry(by_token(state, &token).await?.saved_at);
            let path = draft_path(&token);
            let mut context = draft_context(state, lang, &path, expires, None).await?;
            context.insert("attachments_choose_again", &chosen);
            return form.show_again(&edit_page(&path), &input, &Rejection::Busy, context);
        }
        let (files, checked) = checked_files(received);
        return on_draft::<NewNomination>(
            lang,
            &token,
            (&form, checked, chosen),
            async |draft, _, nomination, key| {
                let (row, round) = state
                    .intake
                    .submit_draft(draft.id, nomination, lang, key, files)
                    .await?
                    .ok_or(PageError::LinkInvalid)?;
                receipt(state, lang, &row, &round).await
            },
        )
        .await;
    }
    // Saved, not sent: the files are not kept (see the module comment).
    drop(received);
    let no_errors = FieldErrors::default();
    let form_parts = (&*form, no_errors, chosen);
    on_draft::<NominationDraft>(lang, &token, form_parts, async |draft, path, saved, _| {
        let input = saved.input.clone();
        let expires = state
            .intake
            .save_draft(draft.id, saved)
            .await?
            .ok_or(PageError::LinkInvalid)?;
        let mut notice = lang.text_with(
            "draft-saved-again",
            &[("expires", &lang.long_date(expires))],
        );
        if chosen {
            notice = format!("{notice} {}", lang.text("attachments-not-in-draft"));
        }
        let context = draft_context(state, lang, path, expires, Some(notice)).await?;
        form.render_values(&edit_page(path), &input, context)
    })
    .await
}
