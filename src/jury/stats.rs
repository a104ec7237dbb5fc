//! The statistics behind the aggregation, as pure functions over jurors' weighted scores.
//!
//! Everything here works on [`WeightedScores`], a dense juror × nomination table of real
//! numbers, so that properties that only make sense for real-valued scores (such as the
//! invariance of z-normalisation under shifting and scaling one juror) can be tested
//! directly.

use super::NominationId;
use serde::Serialize;

/// Two values closer than this (on the 0–5 scale) are treated as tied when ranking.
///
/// Weighted scores are ratios of sums of floating-point products, so two scores that are
/// equal in exact arithmetic may differ in the last bits; this tolerance keeps such pairs
/// tied. Ties chain: in a sorted list, a value tied with its neighbour joins its group.
pub const TIE_EPSILON: f64 = 1e-9;

/// Jurors' weighted scores: one optional real number per juror and nomination, `None`
/// where the juror gave no score or is conflicted. Stored juror-major.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WeightedScores {
    /// The number of jurors (rows).
    jurors: usize,
    /// The number of nominations (columns).
    nominations: usize,
    /// The scores, `values[j * nominations + n]`.
    values: Vec<Option<f64>>,
}

impl WeightedScores {
    /// A table of `jurors` rows and `nominations` columns from juror-major `values`.
    ///
    /// # Panics
    /// When `values.len() != jurors * nominations`.
    pub(crate) fn new(jurors: usize, nominations: usize, values: Vec<Option<f64>>) -> Self {
        assert_eq!(values.len(), jurors * nominations, "table size mismatch");
        Self {
            jurors,
            nominations,
            values,
        }
    }

    /// The number of jurors (rows).
    #[cfg(test)]
    pub(crate) fn jurors(&self) -> usize {
        self.jurors
    }

    /// Juror `j`'s weighted score of nomination `n`.
    pub(crate) fn get(&self, j: usize, n: usize) -> Option<f64> {
        self.values[j * self.nominations + n]
    }

    /// Juror `j`'s weighted scores of all nominations.
    pub(crate) fn row(&self, j: usize) -> &[Option<f64>] {
        &self.values[j * self.nominations..(j + 1) * self.nominations]
    }

    /// Juror `j`'s weighted scores, mutably (used by tests to transform one juror).
    #[cfg(test)]
    pub(crate) fn row_mut(&mut self, j: usize) -> &mut [Option<f64>] {
        &mut self.values[j * self.nominations..(j + 1) * self.nominations]
    }
}

/// The mean over jurors of nomination `n`'s weighted scores, leaving out juror `skip`;
/// `None` when no (other) juror scored it. Sums in juror order, so leaving a juror out here
/// gives bit-for-bit the mean computed from a table without that juror.
pub(crate) fn column_mean(scores: &WeightedScores, n: usize, skip: Option<usize>) -> Option<f64> {
    let (mut sum, mut count) = (0.0, 0usize);
    for j in (0..scores.jurors).filter(|&j| Some(j) != skip) {
        if let Some(x) = scores.get(j, n) {
            sum += x;
            count += 1;
        }
    }
    (count > 0).then(|| sum / count as f64)
}

/// The median of `values` (the mean of the two middle values for an even count), sorting
/// `values` in place; `None` when empty.
pub(crate) fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_unstable_by(f64::total_cmp);
    let len = values.len();
    match len {
        0 => None,
        _ if len % 2 == 1 => Some(values[len / 2]),
        _ => Some((values[len / 2 - 1] + values[len / 2]) / 2.0),
    }
}

/// The population standard deviation of `values` around their `mean`.
pub(crate) fn population_sd(values: &[f64], mean: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let sum_sq: f64 = values.iter().map(|x| (x - mean) * (x - mean)).sum();
    (sum_sq / values.len() as f64).sqrt()
}

/// Z-normalised scores per nomination.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ZScores {
    /// The mean over a nomination's jurors of their z-scores; `None` when nobody scored it.
    pub(crate) mean_z: Vec<Option<f64>>,
    /// `mean_z` rescaled onto 0–5 (see [`z_normalised`]).
    pub(crate) rescaled: Vec<Option<f64>>,
}

