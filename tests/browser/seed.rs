//! Jury data for the signed-in pages, made with the fixture builders tests/api uses: a
//! round in scoring with two nominations sent through the API, a round in discussion with
//! scores and assessments, an affiliation and conflicts.

use bedre_stat::db;
use bedre_stat_test_support::TestApp;
use bedre_stat_test_support::fixtures::{
    Affiliation, AssessmentFixture, ConflictFixture, JurorFixture, NominationFixture, RoundFixture,
    ScoreFixture, ScoringRound,
};

pub const PASSWORD: &str = "riktig hest batteri stift";
pub const JUROR: &str = "anne@dfo.no";
pub const ADMIN: &str = "sekretariat@dfo.no";

/// What `seed` made.
pub struct Seeded {
    pub scoring_round: i32,
    /// A nomination in the scoring round with nothing flagged for the juror.
    pub scoring_nomination: i32,
    pub discussion_round: i32,
}

pub async fn seed(app: &TestApp) -> Seeded {
    let scoring = ScoringRound::with_two_nominations(app).await;
    app.create_user(ADMIN, "Sara Sekretær", "admin", PASSWORD)
        .await;
    // Anne's tie to Statens vegvesen flags the first; Bjørn declared a conflict.
    let anne = JurorFixture::new(JUROR, "Anne Jurymedlem")
        .password(PASSWORD)
        .affiliated_with(
            Affiliation::with("971032081", "Statens vegvesen")
                .role("Styremedlem")
                .since(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
        )
        .create(app)
        .await;
    let bjorn = JurorFixture::new("bjorn@dfo.no", "Bjørn Jurymedlem")
        .password(PASSWORD)
        .create(app)
        .await;
    let [flagged, unflagged] = scoring.nominations;
    let year = scoring.prize_year;
    app.db
        .write(move |conn| {
            ConflictFixture::declared(bjorn, flagged).insert(conn)?;
            // A file on the nomination being scored, so the jury's and the secretariat's
            // pages show their download lists.
            let plan = bedre_stat::domain::NewAttachment::parse(
                "Prosjektplan.pdf",
                b"%PDF-1.7\n".to_vec(),
            )
            .expect("a PDF");
            db::attachments::insert(conn, unflagged, &plan)?;

            // Last year's round, in discussion, fully scored by both jurors.
            let discussion_round = RoundFixture::with_default_rubric(year - 1)
                .closed()
                .in_phase("discussion")
                .insert(conn)?;
            let criteria = db::jury::criteria_for(conn, discussion_round)?;
            let mut earlier = Vec::new();
            for (i, letter) in ["A", "B", "C"].iter().enumerate() {
                earlier.push(
                    NominationFixture::in_round(discussion_round)
                        .reference(format!("BSP-{}-{:04}", year - 1, i + 1))
                        .title(format!("Tiltak {letter}"))
                        // Not the organisation Anne is tied to.
                        .org_number("971526920")
                        .eligible()
                        .insert(conn)?,
                );
            }
            for (j, juror) in [anne, bjorn].into_iter().enumerate() {
                for (n, nomination) in earlier.iter().enumerate() {
                    for (c, criterion) in criteria.iter().enumerate() {
                        ScoreFixture::by(juror, *nomination, criterion.id)
                            .value(((n + j + c) % 6) as i32)
                            .insert(conn)?;
                    }
                    AssessmentFixture::by(juror, *nomination)
                        .holistic(format!("Helhetsvurdering {n}"))
                        .insert(conn)?;
                }
            }
            Ok(Seeded {
                scoring_round: scoring.round_id,
                scoring_nomination: unflagged,
                discussion_round,
            })
        })
        .await
        .unwrap()
}
