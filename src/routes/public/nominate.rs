//! `/nominer`: a new nomination, its receipt, and the form's parts that the private link
//! (`nomination.rs`) and drafts (`draft.rs`) show too.

use crate::db::{nominations::NominationRow, rounds::Round};
use crate::domain::{Category, FieldErrors, NewAttachment, NewNomination, NominationInput};
use crate::i18n::Lang;
use crate::web::errors::PageResult;
use crate::web::forms::{self, FormPage, PageRequest, Rejection};
use crate::web::uploads::{FILE_FIELD, ReceivedFiles, UploadForm};
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;

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

/// What the file field of the form shows: its limits, and whether chosen files must be
/// chosen again (a form shown again cannot keep them: browsers do not let a page fill in a
/// file input). The files a nomination already has are listed by its private link's page.
pub(super) fn attachment_context(
    context: &mut tera::Context,
    state: &AppState,
    lang: Lang,
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
    context.insert("attachments", &[(); 0]);
    context.insert("attachments_choose_again", &choose_again);
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
    attachment_context(&mut context, &view.state, lang, false);
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
        attachment_context(&mut context, state, lang, chosen);
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
pub(super) fn summary(lang: Lang, input: &NominationInput) -> Vec<serde_json::Value> {
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

/// The form page at `path` (a nomination's or a draft's private link).
pub(super) fn edit_page(path: &str) -> FormPage<'_> {
    FormPage {
        template: "nominate.html",
        path,
        field_order: FORM_FIELDS,
    }
}
