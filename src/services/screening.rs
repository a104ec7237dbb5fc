//! The secretariat's screening of nominations: what a round's nominations and one
//! nomination's page show, deciding eligible or excluded, carrying a nomination into a
//! later round, assigning it to jurors, and reopening a juror's submitted assessment.
//! Each write is one transaction with its audit event (`db::screening`).

use crate::db::{
    self, Database, DbConn, nominations::NominationRow, rounds::Round, screening, users::UserRow,
};
use crate::domain::{Actor, ScreeningDecision};
use chrono::NaiveDateTime;
use diesel::QueryResult;

/// A round's nominations, and whether any of them is assigned to particular jurors.
pub struct RoundNominations {
    pub round: Round,
    pub nominations: Vec<NominationRow>,
    pub has_assignments: bool,
}

/// The round's nominations (diesel's `NotFound` when there is no such round).
#[tracing::instrument(skip(db))]
pub async fn of_round(db: &Database, round_id: i32) -> anyhow::Result<RoundNominations> {
    db.read(move |conn| {
        Ok(RoundNominations {
            round: db::rounds::find(conn, round_id)?,
            nominations: screening::round_nominations(conn, round_id)?,
            has_assignments: screening::round_has_assignments(conn, round_id)?,
        })
    })
    .await
}

/// One nomination and everything the secretariat decides about it.
pub struct NominationDesk {
    pub nomination: NominationRow,
    pub round: Round,
    /// The prize year of the round it was carried from.
    pub carried_from: Option<i32>,
    /// The rounds it could be carried into.
    pub later_rounds: Vec<Round>,
    pub jurors: Vec<UserRow>,
    /// The jurors it is assigned to.
    pub assigned: Vec<i32>,
    pub round_has_assignments: bool,
    /// Who submitted an assessment of it, and when: (juror id, name, submitted at).
    pub submitted: Vec<(i32, String, NaiveDateTime)>,
    /// Its files, as far as the impartiality policy lets the secretariat see them.
    pub attachments: Vec<crate::db::attachments::AttachmentInfo>,
}

/// The nomination's page (diesel's `NotFound` when there is no such nomination).
#[tracing::instrument(skip(db))]
pub async fn desk(db: &Database, nomination_id: i32) -> anyhow::Result<NominationDesk> {
    db.read(move |conn| {
        let nomination = db::nominations::find_by_id(conn, nomination_id)?;
        let carried_from = match nomination.carried_from_round_id {
            Some(id) => Some(db::rounds::find(conn, id)?.prize_year),
            None => None,
        };
        Ok(NominationDesk {
            round: db::rounds::find(conn, nomination.round_id)?,
            carried_from,
            later_rounds: screening::later_rounds(conn, &nomination)?,
            jurors: db::jury::jurors(conn)?,
            assigned: screening::assigned_jurors(conn, nomination.id)?,
            round_has_assignments: screening::round_has_assignments(conn, nomination.round_id)?,
            submitted: screening::submitted_assessments(conn, nomination.id)?,
            attachments: crate::services::attachments::secretariat_list(conn, &nomination)?,
            nomination,
        })
    })
    .await
}

/// One write on the nomination (diesel's `NotFound` when there is no such nomination).
async fn on_nomination<T: Send + 'static>(
    db: &Database,
    nomination_id: i32,
    write: impl FnOnce(&mut DbConn, &NominationRow) -> QueryResult<T> + Send + 'static,
) -> anyhow::Result<T> {
    db.write(move |conn| {
        let nomination = db::nominations::find_by_id(conn, nomination_id)?;
        Ok(write(conn, &nomination)?)
    })
    .await
}

/// Decides whether the nomination goes on to the jury.
#[tracing::instrument(skip(db, decision, actor))]
pub async fn screen(
    db: &Database,
    nomination_id: i32,
    decision: ScreeningDecision,
    actor: Actor,
) -> anyhow::Result<()> {
    let screening = match decision {
        ScreeningDecision::Eligible => screening::Screening::Eligible,
        ScreeningDecision::Excluded { reason } => screening::Screening::Excluded { reason },
    };
    on_nomination(db, nomination_id, move |conn, nomination| {
        screening::screen(conn, nomination, &screening, actor)
    })
    .await
}

/// Carries the nomination into `target_round_id`; `false` when that is not a later round.
#[tracing::instrument(skip(db, actor))]
pub async fn carry(
    db: &Database,
    nomination_id: i32,
    target_round_id: i32,
    actor: Actor,
) -> anyhow::Result<bool> {
    on_nomination(db, nomination_id, move |conn, nomination| {
        screening::carry(conn, nomination, target_round_id, actor)
    })
    .await
}

/// Assigns the nomination to exactly these jurors (none: it has no explicit assignment).
#[tracing::instrument(skip(db, juror_ids, actor))]
pub async fn assign(
    db: &Database,
    nomination_id: i32,
    juror_ids: Vec<i32>,
    actor: Actor,
) -> anyhow::Result<()> {
    on_nomination(db, nomination_id, move |conn, nomination| {
        screening::set_assignments(conn, nomination, &juror_ids, actor)
    })
    .await
}

/// Reopens the juror's submitted assessment; `false` when there is none to reopen.
#[tracing::instrument(skip(db, actor))]
pub async fn reopen(
    db: &Database,
    nomination_id: i32,
    juror_id: i32,
    actor: Actor,
) -> anyhow::Result<bool> {
    on_nomination(db, nomination_id, move |conn, nomination| {
        screening::reopen(conn, nomination, juror_id, actor)
    })
    .await
}
