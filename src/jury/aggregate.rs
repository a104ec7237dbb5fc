//! The aggregation: from a checked [`JuryInput`] to the figures the jury discusses.

use super::input::{JurorId, JuryInput, NominationId};
use super::spread::{CriterionScore, CriterionSpread, few_jurors};
use super::stats::{self, KendallW, WeightedScores};
use serde::Serialize;

/// One juror's weighted score of one nomination.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct JurorScore {
    /// The juror.
    pub juror: JurorId,
    /// The weighted mean of the juror's scores over the criteria they scored for this
    /// nomination, the weights renormalised over those criteria; on the 0–5 scale.
    pub weighted_score: f64,
    /// How many criteria the juror scored for this nomination (at least one).
    pub criteria_scored: usize,
}

/// How far a nomination's jurors disagree.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Disagreement {
    /// The population standard deviation of the jurors' weighted scores.
    pub std_dev: f64,
    /// The highest minus the lowest of the jurors' weighted scores.
    pub range: f64,
    /// Whether `std_dev` exceeds the input's disagreement threshold.
    pub flagged: bool,
}

/// A nomination's rank by each measure: competition ranking ("1224"), best first; tied
/// nominations share the best rank of their group. `None` when no juror scored it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Ranks {
    /// Rank by [`NominationSummary::weighted_mean`].
    pub weighted_mean: Option<usize>,
    /// Rank by [`NominationSummary::median`].
    pub median: Option<usize>,
    /// Rank by [`NominationSummary::z_normalised`].
    pub z_normalised: Option<usize>,
    /// Rank by [`NominationSummary::borda`].
    pub borda: Option<usize>,
}

/// The measures a nomination can be ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Measure {
    /// The mean of the jurors' weighted scores.
    WeightedMean,
    /// The median of the jurors' weighted scores.
    Median,
    /// The z-normalised mean, rescaled to 0–5.
    ZNormalised,
    /// The Borda count.
    Borda,
}

/// The decision support for one nomination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NominationSummary {
    /// The nomination.
    pub nomination: NominationId,
    /// The weighted score of each juror counted, in the input's juror order.
    pub juror_scores: Vec<JurorScore>,
    /// The jurors conflicted on this nomination, in the input's juror order; they are left
    /// out of everything concerning it.
    pub conflicted_jurors: Vec<JurorId>,
    /// The jurors counted: those not conflicted who scored at least one criterion.
    pub jurors_counted: usize,
    /// Scores still missing: criteria × jurors not conflicted − scores given by them.
    pub missing_scores: usize,
    /// The mean of the jurors' weighted scores (0–5).
    pub weighted_mean: Option<f64>,
    /// The median of the jurors' weighted scores (0–5).
    pub median: Option<f64>,
    /// The mean of the jurors' z-scores (each juror standardised over the nominations they
    /// scored; see [`NominationSummary::z_normalised`]). In standard deviations.
    pub z_mean: Option<f64>,
    /// `z_mean` rescaled min–max onto 0–5 over the nominations: the highest is 5, the
    /// lowest 0, all 2.5 when all are equal. Relative to this round; unchanged when a juror's
    /// scores are shifted or multiplied by a positive factor.
    pub z_normalised: Option<f64>,
    /// The nomination's rank by each measure.
    pub ranks: Ranks,
    /// Borda points: summed over jurors, the nominations each juror scored strictly lower,
    /// plus half of those scored equal.
    pub borda: f64,
    /// Disagreement among the jurors counted; `None` when no juror is counted.
    pub disagreement: Option<Disagreement>,
    /// Each criterion's scores by the jurors counted and their spread, in rubric order.
    pub criteria: Vec<CriterionSpread>,
    /// Whether the nomination's figures rest on too few jurors ([`few_jurors`]).
    pub few_jurors: bool,
}

impl NominationSummary {
    /// The nomination's value by `measure` (Borda only when some juror is counted).
    pub fn value(&self, measure: Measure) -> Option<f64> {
        match measure {
            Measure::WeightedMean => self.weighted_mean,
            Measure::Median => self.median,
            Measure::ZNormalised => self.z_normalised,
            Measure::Borda => (self.jurors_counted > 0).then_some(self.borda),
        }
    }

    /// The nomination's rank by `measure`.
    pub fn rank(&self, measure: Measure) -> Option<usize> {
        match measure {
            Measure::WeightedMean => self.ranks.weighted_mean,
            Measure::Median => self.ranks.median,
            Measure::ZNormalised => self.ranks.z_normalised,
            Measure::Borda => self.ranks.borda,
        }
    }
}

