//! A person's rights over their data (GDPR art. 15 and 17): everything stored about an
//! e-mail address, and erasing it. Tips and nominations themselves stay — they belong to
//! the prize's work — but who sent them, and how to reach that person, goes. A staff
//! account with the address is covered too: exported with its affiliations and a count of
//! its jury work, and erased by anonymising it (`retention::anonymise_user`), which keeps
//! the jury's record intact.

use super::DbConn;
use super::nominations::NominationRow;
use super::schema::{
    affiliations, assessments, conflicts, nominations, outbox_messages, scores, tips,
};
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
    /// The staff account with this address, if there is one.
    pub account: Option<serde_json::Value>,
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
    let mut nominations = Vec::new();
    for n in nominations_of(conn, email)? {
        // The files sent with it, by name, type and size (their content is the agency's
        // documents; the secretariat reads them by hand if the request covers them).
        let files = super::attachments::list(conn, n.id)?;
        nominations.push(serde_json::json!({
            "reference": n.reference, "received": n.created_at, "title": n.title,
            "agency": n.agency_name, "contact_name": n.contact_name,
            "contact_email": n.contact_email, "contact_phone": n.contact_phone,
            "attachments": files,
        }));
    }
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
    let account = match super::users::find_by_email(conn, email)? {
        Some(user) => Some(account_data(conn, &user)?),
        None => None,
    };
    Ok(PersonalData {
        email: email.trim().to_lowercase(),
        tips,
        nominations,
        drafts,
        messages,
        account,
    })
}

/// A staff account as its owner sees it: who they are to the portal, where they declared
/// they work, and how much jury work is recorded under their id (the scores and
/// assessments themselves are the jury's record, shown in the portal to those entitled).
fn account_data(conn: &mut DbConn, user: &super::users::UserRow) -> QueryResult<serde_json::Value> {
    let affiliations = affiliations::table
        .filter(affiliations::user_id.eq(user.id))
        .select((
            affiliations::organisation,
            affiliations::org_number,
            affiliations::role,
            affiliations::period_from,
            affiliations::period_to,
        ))
        .load::<(String, String, String, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)>(conn)?
        .into_iter()
        .map(|(organisation, org_number, role, from, to)| {
            serde_json::json!({ "organisation": organisation, "org_number": org_number, "role": role, "from": from, "to": to })
        })
        .collect::<Vec<_>>();
    let scores: i64 = scores::table
        .filter(scores::juror_id.eq(user.id))
        .count()
        .get_result(conn)?;
    let assessments: i64 = assessments::table
        .filter(assessments::juror_id.eq(user.id))
        .count()
        .get_result(conn)?;
    let conflicts: i64 = conflicts::table
        .filter(conflicts::juror_id.eq(user.id))
        .count()
        .get_result(conn)?;
    Ok(serde_json::json!({
        "id": user.id, "name": user.name, "email": user.email, "role": user.role,
        "created": user.created_at, "disabled": user.disabled_at,
        "two_factor_since": user.totp_enrolled_at, "affiliations": affiliations,
        "jury_work": { "scores": scores, "assessments": assessments, "conflict_declarations": conflicts },
    }))
}

/// What erasing removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub tips: usize,
    pub nominations: usize,
    pub drafts: usize,
    pub messages: usize,
    /// Staff accounts anonymised (0 or 1).
    pub accounts: usize,
    /// Files on those nominations, kept: they are the agency's documents, not the
    /// person's contact details, so whether they name the person is read by hand.
    pub attachments_kept: usize,
}

/// Whether the address is that of the one enabled secretariat account, which is not
/// erased ([`super::users::is_the_last_admin`]): another admin must be added first.
pub fn is_the_last_admin(conn: &mut DbConn, email: &str) -> QueryResult<bool> {
    match super::users::find_by_email(conn, email)? {
        Some(user) => super::users::is_the_last_admin(conn, user.id),
        None => Ok(false),
    }
}

/// Removes the address and the name and phone that go with it from tips, nominations and
/// mail not yet erased, deletes the address's drafts, and anonymises the staff account
/// with the address, if any. Files on the nominations stay, and are counted. Mail still
/// waiting to go to the address is dropped from the queue: marked failed with the reason,
/// its content erased.
pub fn erase(conn: &mut DbConn, email: &str, actor: crate::domain::Actor) -> QueryResult<Erased> {
    let tip_ids: Vec<i32> = tips_of(conn, email)?.iter().map(|t| t.id).collect();
    let tips = super::retention::erase_tip_contacts(conn, &tip_ids)?;
    let nomination_ids: Vec<i32> = nominations_of(conn, email)?.iter().map(|n| n.id).collect();
    let nominations = super::retention::erase_nomination_contacts(conn, &nomination_ids)?;
    let mut attachments_kept = 0;
    for id in &nomination_ids {
        attachments_kept += super::attachments::count(conn, *id)? as usize;
    }
    let mut drafts = 0;
    for draft in super::drafts::of_address(conn, email)? {
        drafts += usize::from(super::drafts::delete(conn, draft.id)?);
    }
    let accounts = match super::users::find_by_email(conn, email)? {
        Some(user) => usize::from(super::retention::anonymise_user(
            conn,
            user.id,
            actor,
            super::now(),
        )?),
        None => 0,
    };
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
        accounts,
        attachments_kept,
    })
}
