//! `/nominer` (a new nomination) and `/nominasjon/{token}` (the private link to view and
//! edit one until the round's deadline). Drafts of the form are in `draft.rs`.

use crate::db::attachments::AttachmentInfo;
use crate::db::{self, nominations::NominationRow, rounds::Round};
use crate::domain::{
    AttachmentChanges, Category, EditWindow, FieldErrors, NewAttachment, NewNomination,
    NominationInput, ValidationError,
};
use crate::i18n::Lang;
use crate::submissions::Edited;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{self, FormPage, PageRequest, PostedTo, Rejection};
use crate::web::uploads::{FILE_FIELD, ReceivedFiles, UploadForm};
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::web;

const FIELD_ORDER: &[&str] = &[
    "agency_name",
    "org_number",
    "other_agencies",
    "contact_name",
    "contact_email",
    "contact_phone",
    "title",
    "categories",
    "summary",
    "background",
    "what_was_done",
    "results",
    "savings_nok",
    "savings_hours",
    "user_effects",
    "transfer_value",
    "leadership_backing",
    "consent_publish",
];

/// The form's fields in order for the error summary: the text ([`FIELD_ORDER`]), then the
/// files.
const FORM_FIELDS: &[&str] = &{
    let mut fields = [FILE_FIELD; FIELD_ORDER.len() + 1];
    let mut i = 0;
    while i < FIELD_ORDER.len() {
        fields[i] = FIELD_ORDER[i];
        i += 1;
    }
    fields
};

pub(super) fn new_form_page() -> FormPage<'static> {
    FormPage {
        template: "nominate.html",
        path: "/nominer",
        field_order: FORM_FIELDS,
    }
}

/// The heading and lead of a page of the nomination form (the two texts' ids), the lead
/// naming the round's prize year and deadline, and when a draft `expires` if it is one.
pub(super) fn insert_intro(
    context: &mut tera::Context,
    lang: Lang,
    (heading, lead): (&str, &str),
    (prize_year, deadline): (i32, chrono::NaiveDate),
    expires: Option<chrono::NaiveDate>,
) {
    let (year, deadline) = (prize_year.to_string(), lang.long_date(deadline));
    let expires = expires.map(|date| lang.long_date(date));
    let mut args = vec![("year", year.as_str()), ("deadline", deadline.as_str())];
    args.extend(expires.as_deref().map(|date| ("expires", date)));
    context.insert("heading", &lang.text(heading));
    context.insert("lead", &lang.text_with(lead, &args));
}

/// The files of a post, checked by their content: those to store, and what is wrong on
/// the file field (each kind of problem once).
pub(super) fn checked_files(received: ReceivedFiles) -> (Vec<NewAttachment>, FieldErrors) {
    let mut problems = received.problems.clone();
    let mut files = Vec::new();
    for file in received.files {
        match NewAttachment::parse(&file.raw_name, file.content) {
            Ok(file) => files.push(file),
            Err(problem) if !problems.contains(&problem) => problems.push(problem),
            Err(_) => {}
        }
    }
    let mut errors = FieldErrors::default();
    for problem in problems {
        errors.add(FILE_FIELD, problem);
    }
    (files, errors)
}

/// What the file field of the form shows: its limits, the files the nomination has (on
/// its edit link), and whether chosen files must be chosen again (a form shown again
/// cannot keep them: browsers do not let a page fill in a file input).
pub(super) fn attachment_context(
    context: &mut tera::Context,
    state: &AppState,
    lang: Lang,
    existing: &[AttachmentInfo],
    choose_again: bool,
) {
    let limits = &state.settings.nomination;
    context.insert(
        "attachments_hint",
        &lang.text_with(
            "attachments-hint",
            &[
                ("count", &limits.max_attachments.to_string()),
                ("mb", &limits.max_attachment_mb.to_string()),
            ],
        ),
    );
    context.insert(
        "attachments",
        &crate::web::download::listed(lang, existing, ""),
    );
    context.insert("attachments_choose_again", &choose_again);
}

/// The form's extra field on the edit link: the files ticked for removal.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct RemovalInput {
    remove_attachment: Vec<String>,
}

/// Texts and flags of the new-nomination page.
pub(super) fn new_context(
    lang: Lang,
    (prize_year, deadline): (i32, chrono::NaiveDate),
) -> tera::Context {
    let mut context = tera::Context::new();
    let round = (prize_year, deadline);
    insert_intro(
        &mut context,
        lang,
        ("nominate-title", "nominate-lead"),
        round,
        None,
    );
    context.insert("action", "/nominer");
    context.insert("submit_label", &lang.text("nominate-submit"));
    context.insert("draft_action", "/nominer/utkast");
    context.insert("editable", &true);
    context.insert("areas", &Category::ALL.map(Category::code));
    context
}