/// Z-normalises each juror's weighted scores, averages per nomination, and rescales.
///
/// - Juror `j` with scores `x` over the nominations `j` scored gets
///   `z = (x − mean_j) / sd_j`, `sd_j` the population standard deviation.
/// - A juror whose scores are all equal (their spread `max − min` is at most
///   `1e-9 · (1 + max |x|)`, a relative tolerance so the test is itself invariant to
///   scaling) carries no ranking information: `z = 0` for every nomination they scored.
///   So does a juror who scored a single nomination.
/// - A nomination's `mean_z` is the mean of its jurors' `z` (jurors with `z = 0` included).
/// - `rescaled` maps `mean_z` min–max onto 0–5 over the nominations that have one: the
///   highest becomes 5, the lowest 0, linear in between; when all are equal (within
///   [`TIE_EPSILON`]) every one is 2.5. The result therefore states relative position in
///   this round, not absolute quality, and it is unchanged when any juror's scores are
///   shifted or multiplied by a positive factor.
pub(crate) fn z_normalised(scores: &WeightedScores) -> ZScores {
    let mut sum_z = vec![0.0; scores.nominations];
    let mut count = vec![0usize; scores.nominations];
    for j in 0..scores.jurors {
        let row = scores.row(j);
        let (mut sum, mut k, mut lo, mut hi) = (0.0, 0usize, f64::INFINITY, f64::NEG_INFINITY);
        for x in row.iter().flatten() {
            sum += x;
            k += 1;
            lo = lo.min(*x);
            hi = hi.max(*x);
        }
        if k == 0 {
            continue;
        }
        let mean = sum / k as f64;
        let constant = hi - lo <= 1e-9 * (1.0 + lo.abs().max(hi.abs()));
        let sd = if constant {
            0.0
        } else {
            let sum_sq: f64 = row.iter().flatten().map(|x| (x - mean) * (x - mean)).sum();
            (sum_sq / k as f64).sqrt()
        };
        for (n, x) in row.iter().enumerate() {
            if let Some(x) = x {
                if !constant {
                    sum_z[n] += (x - mean) / sd;
                }
                count[n] += 1;
            }
        }
    }
    let mean_z: Vec<Option<f64>> = sum_z
        .iter()
        .zip(&count)
        .map(|(&s, &c)| (c > 0).then(|| s / c as f64))
        .collect();
    let (lo, hi) = mean_z
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &z| {
            (lo.min(z), hi.max(z))
        });
    let rescaled = mean_z
        .iter()
        .map(|z| {
            z.map(|z| {
                if hi - lo <= TIE_EPSILON {
                    2.5
                } else {
                    (5.0 * (z - lo) / (hi - lo)).clamp(0.0, 5.0)
                }
            })
        })
        .collect();
    ZScores { mean_z, rescaled }
}

/// Competition ranks ("1224"), highest value first: tied values share the best rank of
/// their group and the next group's rank counts everyone above it. Values are tied when
/// neighbours in sorted order lie within [`TIE_EPSILON`]. `None` values get no rank.
pub(crate) fn competition_ranks(values: &[Option<f64>]) -> Vec<Option<usize>> {
    let mut order: Vec<(f64, usize)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (v, i)))
        .collect();
    order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut ranks = vec![None; values.len()];
    let mut rank = 1;
    for (position, &(value, i)) in order.iter().enumerate() {
        if position > 0 && order[position - 1].0 - value > TIE_EPSILON {
            rank = position + 1;
        }
        ranks[i] = Some(rank);
    }
    ranks
}

/// The positions of the ranked entries, ordered by rank and, within a rank, by nomination id.
pub(crate) fn ranked_order(ranks: &[Option<usize>], ids: &[NominationId]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ranks.len()).filter(|&i| ranks[i].is_some()).collect();
    order.sort_unstable_by_key(|&i| (ranks[i], ids[i]));
    order
}

/// The groups of tied values in `sorted` (ascending), as `(start, length)`; neighbours
/// within [`TIE_EPSILON`] are tied.
fn tie_groups(sorted: &[f64]) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=sorted.len() {
        if i == sorted.len() || sorted[i] - sorted[i - 1] > TIE_EPSILON {
            groups.push((start, i - start));
            start = i;
        }
    }
    groups
}

