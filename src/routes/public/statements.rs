//! The statements a Norwegian public service publishes: how it handles personal data
//! (`/personvern`, GDPR art. 13) and how accessible it is (`/tilgjengelighet`, in the
//! structure uustatus.no uses). Both are written from the configuration, so the periods,
//! addresses and dates they state are the ones in force.

use crate::web::errors::{PageError, PageResult};
use crate::web::forms::contact_address;
use crate::web::{AppState, lang::RequestLang, page};
use actix_web::http::StatusCode;
use actix_web::web;

#[tracing::instrument(skip_all)]
pub async fn privacy(state: web::Data<AppState>, RequestLang(lang): RequestLang) -> PageResult {
    let settings = &state.settings;
    let mut context = page::base_context(lang, "/personvern", &contact_address(&state));
    context.insert("contact", &settings.statements.contact_email);
    context.insert("tip_recipient", &settings.mail.tip_recipient);
    context.insert("periods", &settings.retention);
    context.insert("keep_sent_days", &settings.mail.keep_sent_days);
    context.insert("session_hours", &settings.auth.session_hours);
    page::render(StatusCode::OK, "statements/privacy.html", &context).map_err(PageError::from)
}

#[tracing::instrument(skip_all)]
pub async fn accessibility(
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
) -> PageResult {
    let settings = &state.settings;
    let mut context = page::base_context(lang, "/tilgjengelighet", &contact_address(&state));
    context.insert("contact", &settings.statements.contact_email);
    context.insert("site", &settings.server.base_url);
    context.insert(
        "statement_date",
        &settings.statements.accessibility_statement_date,
    );
    context.insert(
        "checked_date",
        &settings.statements.accessibility_checked_date,
    );
    page::render(StatusCode::OK, "statements/accessibility.html", &context).map_err(PageError::from)
}
