//! Hand-computed examples. The arithmetic is written out in the comments.

use super::*;
use std::collections::BTreeSet;

/// Builds checked input from plain numbers: criteria as `(id, weight)`, scores as
/// `(juror, nomination, criterion, value)`, conflicts as `(juror, nomination)`.
pub(super) fn parts(
    nominations: &[i32],
    jurors: &[i32],
    criteria: &[(i32, f64)],
    scores: &[(i32, i32, i32, u8)],
    conflicts: &[(i32, i32)],
    threshold: f64,
) -> JuryInputParts {
    JuryInputParts {
        nominations: nominations.iter().copied().map(NominationId).collect(),
        jurors: jurors.iter().copied().map(JurorId).collect(),
        criteria: criteria
            .iter()
            .map(|&(id, weight)| Criterion::new(CriterionId(id), weight).unwrap())
            .collect(),
        scores: scores
            .iter()
            .map(|&(j, n, c, v)| Score {
                juror: JurorId(j),
                nomination: NominationId(n),
                criterion: CriterionId(c),
                value: ScoreValue::new(v).unwrap(),
            })
            .collect(),
        conflicts: conflicts
            .iter()
            .map(|&(j, n)| (JurorId(j), NominationId(n)))
            .collect::<BTreeSet<_>>(),
        disagreement_threshold: threshold,
    }
}

/// Aggregates input built by [`parts`].
fn run(parts: JuryInputParts) -> Aggregation {
    aggregate(&JuryInput::new(parts).unwrap())
}

/// The scores on criterion 1 from a grid: a row a juror, `(juror, [score for N1, N2, …])`.
fn one_criterion(rows: &[(i32, &[u8])]) -> Vec<(i32, i32, i32, u8)> {
    rows.iter()
        .flat_map(|&(juror, scores)| {
            (1..)
                .zip(scores)
                .map(move |(nomination, &score)| (juror, nomination, 1, score))
        })
        .collect()
}

/// The scores from a table of sheets: `(juror, nomination, [score for c1, c2, …])`.
fn by_criterion(sheets: &[(i32, i32, &[u8])]) -> Vec<(i32, i32, i32, u8)> {
    sheets
        .iter()
        .flat_map(|&(juror, nomination, scores)| {
            (1..)
                .zip(scores)
                .map(move |(criterion, &score)| (juror, nomination, criterion, score))
        })
        .collect()
}

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-4)
}

fn ids(raw: &[i32]) -> Vec<NominationId> {
    raw.iter().copied().map(NominationId).collect()
}

fn summary(aggregation: &Aggregation, nomination: i32) -> &NominationSummary {
    aggregation.get(NominationId(nomination)).unwrap()
}

/// Three jurors, three nominations, criteria c1 (weight 1) and c2 (weight 3).
///
/// Weighted scores `(s1 + 3·s2) / 4`, or the lone score when only c1 is given:
/// ```text
///          N1            N2             N3
/// J10   (4,4) → 4      (2,4) → 3.5    (5,1) → 2
/// J20   (3,5) → 4.5    (3,4) → 3.75   (2,2) → 2
/// J30   (5,3) → 3.5    (4,5) → 4.75   (3,–) → 3   (c2 missing)
/// ```
fn three_by_three() -> Aggregation {
    let scores = by_criterion(&[
        (10, 1, &[4, 4]),
        (10, 2, &[2, 4]),
        (10, 3, &[5, 1]),
        (20, 1, &[3, 5]),
        (20, 2, &[3, 4]),
        (20, 3, &[2, 2]),
        (30, 1, &[5, 3]),
        (30, 2, &[4, 5]),
        (30, 3, &[3]),
    ]);
    run(parts(
        &[1, 2, 3],
        &[10, 20, 30],
        &[(1, 1.0), (2, 3.0)],
        &scores,
        &[],
        0.5,
    ))
}

#[test]
fn weighted_scores_renormalise_over_present_criteria() {
    let a = three_by_three();
    let n3 = summary(&a, 3);
    let j30 = n3.juror_scores[2];
    assert_eq!(
        (j30.juror, j30.weighted_score, j30.criteria_scored),
        (JurorId(30), 3.0, 1)
    );
    assert_eq!(summary(&a, 2).juror_scores[1].weighted_score, 3.75);
}

