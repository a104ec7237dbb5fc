//! Queries the jury's pages share: the rubric, who is on the jury, which nominations a
//! juror gets, where each juror stands on each nomination, and the input to aggregation.
//! Area-specific queries live beside the pages that use them.

use super::DbConn;
use super::nominations::NominationRow;
use super::schema::{
    affiliations, assessments, assignments, conflicts, criteria, nominations, scores, users,
};
use super::users::UserRow;
use crate::domain::{ConflictStatus, Impartiality, NominationStatus};
use crate::jury;
use anyhow::Context as _;
use diesel::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = criteria)]
pub struct CriterionRow {
    pub id: i32,
    pub round_id: i32,
    pub code: String,
    pub name: String,
    pub description: String,
    pub weight: f64,
    pub position: i32,
}

/// DFØ's default rubric (kept with its translations in `domain::criterion_text`).
pub use crate::domain::criterion_text::DEFAULT_RUBRIC;

/// Gives a round the default rubric if it has none.
pub fn ensure_default_rubric(conn: &mut DbConn, round_id: i32) -> QueryResult<()> {
    let existing: i64 = criteria::table
        .filter(criteria::round_id.eq(round_id))
        .count()
        .get_result(conn)?;
    if existing > 0 {
        return Ok(());
    }
    for (position, (code, name, description)) in DEFAULT_RUBRIC.iter().enumerate() {
        diesel::insert_into(criteria::table)
            .values((
                criteria::round_id.eq(round_id),
                criteria::code.eq(code),
                criteria::name.eq(name),
                criteria::description.eq(description),
                criteria::weight.eq(1.0),
                criteria::position.eq(position as i32),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn criteria_for(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<CriterionRow>> {
    criteria::table
        .filter(criteria::round_id.eq(round_id))
        .order((criteria::position, criteria::id))
        .select(CriterionRow::as_select())
        .load(conn)
}

/// The rubric is locked once any score has been given in the round.
pub fn rubric_locked(conn: &mut DbConn, round_id: i32) -> QueryResult<bool> {
    let given: i64 = scores::table
        .inner_join(criteria::table)
        .filter(criteria::round_id.eq(round_id))
        .count()
        .get_result(conn)?;
    Ok(given > 0)
}

pub fn jurors(conn: &mut DbConn) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::role.eq("juror"))
        .order((users::name, users::id))
        .select(UserRow::as_select())
        .load(conn)
}

pub fn eligible_nominations(conn: &mut DbConn, round_id: i32) -> QueryResult<Vec<NominationRow>> {
    nominations::table
        .filter(nominations::round_id.eq(round_id))
        .filter(nominations::status.eq(NominationStatus::Eligible))
        .order(nominations::reference)
        .select(NominationRow::as_select())
        .load(conn)
}

/// The nominations a juror gets in a round: the explicit assignments if the round has
/// any, else every eligible nomination.
pub fn juror_nominations(
    conn: &mut DbConn,
    round_id: i32,
    juror_id: i32,
) -> QueryResult<Vec<NominationRow>> {
    let explicit: i64 = assignments::table
        .filter(assignments::round_id.eq(round_id))
        .count()
        .get_result(conn)?;
    let eligible = eligible_nominations(conn, round_id)?;
    if explicit == 0 {
        return Ok(eligible);
    }
    let assigned: HashSet<i32> = assignments::table
        .filter(assignments::round_id.eq(round_id))
        .filter(assignments::juror_id.eq(juror_id))
        .select(assignments::nomination_id)
        .load::<i32>(conn)?
        .into_iter()
        .collect();
    Ok(eligible
        .into_iter()
        .filter(|n| assigned.contains(&n.id))
        .collect())
}

/// Where every juror stands on every nomination of the round (pairs not listed are clear).
pub fn impartiality_map(conn: &mut DbConn, round_id: i32) -> QueryResult<crate::domain::Standings> {
    let round_nominations: Vec<(i32, String)> = nominations::table
        .filter(nominations::round_id.eq(round_id))
        .select((nominations::id, nominations::org_number))
        .load(conn)?;
    let ids: Vec<i32> = round_nominations.iter().map(|(id, _)| *id).collect();
    let statuses: HashMap<(i32, i32), ConflictStatus> = conflicts::table
        .filter(conflicts::nomination_id.eq_any(&ids))
        .select((
            conflicts::juror_id,
            conflicts::nomination_id,
            conflicts::status,
        ))
        .load::<(i32, i32, ConflictStatus)>(conn)?
        .into_iter()
        .map(|(juror, nomination, status)| ((juror, nomination), status))
        .collect();
    let orgs: Vec<&str> = round_nominations
        .iter()
        .map(|(_, org)| org.as_str())
        .collect();
    let affiliated = affiliations_with(conn, &orgs)?;
    let mut map = HashMap::new();
    for juror in jurors(conn)? {
        for (nomination, org) in &round_nominations {
            let status = statuses.get(&(juror.id, *nomination)).copied();
            let flagged = affiliated.contains(&(juror.id, org.clone()));
            let standing = Impartiality::from_parts(status, flagged);
            if standing != Impartiality::Clear {
                map.insert((juror.id, *nomination), standing);
            }
        }
    }
    Ok(map)
}

/// Which users are affiliated with which of these organisations: (user, organisation
/// number) pairs. An affiliation flags its juror on every nomination from the organisation.
pub fn affiliations_with(
    conn: &mut DbConn,
    org_numbers: &[&str],
) -> QueryResult<HashSet<(i32, String)>> {
    Ok(affiliations::table
        .filter(affiliations::org_number.eq_any(org_numbers))
        .select((affiliations::user_id, affiliations::org_number))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect())
}

/// Where one juror stands on one nomination.
pub fn impartiality(
    conn: &mut DbConn,
    juror_id: i32,
    nomination: &NominationRow,
) -> QueryResult<Impartiality> {
    let status: Option<ConflictStatus> = conflicts::table
        .filter(conflicts::juror_id.eq(juror_id))
        .filter(conflicts::nomination_id.eq(nomination.id))
        .select(conflicts::status)
        .first(conn)
        .optional()?;
    let affiliated: i64 = affiliations::table
        .filter(affiliations::user_id.eq(juror_id))
        .filter(affiliations::org_number.eq(&nomination.org_number))
        .count()
        .get_result(conn)?;
    Ok(Impartiality::from_parts(status, affiliated > 0))
}

/// Whether the juror has submitted (and so locked) their assessment of the nomination.
pub fn has_submitted(conn: &mut DbConn, juror_id: i32, nomination_id: i32) -> QueryResult<bool> {
    let submitted: i64 = assessments::table
        .filter(assessments::juror_id.eq(juror_id))
        .filter(assessments::nomination_id.eq(nomination_id))
        .filter(assessments::submitted_at.is_not_null())
        .count()
        .get_result(conn)?;
    Ok(submitted > 0)
}

/// Which (juror, nomination) pairs among these nominations have a submitted assessment.
pub(super) fn submitted_sheets(
    conn: &mut DbConn,
    nomination_ids: &[i32],
) -> QueryResult<HashSet<(i32, i32)>> {
    Ok(assessments::table
        .filter(assessments::nomination_id.eq_any(nomination_ids))
        .filter(assessments::submitted_at.is_not_null())
        .select((assessments::juror_id, assessments::nomination_id))
        .load::<(i32, i32)>(conn)?
        .into_iter()
        .collect())
}

/// Everything aggregation needs for a round: eligible nominations, the jury, the rubric,
/// the scores of submitted assessments only (drafts are not counted), and the conflicts.
pub fn jury_input(conn: &mut DbConn, round_id: i32) -> anyhow::Result<jury::JuryInput> {
    let standings = impartiality_map(conn, round_id)?;
    jury::JuryInput::new(jury_input_parts(conn, round_id, &standings)?)
        .map_err(|e| anyhow::anyhow!("building the jury's input: {e:?}"))
}

/// The unchecked parts of [`jury_input`], with the pairs whose work does not count (by
/// [`crate::domain::counts`] over `standings`) as the conflicts.
pub fn jury_input_parts(
    conn: &mut DbConn,
    round_id: i32,
    standings: &crate::domain::Standings,
) -> anyhow::Result<jury::JuryInputParts> {
    let round = super::rounds::find(conn, round_id)?;
    let nominations = eligible_nominations(conn, round_id)?;
    let nomination_ids: Vec<i32> = nominations.iter().map(|n| n.id).collect();
    let jurors = jurors(conn)?;
    let rubric = criteria_for(conn, round_id)?;
    let submitted = submitted_sheets(conn, &nomination_ids)?;
    let rows: Vec<(i32, i32, i32, i32)> = scores::table
        .filter(scores::nomination_id.eq_any(&nomination_ids))
        .select((
            scores::juror_id,
            scores::nomination_id,
            scores::criterion_id,
            scores::value,
        ))
        .load(conn)?;
    let juror_ids: HashSet<i32> = jurors.iter().map(|j| j.id).collect();
    let scores = rows
        .into_iter()
        .filter(|(juror, nomination, _, _)| {
            juror_ids.contains(juror) && submitted.contains(&(*juror, *nomination))
        })
        .map(|(juror, nomination, criterion, value)| {
            Ok(jury::Score {
                juror: jury::JurorId(juror),
                nomination: jury::NominationId(nomination),
                criterion: jury::CriterionId(criterion),
                value: jury::ScoreValue::try_from(value)
                    .context("a stored score is out of range")?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let nomination_set: HashSet<i32> = nomination_ids.iter().copied().collect();
    let conflicts: BTreeSet<(jury::JurorId, jury::NominationId)> = standings
        .keys()
        .filter(|(juror, nomination)| {
            juror_ids.contains(juror)
                && nomination_set.contains(nomination)
                && !crate::domain::counts(standings, *juror, *nomination)
        })
        .map(|(juror, nomination)| (jury::JurorId(*juror), jury::NominationId(*nomination)))
        .collect();
    let criteria = rubric
        .iter()
        .map(|c| {
            jury::Criterion::new(jury::CriterionId(c.id), c.weight)
                .context("a stored criterion weight is invalid")
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(jury::JuryInputParts {
        nominations: nominations
            .iter()
            .map(|n| jury::NominationId(n.id))
            .collect(),
        jurors: jurors.iter().map(|j| jury::JurorId(j.id)).collect(),
        criteria,
        scores,
        conflicts,
        disagreement_threshold: round.disagreement_threshold,
    })
}
