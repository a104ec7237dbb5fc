//! The jury's input, parsed once into a dense, checked form.
//!
//! Everything `aggregate` needs is validated here ("parse, don't validate"): identifiers are
//! unique, every score and conflict refers to a known juror, nomination and criterion, no
//! score is given twice, weights are positive and the disagreement threshold is a finite,
//! non-negative number. The parsed [`JuryInput`] stores the scores in a dense
//! juror × nomination × criterion array so that the aggregation never hashes in its loops.

use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// A juror, by the database id of their user account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct JurorId(pub i32);

/// A nomination, by its database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct NominationId(pub i32);

/// A criterion of the round's rubric, by its database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CriterionId(pub i32);

impl fmt::Display for JurorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "juror {}", self.0)
    }
}

impl fmt::Display for NominationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "nomination {}", self.0)
    }
}

impl fmt::Display for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "criterion {}", self.0)
    }
}

/// A criterion of the rubric with its weight.
///
/// The weight is relative: only ratios between weights matter, because a juror's weighted
/// score renormalises the weights over the criteria that juror actually scored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Criterion {
    /// The criterion's id.
    id: CriterionId,
    /// The relative weight, finite and greater than zero.
    weight: f64,
}

/// Why a criterion could not be built.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum CriterionError {
    /// The weight was zero, negative, infinite or not a number.
    #[error("the weight of {id} must be a finite number greater than zero, not {weight}")]
    InvalidWeight {
        /// The criterion whose weight was rejected.
        id: CriterionId,
        /// The rejected weight.
        weight: f64,
    },
}

impl Criterion {
    /// A criterion with a finite weight greater than zero.
    pub fn new(id: CriterionId, weight: f64) -> Result<Self, CriterionError> {
        if weight.is_finite() && weight > 0.0 {
            Ok(Self { id, weight })
        } else {
            Err(CriterionError::InvalidWeight { id, weight })
        }
    }

    /// The criterion's id.
    pub fn id(&self) -> CriterionId {
        self.id
    }

    /// The criterion's weight (finite, greater than zero).
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

/// A score on the anchored scale 0 (no contribution) ..= 5 (outstanding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ScoreValue(u8);

/// A number outside the scale 0..=5 offered as a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a score must be a whole number from 0 to 5, not {0}")]
pub struct ScoreOutOfRange(pub i64);

impl ScoreValue {
    /// The lowest score: no contribution in this area.
    pub const MIN: ScoreValue = ScoreValue(0);
    /// The highest score: outstanding.
    pub const MAX: ScoreValue = ScoreValue(5);

    /// A score, if `value` lies in 0..=5.
    pub fn new(value: u8) -> Result<Self, ScoreOutOfRange> {
        if value <= Self::MAX.0 {
            Ok(Self(value))
        } else {
            Err(ScoreOutOfRange(i64::from(value)))
        }
    }

    /// The score as a number.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i32> for ScoreValue {
    type Error = ScoreOutOfRange;

    /// Parses a score as stored in the database (an integer column).
    fn try_from(value: i32) -> Result<Self, Self::Error> {
        u8::try_from(value)
            .map_err(|_| ScoreOutOfRange(i64::from(value)))
            .and_then(Self::new)
    }
}

/// One juror's score of one nomination on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Score {
    /// Who gave the score.
    pub juror: JurorId,
    /// The nomination scored.
    pub nomination: NominationId,
    /// The criterion scored.
    pub criterion: CriterionId,
    /// The score itself.
    pub value: ScoreValue,
}

/// The unchecked parts of a jury's input, as read from the database; parse them with
/// [`JuryInput::new`].
#[derive(Debug, Clone, Default)]
pub struct JuryInputParts {
    /// The nominations to aggregate, in the order the output should keep.
    pub nominations: Vec<NominationId>,
    /// The jurors of the round, in a fixed order (used to order per-juror output).
    pub jurors: Vec<JurorId>,
    /// The rubric's criteria with their weights.
    pub criteria: Vec<Criterion>,
    /// The scores given so far (any order).
    pub scores: Vec<Score>,
    /// Juror–nomination pairs where the juror is conflicted (inhabil). Such a pair is left
    /// out of everything concerning that nomination, even if scores for it exist.
    pub conflicts: BTreeSet<(JurorId, NominationId)>,
    /// A nomination's disagreement is flagged when the population standard deviation of its
    /// jurors' weighted scores exceeds this (points on the 0–5 scale).
    pub disagreement_threshold: f64,
}

impl JuryInputParts {
    /// The same input without `left_out`: as if those nominations were not in the round,
    /// so nothing computed from it (ranks, normalised scores, Borda points, robustness)
    /// depends on them.
    pub fn without(mut self, left_out: &BTreeSet<NominationId>) -> Self {
        self.nominations.retain(|n| !left_out.contains(n));
        self.scores.retain(|s| !left_out.contains(&s.nomination));
        self.conflicts.retain(|(_, n)| !left_out.contains(n));
        self
    }
}