#[test]
fn means_medians_and_a_tie_in_the_weighted_mean() {
    let a = three_by_three();
    // Means: N1 (4 + 4.5 + 3.5)/3 = 4, N2 (3.5 + 3.75 + 4.75)/3 = 4, N3 (2 + 2 + 3)/3 = 7/3.
    // Medians: N1 {3.5, 4, 4.5} → 4, N2 {3.5, 3.75, 4.75} → 3.75, N3 {2, 2, 3} → 2.
    let means: Vec<_> = a.nominations.iter().map(|s| s.weighted_mean).collect();
    assert_eq!(means, [Some(4.0), Some(4.0), Some(7.0 / 3.0)]);
    let medians: Vec<_> = a.nominations.iter().map(|s| s.median).collect();
    assert_eq!(medians, [Some(4.0), Some(3.75), Some(2.0)]);
    // Ranks: the tie shares rank 1 and rank 2 is skipped ("1 1 3"); by median 1 2 3.
    let by_mean: Vec<_> = a
        .nominations
        .iter()
        .map(|s| s.ranks.weighted_mean)
        .collect();
    assert_eq!(by_mean, [Some(1), Some(1), Some(3)]);
    let by_median: Vec<_> = a.nominations.iter().map(|s| s.ranks.median).collect();
    assert_eq!(by_median, [Some(1), Some(2), Some(3)]);
}

#[test]
fn disagreement_and_missing_scores() {
    let a = three_by_three();
    // N1: deviations 0, +0.5, −0.5 → variance 0.5/3, sd 0.4082, range 1.
    // N2: deviations −0.5, −0.25, +0.75 → variance 0.875/3, sd 0.5401, range 1.25.
    // N3: deviations −1/3, −1/3, +2/3 → variance (6/9)/3, sd 0.4714, range 1.
    // Threshold 0.5: only N2 is flagged.
    let d: Vec<_> = a
        .nominations
        .iter()
        .map(|s| s.disagreement.unwrap())
        .collect();
    assert!(close(Some(d[0].std_dev), 0.40825) && d[0].range == 1.0 && !d[0].flagged);
    assert!(close(Some(d[1].std_dev), 0.54006) && d[1].range == 1.25 && d[1].flagged);
    assert!(close(Some(d[2].std_dev), 0.47140) && d[2].range == 1.0 && !d[2].flagged);
    // Missing: 2 criteria × 3 jurors − given: N1 6 − 6 = 0, N2 0, N3 6 − 5 = 1.
    let missing: Vec<_> = a.nominations.iter().map(|s| s.missing_scores).collect();
    assert_eq!(missing, [0, 0, 1]);
    assert!(a.nominations.iter().all(|s| s.jurors_counted == 3));
}

#[test]
fn z_normalised_mean_corrects_for_a_lenient_juror() {
    let a = three_by_three();
    // J10 (4, 3.5, 2): mean 3.1667, sd 0.8498 → z ( 0.9806,  0.3922, −1.3728)
    // J20 (4.5, 3.75, 2): mean 3.4167, sd 1.0475 → z ( 1.0342,  0.3182, −1.3525)
    // J30 (3.5, 4.75, 3): mean 3.75, sd 0.7360 → z (−0.3397,  1.3587, −1.0190)
    // mean z: N1 0.5584, N2 0.6897, N3 −1.2481; min–max onto 0–5:
    // N1 5 · (0.5584 + 1.2481)/(0.6897 + 1.2481) = 4.6611, N2 5, N3 0.
    let s: Vec<_> = a.nominations.iter().collect();
    assert!(close(s[0].z_mean, 0.55837) && close(s[1].z_mean, 0.68973));
    assert!(close(s[2].z_mean, -1.24810));
    assert!(close(s[0].z_normalised, 4.66108));
    assert_eq!(
        (s[1].z_normalised, s[2].z_normalised),
        (Some(5.0), Some(0.0))
    );
    // J30's strong preference for N2 counts once J30's spread is taken into account.
    let ranks: Vec<_> = s.iter().map(|s| s.ranks.z_normalised).collect();
    assert_eq!(ranks, [Some(2), Some(1), Some(3)]);
}

