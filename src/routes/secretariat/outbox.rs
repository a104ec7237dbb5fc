//! `/sekretariat/epost`: the outbox as the secretariat sees it — what waits, what went,
//! what failed and why. Mail that failed is kept and shown here, and can be sent again,
//! one message (`POST /sekretariat/epost/{id}/send-igjen`) or all that failed
//! (`POST /sekretariat/epost/send-igjen`); mail erased at a person's request cannot.

use crate::db::outbox::Requeue;
use crate::domain::mail_error::MailErrorClass;
use crate::services::outbox_desk;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::flash::Flash;
use crate::web::forms::{PageRequest, PostedForm, PostedTo, Redirect};

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
    /// Erased at the person's request before delivery: nothing left to send again.
    erased: bool,
    /// Failed and not erased: it has a button to send it again.
    retryable: bool,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn outbox(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let outbox = outbox_desk::outbox(&view.state.db).await?;
    // Recipients and bodies are not shown: the reference leads to the tip or nomination.
    let views: Vec<MessageView> = outbox
        .messages
        .into_iter()
        .map(|m| MessageView {
            erased: m.is_erased_undelivered(),
            retryable: m.may_be_sent_again(),
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
    context.insert("retryable", &outbox.may_be_sent_again);
    context.insert("messages", &views);
    view.render("secretariat/mail.html", context)
}

/// Sends a failed message again: it goes back in the queue, due now.
#[tracing::instrument(skip_all, fields(user_id = admin.id, message_id = form.path))]
pub async fn retry(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let retried = async || {
        let which = Requeue::One(form.path);
        let retried = outbox_desk::retry(&form.state.db, admin.id, which).await?;
        if retried > 0 {
            form.state.intake.wake_outbox();
        }
        Ok(retried > 0)
    };
    let done = Redirect::to(PATH).saying("secretariat-mail-retried");
    form.press_on(retried, done).await
}

/// Sends every failed message again (`POST /sekretariat/epost/send-igjen`): after a mail
/// server that refused them all has been set up right, one press instead of one per
/// message. Pressed twice, the second finds none left and says so.
#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn retry_all(Admin(admin): Admin, form: PostedForm) -> PageResult {
    form.press(async || {
        let which = Requeue::AllFailed;
        let retried = outbox_desk::retry(&form.state.db, admin.id, which).await?;
        if retried == 0 {
            return Ok(Redirect::to(PATH).saying("secretariat-mail-retried-none"));
        }
        form.state.intake.wake_outbox();
        let count = retried.to_string();
        let flash = Flash::success_with("secretariat-mail-retried-all", &[("count", &count)]);
        Ok(Redirect::to(PATH).with_flash(flash))
    })
    .await
}
