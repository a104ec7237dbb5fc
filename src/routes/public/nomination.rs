//! `/nominasjon/{token}`: the nominee's private link, mailed with the receipt. It shows the
//! nomination and lets the agency edit it and its files until the round's deadline, then
//! shows it read-only; the consent to publish can be given or withdrawn at any time
//! (`…/samtykke`), and the nomination's own files can be downloaded (`…/vedlegg/{file}`).
//! The new-nomination form itself is in `nominate.rs`.

use super::nominate::{attachment_context, checked_files, edit_page, summary};
use crate::db::attachments::AttachmentInfo;
use crate::db::{self, nominations::NominationRow, rounds::Round};
use crate::domain::{
    AttachmentChanges, Category, EditWindow, FieldErrors, NewNomination, NominationInput,
    ValidationError,
};
use crate::i18n::Lang;
use crate::submissions::Edited;
use crate::web::AppState;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{PageRequest, PostedTo, Rejection};
use crate::web::lang::RequestLang;
use crate::web::uploads::{FILE_FIELD, UploadForm};
use actix_web::web;

/// The form's extra field on the edit link: the files ticked for removal.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct RemovalInput {
    remove_attachment: Vec<String>,
}

/// Texts and flags of the edit page; read-only once the round has closed or left the
/// nominations phase.
fn edit_context(
    (state, lang): (&AppState, Lang),
    path: &str,
    (row, files): (&NominationRow, &[AttachmentInfo]),
    round: &Round,
    notice: Option<String>,
) -> tera::Context {
    let window = EditWindow::of(round.phase, round.closes_at, db::now());
    let open = window == EditWindow::Open;
    let deadline = lang.long_date(round.nomination_deadline);
    let mut context = tera::Context::new();
    context.insert(
        "heading",
        &lang.text_with("nominate-edit-title", &[("reference", &row.reference)]),
    );
    let lead_id = match window {
        EditWindow::Open => "nominate-edit-lead",
        EditWindow::PastDeadline => "nominate-closed",
        EditWindow::JuryAtWork => "nominate-closed-phase",
    };
    context.insert("lead", &lang.text_with(lead_id, &[("deadline", &deadline)]));
    context.insert("action", path);
    context.insert("submit_label", &lang.text("nominate-save"));
    context.insert("editable", &open);
    context.insert("notice", &notice);
    context.insert("areas", &Category::ALL.map(Category::code));
    if !open {
        context.insert("read_only", &summary(lang, &row.to_input()));
        // Consent to publish can be withdrawn (or given) at any time, also when the
        // nomination itself can no longer be changed.
        context.insert("consent_action", &format!("{path}/samtykke"));
        context.insert("consent_given", &row.consent_publish);
    }
    attachment_context(&mut context, state, lang, false);
    // The nominee's own files, each a download through this same private link.
    context.insert(
        "attachments",
        &crate::web::download::listed(lang, files, path),
    );
    context
}

/// The nomination and round behind a private link; an unknown link is `LinkInvalid`.
async fn by_edit_token(
    state: &AppState,
    token: String,
) -> Result<(NominationRow, Round), PageError> {
    state
        .intake
        .find_by_edit_token(token)
        .await?
        .ok_or(PageError::LinkInvalid)
}

#[tracing::instrument(skip_all)]
pub async fn edit_form(
    view: PageRequest,
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
) -> PageResult {
    let path = view.req.path();
    let state = &view.state;
    let (row, round) = by_edit_token(state, token.into_inner()).await?;
    let files = state.intake.attachments(row.id).await?;
    let context = edit_context((state, lang), path, (&row, &files), &round, None);
    view.render_values(&edit_page(path), &row.to_input(), context)
}