#[test]
fn borda_and_kendall_w() {
    let a = three_by_three();
    // J10 and J20 order N1 > N2 > N3: 2, 1, 0 points each; J30 N2 > N1 > N3: N1 1, N2 2.
    // Totals N1 5, N2 4, N3 0 (= 3 jurors · 3·2/2 = 9 points).
    let borda: Vec<_> = a.nominations.iter().map(|s| s.borda).collect();
    assert_eq!(borda, [5.0, 4.0, 0.0]);
    // Kendall's W over the full 3 × 3 block. Ascending ranks: J10, J20: N3 1, N2 2, N1 3;
    // J30: N3 1, N1 2, N2 3. R = (8, 7, 3), mean 3·4/2 = 6, S = 4 + 1 + 9 = 14,
    // W = 12·14 / (3²·(3³ − 3)) = 168/216 = 0.7778.
    let w = a.kendall_w.unwrap();
    assert_eq!((w.jurors, w.nominations), (3, 3));
    assert!(close(Some(w.w), 168.0 / 216.0));
}

#[test]
fn robustness_reports_an_order_change_without_a_set_change() {
    let a = three_by_three();
    // Whole jury: N1 and N2 tie at 4 (id decides), then N3.
    assert_eq!(a.robustness.top_three, ids(&[1, 2, 3]));
    // Without J10: N1 (4.5 + 3.5)/2 = 4, N2 (3.75 + 4.75)/2 = 4.25 → N2, N1, N3.
    // Without J20: N1 3.75, N2 4.125 → N2, N1, N3. Without J30: N1 4.25, N2 3.625 → same.
    let loo = &a.robustness.leave_one_out;
    assert_eq!(loo[0].top_three, ids(&[2, 1, 3]));
    assert!(!loo[0].set_changed && loo[0].order_changed);
    assert!(!loo[1].set_changed && loo[1].order_changed);
    assert!(!loo[2].set_changed && !loo[2].order_changed);
    assert!(a.robustness.robust && !a.robustness.tie_at_cutoff);
}

#[test]
fn robustness_reports_a_set_change() {
    // One criterion. J1: 5 4 3 0, J2: 5 4 3 1, J3: 4 3 0 4.
    // Means N1 14/3, N2 11/3, N3 6/3, N4 5/3 → top three N1 N2 N3.
    // Without J1: 4.5, 3.5, 1.5, 2.5 → N1 N2 N4 (set changed); likewise without J2
    // (4.5, 3.5, 1.5, 2); without J3: 5, 4, 3, 0.5 → unchanged.
    let scores = one_criterion(&[(1, &[5, 4, 3, 0]), (2, &[5, 4, 3, 1]), (3, &[4, 3, 0, 4])]);
    let a = run(parts(
        &[1, 2, 3, 4],
        &[1, 2, 3],
        &[(1, 1.0)],
        &scores,
        &[],
        1.0,
    ));
    assert_eq!(a.robustness.top_three, ids(&[1, 2, 3]));
    let loo = &a.robustness.leave_one_out;
    assert_eq!(loo[0].top_three, ids(&[1, 2, 4]));
    assert!(loo[0].set_changed && loo[0].order_changed);
    assert!(loo[1].set_changed && !loo[2].set_changed && !loo[2].order_changed);
    assert!(!a.robustness.robust);
}

#[test]
fn ties_share_the_best_rank_and_lists_break_ties_by_id() {
    // One juror, one criterion; nominations listed as 40, 30, 20, 10 with scores 3, 3, 4, 2.
    // Competition ranks: 20 → 1, 40 and 30 → 2, 10 → 4 ("1224").
    let scores = [(1, 40, 1, 3), (1, 30, 1, 3), (1, 20, 1, 4), (1, 10, 1, 2)];
    let a = run(parts(
        &[40, 30, 20, 10],
        &[1],
        &[(1, 1.0)],
        &scores,
        &[],
        1.0,
    ));
    let ranks: Vec<_> = a
        .nominations
        .iter()
        .map(|s| s.ranks.weighted_mean)
        .collect();
    assert_eq!(ranks, [Some(2), Some(2), Some(1), Some(4)]);
    let listed: Vec<_> = a
        .ranking(Measure::WeightedMean)
        .iter()
        .map(|s| s.nomination)
        .collect();
    assert_eq!(listed, ids(&[20, 30, 40, 10]));
    // Borda: 10 gets 0; 40 and 30 each 1 (below) + ½ (tied) = 1.5; 20 gets 3. Total 6.
    let borda: Vec<_> = a.nominations.iter().map(|s| s.borda).collect();
    assert_eq!(borda, [1.5, 1.5, 3.0, 0.0]);
    assert_eq!(a.robustness.top_three, ids(&[20, 30, 40]));
    assert!(!a.robustness.tie_at_cutoff);
}

