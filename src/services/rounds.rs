//! The secretariat's rounds and their rubrics: listing and creating rounds, changing a
//! round's dates, phase and threshold, and adding, editing and removing criteria until
//! the first score locks the rubric. Each write is one transaction with its audit event
//! (`db::screening`).

use crate::db::{self, Database, DbConn, jury::CriterionRow, rounds::Round, screening};
use crate::domain::Phase;
use crate::domain::{
    Actor, FieldErrors, NewRound, RoundDates, RoundInput, RoundSettings, RubricCriterion,
};
use diesel::{OptionalExtension as _, QueryResult};

pub use crate::db::screening::RubricRefusal;

/// Every round, the newest prize year first.
#[tracing::instrument(skip(db))]
pub async fn all(db: &Database) -> anyhow::Result<Vec<Round>> {
    db.read(|conn| Ok(screening::all_rounds(conn)?)).await
}

fn dates(dates: RoundDates) -> screening::RoundDates {
    screening::RoundDates {
        nomination_deadline: dates.nomination_deadline,
        jury_deadline: dates.jury_deadline,
        conference_date: dates.conference_date,
    }
}

/// Creates the round with the default rubric; `None` when its prize year has one already.
#[tracing::instrument(skip(db, round, actor), fields(prize_year = round.prize_year.value()))]
pub async fn create(db: &Database, round: NewRound, actor: Actor) -> anyhow::Result<Option<Round>> {
    db.write(move |conn| {
        let dates = dates(round.dates);
        Ok(screening::create_round(
            conn,
            round.prize_year,
            &dates,
            actor,
        )?)
    })
    .await
}

/// A round as its page shows it: the round, its rubric, whether the first score has
/// locked the rubric, and how many nominations it has.
pub struct RoundDesk {
    pub round: Round,
    pub criteria: Vec<CriterionRow>,
    pub locked: bool,
    pub nomination_count: usize,
}

/// The round (diesel's `NotFound` when there is none), given the default rubric if it
/// was made before rubrics existed.
fn round_with_rubric(conn: &mut DbConn, round_id: i32) -> QueryResult<Round> {
    let round = db::rounds::find(conn, round_id)?;
    db::jury::ensure_default_rubric(conn, round_id)?;
    Ok(round)
}

/// The round's page; a write, since a round without a rubric gets the default one.
#[tracing::instrument(skip(db))]
pub async fn desk(db: &Database, round_id: i32) -> anyhow::Result<RoundDesk> {
    db.write(move |conn| {
        let round = round_with_rubric(conn, round_id)?;
        Ok(RoundDesk {
            round,
            criteria: db::jury::criteria_for(conn, round_id)?,
            locked: db::jury::rubric_locked(conn, round_id)?,
            nomination_count: screening::round_nominations(conn, round_id)?.len(),
        })
    })
    .await
}

/// Changes the round's dates, phase and threshold (diesel's `NotFound` when there is no
/// such round), parsed against the phase the round is in at that moment, in the same
/// transaction — so two secretariat members changing the phase at once cannot move a round
/// back without a reason. A move back is recorded with its reason and audited; the results
/// page shows it.
#[tracing::instrument(skip(db, input, actor))]
pub async fn update(
    db: &Database,
    round_id: i32,
    input: RoundInput,
    actor: Actor,
    changed_by: i32,
) -> anyhow::Result<Result<(), FieldErrors>> {
    db.write(move |conn| {
        let current = db::rounds::find(conn, round_id)?.phase;
        let settings = match RoundSettings::parse(&input, current) {
            Ok(settings) => settings,
            Err(errors) => return Ok(Err(errors)),
        };
        let changes = screening::RoundChanges {
            dates: dates(settings.dates),
            phase: settings.phase,
            disagreement_threshold: settings.disagreement_threshold,
        };
        screening::update_round(conn, round_id, &changes, actor)?;
        if let Some(reason) = &settings.moved_back_because {
            db::phase_changes::record(
                conn,
                round_id,
                current,
                settings.phase,
                reason.as_ref(),
                changed_by,
            )?;
            db::audit::record(
                conn,
                actor,
                "round.phase_moved_back",
                &format!("round:{round_id}"),
                Some(&format!(
                    "from:{} to:{}",
                    current.code(),
                    settings.phase.code()
                )),
            )?;
        }
        Ok(Ok(()))
    })
    .await
}

