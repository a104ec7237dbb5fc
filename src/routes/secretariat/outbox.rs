//! `/sekretariat/epost`: the outbox as the secretariat sees it — what waits, what went,
//! what failed and why — and `/sekretariat/tips`: the tips that came in. Mail that failed
//! is kept and shown here, and can be sent again.

use super::rounds::{NoticeQuery, see_other, signed_in};
use crate::db;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::{AppState, csrf, lang::RequestLang};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

fn time(t: Option<chrono::NaiveDateTime>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

#[derive(serde::Serialize)]
struct MessageView {
    id: i32,
    purpose: String,
    reference: String,
    status: String,
    attempts: i32,
    next_attempt: String,
    sent: String,
    last_error: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn outbox(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, PageError> {
    let messages = state
        .db
        .read(|conn| Ok(db::outbox::latest(conn, 500)?))
        .await
        .map_err(PageError::from)?;
    // Recipients and bodies are not shown: the reference leads to the tip or nomination.
    let views: Vec<MessageView> = messages
        .into_iter()
        .map(|m| MessageView {
            id: m.id,
            purpose: m.purpose,
            reference: m.subject_ref,
            status: m.status.to_string(),
            attempts: m.attempts,
            next_attempt: time(Some(m.next_attempt_at)),
            sent: time(m.sent_at),
            last_error: m.last_error.unwrap_or_default(),
        })
        .collect();
    let mut context = crate::web::page::base_context(
        lang,
        req.path(),
        &crate::web::forms::contact_address(&state),
    );
    signed_in(&mut context, &admin);
    context.insert("messages", &views);
    if query.lagret.is_some() {
        context.insert("notice", &lang.text("secretariat-mail-retried"));
    }
    crate::web::forms::render_with_csrf(
        &req,
        &state,
        StatusCode::OK,
        "secretariat/mail.html",
        context,
    )
    .map_err(PageError::from)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RetryInput {
    csrf_token: String,
}

/// Sends a failed message again: it goes back in the queue, due now, with its attempts
/// kept in the record.
#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn retry(
    req: HttpRequest,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<i32>,
    form: web::Form<RetryInput>,
) -> Result<HttpResponse, actix_web::Error> {
    if !csrf::verify(&req, &form.csrf_token) {
        return Ok(HttpResponse::Forbidden().finish());
    }
    let message_id = path.into_inner();
    let actor = crate::domain::Actor::User(admin.id);
    let requeued = state
        .db
        .write(move |conn| {
            let requeued = db::outbox::requeue_failed(conn, message_id)?;
            if requeued {
                db::audit::record(
                    conn,
                    actor,
                    "mail.requeued",
                    &format!("outbox:{message_id}"),
                    None,
                )?;
            }
            Ok(requeued)
        })
        .await
        .map_err(PageError::from)?;
    if !requeued {
        return Err(PageError::NotFound.into());
    }
    state.intake.wake_outbox();
    Ok(see_other("/sekretariat/epost?lagret=1"))
}

#[derive(serde::Serialize)]
struct TipView {
    reference: String,
    received: String,
    agency: String,
    initiative: String,
    triage_state: String,
    has_contact: bool,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn tips(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
) -> Result<HttpResponse, PageError> {
    let tips = state
        .db
        .read(|conn| Ok(db::tips::latest(conn, 500)?))
        .await
        .map_err(PageError::from)?;
    let views: Vec<TipView> = tips
        .into_iter()
        .map(|t| TipView {
            reference: t.reference,
            received: time(Some(t.created_at)),
            agency: t.agency,
            initiative: t.initiative,
            triage_state: t.triage_state,
            has_contact: t.tipster_email.is_some() && t.may_contact,
        })
        .collect();
    let mut context = crate::web::page::base_context(
        lang,
        req.path(),
        &crate::web::forms::contact_address(&state),
    );
    signed_in(&mut context, &admin);
    context.insert("tips", &views);
    crate::web::forms::render_with_csrf(
        &req,
        &state,
        StatusCode::OK,
        "secretariat/tips.html",
        context,
    )
    .map_err(PageError::from)
}
