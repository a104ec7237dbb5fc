//! Per-criterion spread and thin support: the two warnings the average alone hides.
//!
//! The nomination's disagreement flag looks at the jurors' weighted scores, so two jurors
//! who are two points apart on several criteria in opposite directions can average out to
//! the same weighted score and raise no flag. [`CriterionSpread`] looks at each criterion on
//! its own. And a nomination ranked on one juror's scores (the others conflicted or not yet
//! done) ranks as confidently as one scored by the whole jury; [`few_jurors`] says when the
//! support is too thin to read much into its place.

use super::input::{CriterionId, JurorId};
use serde::Serialize;

/// A criterion is flagged when its jurors' scores span at least this many points (max −
/// min), whatever the round's threshold for the weighted scores: two points on the anchored
/// 0–5 scale is the difference between "some" and "clear" contribution, worth a word in the
/// discussion.
pub const CRITERION_GAP: u8 = 2;

/// Fewer counted jurors than this (or than half the jury) and a nomination's rank gets a
/// warning.
pub const MIN_JURORS: usize = 3;

/// One juror's score on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CriterionScore {
    /// The juror.
    pub juror: JurorId,
    /// The score, 0–5.
    pub value: u8,
}

/// How the counted jurors scored one criterion of one nomination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionSpread {
    /// The criterion.
    pub criterion: CriterionId,
    /// The scores of the jurors counted on the nomination who scored this criterion, in the
    /// input's juror order (conflicted jurors are never here).
    pub scores: Vec<CriterionScore>,
    /// The highest minus the lowest score; 0 with fewer than two scores.
    pub range: u8,
    /// The population standard deviation of the scores; 0 with fewer than two.
    pub std_dev: f64,
    /// Whether the jurors disagree on this criterion: `range >= CRITERION_GAP`, or the
    /// standard deviation exceeds the round's threshold.
    pub flagged: bool,
}

impl CriterionSpread {
    /// The spread of `scores` on `criterion` under the round's `threshold`.
    pub fn new(criterion: CriterionId, scores: Vec<CriterionScore>, threshold: f64) -> Self {
        let values: Vec<f64> = scores.iter().map(|s| f64::from(s.value)).collect();
        let (lo, hi) = scores.iter().fold((u8::MAX, 0), |(lo, hi), s| {
            (lo.min(s.value), hi.max(s.value))
        });
        let range = if scores.len() < 2 { 0 } else { hi - lo };
        let std_dev = if values.len() < 2 {
            0.0
        } else {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            super::stats::population_sd(&values, mean)
        };
        Self {
            criterion,
            scores,
            range,
            std_dev,
            flagged: range >= CRITERION_GAP || std_dev > threshold,
        }
    }
}

/// Whether a nomination scored by `counted` jurors, out of a jury of `jury_size`, rests on
/// too few of them: some juror counted, but fewer than [`MIN_JURORS`] (or than the whole
/// jury, when it is smaller) or fewer than half the jury. The jury's size is the whole
/// jury's, the same for every viewer, so the warning tells nothing about other nominations.
pub fn few_jurors(counted: usize, jury_size: usize) -> bool {
    counted > 0 && (counted < MIN_JURORS.min(jury_size) || 2 * counted < jury_size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(values: &[u8]) -> Vec<CriterionScore> {
        values
            .iter()
            .enumerate()
            .map(|(j, &value)| CriterionScore {
                juror: JurorId(j as i32 + 1),
                value,
            })
            .collect()
    }

    #[test]
    fn two_jurors_two_points_apart_are_flagged_on_that_criterion() {
        // sd = 1.0, not above the default threshold 1.0: the range flags it.
        let spread = CriterionSpread::new(CriterionId(1), scores(&[2, 4]), 1.0);
        assert_eq!(spread.range, 2);
        assert!((spread.std_dev - 1.0).abs() < 1e-12);
        assert!(spread.flagged);
    }

    #[test]
    fn one_point_apart_is_not_disagreement() {
        let spread = CriterionSpread::new(CriterionId(1), scores(&[3, 4, 4, 3, 4]), 1.0);
        assert_eq!(spread.range, 1);
        assert!(!spread.flagged);
    }

    #[test]
    fn a_wide_spread_under_the_gap_is_flagged_by_the_threshold() {
        // 0,1,0,1: range 1, sd 0.5 > 0.4.
        let spread = CriterionSpread::new(CriterionId(1), scores(&[0, 1, 0, 1]), 0.4);
        assert!(spread.flagged);
    }

    #[test]
    fn one_score_or_none_is_no_disagreement() {
        for values in [&[][..], &[5][..]] {
            let spread = CriterionSpread::new(CriterionId(1), scores(values), 0.0);
            assert_eq!(
                (spread.range, spread.std_dev, spread.flagged),
                (0, 0.0, false)
            );
        }
    }

    #[test]
    fn few_jurors_warns_below_three_or_half_the_jury() {
        assert!(few_jurors(1, 5), "one juror left after conflicts");
        assert!(few_jurors(2, 5));
        assert!(!few_jurors(3, 5));
        assert!(few_jurors(3, 8), "fewer than half of eight");
        assert!(!few_jurors(4, 8));
        assert!(few_jurors(2, 3));
        assert!(!few_jurors(3, 3));
        // A jury of two: both counted is the whole jury.
        assert!(!few_jurors(2, 2));
        assert!(few_jurors(1, 2));
        assert!(!few_jurors(1, 1));
        // Nobody counted: unranked, not thin.
        assert!(!few_jurors(0, 5));
    }
}
