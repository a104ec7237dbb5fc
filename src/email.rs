//! The e-mails the portal sends, rendered from templates into outbox rows. Every header
//! value comes from a typed value (a parsed address, a reference, a fixed text), so no
//! user input can add or change a header.
//!
//! Receipts (`tip_receipt`, `nomination_receipt`) go to whatever address was typed into a
//! public form, which nobody has confirmed: they carry no free text from the form — no
//! title, no names, not even as the recipient's display name — only fixed text, the
//! reference and, for a nomination, its private link. Otherwise anyone could make DFØ's
//! sender mail any address with words of their choosing. The tip's forward goes to the
//! secretariat and keeps the whole tip.

use crate::db::nominations::NominationRow;
use crate::db::outbox::{NewOutboxMessage, address_hash};
use crate::db::rounds::Round;
use crate::db::tips::TipRow;
use crate::domain::{AgencyInvitation, TipContent};
use crate::i18n::Lang;
use crate::templates::Templates;
use anyhow::Context as _;
use chrono::NaiveDateTime;
use lettre::message::Mailbox;
use tera::Context;

/// Addresses and links that e-mails need, parsed once at start-up.
#[derive(Debug, Clone)]
pub struct MailIdentity {
    pub from: Mailbox,
    pub tip_recipient: Mailbox,
    /// Public base URL for links, without a trailing slash.
    pub base_url: String,
}

impl MailIdentity {
    pub fn new(from: &str, tip_recipient: &str, base_url: &str) -> anyhow::Result<Self> {
        Ok(Self {
            from: from
                .parse()
                .with_context(|| "mail.from is not a valid address".to_string())?,
            tip_recipient: tip_recipient
                .parse()
                .context("mail.tip_recipient is not a valid address")?,
            base_url: base_url.trim_end_matches('/').to_owned(),
        })
    }

    /// A new globally unique Message-ID in our own domain; stored with the message so a
    /// re-send carries the same one.
    fn new_message_id(&self) -> String {
        format!("<{}@{}>", uuid::Uuid::new_v4(), self.from.email.domain())
    }

    /// A message from us to `recipient` with a new Message-ID: no reply-to, and not a live
    /// link (set those with struct update syntax where they apply).
    fn message(
        &self,
        purpose: &str,
        subject_ref: &str,
        recipient: &Mailbox,
        subject: String,
        (body_text, body_html): (String, String),
    ) -> NewOutboxMessage {
        NewOutboxMessage {
            message_id: self.new_message_id(),
            purpose: purpose.into(),
            subject_ref: subject_ref.to_owned(),
            recipient: recipient.to_string(),
            recipient_hash: Some(address_hash(recipient.email.as_ref())),
            live_link: false,
            reply_to: None,
            subject,
            body_text,
            body_html: Some(body_html),
        }
    }
}

/// A stored address as it goes on the wire: its domain in punycode (`post@bærum.kommune.no`
/// is sent as `post@xn--brum-voa.kommune.no`), so no SMTP server needs SMTPUTF8. A display
/// name only where it is not free text from a form (a staff member's name).
fn wire_mailbox(name: Option<String>, stored: &str) -> anyhow::Result<Mailbox> {
    let ascii = crate::domain::ascii_address(stored)
        .context("a stored e-mail address has no valid domain")?;
    Ok(Mailbox::new(
        name,
        ascii
            .parse()
            .context("a stored e-mail address is not an address")?,
    ))
}

fn render_pair(
    templates: &Templates,
    name: &str,
    context: &Context,
) -> anyhow::Result<(String, String)> {
    let text = templates.render(&format!("email/{name}.txt"), context)?;
    let html = templates.render(&format!("email/{name}.html"), context)?;
    Ok((text, html))
}

/// The tip, forwarded in full to the secretariat, answerable straight to the tipster:
/// written to the secretariat, in bokmål and Norwegian time whatever language the tipster
/// used (the tipster's receipt is in theirs).
pub fn tip_forward(
    templates: &Templates,
    identity: &MailIdentity,
    (reference, received): (&str, NaiveDateTime),
    tip: &TipContent,
) -> anyhow::Result<NewOutboxMessage> {
    let lang = Lang::Nb;
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("reference", reference);
    context.insert("received", &crate::format::date_time(lang, received));
    context.insert(
        "tip",
        &serde_json::json!({
            "initiative": tip.initiative,
            "agency": tip.agency,
            "reason": tip.reason,
            "tipster_name": tip.tipster_name,
            "tipster_email": tip.tipster_email,
            "may_contact": tip.may_contact,
        }),
    );
    let body = render_pair(templates, "tip_forward", &context)?;
    let reply_to = match &tip.tipster_email {
        Some(address) => Some(wire_mailbox(None, address)?.to_string()),
        None => None,
    };
    let subject = lang.text_with("email-tip-forward-subject", &[("reference", reference)]);
    Ok(NewOutboxMessage {
        reply_to,
        ..identity.message(
            "tip_forward",
            reference,
            &identity.tip_recipient,
            subject,
            body,
        )
    })
}

