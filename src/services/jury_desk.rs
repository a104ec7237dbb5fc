//! The juror's desk overview (`/jury`): the rounds the jury is working on and, per round,
//! the user's nominations with their progress and any impartiality flag.

use crate::db::scoring::Progress;
use crate::db::users::UserRow;
use crate::db::{self, Database, DbConn};
use crate::domain::{Impartiality, Role};

/// One of the user's nominations in a round at work.
#[derive(Debug, serde::Serialize)]
pub struct NominationLine {
    pub id: i32,
    pub reference: String,
    pub title: String,
    pub agency: String,
    pub progress: Progress,
    pub standing: Impartiality,
}

/// A round at work with the user's nominations in it.
#[derive(Debug, serde::Serialize)]
pub struct RoundOverview {
    pub id: i32,
    pub prize_year: i32,
    pub phase: &'static str,
    pub nominations: Vec<NominationLine>,
}

/// The rounds at work (scoring or discussion) with the user's nominations: a juror's own
/// (assigned or all eligible), every eligible one for the secretariat.
#[tracing::instrument(skip(db, user), fields(user_id = user.id))]
pub async fn overview(db: &Database, user: &UserRow) -> anyhow::Result<Vec<RoundOverview>> {
    let user = user.clone();
    db.read(move |conn| rounds_at_work(conn, &user)).await
}

fn rounds_at_work(conn: &mut DbConn, user: &UserRow) -> anyhow::Result<Vec<RoundOverview>> {
    let mut views = Vec::new();
    for round in db::scoring::rounds_at_work(conn)? {
        let nominations = if user.role() == Role::Juror {
            db::jury::juror_nominations(conn, round.id, user.id)?
        } else {
            db::jury::eligible_nominations(conn, round.id)?
        };
        let ids: Vec<i32> = nominations.iter().map(|n| n.id).collect();
        let progress = db::scoring::progress(conn, user.id, &ids)?;
        let standings = db::jury::impartiality_map(conn, round.id)?;
        views.push(RoundOverview {
            id: round.id,
            prize_year: round.prize_year,
            phase: round.phase.code(),
            nominations: nominations
                .into_iter()
                .map(|n| NominationLine {
                    progress: progress.get(&n.id).copied().unwrap_or(Progress::NotStarted),
                    standing: standings
                        .get(&(user.id, n.id))
                        .copied()
                        .unwrap_or(Impartiality::Clear),
                    id: n.id,
                    reference: n.reference,
                    title: n.title,
                    agency: n.agency_name,
                })
                .collect(),
        });
    }
    Ok(views)
}
