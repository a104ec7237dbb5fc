//! One nomination at the juror's desk: what the user may see and do with it (decided once,
//! by [`crate::domain::policy`], and applied in [`load`]), saving and submitting the scoring sheet,
//! and declaring a conflict of interest. Each write reloads the desk in its transaction, so
//! a sheet submitted or a conflict declared meanwhile is respected.

use crate::db::jury::{self, CriterionRow};
use crate::db::nominations::NominationRow;
use crate::db::rounds::Round;
use crate::db::scoring::{self as queries, ConflictRow, ScoreEntry, SheetEntry};
use crate::db::users::UserRow;
use crate::db::{self, Database, DbConn};
use crate::domain::score_sheet::{ScoreSheet, SheetAction};
use crate::domain::{Case, Impartiality, LongText, Phase, Viewer, Visibility, policy};
use diesel::Connection as _;
use std::collections::HashMap;

/// What a user may see and do with one nomination at the desk: the policy's answer.
pub type Access = Visibility;

/// Another juror's submitted scores and holistic assessment.
#[derive(Debug, Clone)]
pub struct OtherAssessment {
    pub juror_name: String,
    pub holistic: String,
    pub scores: HashMap<i32, ScoreEntry>,
}

/// Everything the nomination page of the desk needs, as this user may see it.
#[derive(Debug)]
pub struct Desk {
    pub round: Round,
    pub phase: Phase,
    pub nomination: NominationRow,
    pub criteria: Vec<CriterionRow>,
    pub standing: Impartiality,
    pub conflict: Option<ConflictRow>,
    /// Whether this user is a juror (the secretariat may look, but not score).
    pub is_juror: bool,
    pub submitted: bool,
    pub access: Access,
    /// Own scores per criterion id and own holistic text; empty when excluded.
    pub own_scores: HashMap<i32, ScoreEntry>,
    pub own_holistic: String,
    /// The others' submitted assessments, when this user may see them.
    pub others: Option<Vec<OtherAssessment>>,
    /// A juror's progress in the round: submitted, of the nominations theirs to score
    /// (the pages' desk only; `None` in a write's).
    pub progress: Option<(usize, usize)>,
    /// The nomination's files; empty when the policy does not let the user see them.
    pub attachments: Vec<crate::db::attachments::AttachmentInfo>,
}

impl Desk {
    pub fn criterion_ids(&self) -> Vec<i32> {
        self.criteria.iter().map(|c| c.id).collect()
    }
}

/// The desk for this user and nomination, or `None` when it is not theirs to see
/// (unknown, not eligible, not assigned to them, or its round not at the jury stage).
#[tracing::instrument(skip(db, user), fields(user_id = user.id))]
pub async fn desk(
    db: &Database,
    user: &UserRow,
    nomination_id: i32,
) -> anyhow::Result<Option<Desk>> {
    let user = user.clone();
    db.read(move |conn| {
        let Some(mut desk) = load(conn, &user, nomination_id)? else {
            return Ok(None);
        };
        let matrix = crate::services::jury_desk::matrix(conn, &desk.round, Some(user.id))?;
        desk.progress = matrix.jurors.first().map(|row| (row.submitted(), row.of()));
        Ok(Some(desk))
    })
    .await
}