/// A receipt to the tipster, when an address was given.
pub fn tip_receipt(
    templates: &Templates,
    identity: &MailIdentity,
    reference: &str,
    tip: &TipContent,
    lang: Lang,
) -> anyhow::Result<Option<NewOutboxMessage>> {
    let Some(address) = &tip.tipster_email else {
        return Ok(None);
    };
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("reference", reference);
    let body = render_pair(templates, "tip_receipt", &context)?;
    let recipient = wire_mailbox(None, address)?;
    let subject = lang.text_with("email-tip-receipt-subject", &[("reference", reference)]);
    Ok(Some(identity.message(
        "tip_receipt",
        reference,
        &recipient,
        subject,
        body,
    )))
}

/// The receipt to a nomination's contact person, with the private link to edit it (a
/// live link: the body is erased once delivered).
pub fn nomination_receipt(
    templates: &Templates,
    identity: &MailIdentity,
    nomination: &NominationRow,
    round: &Round,
    edit_token: &str,
    lang: Lang,
    attachments: &[String],
) -> anyhow::Result<NewOutboxMessage> {
    let edit_url = format!("{}/nominasjon/{edit_token}", identity.base_url);
    let mut context = Context::new();
    context.insert("attachments", attachments);
    context.insert("lang", &lang);
    context.insert("reference", &nomination.reference);
    context.insert("year", &round.prize_year.to_string());
    context.insert("deadline", &lang.long_date(round.nomination_deadline));
    context.insert("edit_url", &edit_url);
    let body = render_pair(templates, "nomination_receipt", &context)?;
    // No display name: the contact's name is free text from the form.
    let recipient = wire_mailbox(None, &nomination.contact_email)?;
    let subject = lang.text_with(
        "email-nomination-receipt-subject",
        &[("reference", &nomination.reference)],
    );
    Ok(NewOutboxMessage {
        live_link: true,
        ..identity.message(
            "nomination_receipt",
            &nomination.reference,
            &recipient,
            subject,
            body,
        )
    })
}

/// Which mail about a draft: the link when it is saved, or the one reminder before it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftMail {
    Saved,
    Reminder,
}

/// The private link to a nomination draft, to the address typed into the form (a live
/// link: the body is erased once delivered). Fixed text, the link and the day the draft is
/// deleted: nothing typed into the form.
pub fn nomination_draft(
    templates: &Templates,
    identity: &MailIdentity,
    draft: &crate::db::drafts::DraftRow,
    token: &str,
    expires: chrono::NaiveDate,
    kind: DraftMail,
) -> anyhow::Result<NewOutboxMessage> {
    let lang = draft.lang();
    let (purpose, intro) = match kind {
        DraftMail::Saved => ("nomination_draft", "email-draft-saved"),
        DraftMail::Reminder => ("nomination_draft_reminder", "email-draft-reminder"),
    };
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("intro", intro);
    context.insert("expires", &lang.long_date(expires));
    context.insert(
        "draft_url",
        &format!("{}/nominer/utkast/{token}", identity.base_url),
    );
    let body = render_pair(templates, "nomination_draft", &context)?;
    let recipient = wire_mailbox(None, &draft.contact_email)?;
    let subject = lang.text(match kind {
        DraftMail::Saved => "email-draft-subject",
        DraftMail::Reminder => "email-draft-reminder-subject",
    });
    Ok(NewOutboxMessage {
        live_link: true,
        ..identity.message(purpose, &draft_ref(draft.id), &recipient, subject, body)
    })
}

/// How logs, the audit trail and the outbox name a draft (it has no reference).
pub fn draft_ref(draft_id: i32) -> String {
    format!("draft:{draft_id}")
}

/// Which one-time account link a message carries.
#[derive(Debug, Clone, Copy)]
pub enum AccountLink {
    /// A new account: set your password (the link is valid this many hours).
    Invite(i64),
    /// Forgotten password (the link is valid this many minutes).
    Reset(i64),
}

/// A one-time link to set a password, to the account's own address (a live link: the body
/// is erased once delivered). The name is the one the secretariat gave the account.
pub fn account_link(
    templates: &Templates,
    identity: &MailIdentity,
    user: &crate::db::users::UserRow,
    link: &str,
    kind: AccountLink,
    lang: Lang,
) -> anyhow::Result<NewOutboxMessage> {
    let (template, subject_id, purpose) = match kind {
        AccountLink::Invite(_) => (
            "account_invite",
            "email-account-invite-subject",
            "account_invite",
        ),
        AccountLink::Reset(_) => (
            "account_reset",
            "email-account-reset-subject",
            "account_reset",
        ),
    };
    let expiry = match kind {
        AccountLink::Invite(hours) => lang.text_with(
            "email-account-invite-expiry",
            &[("hours", &hours.to_string())],
        ),
        AccountLink::Reset(minutes) => lang.text_with(
            "email-account-reset-expiry",
            &[("minutes", &minutes.to_string())],
        ),
    };
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("name", &user.name);
    context.insert("link", link);
    context.insert("expiry", &expiry);
    let body = render_pair(templates, template, &context)?;
    let recipient = wire_mailbox(Some(user.name.clone()), &user.email)?;
    let subject_ref = crate::domain::Actor::User(user.id).to_string();
    Ok(NewOutboxMessage {
        live_link: true,
        ..identity.message(
            purpose,
            &subject_ref,
            &recipient,
            lang.text(subject_id),
            body,
        )
    })
}