/// The top three when one juror is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveOneOut {
    /// The juror left out.
    pub juror: JurorId,
    /// The top three by weighted mean without that juror.
    pub top_three: Vec<NominationId>,
    /// Whether the top three contain different nominations than with the whole jury.
    pub set_changed: bool,
    /// Whether the top three, as an ordered list, differ from the whole jury's (so true
    /// whenever `set_changed` is).
    pub order_changed: bool,
}

/// How robust the top of the ranking is to any one juror.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Robustness {
    /// The top three by weighted mean with the whole jury, best first; ties broken by
    /// nomination id. Fewer than three when fewer nominations were scored.
    pub top_three: Vec<NominationId>,
    /// Whether the third place is tied with the next, so that the nomination id rather than
    /// the scores decided who is in the top three.
    pub tie_at_cutoff: bool,
    /// For each juror in input order, the top three without them.
    pub leave_one_out: Vec<LeaveOneOut>,
    /// True when leaving out any one juror never changes the top-three set.
    pub robust: bool,
}

/// The jury's decision support. It informs the discussion; it never decides: the winner is
/// a recorded jury decision with a written rationale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregation {
    /// One summary per nomination, in the input's nomination order.
    pub nominations: Vec<NominationSummary>,
    /// Kendall's W for the whole jury (see [`KendallW`] for the block it covers).
    pub kendall_w: Option<KendallW>,
    /// Whether the top three survive leaving out any one juror.
    pub robustness: Robustness,
    /// The disagreement threshold used for flagging.
    pub disagreement_threshold: f64,
}

impl Aggregation {
    /// The summary of `nomination`, if it was in the input.
    pub fn get(&self, nomination: NominationId) -> Option<&NominationSummary> {
        self.nominations.iter().find(|s| s.nomination == nomination)
    }

    /// The nominations ranked by `measure`: by rank, ties by nomination id; nominations
    /// no juror scored come last, in input order.
    pub fn ranking(&self, measure: Measure) -> Vec<&NominationSummary> {
        let (mut ranked, unranked): (Vec<&NominationSummary>, Vec<&NominationSummary>) = self
            .nominations
            .iter()
            .partition(|s| s.rank(measure).is_some());
        ranked.sort_by_key(|s| (s.rank(measure), s.nomination));
        ranked.extend(unranked);
        ranked
    }
}

/// Each juror's weighted score per nomination, and how many criteria they scored there.
///
/// A juror's weighted score is `Σ w_c · s_c / Σ w_c` over the criteria `c` they scored for
/// the nomination (clamped to 0–5 against rounding); none when they scored no criterion or
/// are conflicted.
pub(crate) fn weighted_scores(input: &JuryInput) -> (WeightedScores, Vec<usize>) {
    let (nj, nn) = (input.jurors().len(), input.nominations().len());
    let weights: Vec<f64> = input.criteria().iter().map(|c| c.weight()).collect();
    let mut values = Vec::with_capacity(nj * nn);
    let mut counts = Vec::with_capacity(nj * nn);
    for j in 0..nj {
        for n in 0..nn {
            let Some(cells) = input.cell_scores(j, n) else {
                values.push(None);
                counts.push(0);
                continue;
            };
            let (mut num, mut den, mut count) = (0.0, 0.0, 0usize);
            for (&value, &weight) in cells.iter().zip(&weights) {
                if JuryInput::is_score(value) {
                    num += weight * f64::from(value);
                    den += weight;
                    count += 1;
                }
            }
            values.push((count > 0).then(|| (num / den).clamp(0.0, 5.0)));
            counts.push(count);
        }
    }
    (WeightedScores::new(nj, nn, values), counts)
}

/// Each criterion's scores for nomination position `n` by the jurors counted there (not
/// conflicted, scored something), with their spread.
fn criterion_spreads(input: &JuryInput, n: usize, counted: &[JurorScore]) -> Vec<CriterionSpread> {
    let jurors = input.jurors();
    input
        .criteria()
        .iter()
        .enumerate()
        .map(|(c, criterion)| {
            let scores = jurors
                .iter()
                .enumerate()
                .filter(|(_, juror)| counted.iter().any(|s| s.juror == **juror))
                .filter_map(|(j, &juror)| {
                    let value = input.cell_scores(j, n)?[c];
                    JuryInput::is_score(value).then_some(CriterionScore { juror, value })
                })
                .collect();
            CriterionSpread::new(criterion.id(), scores, input.disagreement_threshold())
        })
        .collect()
}

