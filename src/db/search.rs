//! Finding nominations and tips: full-text search over the `search_index` (one document per
//! nomination and tip, kept in step by triggers — see the `search_index` migration), and
//! the secretariat's filtered list of nominations.
//!
//! The search is backend-specific and written here, in one place: SQLite's FTS5 with the
//! query stemmed in Rust, PostgreSQL's `norwegian` text search (why, in
//! `crate::domain::search`). Both return the best matches first, each with its matching
//! passage, the hits marked with `HIT_START`/`HIT_END`.

use super::DbConn;
use super::nominations::NominationRow;
use super::schema::{nominations, tips};
use crate::domain::search::{HIT_END, HIT_START, SearchQuery};
use crate::domain::{Category, NominationStatus};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

/// Most results a search shows.
pub const MAX_HITS: i64 = 50;

/// One search result, as the index holds it.
#[derive(Debug, Clone, QueryableByName)]
pub struct IndexHit {
    /// `nomination` or `tip`.
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Integer)]
    pub item_id: i32,
    /// The matching passage, the matches between the hit markers.
    #[diesel(sql_type = Text)]
    pub passage: String,
}

/// The nominations and tips matching every word of `query`, best first.
pub fn search(conn: &mut DbConn, query: &SearchQuery) -> QueryResult<Vec<IndexHit>> {
    let (start, end) = (HIT_START.to_string(), HIT_END.to_string());
    match conn {
        DbConn::Sqlite(conn) => diesel::sql_query(
            "SELECT kind, CAST(item_id AS INTEGER) AS item_id, \
                    snippet(search_index, 2, ?, ?, '…', 24) AS passage \
             FROM search_index WHERE search_index MATCH ? \
             ORDER BY bm25(search_index), rowid LIMIT ?",
        )
        .bind::<Text, _>(start)
        .bind::<Text, _>(end)
        .bind::<Text, _>(query.fts5())
        .bind::<diesel::sql_types::BigInt, _>(MAX_HITS)
        .load(conn),
        DbConn::Pg(conn) => diesel::sql_query(
            "SELECT kind, item_id, ts_headline('norwegian', body, q, $2) AS passage \
             FROM search_index, plainto_tsquery('norwegian', $1) AS q \
             WHERE document @@ q \
             ORDER BY ts_rank(document, q) DESC, kind, item_id LIMIT $3",
        )
        .bind::<Text, _>(query.plain())
        .bind::<Text, _>(format!(
            "StartSel={start}, StopSel={end}, MaxWords=24, MinWords=10, MaxFragments=2, \
             FragmentDelimiter=\" … \""
        ))
        .bind::<diesel::sql_types::BigInt, _>(MAX_HITS)
        .load(conn),
    }
}

/// (id, reference, title, round id) of these nominations.
pub fn nomination_titles(
    conn: &mut DbConn,
    ids: &[i32],
) -> QueryResult<Vec<(i32, String, String, i32)>> {
    nominations::table
        .filter(nominations::id.eq_any(ids))
        .select((
            nominations::id,
            nominations::reference,
            nominations::title,
            nominations::round_id,
        ))
        .load(conn)
}

/// (id, reference, initiative) of these tips.
pub fn tip_titles(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<(i32, String, String)>> {
    tips::table
        .filter(tips::id.eq_any(ids))
        .select((tips::id, tips::reference, tips::initiative))
        .load(conn)
}

/// What the nominations list is narrowed to; `None` is any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NominationFilter {
    pub round_id: Option<i32>,
    pub status: Option<NominationStatus>,
    pub category: Option<Category>,
    /// Part of the agency's name, or its organisation number.
    pub agency: Option<String>,
}

/// The nominations matching every part of `filter`, the newest round first, then by
/// reference. Round and status are filtered by the database; category and agency here, in
/// Rust, where lower case is Unicode's ("ØKOKRIM" is "økokrim"; SQLite's `lower` knows
/// only ASCII) — a year has 10–15 nominations.
pub fn nominations(
    conn: &mut DbConn,
    filter: &NominationFilter,
) -> QueryResult<Vec<NominationRow>> {
    let mut query = nominations::table
        .order((nominations::round_id.desc(), nominations::reference))
        .select(NominationRow::as_select())
        .into_boxed();
    if let Some(round_id) = filter.round_id {
        query = query.filter(nominations::round_id.eq(round_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(nominations::status.eq(status));
    }
    let agency = filter.agency.as_ref().map(|a| a.trim().to_lowercase());
    Ok(query
        .load(conn)?
        .into_iter()
        .filter(|n| {
            filter
                .category
                .is_none_or(|category| n.categories.as_slice().contains(&category))
        })
        .filter(|n| {
            agency.as_ref().is_none_or(|agency| {
                n.agency_name.to_lowercase().contains(agency.as_str())
                    || n.org_number == agency.replace(' ', "")
            })
        })
        .collect())
}