#[test]
fn a_tie_at_the_cutoff_is_reported() {
    // One juror: 5, 4, 3, 3 → ranks 1, 2, 3, 3; the id puts N3 rather than N4 in the top three.
    let scores = [(1, 1, 1, 5), (1, 2, 1, 4), (1, 3, 1, 3), (1, 4, 1, 3)];
    let a = run(parts(&[1, 2, 3, 4], &[1], &[(1, 1.0)], &scores, &[], 1.0));
    assert_eq!(a.robustness.top_three, ids(&[1, 2, 3]));
    assert!(a.robustness.tie_at_cutoff);
}

#[test]
fn a_juror_who_gives_every_nomination_the_same_score() {
    // One criterion. J1: 3 3 3 (no ranking information), J2: 5 3 1.
    // z: J1 0 0 0; J2 mean 3, sd √(8/3) = 1.6330 → 1.2247, 0, −1.2247.
    // mean z: 0.6124, 0, −0.6124 → rescaled 5, 2.5, 0.
    let scores = one_criterion(&[(1, &[3, 3, 3]), (2, &[5, 3, 1])]);
    let a = run(parts(&[1, 2, 3], &[1, 2], &[(1, 1.0)], &scores, &[], 0.9));
    let s: Vec<_> = a.nominations.iter().collect();
    assert!(close(s[0].z_mean, 0.61237) && close(s[1].z_mean, 0.0));
    let rescaled: Vec<_> = s.iter().map(|s| s.z_normalised).collect();
    assert_eq!(rescaled, [Some(5.0), Some(2.5), Some(0.0)]);
    // Borda: J1 ties all three: (3 − 1)/2 = 1 point each; J2: 2, 1, 0. Totals 3, 2, 1.
    let borda: Vec<_> = s.iter().map(|s| s.borda).collect();
    assert_eq!(borda, [3.0, 2.0, 1.0]);
    // Kendall's W with ties: J1 midranks 2 2 2 (T = 3³ − 3 = 24), J2 3 2 1.
    // R = (5, 4, 3), mean 4, S = 2; W = 12·2 / (2²·24 − 2·24) = 24/48 = 0.5.
    assert!(close(a.kendall_w.map(|w| w.w), 0.5));
    // Disagreement: N1 (3, 5) sd 1 > 0.9 flagged, range 2; N2 (3, 3) sd 0.
    let d1 = s[0].disagreement.unwrap();
    assert!(d1.flagged && d1.std_dev == 1.0 && d1.range == 2.0);
    assert!(!s[1].disagreement.unwrap().flagged);
}

#[test]
fn equal_scores_stay_equal_despite_rounding_in_the_weights() {
    // Weights 0.1, 0.2, 0.7 and every score 3, but different criteria per nomination:
    // in floating point N1 (c1 only) = 3.0000000000000004, N2 (c3 only) = 2.9999999999999996,
    // N3 (all) = 3. They are tied: z = 0 throughout, one rank, equal Borda points.
    let scores = [
        (1, 1, 1, 3),
        (1, 2, 3, 3),
        (1, 3, 1, 3),
        (1, 3, 2, 3),
        (1, 3, 3, 3),
    ];
    let criteria = [(1, 0.1), (2, 0.2), (3, 0.7)];
    let a = run(parts(&[1, 2, 3], &[1], &criteria, &scores, &[], 1.0));
    assert!(a.nominations.iter().all(|s| s.z_mean == Some(0.0)));
    assert!(a.nominations.iter().all(|s| s.z_normalised == Some(2.5)));
    assert!(
        a.nominations
            .iter()
            .all(|s| s.ranks.weighted_mean == Some(1))
    );
    assert!(a.nominations.iter().all(|s| s.borda == 1.0));
}