#[tracing::instrument(skip_all)]
pub async fn new_form(view: PageRequest, RequestLang(lang): RequestLang) -> PageResult {
    // The same for everyone in a language until the round changes: rendered once.
    let mut context = new_context(lang, view.state.intake.open_round().await?);
    attachment_context(&mut context, &view.state, lang, &[], false);
    let context = page::prerender(context);
    view.render_values(&new_form_page(), &NominationInput::default(), context)
}

#[tracing::instrument(skip_all)]
pub async fn submit(RequestLang(lang): RequestLang, mut form: UploadForm) -> PageResult {
    let received = form.take_files();
    let (busy, chosen) = (received.busy, received.any_chosen);
    let (files, checked) = checked_files(received);
    let state = &form.state;
    let show_again = async |input: &NominationInput, rejection, key| {
        let mut context = new_context(lang, state.intake.open_round().await?);
        attachment_context(&mut context, state, lang, &[], chosen);
        let page = new_form_page();
        Ok(page.render(&form.req, state, input, Some(&rejection), key, context)?)
    };
    if busy {
        let input = form.fields::<NominationInput>()?;
        return show_again(&input, Rejection::Busy, None).await;
    }
    form.receive_checked(
        checked,
        async |nomination: NewNomination, key| {
            let (row, round) = state
                .intake
                .submit_nomination(nomination, lang, key, files)
                .await?;
            receipt(state, lang, &row, &round).await
        },
        show_again,
    )
    .await
}

/// The receipt page: the reference, what happens next, and what was sent.
pub(super) async fn receipt(
    state: &AppState,
    lang: Lang,
    row: &NominationRow,
    round: &Round,
) -> PageResult {
    let files = state.intake.attachments(row.id).await?;
    let mut context = page::base_context(lang, "/nominer", &forms::contact_address(state));
    context.insert("heading", &lang.text("receipt-nomination-title"));
    context.insert(
        "lead",
        &lang.text_with(
            "receipt-nomination-lead",
            &[
                ("title", &row.title),
                ("year", &round.prize_year.to_string()),
            ],
        ),
    );
    context.insert("reference", &row.reference);
    context.insert(
        "email_note",
        &lang.text_with(
            "receipt-nomination-email",
            &[
                ("email", &row.contact_email),
                ("deadline", &lang.long_date(round.nomination_deadline)),
            ],
        ),
    );
    let conference = match round.conference_date {
        Some(date) => lang.text_with(
            "receipt-next-conference",
            &[("date", &lang.long_date(date))],
        ),
        None => lang.text_with(
            "receipt-next-conference-unknown",
            &[("year", &round.prize_year.to_string())],
        ),
    };
    let deadline = lang.long_date(round.nomination_deadline);
    let next_steps = [
        lang.text_with("receipt-next-screening", &[("deadline", &deadline)]),
        lang.text("receipt-next-jury"),
        conference,
    ];
    context.insert("next_steps", &next_steps);
    context.insert("sent", &summary(lang, &row.to_input()));
    context.insert(
        "attachments",
        &crate::web::download::listed(lang, &files, ""),
    );
    context.insert("show_attachments", &true);
    Ok(page::render(StatusCode::OK, "receipt.html", &context)?)
}

/// The nomination's fields as label and value, in the form's order, for reading.
fn summary(lang: Lang, input: &NominationInput) -> Vec<serde_json::Value> {
    let input = serde_json::to_value(input).unwrap_or_default();
    FIELD_ORDER
        .iter()
        .map(|field| {
            let value = match &input[*field] {
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Bool(yes) => {
                    lang.text(if *yes { "answer-yes" } else { "answer-no" })
                }
                serde_json::Value::Array(items) => items
                    .iter()
                    .filter_map(|item| item.as_str())
                    .map(|code| lang.text(&format!("area-{code}")))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            serde_json::json!({ "label": lang.text(&format!("field-{field}")), "value": value })
        })
        .collect()
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
    attachment_context(&mut context, state, lang, files, false);
    context
}

/// The form page at `path` (a nomination's or a draft's private link).
pub(super) fn edit_page(path: &str) -> FormPage<'_> {
    FormPage {
        template: "nominate.html",
        path,
        field_order: FORM_FIELDS,
    }
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