/// Why a jury's input could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum JuryInputError {
    /// The same nomination was listed twice.
    #[error("{0} is listed twice")]
    DuplicateNomination(NominationId),
    /// The same juror was listed twice.
    #[error("{0} is listed twice")]
    DuplicateJuror(JurorId),
    /// The same criterion was listed twice.
    #[error("{0} is listed twice")]
    DuplicateCriterion(CriterionId),
    /// A score or conflict names a juror not in the list of jurors.
    #[error("{0} is not one of the jurors")]
    UnknownJuror(JurorId),
    /// A score or conflict names a nomination not in the list of nominations.
    #[error("{0} is not one of the nominations")]
    UnknownNomination(NominationId),
    /// A score names a criterion not in the rubric.
    #[error("{0} is not in the rubric")]
    UnknownCriterion(CriterionId),
    /// The same juror scored the same nomination on the same criterion twice.
    #[error("{juror} scored {nomination} on {criterion} twice")]
    DuplicateScore {
        /// The juror.
        juror: JurorId,
        /// The nomination.
        nomination: NominationId,
        /// The criterion.
        criterion: CriterionId,
    },
    /// The disagreement threshold was negative, infinite or not a number.
    #[error("the disagreement threshold must be a finite number of at least zero, not {0}")]
    InvalidThreshold(f64),
    /// jurors × nominations × criteria exceeds [`JuryInput::MAX_CELLS`].
    #[error("too many jurors × nominations × criteria to aggregate")]
    TooLarge,
}

/// A checked jury input, ready for [`aggregate`](super::aggregate).
///
/// Scores are held densely: `cells[(juror · nominations + nomination) · criteria + criterion]`
/// with a sentinel where no score was given; conflicts likewise in a
/// juror × nomination array. Positions follow the order of the input lists.
#[derive(Debug, Clone)]
pub struct JuryInput {
    /// The nominations, unique, in input order.
    nominations: Vec<NominationId>,
    /// The jurors, unique, in input order.
    jurors: Vec<JurorId>,
    /// The criteria, unique, in input order.
    criteria: Vec<Criterion>,
    /// The scores, juror × nomination × criterion, `NO_SCORE` where none was given.
    cells: Vec<u8>,
    /// Whether a juror is conflicted on a nomination, juror × nomination.
    conflicted: Vec<bool>,
    /// The disagreement threshold, finite and at least zero.
    disagreement_threshold: f64,
}

impl JuryInput {
    /// The largest jurors × nominations × criteria accepted (a far larger jury than any
    /// real one; it bounds the memory of the dense score array to 64 MB).
    pub const MAX_CELLS: usize = 64 * 1024 * 1024;
    /// Marks a missing score in the dense array.
    const NO_SCORE: u8 = u8::MAX;

    /// Checks and indexes the parts of a jury's input.
    pub fn new(parts: JuryInputParts) -> Result<Self, JuryInputError> {
        let JuryInputParts {
            nominations,
            jurors,
            criteria,
            scores,
            conflicts,
            disagreement_threshold,
        } = parts;
        if !(disagreement_threshold.is_finite() && disagreement_threshold >= 0.0) {
            return Err(JuryInputError::InvalidThreshold(disagreement_threshold));
        }
        let nomination_index = DenseIndex::new(nominations.iter().map(|n| n.0))
            .map_err(|id| JuryInputError::DuplicateNomination(NominationId(id)))?;
        let juror_index = DenseIndex::new(jurors.iter().map(|j| j.0))
            .map_err(|id| JuryInputError::DuplicateJuror(JurorId(id)))?;
        let criterion_index = DenseIndex::new(criteria.iter().map(|c| c.id.0))
            .map_err(|id| JuryInputError::DuplicateCriterion(CriterionId(id)))?;
        let (n_jurors, n_nominations, n_criteria) =
            (jurors.len(), nominations.len(), criteria.len());
        let n_cells = n_jurors
            .checked_mul(n_nominations)
            .and_then(|pairs| pairs.checked_mul(n_criteria))
            .filter(|&cells| cells <= Self::MAX_CELLS)
            .ok_or(JuryInputError::TooLarge)?;

        let juror_position = |juror: JurorId| {
            juror_index
                .get(juror.0)
                .ok_or(JuryInputError::UnknownJuror(juror))
        };
        let nomination_position = |nomination: NominationId| {
            nomination_index
                .get(nomination.0)
                .ok_or(JuryInputError::UnknownNomination(nomination))
        };

        let mut conflicted = vec![false; n_jurors * n_nominations];
        for &(juror, nomination) in &conflicts {
            conflicted[juror_position(juror)? * n_nominations + nomination_position(nomination)?] =
                true;
        }

        let mut cells = vec![Self::NO_SCORE; n_cells];
        for score in &scores {
            let j = juror_position(score.juror)?;
            let n = nomination_position(score.nomination)?;
            let c = criterion_index
                .get(score.criterion.0)
                .ok_or(JuryInputError::UnknownCriterion(score.criterion))?;
            let cell = &mut cells[(j * n_nominations + n) * n_criteria + c];
            if *cell != Self::NO_SCORE {
                return Err(JuryInputError::DuplicateScore {
                    juror: score.juror,
                    nomination: score.nomination,
                    criterion: score.criterion,
                });
            }
            *cell = score.value.get();
        }

        Ok(Self {
            nominations,
            jurors,
            criteria,
            cells,
            conflicted,
            disagreement_threshold,
        })
    }