#[test]
fn a_conflicted_juror_is_left_out_even_with_scores_present() {
    // One criterion. J3 is conflicted on N1 but a score of 0 for it is in the input.
    // N1: J1 4, J2 5 → mean 4.5, median 4.5; missing 1 × (3 − 1) − 2 = 0.
    // N2: J1 2, J2 3, J3 4 → mean 3.
    let scores = one_criterion(&[(1, &[4, 2]), (2, &[5, 3]), (3, &[0, 4])]);
    let with_j3_conflicted_on_n1 = |scores: &[(i32, i32, i32, u8)]| {
        run(parts(
            &[1, 2],
            &[1, 2, 3],
            &[(1, 1.0)],
            scores,
            &[(3, 1)],
            1.0,
        ))
    };
    let a = with_j3_conflicted_on_n1(&scores);
    let n1 = summary(&a, 1);
    assert_eq!((n1.weighted_mean, n1.median), (Some(4.5), Some(4.5)));
    assert_eq!(n1.conflicted_jurors, [JurorId(3)]);
    assert_eq!((n1.jurors_counted, n1.missing_scores), (2, 0));
    assert_eq!(summary(&a, 2).weighted_mean, Some(3.0));
    // Borda: J1 and J2 give N1 1 point each; J3 scored only N2 (0 points).
    assert_eq!((n1.borda, summary(&a, 2).borda), (2.0, 0.0));
    // z: J1 and J2 (1, −1); J3 scored one nomination → 0. Mean z: N1 1, N2 −2/3.
    assert!(close(n1.z_mean, 1.0) && close(summary(&a, 2).z_mean, -2.0 / 3.0));
    // Kendall's block: jurors 1–3, but only N2 was scored by all three → no W.
    assert_eq!(a.kendall_w, None);
    // The same as if the conflicted score had never been given.
    let with_n2: Vec<_> = scores[..4].iter().chain(&scores[5..]).copied().collect();
    assert_eq!(with_j3_conflicted_on_n1(&with_n2), a);
}

#[test]
fn missing_scores_and_the_kendall_block() {
    // Criteria c1, c2 (weight 1 each). J1 scores everything; J2 scores N2 and N3 only;
    // J3 has not started. Missing: N1 2·3 − 2 = 4, N2 6 − 4 = 2, N3 6 − 4 = 2.
    // J1: N1 4, N2 3, N3 1; J2: N2 (2 + 4)/2 = 3, N3 5.
    let scores = by_criterion(&[
        (1, 1, &[4, 4]),
        (1, 2, &[3, 3]),
        (1, 3, &[1, 1]),
        (2, 2, &[2, 4]),
        (2, 3, &[5, 5]),
    ]);
    let a = run(parts(
        &[1, 2, 3],
        &[1, 2, 3],
        &[(1, 1.0), (2, 1.0)],
        &scores,
        &[],
        1.0,
    ));
    let missing: Vec<_> = a.nominations.iter().map(|s| s.missing_scores).collect();
    assert_eq!(missing, [4, 2, 2]);
    let counted: Vec<_> = a.nominations.iter().map(|s| s.jurors_counted).collect();
    assert_eq!(counted, [1, 2, 2]);
    // Block: J1, J2 (J3 scored nothing) × N2, N3 (N1 lacks J2). J1 puts N2 above N3, J2 the
    // reverse: R = (1 + 2, 2 + 1) = (3, 3), S = 0, W = 0.
    assert_eq!(
        a.kendall_w,
        Some(KendallW {
            w: 0.0,
            jurors: 2,
            nominations: 2
        })
    );
}

#[test]
fn a_single_juror() {
    // One juror, scores 2 and 4: means and medians are the scores, no disagreement,
    // z (−1, 1) → 0 and 5, no Kendall's W, and the top three vanish without the juror.
    let a = run(parts(
        &[1, 2],
        &[7],
        &[(1, 2.0)],
        &[(7, 1, 1, 2), (7, 2, 1, 4)],
        &[],
        0.0,
    ));
    let s: Vec<_> = a.nominations.iter().collect();
    assert_eq!((s[0].weighted_mean, s[0].median), (Some(2.0), Some(2.0)));
    let d = s[1].disagreement.unwrap();
    assert!(d.std_dev == 0.0 && d.range == 0.0 && !d.flagged);
    assert_eq!(
        (s[0].z_normalised, s[1].z_normalised),
        (Some(0.0), Some(5.0))
    );
    assert_eq!(a.kendall_w, None);
    assert_eq!(a.robustness.top_three, ids(&[2, 1]));
    assert!(a.robustness.leave_one_out[0].top_three.is_empty());
    assert!(!a.robustness.robust);
}

#[test]
fn empty_input() {
    let a = run(parts(&[], &[], &[], &[], &[], 1.0));
    assert!(a.nominations.is_empty() && a.kendall_w.is_none());
    assert!(a.robustness.top_three.is_empty() && a.robustness.robust);

    // Nominations and jurors but no scores yet: nothing ranked, everything missing.
    let a = run(parts(
        &[1, 2],
        &[1, 2],
        &[(1, 1.0), (2, 1.0)],
        &[],
        &[],
        1.0,
    ));
    for s in &a.nominations {
        assert_eq!(
            (s.weighted_mean, s.median, s.z_normalised),
            (None, None, None)
        );
        assert_eq!(
            (s.ranks, s.borda, s.disagreement),
            (Ranks::default(), 0.0, None)
        );
        assert_eq!((s.jurors_counted, s.missing_scores), (0, 4));
    }
    assert!(a.ranking(Measure::Borda).len() == 2 && a.robustness.robust);
}