/// A reminder to a juror before the round's jury deadline: how many days are left and the
/// nominations the juror still has to score, with a link to the desk.
pub fn jury_reminder(
    templates: &Templates,
    identity: &MailIdentity,
    mail: &crate::services::reminders::Mail<'_>,
    lang: Lang,
) -> anyhow::Result<NewOutboxMessage> {
    let juror = &mail.juror.juror;
    let year = mail.round.prize_year.to_string();
    let deadline = lang.long_date(mail.deadline);
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("name", &juror.name);
    context.insert("year", &year);
    context.insert("deadline", &deadline);
    context.insert("days_left", &mail.days_left);
    context.insert("submitted", &mail.juror.submitted());
    context.insert("of", &mail.juror.of());
    context.insert(
        "left",
        &mail
            .left
            .iter()
            .map(|n| {
                serde_json::json!({
                    "reference": n.reference,
                    "title": n.title,
                    "link": format!("{}/jury/nominasjoner/{}", identity.base_url, n.id),
                })
            })
            .collect::<Vec<_>>(),
    );
    context.insert("link", &format!("{}/jury", identity.base_url));
    let body = render_pair(templates, "jury_reminder", &context)?;
    let recipient = wire_mailbox(Some(juror.name.clone()), &juror.email)?;
    let subject = lang.text_with(
        "email-jury-reminder-subject",
        &[("year", &year), ("deadline", &deadline)],
    );
    Ok(identity.message(
        "jury_reminder",
        &crate::domain::Actor::User(juror.id).to_string(),
        &recipient,
        subject,
        body,
    ))
}

/// The invitation to an agency to nominate the initiative a tip is about, prefilled in
/// `lang` for the secretariat to edit before it goes: (subject, body). It names the
/// initiative and the agency as the tipster wrote them, never the tipster.
pub fn agency_invitation_draft(
    templates: &Templates,
    identity: &MailIdentity,
    tip: &TipRow,
    lang: Lang,
) -> anyhow::Result<(String, String)> {
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert(
        "tip",
        &serde_json::json!({ "initiative": tip.initiative, "agency": tip.agency }),
    );
    context.insert("nominate_url", &format!("{}/nominer", identity.base_url));
    let body = templates.render("email/agency_invitation.txt", &context)?;
    Ok((lang.text("email-agency-invitation-subject"), body))
}

/// The invitation as the secretariat edited it, to the address it typed, answerable to
/// the secretariat. Plain text only: the body is the secretariat's own words.
pub fn agency_invitation(
    identity: &MailIdentity,
    tip: &TipRow,
    invitation: &AgencyInvitation,
) -> anyhow::Result<NewOutboxMessage> {
    let recipient = wire_mailbox(None, invitation.recipient.as_ref())?;
    let subject = invitation.subject.as_ref().to_owned();
    let body = (invitation.body.as_ref().to_owned(), String::new());
    Ok(NewOutboxMessage {
        reply_to: Some(identity.tip_recipient.to_string()),
        body_html: None,
        ..identity.message(
            "agency_invitation",
            &tip.reference,
            &recipient,
            subject,
            body,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// The receipts render from fixed text, the reference, the round's year and deadline
    /// and the link alone: a template that used a field from the form (a title, a name)
    /// would fail here, as Tera refuses unknown variables.
    #[test]
    fn receipts_need_nothing_typed_into_the_form() {
        let templates = crate::templates::get();
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let mut context = tera::Context::new();
            context.insert("lang", &lang);
            context.insert("reference", "NOM-2027-0001");
            context.insert("year", "2027");
            context.insert("deadline", "1. oktober 2026");
            context.insert("edit_url", "https://bedre-stat.example.no/nominasjon/abc");
            context.insert("intro", "email-draft-saved");
            context.insert("expires", "1. desember 2026");
            context.insert(
                "draft_url",
                "https://bedre-stat.example.no/nominer/utkast/abc",
            );
            let (text, _) = super::render_pair(templates, "nomination_draft", &context).unwrap();
            assert!(text.contains("/nominer/utkast/abc"));
            for name in ["nomination_receipt", "tip_receipt"] {
                let (text, html) = super::render_pair(templates, name, &context)
                    .unwrap_or_else(|e| panic!("{name} ({lang:?}): {e:#}"));
                assert!(text.contains("NOM-2027-0001") && html.contains("NOM-2027-0001"));
            }
        }
    }
}
