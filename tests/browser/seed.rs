//! Jury data for the signed-in pages, inserted directly (as tests/api/jury_desk.rs and
//! tests/api/decision_support.rs do): a round in scoring with two nominations sent through
//! the API, a round in discussion with scores and assessments, an affiliation and conflicts.

use bedre_stat::db::{self, schema};
use bedre_stat_test_support::{TestApp, valid_nomination};
use diesel::prelude::*;

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

fn nomination(
    conn: &mut db::DbConn,
    round_id: i32,
    reference: &str,
    title: &str,
) -> QueryResult<i32> {
    let now = db::now();
    diesel::insert_into(schema::nominations::table)
        .values((
            schema::nominations::reference.eq(reference),
            schema::nominations::round_id.eq(round_id),
            schema::nominations::agency_name.eq("Etaten"),
            schema::nominations::org_number.eq("971526920"),
            schema::nominations::contact_name.eq("Kari Nordmann"),
            schema::nominations::contact_email.eq("kari@example.no"),
            schema::nominations::title.eq(title),
            schema::nominations::categories.eq("styring"),
            schema::nominations::summary.eq("Kort."),
            schema::nominations::background.eq("Bakgrunn."),
            schema::nominations::what_was_done.eq("Gjort."),
            schema::nominations::results.eq("Resultater."),
            schema::nominations::user_effects.eq("Effekter."),
            schema::nominations::transfer_value.eq("Overføring."),
            schema::nominations::leadership_backing.eq(true),
            schema::nominations::consent_publish.eq(true),
            schema::nominations::status.eq("eligible"),
            schema::nominations::language.eq("nb"),
            schema::nominations::edit_token_hash.eq(format!("hash-{reference}")),
            schema::nominations::created_at.eq(now),
            schema::nominations::updated_at.eq(now),
        ))
        .returning(schema::nominations::id)
        .get_result(conn)
}

pub async fn seed(app: &TestApp) -> Seeded {
    let mut second = valid_nomination();
    second["org_number"] = "974760673".into();
    second["agency_name"] = "Brønnøysundregistrene".into();
    second["title"] = "Sammenhengende tjenester for frivilligheten".into();
    for body in [valid_nomination(), second] {
        let response = app.post_json("/api/v1/nominations", &body).await;
        assert_eq!(response.status(), 201);
    }
    app.create_user(ADMIN, "Sara Sekretær", "admin", PASSWORD)
        .await;
    app.create_user(JUROR, "Anne Jurymedlem", "juror", PASSWORD)
        .await;
    app.create_user("bjorn@dfo.no", "Bjørn Jurymedlem", "juror", PASSWORD)
        .await;
    app.db
        .write(|conn| {
            use schema::{affiliations, assessments, conflicts, nominations, rounds, scores};
            let now = db::now();
            let anne = db::users::find_by_email(conn, JUROR)?.unwrap().id;
            let bjorn = db::users::find_by_email(conn, "bjorn@dfo.no")?.unwrap().id;

            // The round the API nominations went to, now in scoring.
            let (scoring_round, year): (i32, i32) = rounds::table
                .select((rounds::id, rounds::prize_year))
                .first(conn)?;
            let ids: Vec<i32> = nominations::table
                .order(nominations::id)
                .select(nominations::id)
                .load(conn)?;
            diesel::update(nominations::table)
                .set(nominations::status.eq("eligible"))
                .execute(conn)?;
            diesel::update(rounds::table.find(scoring_round))
                .set(rounds::phase.eq("scoring"))
                .execute(conn)?;
            db::jury::ensure_default_rubric(conn, scoring_round)?;
            // Anne's tie to Statens vegvesen flags the first; Bjørn declared a conflict.
            diesel::insert_into(affiliations::table)
                .values((
                    affiliations::user_id.eq(anne),
                    affiliations::org_number.eq("971032081"),
                    affiliations::organisation.eq("Statens vegvesen"),
                    affiliations::role.eq("Styremedlem"),
                    affiliations::period_from
                        .eq(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
                    affiliations::created_at.eq(now),
                ))
                .execute(conn)?;
            diesel::insert_into(conflicts::table)
                .values((
                    conflicts::nomination_id.eq(ids[0]),
                    conflicts::juror_id.eq(bjorn),
                    conflicts::reason.eq("Tidligere ansatt"),
                    conflicts::status.eq("declared"),
                    conflicts::created_at.eq(now),
                ))
                .execute(conn)?;

            // Last year's round, in discussion, fully scored by both jurors.
            let discussion_round: i32 = diesel::insert_into(rounds::table)
                .values((
                    rounds::prize_year.eq(year - 1),
                    rounds::nomination_deadline.eq(chrono::NaiveDate::from_ymd_opt(
                        year - 2,
                        10,
                        1,
                    )
                    .unwrap()),
                    rounds::closes_at.eq(now),
                    rounds::created_at.eq(now),
                    rounds::phase.eq("discussion"),
                ))
                .returning(rounds::id)
                .get_result(conn)?;
            db::jury::ensure_default_rubric(conn, discussion_round)?;
            let criteria = db::jury::criteria_for(conn, discussion_round)?;
            let mut earlier = Vec::new();
            for (i, letter) in ["A", "B", "C"].iter().enumerate() {
                let reference = format!("BSP-{}-{:04}", year - 1, i + 1);
                earlier.push(nomination(
                    conn,
                    discussion_round,
                    &reference,
                    &format!("Tiltak {letter}"),
                )?);
            }
            for (j, juror) in [anne, bjorn].into_iter().enumerate() {
                for (n, nomination) in earlier.iter().enumerate() {
                    for (c, criterion) in criteria.iter().enumerate() {
                        diesel::insert_into(scores::table)
                            .values((
                                scores::nomination_id.eq(nomination),
                                scores::juror_id.eq(juror),
                                scores::criterion_id.eq(criterion.id),
                                scores::value.eq(((n + j + c) % 6) as i32),
                                scores::justification.eq("Begrunnelse"),
                                scores::updated_at.eq(now),
                            ))
                            .execute(conn)?;
                    }
                    diesel::insert_into(assessments::table)
                        .values((
                            assessments::nomination_id.eq(nomination),
                            assessments::juror_id.eq(juror),
                            assessments::holistic.eq(format!("Helhetsvurdering {n}")),
                            assessments::submitted_at.eq(Some(now)),
                            assessments::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                }
            }
            Ok(Seeded {
                scoring_round,
                scoring_nomination: ids[1],
                discussion_round,
            })
        })
        .await
        .unwrap()
}