#[test]
fn input_is_parsed() {
    use JuryInputError as E;
    let ok = parts(&[1], &[1], &[(1, 1.0)], &[(1, 1, 1, 5)], &[], 0.5);
    assert!(JuryInput::new(ok.clone()).is_ok());
    assert!(Criterion::new(CriterionId(1), 0.0).is_err());
    assert!(Criterion::new(CriterionId(1), f64::NAN).is_err());
    assert_eq!(ScoreValue::new(6), Err(ScoreOutOfRange(6)));
    assert_eq!(ScoreValue::try_from(-1), Err(ScoreOutOfRange(-1)));
    assert_eq!(ScoreValue::try_from(5).map(ScoreValue::get), Ok(5));

    let with = |f: &dyn Fn(&mut JuryInputParts)| {
        let mut p = ok.clone();
        f(&mut p);
        JuryInput::new(p).unwrap_err()
    };
    let score = ok.scores[0];
    assert_eq!(
        with(&|p| p.scores.push(score)),
        E::DuplicateScore {
            juror: JurorId(1),
            nomination: NominationId(1),
            criterion: CriterionId(1)
        }
    );
    assert_eq!(
        with(&|p| p.jurors.push(JurorId(1))),
        E::DuplicateJuror(JurorId(1))
    );
    assert_eq!(
        with(&|p| p.nominations.push(NominationId(1))),
        E::DuplicateNomination(NominationId(1))
    );
    assert_eq!(
        with(&|p| {
            p.conflicts.insert((JurorId(2), NominationId(1)));
        }),
        E::UnknownJuror(JurorId(2))
    );
    assert_eq!(
        with(&|p| p.scores[0].criterion = CriterionId(9)),
        E::UnknownCriterion(CriterionId(9))
    );
    assert_eq!(
        with(&|p| p.disagreement_threshold = -1.0),
        E::InvalidThreshold(-1.0)
    );
}

#[test]
fn sparse_ids_are_indexed() {
    // Ids far apart take the sorted-index path rather than the direct table.
    let (lo, hi) = (i32::MIN, i32::MAX);
    let scores = [(lo, hi, 5, 4), (lo, lo, 5, 2), (hi, hi, 5, 3)];
    let p = parts(&[hi, lo], &[lo, hi], &[(5, 1.0)], &scores, &[(hi, lo)], 1.0);
    let input = JuryInput::new(p).unwrap();
    assert_eq!(
        input.score(JurorId(lo), NominationId(hi), CriterionId(5)),
        ScoreValue::new(4).ok()
    );
    assert!(input.is_conflicted(JurorId(hi), NominationId(lo)));
    let a = aggregate(&input);
    assert_eq!(summary(&a, hi).weighted_mean, Some(3.5));
    assert_eq!(summary(&a, lo).missing_scores, 0);
}

/// Two jurors two points apart on both criteria, in opposite directions: their weighted
/// scores are equal (3.0 each), so the average raises no flag, but each criterion does.
/// A conflicted juror's scores are in no criterion's spread.
#[test]
fn disagreement_is_flagged_per_criterion_when_the_average_hides_it() {
    let aggregation = run(parts(
        &[1],
        &[1, 2, 3],
        &[(1, 1.0), (2, 1.0)],
        &by_criterion(&[(1, 1, &[2, 4]), (2, 1, &[4, 2]), (3, 1, &[0, 0])]),
        &[(3, 1)],
        1.0,
    ));
    let s = summary(&aggregation, 1);
    let d = s.disagreement.unwrap();
    assert!(!d.flagged && d.range.abs() < 1e-12, "{d:?}");
    assert_eq!(s.criteria.len(), 2);
    for spread in &s.criteria {
        assert!(spread.flagged, "{spread:?}");
        assert_eq!(spread.range, 2);
        let jurors: Vec<i32> = spread.scores.iter().map(|x| x.juror.0).collect();
        assert_eq!(jurors, [1, 2], "the conflicted juror 3 is left out");
    }
    // Two of three jurors counted: thin support.
    assert!(s.few_jurors);
}
