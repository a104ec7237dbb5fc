//! Finding things: the full-text search over nominations and tips, and the filtered list
//! of nominations (the queries are in `db::search`).

use crate::db::nominations::NominationRow;
use crate::db::rounds::Round;
use crate::db::search::NominationFilter;
use crate::db::{self, Database};
use crate::domain::search::{Fragment, SearchQuery, fragments};
use std::collections::HashMap;

/// One search result: what it is, where it is, and the passage that matched.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchHit {
    /// `nomination` or `tip`.
    pub kind: String,
    pub id: i32,
    pub reference: String,
    pub title: String,
    pub passage: Vec<Fragment>,
}

/// The nominations and tips matching every word of `query`, best first.
#[tracing::instrument(skip_all)]
pub async fn search(db: &Database, query: SearchQuery) -> anyhow::Result<Vec<SearchHit>> {
    db.read(move |conn| {
        let hits = db::search::search(conn, &query)?;
        let ids_of = |kind: &str| -> Vec<i32> {
            hits.iter()
                .filter(|h| h.kind == kind)
                .map(|h| h.item_id)
                .collect()
        };
        let mut titles: HashMap<(&str, i32), (String, String)> = HashMap::new();
        for (id, reference, title, _) in db::search::nomination_titles(conn, &ids_of("nomination"))?
        {
            titles.insert(("nomination", id), (reference, title));
        }
        for (id, reference, initiative) in db::search::tip_titles(conn, &ids_of("tip"))? {
            titles.insert(("tip", id), (reference, initiative));
        }
        Ok(hits
            .iter()
            .filter_map(|hit| {
                let (reference, title) = titles.get(&(hit.kind.as_str(), hit.item_id))?.clone();
                Some(SearchHit {
                    kind: hit.kind.clone(),
                    id: hit.item_id,
                    reference,
                    title,
                    passage: fragments(&hit.passage),
                })
            })
            .collect())
    })
    .await
}

/// The nominations matching `filter`, and every round (the choices of the round filter).
#[tracing::instrument(skip(db))]
pub async fn nominations(
    db: &Database,
    filter: NominationFilter,
) -> anyhow::Result<(Vec<NominationRow>, Vec<Round>)> {
    db.read(move |conn| {
        Ok((
            db::search::nominations(conn, &filter)?,
            db::screening::all_rounds(conn)?,
        ))
    })
    .await
}