/// What became of moving a round on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advanced {
    Moved,
    /// No longer in the phase the mover saw (someone else moved it meanwhile, or the
    /// button was pressed twice), or there is no phase after it.
    Unchanged,
    NoSuchRound,
}

/// Moves the round on from `from` (the phase the dashboard showed) to the next phase,
/// through the same change as the round's page, with its audit events.
#[tracing::instrument(skip(db, actor))]
pub async fn advance_phase(
    db: &Database,
    round_id: i32,
    from: Phase,
    actor: Actor,
) -> anyhow::Result<Advanced> {
    db.write(move |conn| {
        let round = match db::rounds::find(conn, round_id).optional()? {
            Some(round) if round.phase == from => round,
            Some(_) => return Ok(Advanced::Unchanged),
            None => return Ok(Advanced::NoSuchRound),
        };
        let Some(next) = from.next() else {
            return Ok(Advanced::Unchanged);
        };
        let changes = screening::RoundChanges {
            dates: screening::RoundDates {
                nomination_deadline: round.nomination_deadline,
                jury_deadline: round.jury_deadline,
                conference_date: round.conference_date,
            },
            phase: next,
            disagreement_threshold: round.disagreement_threshold,
        };
        screening::update_round(conn, round_id, &changes, actor)?;
        Ok(Advanced::Moved)
    })
    .await
}

fn content(criterion: RubricCriterion) -> screening::CriterionContent {
    screening::CriterionContent {
        name: criterion.name,
        description: criterion.description,
        weight: criterion.weight,
    }
}

/// One change of a round's rubric, refused when a score has locked it.
async fn change_rubric(
    db: &Database,
    round_id: i32,
    change: screening::RubricChange,
    actor: Actor,
) -> anyhow::Result<Result<(), RubricRefusal>> {
    db.write(move |conn| {
        round_with_rubric(conn, round_id)?;
        if let screening::RubricChange::Update(criterion_id, _) = &change
            && screening::find_criterion(conn, round_id, *criterion_id)?.is_none()
        {
            return Ok(Err(RubricRefusal::NotFound));
        }
        Ok(screening::change_rubric(conn, round_id, &change, actor)?)
    })
    .await
}

/// Adds a criterion at the end of the rubric.
#[tracing::instrument(skip(db, criterion, actor))]
pub async fn add_criterion(
    db: &Database,
    round_id: i32,
    criterion: RubricCriterion,
    actor: Actor,
) -> anyhow::Result<Result<(), RubricRefusal>> {
    let change = screening::RubricChange::Add(content(criterion));
    change_rubric(db, round_id, change, actor).await
}

/// Changes a criterion's name, description and weight.
#[tracing::instrument(skip(db, criterion, actor))]
pub async fn edit_criterion(
    db: &Database,
    round_id: i32,
    criterion_id: i32,
    criterion: RubricCriterion,
    actor: Actor,
) -> anyhow::Result<Result<(), RubricRefusal>> {
    let change = screening::RubricChange::Update(criterion_id, content(criterion));
    change_rubric(db, round_id, change, actor).await
}

/// Removes a criterion from the rubric.
#[tracing::instrument(skip(db, actor))]
pub async fn remove_criterion(
    db: &Database,
    round_id: i32,
    criterion_id: i32,
    actor: Actor,
) -> anyhow::Result<Result<(), RubricRefusal>> {
    let change = screening::RubricChange::Remove(criterion_id);
    change_rubric(db, round_id, change, actor).await
}

/// A criterion of the round and whether the rubric is locked; `None` when the round has
/// no such criterion.
#[tracing::instrument(skip(db))]
pub async fn criterion(
    db: &Database,
    round_id: i32,
    criterion_id: i32,
) -> anyhow::Result<Option<(CriterionRow, bool)>> {
    db.read(move |conn| {
        let found = screening::find_criterion(conn, round_id, criterion_id)?;
        let locked = db::jury::rubric_locked(conn, round_id)?;
        Ok(found.map(|criterion| (criterion, locked)))
    })
    .await
}
