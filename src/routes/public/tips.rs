use crate::domain::{NewTip, TipInput};
use crate::web::errors::{PageError, PageResult};
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

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
pub async fn form(req: HttpRequest, state: web::Data<AppState>) -> PageResult {
    FORM.render(
        &req,
        &state,
        &TipInput::default(),
        None,
        None,
        tera::Context::new(),
    )
    .map_err(PageError::from)
}

#[tracing::instrument(skip_all)]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    body: web::Bytes,
) -> PageResult {
    let posted = forms::decode::<TipInput>(&body)?;
    let rejection = match posted.check_security(&req, &state.limiter) {
        Err(rejection) => rejection,
        Ok(()) => match NewTip::try_from(&posted.input) {
            Err(errors) => Rejection::Invalid(errors),
            Ok(tip) => {
                let row = state
                    .intake
                    .submit_tip(tip, lang, posted.submission_key())
                    .await?;
                let mut context =
                    page::base_context(lang, "/tips", &forms::contact_address(&state));
                context.insert("heading", &lang.text("receipt-tip-title"));
                context.insert("lead", &lang.text("receipt-tip-lead"));
                context.insert("reference", &row.reference);
                let email_note = row
                    .tipster_email
                    .as_deref()
                    .map(|email| lang.text_with("receipt-tip-email", &[("email", email)]));
                context.insert("email_note", &email_note);
                return Ok(page::render(StatusCode::OK, "receipt.html", &context)?);
            }
        },
    };
    Ok(FORM.render(
        &req,
        &state,
        &posted.input,
        Some(&rejection),
        posted.submission_key(),
        tera::Context::new(),
    )?)
}
