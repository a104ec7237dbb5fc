use super::DbConn;
use super::schema::{nominations, tips};
use crate::domain::{NewTip, Reference, ReferenceKind, SubmissionKey, TipContent, TriageState};
use crate::i18n::Lang;
use chrono::Datelike;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tips)]
pub struct TipRow {
    pub id: i32,
    pub reference: String,
    #[diesel(embed)]
    pub content: TipContent,
    pub triage_state: TriageState,
    pub language: String,
    pub nomination_id: Option<i32>,
    pub submission_key: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub closed_reason: Option<String>,
    pub triaged_at: Option<chrono::NaiveDateTime>,
}

impl std::ops::Deref for TipRow {
    type Target = TipContent;

    /// The content's fields read as the row's own (`tip.agency`): the row is its content
    /// with a reference and a triage state around it.
    fn deref(&self) -> &TipContent {
        &self.content
    }
}

/// The reference the next tip gets, received at `now`.
pub fn next_reference(conn: &mut DbConn, now: chrono::NaiveDateTime) -> QueryResult<Reference> {
    let year = now.year();
    let sequence = super::sequences::next_value(conn, &ReferenceKind::Tip.sequence_name(year))?;
    Ok(Reference::new(ReferenceKind::Tip, year, sequence))
}

/// Stores a tip numbered `reference` (from [`next_reference`]), received at `now`, together
/// with the rows that go with it (its forward, its audit event: `db::together`), in the
/// caller's transaction.
#[tracing::instrument(skip_all)]
pub fn insert(
    conn: &mut DbConn,
    tip: &NewTip,
    (reference, now): (&Reference, chrono::NaiveDateTime),
    lang: Lang,
    key: Option<&SubmissionKey>,
    along: Vec<super::together::Along<'_>>,
) -> QueryResult<TipRow> {
    let insert = diesel::insert_into(tips::table)
        .values((
            tips::reference.eq(reference.as_ref()),
            tip.content(),
            tips::triage_state.eq(TriageState::New),
            tips::language.eq(lang.code()),
            tips::submission_key.eq(key.map(AsRef::as_ref)),
            tips::created_at.eq(now),
        ))
        // The whole row in the same round trip: the columns `TipRow` selects, as a plain
        // expression (diesel's `as_returning` is not available over the MultiConnection).
        .returning(<TipRow as Selectable<super::MultiBackend>>::construct_selection());
    super::together::insert_together(conn, insert, along)
}

pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<TipRow>> {
    super::first_of(conn, tips::table.filter(tips::reference.eq(reference)))
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    tips::table.count().get_result(conn)
}

pub fn find_by_submission_key(
    conn: &mut DbConn,
    key: &SubmissionKey,
) -> QueryResult<Option<TipRow>> {
    super::first_of(
        conn,
        tips::table.filter(tips::submission_key.eq(key.as_ref())),
    )
}

pub fn find(conn: &mut DbConn, tip_id: i32) -> QueryResult<TipRow> {
    tips::table
        .find(tip_id)
        .select(TipRow::as_select())
        .first(conn)
}

/// Where a transition leaves the tip's link and reason.
#[derive(Debug, Clone, Default)]
pub struct TriageChange {
    pub nomination_id: Option<i32>,
    pub closed_reason: Option<String>,
}

/// Moves the tip from `from` to `to`, setting its link and reason as `change` says, if it
/// is still in `from`: the condition is part of the `UPDATE`, so of two members of the
/// secretariat deciding from the same state at once, exactly one wins (on PostgreSQL the
/// second waits for the first's row lock, then finds the state changed). `false`: the
/// tip was no longer in `from`.
pub fn transition(
    conn: &mut DbConn,
    tip_id: i32,
    from: TriageState,
    to: TriageState,
    change: &TriageChange,
) -> QueryResult<bool> {
    diesel::update(tips::table.find(tip_id).filter(tips::triage_state.eq(from)))
        .set((
            tips::triage_state.eq(to),
            tips::nomination_id.eq(change.nomination_id),
            tips::closed_reason.eq(change.closed_reason.as_deref()),
            tips::triaged_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|updated| updated == 1)
}

/// Which tips to list.
#[derive(Debug, Clone, Copy)]
pub enum Listed {
    /// The newest first, at most this many.
    Latest(i64),
    /// Every tip but this one, newest first (the candidates for its likely duplicates).
    AllBut(i32),
    /// The tips linked to this nomination, oldest first.
    LinkedTo(i32),
}

pub fn list(conn: &mut DbConn, which: Listed) -> QueryResult<Vec<TipRow>> {
    let query = tips::table.select(TipRow::as_select()).into_boxed();
    let query = match which {
        Listed::Latest(limit) => query.order(tips::id.desc()).limit(limit),
        Listed::AllBut(tip_id) => query.filter(tips::id.ne(tip_id)).order(tips::id.desc()),
        Listed::LinkedTo(nomination_id) => query
            .filter(tips::nomination_id.eq(nomination_id))
            .order(tips::id),
    };
    query.load(conn)
}

/// What a nomination shows beside a tip.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = nominations)]
pub struct NominationBrief {
    pub id: i32,
    pub reference: String,
    pub agency_name: String,
    pub org_number: String,
    pub title: String,
    pub summary: String,
}

/// Every nomination, the newest first, briefly (the choices to link a tip to, and the
/// candidates for its likely duplicates).
pub fn nomination_briefs(conn: &mut DbConn) -> QueryResult<Vec<NominationBrief>> {
    nominations::table
        .order(nominations::id.desc())
        .select(NominationBrief::as_select())
        .load(conn)
}

/// Every tip with the round of the nomination it led to, in the order they arrived: what
/// `domain::round_of_tip` reads to tell a tip's round (the archive export).
pub fn all_with_nomination_round(conn: &mut DbConn) -> QueryResult<Vec<(TipRow, Option<i32>)>> {
    tips::table
        .left_join(nominations::table)
        .order(tips::id)
        .select((TipRow::as_select(), nominations::round_id.nullable()))
        .load(conn)
}
