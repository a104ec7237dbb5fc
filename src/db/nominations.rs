use super::DbConn;
use super::schema::nominations;
use crate::domain::{
    Categories, NewNomination, NominationInput, NominationStatus, Reference, ReferenceKind,
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
    pub agency_name: String,
    pub org_number: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub title: String,
    pub categories: Categories,
    pub summary: String,
    pub background: String,
    pub what_was_done: String,
    pub results: String,
    pub savings_nok: Option<i64>,
    pub savings_hours: Option<i64>,
    pub user_effects: String,
    pub transfer_value: String,
    pub other_agencies: Option<String>,
    pub leadership_backing: bool,
    pub consent_publish: bool,
    pub status: NominationStatus,
    pub language: String,
    pub edit_token_hash: String,
    pub submission_key: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub exclusion_reason: Option<String>,
    pub carried_from_round_id: Option<i32>,
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

/// The columns a nomination's content fills, shared by insert and update.
#[derive(AsChangeset, Insertable)]
#[diesel(table_name = nominations, treat_none_as_null = true)]
struct ContentColumns<'a> {
    agency_name: &'a str,
    org_number: String,
    contact_name: &'a str,
    contact_email: &'a str,
    contact_phone: Option<&'a str>,
    title: &'a str,
    categories: Categories,
    summary: &'a str,
    background: &'a str,
    what_was_done: &'a str,
    results: &'a str,
    savings_nok: Option<i64>,
    savings_hours: Option<i64>,
    user_effects: &'a str,
    transfer_value: &'a str,
    other_agencies: Option<&'a str>,
    leadership_backing: bool,
    consent_publish: bool,
}

impl<'a> From<&'a NewNomination> for ContentColumns<'a> {
    fn from(n: &'a NewNomination) -> Self {
        Self {
            agency_name: n.agency_name.as_ref(),
            org_number: n.org_number.to_string(),
            contact_name: n.contact_name.as_ref(),
            contact_email: n.contact_email.as_ref(),
            contact_phone: n.contact_phone.as_ref().map(AsRef::as_ref),
            title: n.title.as_ref(),
            categories: n.categories.clone(),
            summary: n.summary.as_ref(),
            background: n.background.as_ref(),
            what_was_done: n.what_was_done.as_ref(),
            results: n.results.as_ref(),
            savings_nok: n.savings_nok,
            savings_hours: n.savings_hours,
            user_effects: n.user_effects.as_ref(),
            transfer_value: n.transfer_value.as_ref(),
            other_agencies: n.other_agencies.as_ref().map(AsRef::as_ref),
            leadership_backing: n.leadership_backing,
            consent_publish: n.consent_publish,
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
            ContentColumns::from(nomination),
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
            ContentColumns::from(nomination),
            nominations::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    find_by_id(conn, nomination_id)
}

pub fn find_by_edit_token_hash(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<NominationRow>> {
    nominations::table
        .filter(nominations::edit_token_hash.eq(token_hash))
        .select(NominationRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<NominationRow>> {
    nominations::table
        .filter(nominations::reference.eq(reference))
        .select(NominationRow::as_select())
        .first(conn)
        .optional()
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
    nominations::table
        .filter(nominations::submission_key.eq(key.as_ref()))
        .select(NominationRow::as_select())
        .first(conn)
        .optional()
}

/// The nominations of a round, in the order they arrived (the archive export).
pub fn in_round(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<NominationRow>> {
    nominations::table
        .filter(nominations::round_id.eq(round_id))
        .order(nominations::id)
        .select(NominationRow::as_select())
        .load(conn)
}
