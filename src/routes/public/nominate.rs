//! `/nominer` (a new nomination) and `/nominasjon/{token}` (the private link to view and
//! edit one until the round's deadline). Drafts of the form are in `draft.rs`.

use crate::db::{self, nominations::NominationRow, rounds::Round};
use crate::domain::{Category, EditWindow, NewNomination, NominationInput};
use crate::i18n::Lang;
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{self, FormPage, PageRequest, PostedForm, PostedTo};
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

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

pub(super) fn new_form_page() -> FormPage<'static> {
    FormPage {
        template: "nominate.html",
        path: "/nominer",
        field_order: FIELD_ORDER,
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
    let context = page::prerender(new_context(lang, view.state.intake.open_round().await?));
    view.render_values(&new_form_page(), &NominationInput::default(), context)
}

#[tracing::instrument(skip_all)]
pub async fn submit(RequestLang(lang): RequestLang, form: PostedForm) -> PageResult {
    let state = &form.state;
    form.receive(
        async |nomination: NewNomination, key| {
            let (row, round) = state
                .intake
                .submit_nomination(nomination, lang, key)
                .await?;
            Ok(receipt(state, lang, &row, &round)?)
        },
        async |input: &NominationInput, rejection, key| {
            let context = new_context(lang, state.intake.open_round().await?);
            let page = new_form_page();
            Ok(page.render(&form.req, state, input, Some(&rejection), key, context)?)
        },
    )
    .await
}

/// The receipt page: the reference, what happens next, and what was sent.
pub(super) fn receipt(
    state: &AppState,
    lang: Lang,
    row: &NominationRow,
    round: &Round,
) -> anyhow::Result<HttpResponse> {
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
    page::render(StatusCode::OK, "receipt.html", &context)
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
    lang: Lang,
    path: &str,
    row: &NominationRow,
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
    context
}

/// The form page at `path` (a nomination's or a draft's private link).
pub(super) fn edit_page(path: &str) -> FormPage<'_> {
    FormPage {
        template: "nominate.html",
        path,
        field_order: FIELD_ORDER,
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
    let (row, round) = by_edit_token(&view.state, token.into_inner()).await?;
    let context = edit_context(lang, path, &row, &round, None);
    view.render_values(&edit_page(path), &row.to_input(), context)
}

#[tracing::instrument(skip_all)]
pub async fn save_edit(RequestLang(lang): RequestLang, form: PostedTo<String>) -> PageResult {
    let (state, path) = (&form.state, form.req.path());
    let (row, round) = by_edit_token(state, form.path.clone()).await?;
    let page = edit_page(path);
    if EditWindow::of(round.phase, round.closes_at, db::now()) != EditWindow::Open {
        // Refused before reading the form: the stored nomination, read-only, says why.
        let context = edit_context(lang, path, &row, &round, None);
        return form.render_values(&page, &row.to_input(), context);
    }
    form.receive(
        async |nomination: NewNomination, _| {
            let saved = state.intake.update_nomination(row.id, nomination).await?;
            // A round that closed meanwhile shows the stored, unchanged nomination.
            let notice = saved
                .as_ref()
                .map(|_| lang.text("receipt-nomination-updated"));
            let shown = saved.as_ref().unwrap_or(&row);
            let context = edit_context(lang, path, shown, &round, notice);
            form.render_values(&page, &shown.to_input(), context)
        },
        async |input: &NominationInput, rejection, _| {
            let context = edit_context(lang, path, &row, &round, None);
            form.show_again(&page, input, &rejection, context)
        },
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
            let context = edit_context(lang, &edit_path, &row, &round, None);
            form.show_again(&edit_page(&edit_path), &row.to_input(), &rejection, context)
        },
    )
    .await
}
