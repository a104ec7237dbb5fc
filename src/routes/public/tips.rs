use crate::domain::{NewTip, TipInput};
use crate::web::errors::PageResult;
use crate::web::forms::{self, FormPage, PageRequest, PostedForm};
use crate::web::{lang::RequestLang, page};
use actix_web::http::StatusCode;

const FORM: FormPage<'static> = FormPage {
    template: "tip.html",
    path: "/tips",
    field_order: &[
        "initiative",
        "agency",
        "reason",
        "tipster_name",
        "tipster_email",
        "may_contact",
    ],
};

#[tracing::instrument(skip_all)]
pub async fn form(view: PageRequest) -> PageResult {
    view.render_values(&FORM, &TipInput::default(), tera::Context::new())
}

#[tracing::instrument(skip_all)]
pub async fn submit(RequestLang(lang): RequestLang, form: PostedForm) -> PageResult {
    let state = &form.state;
    form.receive(
        async |tip: NewTip, key| {
            let row = state.intake.submit_tip(tip, lang, key).await?;
            let mut context = page::base_context(lang, "/tips", &forms::contact_address(state));
            context.insert("heading", &lang.text("receipt-tip-title"));
            context.insert("lead", &lang.text("receipt-tip-lead"));
            context.insert("reference", &row.reference);
            let email_note = row
                .tipster_email
                .as_deref()
                .map(|email| lang.text_with("receipt-tip-email", &[("email", email)]));
            context.insert("email_note", &email_note);
            Ok(page::render(StatusCode::OK, "receipt.html", &context)?)
        },
        async |input: &TipInput, rejection, key| {
            let context = tera::Context::new();
            Ok(FORM.render(&form.req, state, input, Some(&rejection), key, context)?)
        },
    )
    .await
}
