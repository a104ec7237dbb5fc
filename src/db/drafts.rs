//! Nomination drafts ("Lagre og fortsett senere"): the form as typed, found by the hash of
//! its private link. A draft has no reference and belongs to no round: it becomes a
//! nomination in the round open when it is sent.

use super::DbConn;
use super::schema::nomination_drafts as drafts;
use crate::domain::{NominationDraft, NominationInput, SubmissionKey};
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = drafts)]
pub struct DraftRow {
    pub id: i32,
    pub token_hash: String,
    pub reminder_token_hash: Option<String>,
    pub contact_email: String,
    pub content: String,
    pub language: String,
    pub submission_key: Option<String>,
    /// The portal clock's time of the last save (the expiry rule counts from it).
    pub saved_at: NaiveDateTime,
    pub reminded_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl DraftRow {
    /// The form as it was typed.
    pub fn to_input(&self) -> NominationInput {
        serde_json::from_str(&self.content).unwrap_or_default()
    }

    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.language).unwrap_or(Lang::Nb)
    }
}

fn content(draft: &NominationDraft) -> QueryResult<String> {
    serde_json::to_string(&draft.input)
        .map_err(|error| diesel::result::Error::SerializationError(Box::new(error)))
}

/// Stores a new draft, in the caller's transaction.
pub fn insert(
    conn: &mut DbConn,
    draft: &NominationDraft,
    token_hash: &str,
    lang: Lang,
    key: Option<&SubmissionKey>,
    saved_at: NaiveDateTime,
) -> QueryResult<DraftRow> {
    diesel::insert_into(drafts::table)
        .values((
            drafts::token_hash.eq(token_hash),
            drafts::contact_email.eq(draft.contact_email.as_ref()),
            drafts::content.eq(content(draft)?),
            drafts::language.eq(lang.code()),
            drafts::submission_key.eq(key.map(AsRef::as_ref)),
            drafts::saved_at.eq(saved_at),
            drafts::created_at.eq(super::now()),
        ))
        .returning(drafts::id)
        .get_result::<i32>(conn)
        .and_then(|id| {
            drafts::table
                .find(id)
                .select(DraftRow::as_select())
                .first(conn)
        })
}

/// Replaces a draft's content; its days start again, and so does its reminder. Returns
/// whether the draft was still there.
pub fn update_content(
    conn: &mut DbConn,
    draft_id: i32,
    draft: &NominationDraft,
    saved_at: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(drafts::table.find(draft_id))
        .set((
            drafts::contact_email.eq(draft.contact_email.as_ref()),
            drafts::content.eq(content(draft)?),
            drafts::saved_at.eq(saved_at),
            drafts::reminded_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// The draft a private link points at: the first mail's link or the reminder's.
pub fn find_by_token_hash(conn: &mut DbConn, token_hash: &str) -> QueryResult<Option<DraftRow>> {
    super::first_of(
        conn,
        drafts::table.filter(
            drafts::token_hash
                .eq(token_hash)
                .or(drafts::reminder_token_hash.eq(token_hash)),
        ),
    )
}

pub fn find_by_submission_key(
    conn: &mut DbConn,
    key: &SubmissionKey,
) -> QueryResult<Option<DraftRow>> {
    super::first_of(
        conn,
        drafts::table.filter(drafts::submission_key.eq(key.as_ref())),
    )
}

/// Deletes a draft (it was sent as a nomination); returns whether it was still there, so
/// of two sends at once only one goes through.
pub fn delete(conn: &mut DbConn, draft_id: i32) -> QueryResult<bool> {
    Ok(diesel::delete(drafts::table.find(draft_id)).execute(conn)? == 1)
}

/// How many drafts there are (all the secretariat sees of them).
pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    drafts::table.count().get_result(conn)
}

/// Drafts saved at or before `saved_before` and not yet reminded.
pub fn due_for_reminder(
    conn: &mut DbConn,
    saved_before: NaiveDateTime,
) -> QueryResult<Vec<DraftRow>> {
    drafts::table
        .filter(drafts::reminded_at.is_null())
        .filter(drafts::saved_at.le(saved_before))
        .order(drafts::id)
        .select(DraftRow::as_select())
        .load(conn)
}

/// Marks one draft reminded, with the hash of the reminder's link, if it still is due
/// (not reminded, not saved again since): the conditional update decides, so of two
/// instances running the sweep at once only one sends the reminder.
pub fn claim_reminder(
    conn: &mut DbConn,
    draft_id: i32,
    saved_before: NaiveDateTime,
    reminder_token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let claimed = diesel::update(
        drafts::table
            .find(draft_id)
            .filter(drafts::reminded_at.is_null())
            .filter(drafts::saved_at.le(saved_before)),
    )
    .set((
        drafts::reminded_at.eq(now),
        drafts::reminder_token_hash.eq(reminder_token_hash),
    ))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// The drafts whose private link goes to `email` (any case), for the person's own copy or
/// to erase them.
pub fn of_address(conn: &mut DbConn, email: &str) -> QueryResult<Vec<DraftRow>> {
    drafts::table
        .filter(super::privacy::lower(drafts::contact_email).eq(email.trim().to_lowercase()))
        .select(DraftRow::as_select())
        .load(conn)
}

/// Deletes the drafts saved at or before `saved_before`; returns how many.
pub fn delete_saved_before(conn: &mut DbConn, saved_before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(drafts::table.filter(drafts::saved_at.le(saved_before))).execute(conn)
}
