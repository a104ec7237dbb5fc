//! A juror's own affiliations: listing, adding and removing them. A nomination from an
//! affiliated organisation is flagged for the juror (`db::jury::impartiality_map`).

use crate::db::{self, Database, scoring::AffiliationRow};
use crate::domain::Affiliation;
use diesel::Connection as _;

#[tracing::instrument(skip(db))]
pub async fn of_juror(db: &Database, user_id: i32) -> anyhow::Result<Vec<AffiliationRow>> {
    db.read(move |conn| Ok(db::scoring::affiliations_of(conn, user_id)?))
        .await
}

/// Stores the affiliation with its audit event.
#[tracing::instrument(skip(db, affiliation))]
pub async fn add(db: &Database, user_id: i32, affiliation: Affiliation) -> anyhow::Result<i32> {
    db.write(move |conn| {
        conn.transaction(|conn| Ok(db::scoring::add_affiliation(conn, user_id, &affiliation)?))
    })
    .await
}

/// Removes one of the juror's own affiliations, with its audit event; `false` when the
/// juror has none by that id (someone else's is never touched). A flag the affiliation
/// raised on a nomination whose round has begun scoring stays, as a case for the
/// secretariat to decide on (`/sekretariat/habilitet`), in the same transaction — so
/// removing an affiliation never lets a juror into a case they were flagged out of.
#[tracing::instrument(skip(db))]
pub async fn remove(db: &Database, user_id: i32, affiliation_id: i32) -> anyhow::Result<bool> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            let Some(affiliation) = db::scoring::affiliation_of(conn, user_id, affiliation_id)?
            else {
                return Ok(false);
            };
            for (nomination, phase) in db::scoring::nominations_from(conn, &affiliation.org_number)?
            {
                if phase.keeps_affiliation_flags() {
                    db::scoring::keep_flag(conn, user_id, &nomination)?;
                }
            }
            Ok(db::scoring::remove_affiliation(
                conn,
                user_id,
                affiliation_id,
            )?)
        })
    })
    .await
}
