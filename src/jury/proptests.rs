//! Property tests of the aggregation.

use super::stats::{self, WeightedScores};
use super::*;
use proptest::prelude::*;
use proptest::sample::Index;

/// Random jury inputs: 1–5 jurors, 1–7 nominations (ids descending, so input order and id
/// order differ), 1–3 criteria with real weights, about 80 % of scores present, about 15 %
/// of juror–nomination pairs conflicted (their scores stay in the input).
fn jury_parts() -> impl Strategy<Value = JuryInputParts> {
    (1usize..=5, 1usize..=7, 1usize..=3).prop_flat_map(|(nj, nn, nc)| {
        (
            prop::collection::vec(0.05f64..20.0, nc),
            prop::collection::vec(prop::option::weighted(0.8, 0u8..=5), nj * nn * nc),
            prop::collection::vec(prop::bool::weighted(0.15), nj * nn),
            0.0f64..2.0,
        )
            .prop_map(move |(weights, cells, conflicted, threshold)| {
                let nomination = |n: usize| NominationId(100 - n as i32);
                let juror = |j: usize| JurorId(j as i32 + 1);
                let mut scores = Vec::new();
                for (i, value) in cells.iter().enumerate() {
                    if let Some(value) = value {
                        scores.push(Score {
                            juror: juror(i / (nn * nc)),
                            nomination: nomination(i / nc % nn),
                            criterion: CriterionId((i % nc) as i32),
                            value: ScoreValue::new(*value).unwrap(),
                        });
                    }
                }
                JuryInputParts {
                    nominations: (0..nn).map(nomination).collect(),
                    jurors: (0..nj).map(juror).collect(),
                    criteria: weights
                        .iter()
                        .enumerate()
                        .map(|(c, &w)| Criterion::new(CriterionId(c as i32), w).unwrap())
                        .collect(),
                    scores,
                    conflicts: (0..nj * nn)
                        .filter(|&i| conflicted[i])
                        .map(|i| (juror(i / nn), nomination(i % nn)))
                        .collect(),
                    disagreement_threshold: threshold,
                }
            })
    })
}

/// Random weighted-score tables: 1–5 jurors × 1–8 nominations, values on a grid of ⅛ in
/// 0–5 (so ties occur), about 85 % present.
fn weighted_table() -> impl Strategy<Value = WeightedScores> {
    (1usize..=5, 1usize..=8).prop_flat_map(|(nj, nn)| {
        prop::collection::vec(
            prop::option::weighted(0.85, (0u32..=40).prop_map(|k| f64::from(k) / 8.0)),
            nj * nn,
        )
        .prop_map(move |values| WeightedScores::new(nj, nn, values))
    })
}

/// `parts` without juror `juror`'s scores and conflicts; the juror stays listed when
/// `keep_listed`.
fn without(parts: &JuryInputParts, juror: JurorId, keep_listed: bool) -> JuryInputParts {
    let mut p = parts.clone();
    p.scores.retain(|s| s.juror != juror);
    p.conflicts.retain(|&(j, _)| j != juror);
    if !keep_listed {
        p.jurors.retain(|&j| j != juror);
    }
    p
}

fn run(parts: &JuryInputParts) -> Aggregation {
    aggregate(&JuryInput::new(parts.clone()).unwrap())
}

