//! `/sekretariat/epost`: the outbox as the secretariat sees it — what waits, what went,
//! what failed and why. Mail that failed is kept and shown here, and can be sent again
//! (`POST /sekretariat/epost/{id}/send-igjen`).

use crate::domain::mail_error::MailErrorClass;
use crate::services::outbox_desk;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::forms::{PageRequest, PostedTo, Redirect};

const PATH: &str = "/sekretariat/epost";

#[derive(serde::Serialize)]
struct MessageView {
    id: i32,
    purpose: String,
    reference: String,
    status: String,
    attempts: i32,
    /// Stored UTC times, shown in Norwegian time by the template's `datetime` filter.
    next_attempt: chrono::NaiveDateTime,
    sent: Option<chrono::NaiveDateTime>,
    /// Why the last attempt failed, in the page's language (the class's message id).
    error_class: Option<&'static str>,
    /// The SMTP library's own text, for the operator, behind a details element.
    last_error: String,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn outbox(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let messages = outbox_desk::latest_messages(&view.state.db).await?;
    // Recipients and bodies are not shown: the reference leads to the tip or nomination.
    let views: Vec<MessageView> = messages
        .into_iter()
        .map(|m| MessageView {
            id: m.id,
            purpose: m.message.purpose,
            reference: m.message.subject_ref,
            status: m.status.to_string(),
            attempts: m.attempts,
            next_attempt: m.next_attempt_at,
            sent: m.sent_at,
            error_class: m
                .last_error
                .as_deref()
                .filter(|e| !e.trim().is_empty())
                .map(|e| MailErrorClass::of(e).code()),
            last_error: m.last_error.unwrap_or_default(),
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("messages", &views);
    view.render("secretariat/mail.html", context)
}

/// Sends a failed message again: it goes back in the queue, due now.
#[tracing::instrument(skip_all, fields(user_id = admin.id, message_id = form.path))]
pub async fn retry(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let retried = async || {
        let retried = outbox_desk::retry(&form.state.db, admin.id, form.path).await?;
        if retried {
            form.state.intake.wake_outbox();
        }
        Ok(retried)
    };
    let done = Redirect::to(PATH).saying("secretariat-mail-retried");
    form.press_on(retried, done).await
}