    /// The nominations, in input order.
    pub fn nominations(&self) -> &[NominationId] {
        &self.nominations
    }

    /// The jurors, in input order.
    pub fn jurors(&self) -> &[JurorId] {
        &self.jurors
    }

    /// The criteria, in input order.
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    /// The threshold above which a nomination's disagreement is flagged.
    pub fn disagreement_threshold(&self) -> f64 {
        self.disagreement_threshold
    }

    /// The score a juror gave a nomination on a criterion, if any (conflicts not applied).
    pub fn score(
        &self,
        juror: JurorId,
        nomination: NominationId,
        criterion: CriterionId,
    ) -> Option<ScoreValue> {
        let j = self.jurors.iter().position(|&x| x == juror)?;
        let n = self.nominations.iter().position(|&x| x == nomination)?;
        let c = self.criteria.iter().position(|x| x.id == criterion)?;
        let value = self.cells[(j * self.nominations.len() + n) * self.criteria.len() + c];
        (value != Self::NO_SCORE).then_some(ScoreValue(value))
    }

    /// Whether the juror is registered as conflicted on the nomination.
    pub fn is_conflicted(&self, juror: JurorId, nomination: NominationId) -> bool {
        let j = self.jurors.iter().position(|&x| x == juror);
        let n = self.nominations.iter().position(|&x| x == nomination);
        match (j, n) {
            (Some(j), Some(n)) => self.conflicted[j * self.nominations.len() + n],
            _ => false,
        }
    }

    /// The scores juror position `j` gave nomination position `n`, one per criterion
    /// position, or `None` when the juror is conflicted on the nomination.
    pub(super) fn cell_scores(&self, j: usize, n: usize) -> Option<&[u8]> {
        let pair = j * self.nominations.len() + n;
        if self.conflicted[pair] {
            return None;
        }
        let c = self.criteria.len();
        Some(&self.cells[pair * c..(pair + 1) * c])
    }

    /// Whether a value from [`JuryInput::cell_scores`] is a given score.
    pub(super) fn is_score(value: u8) -> bool {
        value != Self::NO_SCORE
    }
}

/// Maps the ids of one input list to their positions in that list: a direct table when the
/// ids are reasonably dense (the usual case for database ids), else a sorted list searched
/// by bisection.
enum DenseIndex {
    /// `positions[id − min]` is the position of `id`, or `ABSENT`.
    Table {
        /// The smallest id.
        min: i64,
        /// Positions by id offset.
        positions: Vec<u32>,
    },
    /// `(id, position)` pairs sorted by id.
    Sorted(Vec<(i32, usize)>),
}

impl DenseIndex {
    /// Marks an id offset that is not in the list.
    const ABSENT: u32 = u32::MAX;

    /// Indexes `ids`; `Err(id)` names an id that occurs twice.
    fn new(ids: impl ExactSizeIterator<Item = i32> + Clone) -> Result<Self, i32> {
        let len = ids.len();
        let (min, max) = ids.clone().fold((i64::MAX, i64::MIN), |(lo, hi), id| {
            (lo.min(i64::from(id)), hi.max(i64::from(id)))
        });
        let span = if len == 0 { 0 } else { max - min + 1 };
        if span <= 4 * len as i64 + 64 && len < Self::ABSENT as usize {
            let mut positions = vec![Self::ABSENT; span as usize];
            for (position, id) in ids.enumerate() {
                let slot = &mut positions[(i64::from(id) - min) as usize];
                if *slot != Self::ABSENT {
                    return Err(id);
                }
                *slot = position as u32;
            }
            Ok(Self::Table { min, positions })
        } else {
            let mut sorted: Vec<(i32, usize)> = ids.enumerate().map(|(p, id)| (id, p)).collect();
            sorted.sort_unstable();
            if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
                return Err(pair[0].0);
            }
            Ok(Self::Sorted(sorted))
        }
    }

    /// The position of `id`, if it was indexed.
    fn get(&self, id: i32) -> Option<usize> {
        match self {
            Self::Table { min, positions } => {
                let offset = usize::try_from(i64::from(id) - min).ok()?;
                positions
                    .get(offset)
                    .filter(|&&p| p != Self::ABSENT)
                    .map(|&p| p as usize)
            }
            Self::Sorted(sorted) => sorted
                .binary_search_by_key(&id, |&(id, _)| id)
                .ok()
                .map(|i| sorted[i].1),
        }
    }
}