/// Aggregates the jury's scores into decision support. See the module documentation for
/// every definition.
pub fn aggregate(input: &JuryInput) -> Aggregation {
    let (scores, criteria_scored) = weighted_scores(input);
    let ids = input.nominations();
    let jurors = input.jurors();
    let (nj, nn, nc) = (jurors.len(), ids.len(), input.criteria().len());
    let threshold = input.disagreement_threshold();

    let z = stats::z_normalised(&scores);
    let borda = stats::borda(&scores);

    let mut column = Vec::with_capacity(nj);
    let mut nominations: Vec<NominationSummary> = Vec::with_capacity(nn);
    for (n, &nomination) in ids.iter().enumerate() {
        let mut juror_scores = Vec::new();
        let mut conflicted_jurors = Vec::new();
        let mut given = 0;
        for (j, &juror) in jurors.iter().enumerate() {
            if input.cell_scores(j, n).is_none() {
                conflicted_jurors.push(juror);
                continue;
            }
            given += criteria_scored[j * nn + n];
            if let Some(weighted_score) = scores.get(j, n) {
                juror_scores.push(JurorScore {
                    juror,
                    weighted_score,
                    criteria_scored: criteria_scored[j * nn + n],
                });
            }
        }
        column.clear();
        column.extend(juror_scores.iter().map(|s| s.weighted_score));
        let weighted_mean = stats::column_mean(&scores, n, None);
        let disagreement = weighted_mean.map(|mean| {
            let std_dev = stats::population_sd(&column, mean);
            let (lo, hi) = column
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                    (lo.min(x), hi.max(x))
                });
            Disagreement {
                std_dev,
                range: hi - lo,
                flagged: std_dev > threshold,
            }
        });
        let median = stats::median(&mut column);
        let criteria = criterion_spreads(input, n, &juror_scores);
        let counted = juror_scores.len();
        nominations.push(NominationSummary {
            nomination,
            jurors_counted: juror_scores.len(),
            missing_scores: (nj - conflicted_jurors.len()) * nc - given,
            juror_scores,
            conflicted_jurors,
            weighted_mean,
            median,
            z_mean: z.mean_z[n],
            z_normalised: z.rescaled[n],
            ranks: Ranks::default(),
            borda: borda[n],
            disagreement,
            criteria,
            few_jurors: few_jurors(counted, nj),
        });
    }

    for measure in [
        Measure::WeightedMean,
        Measure::Median,
        Measure::ZNormalised,
        Measure::Borda,
    ] {
        let values: Vec<Option<f64>> = nominations.iter().map(|s| s.value(measure)).collect();
        for (summary, rank) in nominations
            .iter_mut()
            .zip(stats::competition_ranks(&values))
        {
            match measure {
                Measure::WeightedMean => summary.ranks.weighted_mean = rank,
                Measure::Median => summary.ranks.median = rank,
                Measure::ZNormalised => summary.ranks.z_normalised = rank,
                Measure::Borda => summary.ranks.borda = rank,
            }
        }
    }

    let robustness = robustness(&scores, ids, jurors, &nominations);
    Aggregation {
        nominations,
        kendall_w: stats::kendall_w(&scores),
        robustness,
        disagreement_threshold: threshold,
    }
}

/// The top three by weighted mean, and the top three with each juror left out.
fn robustness(
    scores: &WeightedScores,
    ids: &[NominationId],
    jurors: &[JurorId],
    nominations: &[NominationSummary],
) -> Robustness {
    let top_three = stats::top_three(scores, ids, None);
    // The cutoff is tied when more than three nominations rank third or better.
    let tie_at_cutoff = nominations
        .iter()
        .filter(|s| s.ranks.weighted_mean.is_some_and(|r| r <= 3))
        .count()
        > 3;
    let leave_one_out: Vec<LeaveOneOut> = jurors
        .iter()
        .enumerate()
        .map(|(j, &juror)| {
            let without = stats::top_three(scores, ids, Some(j));
            let mut a = without.clone();
            let mut b = top_three.clone();
            a.sort_unstable();
            b.sort_unstable();
            LeaveOneOut {
                juror,
                set_changed: a != b,
                order_changed: without != top_three,
                top_three: without,
            }
        })
        .collect();
    Robustness {
        robust: leave_one_out.iter().all(|l| !l.set_changed),
        top_three,
        tie_at_cutoff,
        leave_one_out,
    }
}
