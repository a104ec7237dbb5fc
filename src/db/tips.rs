use super::DbConn;
use super::schema::tips;
use crate::domain::{NewTip, Reference, ReferenceKind, SubmissionKey};
use crate::i18n::Lang;
use chrono::Datelike;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tips)]
pub struct TipRow {
    pub id: i32,
    pub reference: String,
    pub initiative: String,
    pub agency: String,
    pub reason: String,
    pub tipster_name: Option<String>,
    pub tipster_email: Option<String>,
    pub may_contact: bool,
    pub triage_state: String,
    pub language: String,
    pub nomination_id: Option<i32>,
    pub submission_key: Option<String>,
    pub created_at: chrono::NaiveDateTime,
}

/// Stores a tip with a new reference, in the caller's transaction.
#[tracing::instrument(skip_all)]
pub fn insert(
    conn: &mut DbConn,
    tip: &NewTip,
    lang: Lang,
    key: Option<&SubmissionKey>,
) -> QueryResult<TipRow> {
    let now = super::now();
    let year = now.year();
    let sequence = super::sequences::next_value(conn, &ReferenceKind::Tip.sequence_name(year))?;
    let reference = Reference::new(ReferenceKind::Tip, year, sequence);
    diesel::insert_into(tips::table)
        .values((
            tips::reference.eq(reference.as_ref()),
            tips::initiative.eq(tip.initiative.as_ref()),
            tips::agency.eq(tip.agency.as_ref()),
            tips::reason.eq(tip.reason.as_ref()),
            tips::tipster_name.eq(tip.tipster_name.as_ref().map(AsRef::as_ref)),
            tips::tipster_email.eq(tip.tipster_email.as_ref().map(AsRef::as_ref)),
            tips::may_contact.eq(tip.may_contact),
            tips::triage_state.eq("new"),
            tips::language.eq(lang.code()),
            tips::submission_key.eq(key.map(AsRef::as_ref)),
            tips::created_at.eq(now),
        ))
        // The whole row in the same round trip (TipRow's fields are in the table's order;
        // diesel's `as_returning` is not available over the MultiConnection).
        .returning(tips::all_columns)
        .get_result(conn)
}

pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<TipRow>> {
    tips::table
        .filter(tips::reference.eq(reference))
        .select(TipRow::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    tips::table.count().get_result(conn)
}

pub fn find_by_submission_key(
    conn: &mut DbConn,
    key: &SubmissionKey,
) -> QueryResult<Option<TipRow>> {
    tips::table
        .filter(tips::submission_key.eq(key.as_ref()))
        .select(TipRow::as_select())
        .first(conn)
        .optional()
}

/// The newest tips first, at most `limit`.
pub fn latest(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<TipRow>> {
    tips::table
        .order(tips::id.desc())
        .limit(limit)
        .select(TipRow::as_select())
        .load(conn)
}
