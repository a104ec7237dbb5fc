use super::DbConn;
use super::schema::nominations;
use crate::domain::{
    NewNomination, NominationContent, NominationInput, NominationStatus, Reference, ReferenceKind,
    SubmissionKey, format_estimate,
};
use crate::i18n::Lang;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = nominations)]
pub struct NominationRow {
    pub id: i32,
    pub reference: String,
    pub round_id: i32,
    #[diesel(embed)]
    pub content: NominationContent,
    pub status: NominationStatus,
    pub language: String,
    pub edit_token_hash: String,
    pub submission_key: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub exclusion_reason: Option<String>,
    pub carried_from_round_id: Option<i32>,
}

impl std::ops::Deref for NominationRow {
    type Target = NominationContent;

    /// The content's fields read as the row's own (`row.title`): the row is its content
    /// with a reference, a round and a status around it.
    fn deref(&self) -> &NominationContent {
        &self.content
    }
}

impl NominationRow {
    /// The stored values in the shape of the form, to show them for editing.
    pub fn to_input(&self) -> NominationInput {
        NominationInput {
            agency_name: self.agency_name.clone(),
            org_number: self.org_number.clone(),
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone().unwrap_or_default(),
            title: self.title.clone(),
            categories: self
                .categories
                .as_slice()
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            summary: self.summary.clone(),
            background: self.background.clone(),
            what_was_done: self.what_was_done.clone(),
            results: self.results.clone(),
            savings_nok: self.savings_nok.map(format_estimate).unwrap_or_default(),
            savings_hours: self.savings_hours.map(format_estimate).unwrap_or_default(),
            user_effects: self.user_effects.clone(),
            transfer_value: self.transfer_value.clone(),
            other_agencies: self.other_agencies.clone().unwrap_or_default(),
            leadership_backing: self.leadership_backing,
            consent_publish: self.consent_publish,
        }
    }
}

/// Stores a nomination in `round_id` with a new reference numbered within the prize year,
/// in the caller's transaction.
#[tracing::instrument(skip_all, fields(prize_year))]
pub fn insert(
    conn: &mut DbConn,
    nomination: &NewNomination,
    round_id: i32,
    prize_year: i32,
    lang: Lang,
    edit_token_hash: &str,
    key: Option<&SubmissionKey>,
) -> QueryResult<NominationRow> {
    let now = super::now();
    let sequence =
        super::sequences::next_value(conn, &ReferenceKind::Nomination.sequence_name(prize_year))?;
    let reference = Reference::new(ReferenceKind::Nomination, prize_year, sequence);
    diesel::insert_into(nominations::table)
        .values((
            nomination.content(),
            nominations::reference.eq(reference.as_ref()),
            nominations::round_id.eq(round_id),
            nominations::status.eq(NominationStatus::Submitted),
            nominations::language.eq(lang.code()),
            nominations::edit_token_hash.eq(edit_token_hash),
            nominations::submission_key.eq(key.map(AsRef::as_ref)),
            nominations::created_at.eq(now),
            nominations::updated_at.eq(now),
        ))
        .returning(nominations::id)
        .get_result::<i32>(conn)
        .and_then(|id| find_by_id(conn, id))
}

/// Replaces a nomination's content (the agency's own edit before the deadline).
#[tracing::instrument(skip(conn, nomination))]
pub fn update_content(
    conn: &mut DbConn,
    nomination_id: i32,
    nomination: &NewNomination,
) -> QueryResult<NominationRow> {
    diesel::update(nominations::table.find(nomination_id))
        .set((
            nomination.content(),
            nominations::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    find_by_id(conn, nomination_id)
}

pub fn find_by_edit_token_hash(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<NominationRow>> {
    super::first_of(
        conn,
        nominations::table.filter(nominations::edit_token_hash.eq(token_hash)),
    )
}

pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<NominationRow>> {
    super::first_of(
        conn,
        nominations::table.filter(nominations::reference.eq(reference)),
    )
}

pub fn find_by_id(conn: &mut DbConn, nomination_id: i32) -> QueryResult<NominationRow> {
    nominations::table
        .find(nomination_id)
        .select(NominationRow::as_select())
        .first(conn)
}

pub fn find_by_submission_key(
    conn: &mut DbConn,
    key: &SubmissionKey,
) -> QueryResult<Option<NominationRow>> {
    super::first_of(
        conn,
        nominations::table.filter(nominations::submission_key.eq(key.as_ref())),
    )
}

/// The nominations of a round, in the order they arrived (the archive export).
pub fn in_round(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<NominationRow>> {
    nominations::table
        .filter(nominations::round_id.eq(round_id))
        .order(nominations::id)
        .select(NominationRow::as_select())
        .load(conn)
}
