//! Benchmark of the jury overview (the secretariat's decision-support page): building the
//! page's context and rendering its template for 100 nominations, 5 jurors and 7
//! criteria, with every score present, one conflict, submitted holistic assessments and the
//! three decision forms. Target: ≤ 20 ms.
//!
//! It renders exactly what the page renders: the same `overview_context` and template as
//! `GET /sekretariat/runder/{id}/resultater`, with the layout's context.
//!
//! Run with `cargo bench --bench jury_overview`.

use bedre_stat::db::decisions::{NominationLabel, SubmittedAssessment};
use bedre_stat::domain::Phase;
use bedre_stat::i18n::Lang;
use bedre_stat::jury::{
    Criterion as Rubric, CriterionId, JurorId, JuryInput, JuryInputParts, Measure, NominationId,
    Score, ScoreValue, aggregate,
};
use bedre_stat::routes::decision_support::{Overview, PageInput, TEMPLATE, overview_context};
use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::HashSet;
use std::hint::black_box;

const NOMINATIONS: i32 = 100;
const JURORS: i32 = 5;
const CRITERIA: i32 = 7;

/// A deterministic pseudo-random sequence (Knuth's MMIX linear congruential generator).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
}

fn overview() -> Overview {
    let mut rng = Lcg(2031);
    let criteria = (1..=CRITERIA)
        .map(|c| Rubric::new(CriterionId(c), f64::from(1 + rng.next() % 3)).unwrap())
        .collect();
    let mut scores = Vec::new();
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
    let input = JuryInput::new(JuryInputParts {
        nominations: (1..=NOMINATIONS).map(NominationId).collect(),
        jurors: (1..=JURORS).map(JurorId).collect(),
        criteria,
        scores,
        conflicts: [(JurorId(1), NominationId(7))].into_iter().collect(),
        disagreement_threshold: 1.0,
    })
    .unwrap();
    let holistic = "Tiltaket har gitt tydelige effekter for brukerne, og metoden kan tas i \
                    bruk av andre virksomheter. Dokumentasjonen av gevinstene er god, men \
                    innsparingen er beskjeden sammenlignet med de andre nominasjonene.";
    Overview {
        round_id: 1,
        prize_year: 2031,
        phase: Phase::Discussion,
        nominations: (1..=NOMINATIONS)
            .map(|n| NominationLabel {
                id: n,
                reference: format!("BSP-2031-{n:04}"),
                title: format!("Et tiltak for bedre ressursbruk nummer {n}"),
            })
            .collect(),
        jurors: (1..=JURORS)
            .map(|j| (j, format!("Jurymedlem {j}")))
            .collect(),
        aggregation: aggregate(&input),
        assessments: (1..=NOMINATIONS)
            .flat_map(|n| {
                (1..=JURORS)
                    .filter(move |j| !(*j == 1 && n == 7))
                    .map(move |j| SubmittedAssessment {
                        nomination_id: n,
                        juror_id: j,
                        juror_name: format!("Jurymedlem {j}"),
                        holistic: holistic.to_owned(),
                    })
            })
            .collect(),
        criteria: (1..=CRITERIA)
            .map(|c| bedre_stat::db::jury::CriterionRow {
                id: c,
                round_id: 1,
                code: format!("kriterium-{c}"),
                name: format!("Kriterium {c}"),
                description: String::new(),
                weight: 1.0,
                position: c,
            })
            .collect(),
    }
}

/// The page as the handler renders it: layout context, the overview, the form's token.
fn render(overview: &Overview) -> String {
    let lang = Lang::Nb;
    let path = "/sekretariat/runder/1/resultater";
    let hidden = HashSet::new();
    let mut context = bedre_stat::web::page::base_context(lang, path, "bedre-stat@dfo.no");
    context.extend(overview_context(
        lang,
        &PageInput {
            overview,
            sort: Measure::WeightedMean,
            hidden: &hidden,
            secretariat: true,
            path,
            decisions: &[],
            posted: None,
            phase_changes: &[],
        },
    ));
    context.insert("signed_in", &serde_json::json!({ "name": "Sara Sekretær" }));
    context.insert("csrf_token", &"0".repeat(64));
    context.insert("submission_key", "bench");
    context.insert("form", &serde_json::json!({}));
    context.insert("errors", &serde_json::json!({}));
    context.insert("error_list", &Vec::<String>::new());
    context.insert("form_alert", &Option::<String>::None);
    bedre_stat::templates::get()
        .render(TEMPLATE, &context)
        .unwrap()
}

fn jury_overview(c: &mut Criterion) {
    let overview = overview();
    // Warm the compiled-in templates and check the page is the full one.
    let page = render(&overview);
    assert!(page.contains("BSP-2031-0100") && page.contains("vedtak-winner"));
    c.bench_function("jury overview page 100x5x7", |b| {
        b.iter(|| render(black_box(&overview)))
    });
}

criterion_group!(benches, jury_overview);
criterion_main!(benches);