/// `POST /nominasjon/{token}`: the text saved, the files ticked removed and those chosen
/// added, all in one transaction; or the form again with what was typed and why.
#[tracing::instrument(skip_all)]
pub async fn save_edit(
    RequestLang(lang): RequestLang,
    token: web::Path<String>,
    mut form: UploadForm,
) -> PageResult {
    let received = form.take_files();
    let (busy, chosen) = (received.busy, received.any_chosen);
    let (state, path) = (&form.state, form.req.path());
    let (row, round) = by_edit_token(state, token.into_inner()).await?;
    let files = state.intake.attachments(row.id).await?;
    let page = edit_page(path);
    if EditWindow::of(round.phase, round.closes_at, db::now()) != EditWindow::Open {
        // Refused before reading the form: the stored nomination, read-only, says why.
        let context = edit_context((state, lang), path, (&row, &files), &round, None);
        return form.render_values(&page, &row.to_input(), context);
    }
    let show_again = async |input: &NominationInput, rejection: Rejection| {
        let mut context = edit_context((state, lang), path, (&row, &files), &round, None);
        context.insert("attachments_choose_again", &chosen);
        form.show_again(&page, input, &rejection, context)
    };
    if busy {
        let input = form.fields::<NominationInput>()?;
        return show_again(&input, Rejection::Busy).await;
    }
    let (added, checked) = checked_files(received);
    let removed = form
        .fields::<RemovalInput>()?
        .remove_attachment
        .iter()
        .filter_map(|id| id.parse().ok())
        .collect();
    let changes = AttachmentChanges { added, removed };
    let limits = state.settings.nomination.attachment_limits();
    form.receive_checked(
        checked,
        async |nomination: NewNomination, _| {
            let edited = state
                .intake
                .update_nomination(row.id, nomination, changes, limits)
                .await?;
            let (shown, notice) = match &edited {
                Edited::Saved(saved) => (&**saved, Some(lang.text("receipt-nomination-updated"))),
                // A round that closed meanwhile shows the stored, unchanged nomination.
                Edited::Closed => (&row, None),
                Edited::TooManyFiles => {
                    let input = form.fields::<NominationInput>()?;
                    let errors = FieldErrors::one(FILE_FIELD, ValidationError::AttachmentTooMany);
                    return show_again(&input, Rejection::Invalid(errors)).await;
                }
            };
            let files = state.intake.attachments(row.id).await?;
            let context = edit_context((state, lang), path, (shown, &files), &round, notice);
            form.render_values(&page, &shown.to_input(), context)
        },
        async |input: &NominationInput, rejection, _| show_again(input, rejection).await,
    )
    .await
}

/// The consent form on a closed nomination's page.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ConsentInput {
    consent_publish: String,
}

/// `POST /nominasjon/{token}/samtykke`: gives or withdraws the consent to publish, then
/// back to the nomination's page saying so.
#[tracing::instrument(skip_all)]
pub async fn consent(RequestLang(lang): RequestLang, form: PostedTo<String>) -> PageResult {
    let state = &form.state;
    let edit_path = form.req.path().trim_end_matches("/samtykke").to_owned();
    let (row, round) = by_edit_token(state, form.path.clone()).await?;
    form.act_limited(
        &state.limiter,
        async |input: &ConsentInput| {
            let consent = input.consent_publish.trim() == "true";
            state.intake.set_consent(row.id, consent).await?;
            let message = if consent {
                "library-consent-given-saved"
            } else {
                "library-consent-withdrawn-saved"
            };
            Ok(crate::web::forms::Redirect::to(edit_path.clone())
                .saying(message)
                .into())
        },
        async |_, rejection| {
            let files = state.intake.attachments(row.id).await?;
            let context = edit_context((state, lang), &edit_path, (&row, &files), &round, None);
            form.show_again(&edit_page(&edit_path), &row.to_input(), &rejection, context)
        },
    )
    .await
}

/// `GET /nominasjon/{token}/vedlegg/{file}`: one of the nomination's own files, as a
/// download, for as long as the private link opens the nomination; an unknown link is the
/// invalid-link page and another nomination's file (or a removed one) is 404.
#[tracing::instrument(skip_all, fields(attachment_id = path.1))]
pub async fn attachment(view: PageRequest, path: web::Path<(String, i32)>) -> PageResult {
    let (token, attachment_id) = path.into_inner();
    let (row, _round) = by_edit_token(&view.state, token).await?;
    let download = crate::services::attachments::own(&view.state.db, row.id, attachment_id);
    crate::web::download::answer(download.await?)
}