/// Juror `j`'s scored nominations sorted by ascending score, as (score, nomination position).
fn sorted_row(scores: &WeightedScores, j: usize, buffer: &mut Vec<(f64, usize)>) {
    buffer.clear();
    buffer.extend(
        scores
            .row(j)
            .iter()
            .enumerate()
            .filter_map(|(n, x)| x.map(|x| (x, n))),
    );
    buffer.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

/// Borda points per nomination: each juror ranks the nominations they scored and gives each
/// one point per nomination they put strictly below it, and half a point per other
/// nomination tied with it. A juror who scored `k` nominations thus hands out exactly
/// `k(k − 1)/2` points; a nomination fewer jurors scored can collect fewer points.
pub(crate) fn borda(scores: &WeightedScores) -> Vec<f64> {
    let mut points = vec![0.0; scores.nominations];
    let mut buffer = Vec::with_capacity(scores.nominations);
    let mut values = Vec::with_capacity(scores.nominations);
    for j in 0..scores.jurors {
        sorted_row(scores, j, &mut buffer);
        values.clear();
        values.extend(buffer.iter().map(|&(x, _)| x));
        for (start, len) in tie_groups(&values) {
            let share = start as f64 + (len - 1) as f64 / 2.0;
            for &(_, n) in &buffer[start..start + len] {
                points[n] += share;
            }
        }
    }
    points
}

/// Kendall's coefficient of concordance W for the jury, with the block it was computed on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KendallW {
    /// W in 0..=1: 1 when every juror in the block ranks the block's nominations alike,
    /// near 0 when their rankings are unrelated.
    pub w: f64,
    /// The jurors in the block (m).
    pub jurors: usize,
    /// The nominations in the block (n).
    pub nominations: usize,
}

/// Kendall's W with the correction for ties, over a complete block.
///
/// Missing data: W needs every juror to rank the same nominations, so it is computed over
/// the block formed by the jurors who scored at least one nomination and the nominations
/// every one of those jurors scored (so a nomination with a conflicted juror, or one a juror
/// has not yet scored, is outside the block). `None` when the block has fewer than two
/// jurors or fewer than two nominations, or when every juror ties every nomination (W is
/// then undefined).
///
/// With midranks `r_ij` (tied scores share the mean of their ranks), `R_i = Σ_j r_ij`,
/// `S = Σ_i (R_i − m(n + 1)/2)²` and `T_j = Σ_groups (t³ − t)` over juror `j`'s groups of
/// `t` tied nominations: `W = 12 S / (m²(n³ − n) − m Σ_j T_j)`.
pub(crate) fn kendall_w(scores: &WeightedScores) -> Option<KendallW> {
    let block_jurors: Vec<usize> = (0..scores.jurors)
        .filter(|&j| scores.row(j).iter().any(Option::is_some))
        .collect();
    let block_nominations: Vec<usize> = (0..scores.nominations)
        .filter(|&n| block_jurors.iter().all(|&j| scores.get(j, n).is_some()))
        .collect();
    let (m, n) = (block_jurors.len(), block_nominations.len());
    if m < 2 || n < 2 {
        return None;
    }
    let mut rank_sums = vec![0.0; n];
    let mut ties = 0.0;
    let mut buffer: Vec<(f64, usize)> = Vec::with_capacity(n);
    let mut values = Vec::with_capacity(n);
    for &j in &block_jurors {
        buffer.clear();
        buffer.extend(
            block_nominations
                .iter()
                .enumerate()
                .filter_map(|(i, &col)| scores.get(j, col).map(|x| (x, i))),
        );
        buffer.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        values.clear();
        values.extend(buffer.iter().map(|&(x, _)| x));
        for (start, len) in tie_groups(&values) {
            let midrank = start as f64 + (len + 1) as f64 / 2.0;
            for &(_, i) in &buffer[start..start + len] {
                rank_sums[i] += midrank;
            }
            let t = len as f64;
            ties += t * t * t - t;
        }
    }
    let (m, nf) = (m as f64, n as f64);
    let expected = m * (nf + 1.0) / 2.0;
    let s: f64 = rank_sums
        .iter()
        .map(|r| (r - expected) * (r - expected))
        .sum();
    let denominator = m * m * (nf * nf * nf - nf) - m * ties;
    if denominator <= 0.0 {
        return None;
    }
    Some(KendallW {
        w: (12.0 * s / denominator).clamp(0.0, 1.0),
        jurors: block_jurors.len(),
        nominations: n,
    })
}

/// The top three nominations by the mean of jurors' weighted scores, leaving out juror
/// `skip`: ordered by competition rank, ties broken by nomination id; fewer than three when
/// fewer nominations were scored.
pub(crate) fn top_three(
    scores: &WeightedScores,
    ids: &[NominationId],
    skip: Option<usize>,
) -> Vec<NominationId> {
    let means: Vec<Option<f64>> = (0..scores.nominations)
        .map(|n| column_mean(scores, n, skip))
        .collect();
    let ranks = competition_ranks(&means);
    ranked_order(&ranks, ids)
        .into_iter()
        .take(3)
        .map(|i| ids[i])
        .collect()
}