/// The one place that decides, for a user and a nomination, what the desk shows: the
/// access, the own sheet unless excluded, and the others' assessments only when the user
/// may see them and only of jurors who are not conflicted on it.
pub(crate) fn load(
    conn: &mut DbConn,
    user: &UserRow,
    nomination_id: i32,
) -> anyhow::Result<Option<Desk>> {
    let Some(round_id) = queries::round_of(conn, nomination_id)? else {
        return Ok(None);
    };
    let round = db::rounds::find(conn, round_id)?;
    let phase = round.phase;
    if phase == Phase::Nominations {
        return Ok(None);
    }
    let viewer = Viewer::of(user.id, user.role());
    let is_juror = matches!(viewer, Viewer::Juror(_));
    let visible = if is_juror {
        jury::juror_nominations(conn, round_id, user.id)?
    } else {
        jury::eligible_nominations(conn, round_id)?
    };
    let Some(nomination) = visible.into_iter().find(|n| n.id == nomination_id) else {
        return Ok(None);
    };
    let standing = jury::impartiality(conn, user.id, &nomination)?;
    let conflict = queries::conflict_of(conn, user.id, nomination_id)?;
    let criteria = jury::criteria_for(conn, round_id)?;
    let submitted = jury::has_submitted(conn, user.id, nomination_id)?;
    let access = policy(
        viewer,
        Case {
            phase,
            impartiality: standing,
            own_submitted: submitted,
            on_record: conflict.is_some(),
        },
    );
    let (own_scores, own_holistic) = if access.excluded {
        (HashMap::new(), String::new())
    } else {
        (
            queries::scores_of(conn, user.id, nomination_id)?,
            queries::holistic_of(conn, user.id, nomination_id)?.unwrap_or_default(),
        )
    };
    let others = if access.may_see_others {
        let standings = jury::impartiality_map(conn, round_id)?;
        let mut others = Vec::new();
        for other in queries::submitted_assessments(conn, nomination_id, user.id)? {
            if crate::domain::counts(&standings, other.juror_id, nomination_id) {
                others.push(OtherAssessment {
                    scores: queries::scores_of(conn, other.juror_id, nomination_id)?,
                    juror_name: other.juror_name,
                    holistic: other.holistic,
                });
            }
        }
        Some(others)
    } else {
        None
    };
    let attachments = if access.may_see_attachments {
        db::attachments::list(conn, nomination_id)?
    } else {
        Vec::new()
    };
    Ok(Some(Desk {
        attachments,
        round,
        phase,
        nomination,
        criteria,
        standing,
        conflict,
        is_juror,
        submitted,
        access,
        own_scores,
        own_holistic,
        others,
        progress: None,
    }))
}

/// What became of a write at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Done,
    /// Not the user's to see (any more).
    NotFound,
    /// The user may not (any more): submitted or conflicted meanwhile, or not a juror.
    Refused,
    /// A conflict was already declared; nothing changed.
    Unchanged,
}

/// Runs `write` on the desk as the user may see it now, in one transaction: `NotFound`
/// when the nomination is no longer theirs to see.
async fn at_desk(
    db: &Database,
    user: &UserRow,
    nomination_id: i32,
    write: impl FnOnce(&mut DbConn, &UserRow, Desk) -> anyhow::Result<Written> + Send + 'static,
) -> anyhow::Result<Written> {
    let user = user.clone();
    db.write(move |conn| {
        conn.transaction::<_, anyhow::Error, _>(|conn| match load(conn, &user, nomination_id)? {
            Some(desk) => write(conn, &user, desk),
            None => Ok(Written::NotFound),
        })
    })
    .await
}

/// Stores the juror's sheet (and submits it if so chosen), with its audit events, in one
/// transaction that checks again that the juror may still score.
#[tracing::instrument(skip(db, user, sheet), fields(user_id = user.id, submit = sheet.action == SheetAction::Submit))]
pub async fn save_sheet(
    db: &Database,
    user: &UserRow,
    nomination_id: i32,
    sheet: ScoreSheet,
) -> anyhow::Result<Written> {
    at_desk(db, user, nomination_id, move |conn, user, desk| {
        if !desk.access.may_score {
            return Ok(Written::Refused);
        }
        let entries: Vec<SheetEntry<'_>> = sheet
            .scores
            .into_iter()
            .filter_map(|(id, score)| {
                let criterion = desk.criteria.iter().find(|c| c.id == id)?;
                Some(SheetEntry { criterion, score })
            })
            .collect();
        let submit = sheet.action == SheetAction::Submit;
        queries::save_sheet(
            conn,
            user.id,
            &desk.nomination,
            &entries,
            &sheet.holistic,
            submit,
        )?;
        Ok(Written::Done)
    })
    .await
}

/// Records the juror's conflict on the nomination, with its audit event; a second
/// declaration changes nothing.
#[tracing::instrument(skip(db, user, reason), fields(user_id = user.id))]
pub async fn declare_conflict(
    db: &Database,
    user: &UserRow,
    nomination_id: i32,
    reason: LongText,
) -> anyhow::Result<Written> {
    at_desk(db, user, nomination_id, move |conn, user, desk| {
        if !desk.is_juror {
            return Ok(Written::Refused);
        }
        if !desk.access.may_declare {
            return Ok(Written::Unchanged);
        }
        let recorded = queries::declare_conflict(conn, user.id, &desk.nomination, reason.as_ref())?;
        Ok(if recorded {
            Written::Done
        } else {
            Written::Unchanged
        })
    })
    .await
}
