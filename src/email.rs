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
use crate::i18n::Lang;
use crate::templates::Templates;
use anyhow::Context as _;
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
    tip: &TipRow,
) -> anyhow::Result<NewOutboxMessage> {
    let lang = Lang::Nb;
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("reference", &tip.reference);
    context.insert("received", &crate::format::date_time(lang, tip.created_at));
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
    let (body_text, body_html) = render_pair(templates, "tip_forward", &context)?;
    let reply_to = match &tip.tipster_email {
        Some(address) => Some(
            Mailbox::new(
                None,
                address
                    .parse()
                    .context("stored tipster e-mail is not an address")?,
            )
            .to_string(),
        ),
        None => None,
    };
    Ok(NewOutboxMessage {
        message_id: identity.new_message_id(),
        purpose: "tip_forward".into(),
        subject_ref: tip.reference.clone(),
        recipient: identity.tip_recipient.to_string(),
        recipient_hash: Some(address_hash(identity.tip_recipient.email.as_ref())),
        live_link: false,
        reply_to,
        subject: lang.text_with(
            "email-tip-forward-subject",
            &[("reference", &tip.reference)],
        ),
        body_text,
        body_html: Some(body_html),
    })
}

/// A receipt to the tipster, when an address was given.
pub fn tip_receipt(
    templates: &Templates,
    identity: &MailIdentity,
    tip: &TipRow,
    lang: Lang,
) -> anyhow::Result<Option<NewOutboxMessage>> {
    let Some(address) = &tip.tipster_email else {
        return Ok(None);
    };
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("reference", &tip.reference);
    let (body_text, body_html) = render_pair(templates, "tip_receipt", &context)?;
    let recipient = Mailbox::new(
        None,
        address
            .parse()
            .context("stored tipster e-mail is not an address")?,
    );
    Ok(Some(NewOutboxMessage {
        message_id: identity.new_message_id(),
        purpose: "tip_receipt".into(),
        subject_ref: tip.reference.clone(),
        recipient: recipient.to_string(),
        recipient_hash: Some(address_hash(recipient.email.as_ref())),
        live_link: false,
        reply_to: None,
        subject: lang.text_with(
            "email-tip-receipt-subject",
            &[("reference", &tip.reference)],
        ),
        body_text,
        body_html: Some(body_html),
    }))
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
) -> anyhow::Result<NewOutboxMessage> {
    let edit_url = format!("{}/nominasjon/{edit_token}", identity.base_url);
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("reference", &nomination.reference);
    context.insert("year", &round.prize_year.to_string());
    context.insert("deadline", &lang.long_date(round.nomination_deadline));
    context.insert("edit_url", &edit_url);
    let (body_text, body_html) = render_pair(templates, "nomination_receipt", &context)?;
    // No display name: the contact's name is free text from the form.
    let recipient = Mailbox::new(
        None,
        nomination
            .contact_email
            .parse()
            .context("stored contact e-mail is not an address")?,
    );
    Ok(NewOutboxMessage {
        message_id: identity.new_message_id(),
        purpose: "nomination_receipt".into(),
        subject_ref: nomination.reference.clone(),
        recipient: recipient.to_string(),
        recipient_hash: Some(address_hash(recipient.email.as_ref())),
        live_link: true,
        reply_to: None,
        subject: lang.text_with(
            "email-nomination-receipt-subject",
            &[("reference", &nomination.reference)],
        ),
        body_text,
        body_html: Some(body_html),
    })
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
    let (body_text, body_html) = render_pair(templates, template, &context)?;
    let recipient = Mailbox::new(
        Some(user.name.clone()),
        user.email
            .parse()
            .context("stored user e-mail is not an address")?,
    );
    Ok(NewOutboxMessage {
        message_id: identity.new_message_id(),
        purpose: purpose.into(),
        subject_ref: crate::domain::Actor::User(user.id).to_string(),
        recipient: recipient.to_string(),
        recipient_hash: Some(address_hash(recipient.email.as_ref())),
        live_link: true,
        reply_to: None,
        subject: lang.text(subject_id),
        body_text,
        body_html: Some(body_html),
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
            for name in ["nomination_receipt", "tip_receipt"] {
                let (text, html) = super::render_pair(templates, name, &context)
                    .unwrap_or_else(|e| panic!("{name} ({lang:?}): {e:#}"));
                assert!(text.contains("NOM-2027-0001") && html.contains("NOM-2027-0001"));
            }
        }
    }
}
