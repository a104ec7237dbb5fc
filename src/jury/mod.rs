//! Decision support for the jury: a pure aggregation of the jurors' scores.
//!
//! Scores are indications, not dictators (see `../shared/DESIGN.md`). Nothing here picks a
//! winner: the figures show where jurors agree, where they disagree and how robust a
//! ranking is, so that the jury's discussion can focus; the shortlist, the finalists and
//! the winner are recorded jury decisions with a written rationale.
//!
//! The module does no I/O. Callers read the round's nominations, jurors, rubric, scores and
//! conflicts, parse them with [`JuryInput::new`] and call [`aggregate`].
//!
//! # Definitions
//!
//! - **Conflicts.** A juror conflicted on a nomination (inhabil) is left out of everything
//!   concerning that nomination — its means, ranks, Borda points, z-normalisation,
//!   Kendall's W block, robustness and missing-score count — even if the input holds scores
//!   for the pair.
//! - **Weighted score** of a juror for a nomination: `Σ w_c s_c / Σ w_c` over the criteria
//!   the juror scored there (weights renormalised over the criteria present). A juror who
//!   scored no criterion of a nomination is not counted for it.
//! - **Weighted mean**: the mean over the counted jurors of their weighted scores (each
//!   juror weighs the same). **Median**: the median of the same numbers (mean of the middle
//!   two for an even count).
//! - **Z-normalised mean**: each juror's weighted scores are standardised over the
//!   nominations that juror scored, `z = (x − mean_j)/sd_j` with the population standard
//!   deviation; a juror whose scores are all equal (or who scored one nomination) carries no
//!   ranking information and gets `z = 0`. Per nomination the z of its counted jurors are
//!   averaged (`z_mean`), then rescaled min–max onto 0–5 over the nominations (highest 5,
//!   lowest 0; all equal → 2.5). The result is unchanged when any one juror's scores are
//!   shifted or multiplied by a positive factor, which corrects for strict and lenient
//!   jurors; it is relative to the round, not an absolute grade.
//! - **Ranks**: competition ranking ("1224"), best first: tied nominations share the best
//!   rank of their group and the next rank skips. Values within [`TIE_EPSILON`] of their
//!   neighbour in sorted order are tied. Nominations no juror scored get no rank. Ranking
//!   lists ([`Aggregation::ranking`], top three) order ties by nomination id.
//! - **Borda count**: every juror ranks the nominations they scored; a nomination gets one
//!   point per nomination that juror scored strictly lower and half a point per other
//!   nomination scored equal. A juror who scored `k` nominations hands out `k(k − 1)/2`
//!   points, so nominations with missing scores tend to collect fewer.
//! - **Disagreement**: the population standard deviation and the range (max − min) of the
//!   counted jurors' weighted scores; flagged when the standard deviation exceeds the
//!   input's threshold.
//! - **Disagreement per criterion** ([`CriterionSpread`]): the same jurors' scores on each
//!   criterion; flagged when they span [`CRITERION_GAP`] points or more, or their standard
//!   deviation exceeds the threshold — opposite views on several criteria can average out.
//! - **Few jurors** ([`few_jurors`]): counted by fewer than [`MIN_JURORS`] jurors (or the
//!   whole jury, if smaller) or by fewer than half the jury.
//! - **Missing scores**: criteria × jurors not conflicted − scores given by those jurors.
//! - **Kendall's W** (with the correction for ties) is computed over a complete block: the
//!   jurors who scored at least one nomination, and the nominations every one of them
//!   scored. [`KendallW`] reports the block's size; W is `None` for fewer than two jurors
//!   or nominations in the block, or when every juror ties everything.
//! - **Robustness**: the top three by weighted mean, and for each juror the top three
//!   recomputed without that juror; per juror whether the set and whether the order changed.
//!   The ranking is robust when no single juror changes the set.
//!
//! Output is deterministic: nominations in input order, jurors in input order.

mod aggregate;
mod input;
mod spread;
mod stats;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use aggregate::{
    Aggregation, Disagreement, JurorScore, LeaveOneOut, Measure, NominationSummary, Ranks,
    Robustness, aggregate,
};
pub use input::{
    Criterion, CriterionError, CriterionId, JurorId, JuryInput, JuryInputError, JuryInputParts,
    NominationId, Score, ScoreOutOfRange, ScoreValue,
};
pub use spread::{CRITERION_GAP, CriterionScore, CriterionSpread, MIN_JURORS, few_jurors};
pub use stats::{KendallW, TIE_EPSILON};
