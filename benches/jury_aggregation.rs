//! Benchmark of the jury's decision support: full aggregation for 500 nominations × 20
//! jurors × 8 criteria (every score present, a few conflicts). Target: ≤ 20 ms.
//!
//! Run with `cargo bench --bench jury_aggregation`.

use bedre_stat::jury::{
    Criterion as Rubric, CriterionId, JurorId, JuryInput, JuryInputParts, NominationId, Score,
    ScoreValue, aggregate,
};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const NOMINATIONS: i32 = 500;
const JURORS: i32 = 20;
const CRITERIA: i32 = 8;

/// A deterministic pseudo-random sequence (Knuth's MMIX linear congruential generator).
struct Lcg(u64);

impl Lcg {
    /// The next value, taken from the high bits, which are the most random of an LCG.
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
}

/// The benchmark's input: all 80 000 scores, weights 1–4, and one conflict per juror.
fn input_parts() -> JuryInputParts {
    let mut rng = Lcg(2024);
    let criteria = (1..=CRITERIA)
        .map(|c| Rubric::new(CriterionId(c), f64::from(1 + rng.next() % 4)).unwrap())
        .collect();
    let mut scores = Vec::with_capacity((NOMINATIONS * JURORS * CRITERIA) as usize);
    for juror in 1..=JURORS {
        for nomination in 1..=NOMINATIONS {
            for criterion in 1..=CRITERIA {
                scores.push(Score {
                    juror: JurorId(juror),
                    nomination: NominationId(nomination),
                    criterion: CriterionId(criterion),
                    value: ScoreValue::new((rng.next() % 6) as u8).unwrap(),
                });
            }
        }
    }
    JuryInputParts {
        nominations: (1..=NOMINATIONS).map(NominationId).collect(),
        jurors: (1..=JURORS).map(JurorId).collect(),
        criteria,
        scores,
        conflicts: (1..=JURORS)
            .map(|j| (JurorId(j), NominationId(1 + (j * 37) % NOMINATIONS)))
            .collect(),
        disagreement_threshold: 1.0,
    }
}

fn jury_aggregation(c: &mut Criterion) {
    let parts = input_parts();
    let input = JuryInput::new(parts.clone()).unwrap();
    c.bench_function("jury aggregate 500x20x8", |b| {
        b.iter(|| aggregate(black_box(&input)))
    });
    c.bench_function("jury parse+aggregate 500x20x8", |b| {
        b.iter_batched(
            || parts.clone(),
            |parts| aggregate(&JuryInput::new(black_box(parts)).unwrap()),
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, jury_aggregation);
criterion_main!(benches);