proptest! {
    #[test]
    fn z_normalisation_ignores_shifting_and_scaling_one_juror(
        table in weighted_table(),
        juror in any::<Index>(),
        factor in 0.1f64..10.0,
        shift in -10.0f64..10.0,
    ) {
        let mut transformed = table.clone();
        let j = juror.index(table.jurors());
        for x in transformed.row_mut(j).iter_mut().flatten() {
            *x = factor * *x + shift;
        }
        let (before, after) = (stats::z_normalised(&table), stats::z_normalised(&transformed));
        for (b, a) in before.rescaled.iter().zip(&after.rescaled) {
            match (b, a) {
                (Some(b), Some(a)) => prop_assert!((a - b).abs() < 1e-9, "{b} vs {a}"),
                _ => prop_assert_eq!(b, a),
            }
        }
        prop_assert_eq!(
            stats::competition_ranks(&before.rescaled),
            stats::competition_ranks(&after.rescaled)
        );
    }

    #[test]
    fn leaving_out_a_juror_equals_aggregating_without_them(
        parts in jury_parts(),
        juror in any::<Index>(),
    ) {
        let full = run(&parts);
        let j = juror.index(parts.jurors.len());
        let juror = parts.jurors[j];
        let removed = run(&without(&parts, juror, false));
        prop_assert_eq!(&full.robustness.leave_one_out[j].top_three, &removed.robustness.top_three);

        // Dropping only the juror's scores gives the same figures as dropping the juror;
        // just the missing-score counts and the conflict lists may differ.
        let silent = run(&without(&parts, juror, true));
        prop_assert_eq!(silent.kendall_w, removed.kendall_w);
        prop_assert_eq!(&silent.robustness.top_three, &removed.robustness.top_three);
        for (s, r) in silent.nominations.iter().zip(&removed.nominations) {
            prop_assert_eq!(&s.juror_scores, &r.juror_scores);
            prop_assert_eq!((s.weighted_mean, s.median), (r.weighted_mean, r.median));
            prop_assert_eq!((s.z_mean, s.z_normalised), (r.z_mean, r.z_normalised));
            prop_assert_eq!((s.ranks, s.borda, s.disagreement), (r.ranks, r.borda, r.disagreement));
        }
    }

    #[test]
    fn scores_of_conflicted_pairs_are_ignored(parts in jury_parts()) {
        let mut clean = parts.clone();
        clean.scores.retain(|s| !parts.conflicts.contains(&(s.juror, s.nomination)));
        prop_assert_eq!(run(&parts), run(&clean));
    }

    #[test]
    fn borda_hands_out_k_choose_2_points_per_juror(parts in jury_parts()) {
        let a = run(&parts);
        let total: f64 = a.nominations.iter().map(|s| s.borda).sum();
        let expected: usize = parts
            .jurors
            .iter()
            .map(|&j| {
                let k = a
                    .nominations
                    .iter()
                    .filter(|s| s.juror_scores.iter().any(|x| x.juror == j))
                    .count();
                k * k.saturating_sub(1) / 2
            })
            .sum();
        prop_assert_eq!(total, expected as f64);
    }

    #[test]
    fn kendall_w_lies_in_the_unit_interval(parts in jury_parts(), table in weighted_table()) {
        for w in [run(&parts).kendall_w, stats::kendall_w(&table)].into_iter().flatten() {
            prop_assert!((0.0..=1.0).contains(&w.w));
            prop_assert!(w.jurors >= 2 && w.nominations >= 2);
        }
    }

    #[test]
    fn kendall_w_is_one_when_all_jurors_rank_alike(
        base in prop::collection::vec((0u32..=40).prop_map(|k| f64::from(k) / 8.0), 2..8),
        transforms in prop::collection::vec((0.1f64..10.0, -10.0f64..10.0), 2..6),
    ) {
        prop_assume!(base.iter().any(|&x| x != base[0]));
        let values = transforms
            .iter()
            .flat_map(|&(a, b)| base.iter().map(move |&x| Some(a * x + b)))
            .collect();
        let table = WeightedScores::new(transforms.len(), base.len(), values);
        let w = stats::kendall_w(&table).unwrap();
        prop_assert!((w.w - 1.0).abs() < 1e-9, "W = {}", w.w);
        prop_assert_eq!((w.jurors, w.nominations), (transforms.len(), base.len()));
    }

    #[test]
    fn figures_stay_on_the_scale(parts in jury_parts()) {
        let a = run(&parts);
        let on_scale = |x: Option<f64>| x.is_none_or(|x| (0.0..=5.0).contains(&x));
        for s in &a.nominations {
            prop_assert!(on_scale(s.weighted_mean) && on_scale(s.median));
            prop_assert!(on_scale(s.z_normalised));
            prop_assert!(s.juror_scores.iter().all(|x| on_scale(Some(x.weighted_score))));
            prop_assert_eq!(s.weighted_mean.is_some(), s.jurors_counted > 0);
            for rank in [s.ranks.weighted_mean, s.ranks.median, s.ranks.z_normalised] {
                prop_assert!(rank.is_none_or(|r| (1..=a.nominations.len()).contains(&r)));
            }
        }
        prop_assert_eq!(a, run(&parts));
    }
}
