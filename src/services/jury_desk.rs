//! The juror's desk overview (`/jury`): the rounds the jury is working on and, per round,
//! the user's nominations with their progress and any impartiality flag.

use crate::db::nominations::NominationRow;
use crate::db::rounds::Round;
use crate::db::scoring::Progress;
use crate::db::users::UserRow;
use crate::db::{self, Database, DbConn};
use crate::domain::{Impartiality, Role, Viewer, visibility_in};
use std::collections::HashSet;

/// One of the user's nominations in a round at work.
#[derive(Debug, serde::Serialize)]
pub struct NominationLine {
    pub id: i32,
    pub reference: String,
    pub title: String,
    pub agency: String,
    pub progress: Progress,
    pub standing: Impartiality,
    /// Still the juror's to score and submit (conflicted is not left).
    pub left: bool,
}

/// A round at work with the user's nominations in it.
#[derive(Debug, serde::Serialize)]
pub struct RoundOverview {
    pub id: i32,
    pub prize_year: i32,
    pub phase: &'static str,
    pub nominations: Vec<NominationLine>,
    /// The jury's deadline the secretariat set, and whole days left to it in Norway.
    pub jury_deadline: Option<chrono::NaiveDate>,
    pub days_left: Option<i64>,
    pub days_ago: Option<i64>,
    /// A juror's own progress: submitted, of the nominations theirs to score.
    pub submitted: usize,
    pub of: usize,
}

/// The rounds at work (scoring or discussion) with the user's nominations: a juror's own
/// (assigned or all eligible), every eligible one for the secretariat; `today` is the date
/// in Norway (from the clock). Remembers the language the user reads the desk in, for the
/// mail the portal sends them on its own (the jury's reminders).
#[tracing::instrument(skip(db, user), fields(user_id = user.id))]
pub async fn overview(
    db: &Database,
    user: &UserRow,
    today: chrono::NaiveDate,
    lang: crate::i18n::Lang,
) -> anyhow::Result<Vec<RoundOverview>> {
    let (user_id, reader) = (user.id, user.clone());
    let (views, known) = db
        .read(move |conn| {
            let known = db::users::language_of(conn, reader.id)?;
            Ok((rounds_at_work(conn, &reader, today)?, known))
        })
        .await?;
    if known.as_deref() != Some(lang.code()) {
        db.write(move |conn| Ok(db::users::set_language(conn, user_id, lang)?))
            .await?;
    }
    Ok(views)
}

fn rounds_at_work(
    conn: &mut DbConn,
    user: &UserRow,
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<RoundOverview>> {
    let mut views = Vec::new();
    for round in db::scoring::rounds_at_work(conn)? {
        let own = matrix(conn, &round, Some(user.id))?;
        let cells: std::collections::HashMap<i32, Cell> = match own.jurors.first() {
            Some(row) => own
                .nominations
                .iter()
                .map(|n| n.id)
                .zip(row.cells.clone())
                .collect(),
            None => Default::default(),
        };
        let own = own.jurors.first();
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
            jury_deadline: round.jury_deadline,
            days_left: round
                .jury_deadline
                .map(|deadline| crate::domain::reminder::days_left(deadline, today)),
            days_ago: round
                .jury_deadline
                .map(|deadline| -crate::domain::reminder::days_left(deadline, today)),
            submitted: own.map(JurorProgress::submitted).unwrap_or_default(),
            of: own.map(JurorProgress::of).unwrap_or_default(),
            nominations: nominations
                .into_iter()
                .map(|n| NominationLine {
                    left: cells.get(&n.id).is_some_and(|cell| cell.is_left()),
                    progress: progress.get(&n.id).copied().unwrap_or(Progress::NotStarted),
                    standing: standings
                        .get(&(user.id, n.id))
                        .copied()
                        .unwrap_or(Impartiality::Clear),
                    id: n.id,
                    reference: n.reference,
                    title: n.content.title,
                    agency: n.content.agency_name,
                })
                .collect(),
        });
    }
    Ok(views)
}

// ---------------------------------------------------------------------------------------
// Progress: the secretariat's matrix, the juror's "2 of 5", and the reminders

/// Where a juror is with one nomination of a round. Whether the juror is conflicted is the
/// policy's answer ([`crate::domain::policy`]), not a query's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// The round has assignments and this nomination is not the juror's.
    NotAssigned,
    /// Out of the case (flagged, declared or upheld): not the juror's to score.
    Conflicted,
    NotStarted,
    Draft,
    Submitted,
}

impl Cell {
    /// Still to be scored and submitted by the juror.
    pub fn is_left(self) -> bool {
        matches!(self, Self::NotStarted | Self::Draft)
    }

    /// Counts towards the juror's "n of m".
    pub fn is_theirs(self) -> bool {
        self.is_left() || self == Self::Submitted
    }
}

/// One juror's row of a round's matrix, in the order of [`Matrix::nominations`].
#[derive(Debug, Clone)]
pub struct JurorProgress {
    pub juror: UserRow,
    pub cells: Vec<Cell>,
}

impl JurorProgress {
    /// Submitted, of the nominations the juror is to score.
    pub fn submitted(&self) -> usize {
        self.cells.iter().filter(|c| **c == Cell::Submitted).count()
    }

    pub fn of(&self) -> usize {
        self.cells.iter().filter(|c| c.is_theirs()).count()
    }
}

/// A round's jury progress: its eligible nominations and, per active juror, a cell each.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub nominations: Vec<NominationRow>,
    pub jurors: Vec<JurorProgress>,
}

impl Matrix {
    /// The nominations the juror still has to score and submit.
    pub fn left_for(&self, row: &JurorProgress) -> Vec<NominationRow> {
        self.nominations
            .iter()
            .zip(&row.cells)
            .filter(|(_, cell)| cell.is_left())
            .map(|(n, _)| n.clone())
            .collect()
    }
}

/// The round's matrix for every juror whose account is on, or for `only` one juror.
pub fn matrix(conn: &mut DbConn, round: &Round, only: Option<i32>) -> anyhow::Result<Matrix> {
    let nominations = db::jury::eligible_nominations(conn, round.id)?;
    let ids: Vec<i32> = nominations.iter().map(|n| n.id).collect();
    let standings = db::jury::impartiality_map(conn, round.id)?;
    let mut jurors = Vec::new();
    for juror in db::jury::jurors(conn)? {
        if juror.is_disabled() || only.is_some_and(|id| id != juror.id) {
            continue;
        }
        let theirs: HashSet<i32> = db::jury::juror_nominations(conn, round.id, juror.id)?
            .into_iter()
            .map(|n| n.id)
            .collect();
        let progress = db::scoring::progress(conn, juror.id, &ids)?;
        let cells = ids
            .iter()
            .map(|id| {
                let access = visibility_in(&standings, Viewer::Juror(juror.id), round.phase, *id);
                match progress.get(id).copied().unwrap_or(Progress::NotStarted) {
                    _ if !theirs.contains(id) => Cell::NotAssigned,
                    _ if access.excluded => Cell::Conflicted,
                    Progress::NotStarted => Cell::NotStarted,
                    Progress::Draft => Cell::Draft,
                    Progress::Submitted => Cell::Submitted,
                }
            })
            .collect();
        jurors.push(JurorProgress { juror, cells });
    }
    Ok(Matrix {
        nominations,
        jurors,
    })
}
