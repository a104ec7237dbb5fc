//! A person's rights over their data (GDPR art. 15 and 17): everything stored about an
//! e-mail address, and erasing it. Tips and nominations themselves stay — they belong to
//! the prize's work — but who sent them, and how to reach that person, goes.

use super::DbConn;
use super::nominations::NominationRow;
use super::schema::{nominations, outbox_messages, tips};
use super::tips::TipRow;
use diesel::prelude::*;

/// What the portal holds about one e-mail address.
#[derive(Debug, serde::Serialize)]
pub struct PersonalData {
    pub email: String,
    pub tips: Vec<serde_json::Value>,
    pub nominations: Vec<serde_json::Value>,
    /// Nominations saved half-done, as typed.
    pub drafts: Vec<serde_json::Value>,
    pub messages: Vec<serde_json::Value>,
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// The ids of the outbox messages to or replying to the address. Recipients are stored as
/// mailboxes: the bare address, or "Name <address>"; a delivered message with a live link
/// keeps only the address's hash.
fn message_ids_of(conn: &mut DbConn, email: &str) -> QueryResult<Vec<i32>> {
    let address = email.trim().to_lowercase();
    let in_brackets = format!("%<{address}>");
    outbox_messages::table
        .filter(
            outbox_messages::recipient_hash
                .eq(super::outbox::address_hash(&address))
                .or(lower(outbox_messages::recipient).eq(address.clone()))
                .or(lower(outbox_messages::recipient).like(in_brackets.clone()))
                .or(lower(outbox_messages::reply_to.assume_not_null()).eq(address))
                .or(lower(outbox_messages::reply_to.assume_not_null()).like(in_brackets)),
        )
        .select(outbox_messages::id)
        .load(conn)
}

fn tips_of(conn: &mut DbConn, email: &str) -> QueryResult<Vec<TipRow>> {
    tips::table
        .filter(lower(tips::tipster_email.assume_not_null()).eq(email.trim().to_lowercase()))
        .select(TipRow::as_select())
        .load(conn)
}

fn nominations_of(conn: &mut DbConn, email: &str) -> QueryResult<Vec<NominationRow>> {
    nominations::table
        .filter(lower(nominations::contact_email).eq(email.trim().to_lowercase()))
        .select(NominationRow::as_select())
        .load(conn)
}

pub fn export(conn: &mut DbConn, email: &str) -> QueryResult<PersonalData> {
    let tips = tips_of(conn, email)?
        .into_iter()
        .map(|t| {
            serde_json::json!({
                "reference": t.reference, "received": t.created_at, "initiative": t.initiative,
                "agency": t.agency, "reason": t.reason, "name": t.tipster_name,
                "email": t.tipster_email, "may_contact": t.may_contact,
            })
        })
        .collect();
    let nominations = nominations_of(conn, email)?
        .into_iter()
        .map(|n| {
            serde_json::json!({
                "reference": n.reference, "received": n.created_at, "title": n.title,
                "agency": n.agency_name, "contact_name": n.contact_name,
                "contact_email": n.contact_email, "contact_phone": n.contact_phone,
            })
        })
        .collect();
    let drafts = super::drafts::of_address(conn, email)?
        .into_iter()
        .map(|d| serde_json::json!({ "saved": d.saved_at, "content": d.to_input() }))
        .collect();
    let message_ids = message_ids_of(conn, email)?;
    let messages = outbox_messages::table
        .filter(outbox_messages::id.eq_any(&message_ids))
        .select((outbox_messages::subject, outbox_messages::created_at, outbox_messages::status))
        .load::<(String, chrono::NaiveDateTime, String)>(conn)?
        .into_iter()
        .map(|(subject, created, status)| serde_json::json!({ "subject": subject, "created": created, "status": status }))
        .collect();
    Ok(PersonalData {
        email: email.trim().to_lowercase(),
        tips,
        nominations,
        drafts,
        messages,
    })
}

/// What erasing removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub tips: usize,
    pub nominations: usize,
    pub drafts: usize,
    pub messages: usize,
}

/// Removes the address and the name and phone that go with it from tips, nominations and
/// mail not yet erased, and deletes the address's drafts. Mail still waiting to go to the address is dropped from the queue:
/// marked failed with the reason, its content erased.
pub fn erase(conn: &mut DbConn, email: &str) -> QueryResult<Erased> {
    let tip_ids: Vec<i32> = tips_of(conn, email)?.iter().map(|t| t.id).collect();
    let tips = diesel::update(tips::table.filter(tips::id.eq_any(&tip_ids)))
        .set((
            tips::tipster_name.eq(None::<String>),
            tips::tipster_email.eq(None::<String>),
            tips::may_contact.eq(false),
        ))
        .execute(conn)?;
    let nomination_ids: Vec<i32> = nominations_of(conn, email)?.iter().map(|n| n.id).collect();
    let nominations =
        diesel::update(nominations::table.filter(nominations::id.eq_any(&nomination_ids)))
            .set((
                nominations::contact_name.eq(super::outbox::ERASED),
                nominations::contact_email.eq(""),
                nominations::contact_phone.eq(None::<String>),
            ))
            .execute(conn)?;
    let mut drafts = 0;
    for draft in super::drafts::of_address(conn, email)? {
        drafts += usize::from(super::drafts::delete(conn, draft.id)?);
    }
    let message_ids = message_ids_of(conn, email)?;
    let messages =
        diesel::update(outbox_messages::table.filter(outbox_messages::id.eq_any(&message_ids)))
            .set((
                outbox_messages::recipient.eq(super::outbox::ERASED),
                outbox_messages::recipient_hash.eq(None::<String>),
                outbox_messages::reply_to.eq(None::<String>),
                outbox_messages::body_text.eq(""),
                outbox_messages::body_html.eq(None::<String>),
                outbox_messages::status.eq(diesel::dsl::sql::<diesel::sql_types::Text>(
                    "CASE WHEN status = 'sent' THEN 'sent' ELSE 'failed' END",
                )),
                outbox_messages::last_error.eq("erased at the person's request"),
            ))
            .execute(conn)?;
    Ok(Erased {
        tips,
        nominations,
        drafts,
        messages,
    })
}
