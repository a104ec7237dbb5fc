//! The round at a glance (`/sekretariat`): for each round not yet decided, its phase and
//! the next step, its deadlines, its nominations by status and, from scoring on, the jury's
//! progress as a juror × nomination matrix (`jury_desk::matrix`, which asks the
//! impartiality policy); and for the portal, the tips and the outbox's health.

use crate::db::rounds::Round;
use crate::db::{self, Database, DbConn};
use crate::domain::TriageState;
use crate::domain::{NominationStatus, Phase};
use crate::services::jury_desk::{self, Matrix};

/// A round's nominations by where screening has them.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct NominationCounts {
    /// Not screened yet (nor carried in).
    pub new: usize,
    pub eligible: usize,
    pub excluded: usize,
    /// Carried in from an earlier round (whatever their status now).
    pub carried: usize,
}

/// The tips by triage state, every state listed (a zero too), in the flow's order.
#[derive(serde::Serialize)]
pub struct TipCounts {
    pub total: i64,
    pub by_state: Vec<StateCount>,
}

#[derive(serde::Serialize)]
pub struct StateCount {
    pub state: TriageState,
    pub count: i64,
}

pub fn tip_counts(conn: &mut DbConn) -> diesel::QueryResult<TipCounts> {
    use crate::db::schema::tips;
    use diesel::prelude::*;
    let counted: Vec<(TriageState, i64)> = tips::table
        .group_by(tips::triage_state)
        .select((tips::triage_state, diesel::dsl::count_star()))
        .load(conn)?;
    let by_state: Vec<StateCount> = TriageState::ALL
        .iter()
        .map(|&state| StateCount {
            state,
            count: counted
                .iter()
                .find(|(s, _)| *s == state)
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    Ok(TipCounts {
        total: by_state.iter().map(|c| c.count).sum(),
        by_state,
    })
}

/// One round not yet decided.
pub struct RoundGlance {
    pub round: Round,
    pub nominations: NominationCounts,
    /// From scoring on.
    pub matrix: Option<Matrix>,
}

pub struct Dashboard {
    pub rounds: Vec<RoundGlance>,
    pub tips: TipCounts,
    /// Nomination drafts in progress: only how many (a draft is not a nomination).
    pub drafts: i64,
    pub mail_waiting: i64,
    pub mail_failed: i64,
}

#[tracing::instrument(skip(db))]
pub async fn dashboard(db: &Database) -> anyhow::Result<Dashboard> {
    db.read(|conn| {
        let mut rounds = Vec::new();
        for round in db::screening::all_rounds(conn)? {
            if round.phase == Phase::Decided {
                continue;
            }
            let mut nominations = NominationCounts::default();
            for n in db::screening::round_nominations(conn, round.id)? {
                match (n.carried_from_round_id, n.status) {
                    (Some(_), _) => nominations.carried += 1,
                    (None, NominationStatus::Submitted) => nominations.new += 1,
                    (None, NominationStatus::Eligible) => nominations.eligible += 1,
                    (None, NominationStatus::Excluded) => nominations.excluded += 1,
                }
            }
            let matrix = if round.phase >= Phase::Scoring {
                Some(jury_desk::matrix(conn, &round, None)?)
            } else {
                None
            };
            rounds.push(RoundGlance {
                round,
                nominations,
                matrix,
            });
        }
        Ok(Dashboard {
            rounds,
            tips: tip_counts(conn)?,
            drafts: db::drafts::count(conn)?,
            mail_waiting: db::outbox::count_waiting(conn)?,
            mail_failed: db::outbox::count_failed(conn)?,
        })
    })
    .await
}
