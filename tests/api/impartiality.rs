//! Impartiality decided once (forvaltningsloven § 6): what a conflicted juror's work and
//! a conflicted juror's view look like on every page, count, export and report, and the
//! private edit link once the jury is at work.

use crate::decision_support::{PASSWORD, browser_for, seed};
use bedre_stat::db::{self, schema};
use bedre_stat::i18n::Lang;
use bedre_stat_test_support::fixtures::{
    Affiliation, AssessmentFixture, ConflictFixture, JurorFixture, NominationFixture, RoundFixture,
    ScoreFixture, ScoringRound,
};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app, valid_nomination_form};
use diesel::prelude::*;
use std::time::Duration;

on_both_backends!(
    a_conflicted_jurors_assessment_is_left_out_of_the_results_and_the_report,
    a_conflict_declared_after_submitting_takes_the_assessment_away,
    a_conflicted_juror_ranks_only_what_they_may_see,
    a_flag_outlives_its_affiliation_until_the_secretariat_dismisses_it,
    the_scores_csv_marks_a_conflicted_jurors_scores,
    a_nominee_cannot_edit_once_the_jury_is_at_work,
);

async fn get_as(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    let response = browser.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap()
}

async fn a_conflicted_jurors_assessment_is_left_out_of_the_results_and_the_report(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let (juror, nomination) = (
        seeded.conflicted_juror().0,
        seeded.conflicted_nomination().0,
    );
    // Juror Tre wrote an assessment of A before the conflict was upheld.
    app.db
        .write(move |conn| {
            AssessmentFixture::by(juror, nomination)
                .holistic("Helhet fra Juror Tre om A")
                .insert(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let round = seeded.round_id;
    let clear = browser_for(&app, &seeded.jurors[0].1).await;
    let jury_page = get_as(&app, &clear, &format!("/jury/runder/{round}/resultater")).await;
    assert!(
        jury_page.contains("Helhet fra Juror En om A"),
        "the others' stay"
    );
    for (who, page) in [
        ("the jury's page", jury_page),
        (
            "the secretariat's page",
            app.get_html(&format!("/sekretariat/runder/{round}/resultater"))
                .await,
        ),
        (
            "the report",
            app.get_html(&format!("/sekretariat/runder/{round}/rapport"))
                .await,
        ),
    ] {
        assert!(
            !page.contains("Helhet fra Juror Tre om A"),
            "{who} shows a conflicted juror's assessment"
        );
    }
}

async fn a_conflict_declared_after_submitting_takes_the_assessment_away(backend: Backend) {
    let app = spawn_app(backend).await;
    let scoring = ScoringRound::with_two_nominations(&app).await;
    let first = scoring.nominations[0];
    let anne = JurorFixture::new("anne@dfo.no", "Anne Jurymedlem")
        .password(PASSWORD)
        .create(&app)
        .await;
    let bjorn = JurorFixture::new("bjorn@dfo.no", "Bjørn Jurymedlem")
        .password(PASSWORD)
        .create(&app)
        .await;
    app.db
        .write(move |conn| {
            for criterion in db::jury::criteria_for(conn, scoring.round_id)? {
                ScoreFixture::by(anne, first, criterion.id).insert(conn)?;
                ScoreFixture::by(bjorn, first, criterion.id).insert(conn)?;
            }
            AssessmentFixture::by(anne, first)
                .holistic("Annes vurdering før inhabiliteten")
                .insert(conn)?;
            AssessmentFixture::by(bjorn, first)
                .holistic("Bjørns vurdering")
                .insert(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    // Anne declares a conflict after submitting.
    let anne_browser = browser_for(&app, "anne@dfo.no").await;
    let desk = format!("/jury/nominasjoner/{first}");
    let response = app
        .submit_form_as(
            &anne_browser,
            &desk,
            &format!("{desk}/habilitet"),
            &[("conflict_reason", "Min søster leder prosjektet.")],
        )
        .await;
    assert_eq!(response.status(), 303);

    let bjorn_browser = browser_for(&app, "bjorn@dfo.no").await;
    let bjorn_desk = get_as(&app, &bjorn_browser, &desk).await;
    assert!(!bjorn_desk.contains("Annes vurdering før inhabiliteten"));
    app.move_round_to(scoring.round_id, "discussion").await;
    let results = format!("/jury/runder/{}/resultater", scoring.round_id);
    let page = get_as(&app, &bjorn_browser, &results).await;
    assert!(page.contains("Bjørns vurdering"));
    assert!(
        !page.contains("Annes vurdering før inhabiliteten"),
        "a conflict declared after submitting takes the assessment away"
    );
}

async fn a_conflicted_juror_ranks_only_what_they_may_see(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut jurors = Vec::new();
    for (email, name) in [
        ("en@dfo.no", "Juror En"),
        ("to@dfo.no", "Juror To"),
        ("tre@dfo.no", "Juror Tre"),
    ] {
        let id = JurorFixture::new(email, name)
            .password(PASSWORD)
            .create(&app)
            .await;
        jurors.push(id);
    }
    // X ranks first for the others; Juror Tre is conflicted on it.
    let round_id = app
        .db
        .write(move |conn| {
            let round_id = RoundFixture::with_default_rubric(2032)
                .closed()
                .in_phase("discussion")
                .insert(conn)?;
            let criteria = db::jury::criteria_for(conn, round_id)?;
            let mut ids = Vec::new();
            for (reference, title) in [
                ("BSP-2032-0001", "Tiltak X"),
                ("BSP-2032-0002", "Tiltak Y"),
                ("BSP-2032-0003", "Tiltak Z"),
                ("BSP-2032-0004", "Tiltak W"),
            ] {
                ids.push(
                    NominationFixture::in_round(round_id)
                        .reference(reference)
                        .title(title)
                        .eligible()
                        .insert(conn)?,
                );
            }
            ConflictFixture::declared(jurors[2], ids[0])
                .upheld()
                .insert(conn)?;
            for (j, juror) in jurors.iter().enumerate() {
                for (n, nomination) in ids.iter().enumerate() {
                    if j == 2 && n == 0 {
                        continue;
                    }
                    for criterion in &criteria {
                        ScoreFixture::by(*juror, *nomination, criterion.id)
                            .value(5 - n as i32)
                            .insert(conn)?;
                    }
                    AssessmentFixture::by(*juror, *nomination).insert(conn)?;
                }
            }
            Ok(round_id)
        })
        .await
        .unwrap();
    let tre = browser_for(&app, "tre@dfo.no").await;
    for sort in ["vektet", "median", "z", "borda"] {
        let path = format!("/jury/runder/{round_id}/resultater?sorter={sort}");
        let page = get_as(&app, &tre, &path).await;
        assert!(!page.contains("(skjult)"), "{sort}: no hidden slot");
        let figures_end = page.find("id=\"hidden-nominations\"").unwrap_or_else(|| {
            panic!(
                "listed apart: {}",
                &page[page.find("id=\"figures\"").unwrap()..][..3000]
            )
        });
        let x = page.find("id=\"row-BSP-2032-0001\"").expect("X listed");
        assert!(x > figures_end, "{sort}: X is not in the ranked table");
        let y = page.find("id=\"row-BSP-2032-0002\"").unwrap();
        assert!(y < figures_end);
        let y_row = &page[y..y + page[y..].find("</tr>").unwrap()];
        assert!(
            y_row.contains("<td class=\"num\">1</td>"),
            "{sort}: Y ranks first among what Juror Tre sees: {y_row}"
        );
        assert!(!y_row.contains("<td class=\"num\">2</td>"), "{y_row}");
        let top = &page[page.find("id=\"top-three\"").unwrap()..];
        let top = &top[..top.find("</p>").unwrap()];
        assert!(!top.contains("BSP-2032-0001"), "{top}");
        assert!(top.contains("BSP-2032-0002, BSP-2032-0003, BSP-2032-0004"));
        if let Some(start) = page.find("id=\"leave-one-out\"") {
            let loo = &page[start..];
            let loo = &loo[..loo.find("</table>").unwrap()];
            assert!(!loo.contains("BSP-2032-0001"), "{loo}");
        }
    }
    // The others still see X first.
    let en = browser_for(&app, "en@dfo.no").await;
    let page = get_as(&app, &en, &format!("/jury/runder/{round_id}/resultater")).await;
    assert!(!page.contains("id=\"hidden-nominations\""));
    let x = page.find("id=\"row-BSP-2032-0001\"").unwrap();
    let x_row = &page[x..x + page[x..].find("</tr>").unwrap()];
    assert!(x_row.contains("<td class=\"num\">1</td>"), "{x_row}");
}

async fn conflict_status(app: &TestApp, juror: i32, nomination: i32) -> Option<String> {
    app.db
        .read(move |conn| {
            use schema::conflicts;
            Ok(conflicts::table
                .filter(conflicts::juror_id.eq(juror))
                .filter(conflicts::nomination_id.eq(nomination))
                .select(conflicts::status)
                .first::<String>(conn)
                .optional()?)
        })
        .await
        .unwrap()
}

async fn affiliation_ids(app: &TestApp, juror: i32) -> Vec<i32> {
    app.db
        .read(move |conn| {
            use schema::affiliations;
            Ok(affiliations::table
                .filter(affiliations::user_id.eq(juror))
                .order(affiliations::id)
                .select(affiliations::id)
                .load(conn)?)
        })
        .await
        .unwrap()
}

async fn a_flag_outlives_its_affiliation_until_the_secretariat_dismisses_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let scoring = ScoringRound::with_two_nominations(&app).await;
    let [first, second] = scoring.nominations;
    app.create_user("sekretariat@dfo.no", "Sara Sekretær", "admin", PASSWORD)
        .await;
    assert_eq!(
        app.log_in("sekretariat@dfo.no", PASSWORD).await.status(),
        303
    );
    let anne = JurorFixture::new("anne@dfo.no", "Anne Jurymedlem")
        .password(PASSWORD)
        .affiliated_with(Affiliation::with("971032081", "Statens vegvesen"))
        .create(&app)
        .await;
    let browser = browser_for(&app, "anne@dfo.no").await;
    let desk = format!("/jury/nominasjoner/{first}");
    assert!(
        !get_as(&app, &browser, &desk)
            .await
            .contains("name=\"score-")
    );

    // In scoring, Anne removes the affiliation: the flag stays.
    let affiliation = affiliation_ids(&app, anne).await[0];
    let response = app
        .submit_form_as(
            &browser,
            "/jury/tilknytninger",
            &format!("/jury/tilknytninger/{affiliation}/slett"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        affiliation_ids(&app, anne).await.is_empty(),
        "it is removed"
    );
    assert_eq!(
        conflict_status(&app, anne, first).await.as_deref(),
        Some("flagged")
    );
    let page = get_as(&app, &browser, &desk).await;
    assert!(page.contains("Du kan være inhabil"), "still flagged");
    assert!(!page.contains("name=\"score-"), "still no scoring");
    let criterion = app
        .db
        .read(move |conn| Ok(db::jury::criteria_for(conn, scoring.round_id)?))
        .await
        .unwrap()[0]
        .id;
    let score = format!("score-{criterion}");
    let refused = app
        .submit_form_as(
            &browser,
            &desk,
            &desk,
            &[(&score, "3"), ("action", "draft")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    let audited: i64 = app
        .db
        .read(|conn| {
            use schema::audit_events;
            Ok(audit_events::table
                .filter(audit_events::action.eq("conflict.flag_kept"))
                .count()
                .get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(audited, 1);

    // The secretariat sees the case and decides: dismissed.
    let cases = app.get_html("/sekretariat/habilitet").await;
    let open = &cases[cases.find("id=\"open-cases\"").expect("an open case")..];
    assert!(
        open.contains(&Lang::Nb.text("secretariat-conflict-flag-kept")),
        "{open}"
    );
    let decide = format!("/sekretariat/habilitet/{anne}/{first}");
    let response = app
        .submit_form(
            &decide,
            &[
                ("conflict_decision", "dismissed"),
                ("conflict_note", "Tilknytningen var feilregistrert."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        get_as(&app, &browser, &desk)
            .await
            .contains("name=\"score-")
    );

    // While the round still takes nominations, removing an affiliation keeps nothing.
    app.db
        .write(move |conn| {
            Affiliation::with("974760673", "Brønnøysundregistrene").insert_for(conn, anne)?;
            Ok(())
        })
        .await
        .unwrap();
    app.move_round_to(scoring.round_id, "nominations").await;
    let affiliation = affiliation_ids(&app, anne).await[0];
    let response = app
        .submit_form_as(
            &browser,
            "/jury/tilknytninger",
            &format!("/jury/tilknytninger/{affiliation}/slett"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(conflict_status(&app, anne, second).await, None);
}

async fn the_scores_csv_marks_a_conflicted_jurors_scores(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let (juror, nomination) = (
        seeded.conflicted_juror().0,
        seeded.conflicted_nomination().0,
    );
    let round_id = seeded.round_id;
    app.db
        .write(move |conn| {
            let criterion = db::jury::criteria_for(conn, round_id)?[0].id;
            ScoreFixture::by(juror, nomination, criterion)
                .value(5)
                .justification("Gitt før inhabiliteten")
                .insert(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let body = app
        .get(&format!("/sekretariat/runder/{round_id}/poeng.csv"))
        .await
        .text()
        .await
        .unwrap();
    let mut lines = body.trim_start_matches('\u{feff}').split("\r\n");
    let header = lines.next().unwrap();
    assert!(
        header.ends_with(&Lang::Nb.text("decisions-csv-excluded")),
        "{header}"
    );
    let (yes, no) = (
        Lang::Nb.text("decisions-yes"),
        Lang::Nb.text("decisions-no"),
    );
    let a = &seeded.conflicted_nomination().1;
    let conflicted: Vec<&str> = body
        .split("\r\n")
        .filter(|l| l.contains("Gitt før inhabiliteten"))
        .collect();
    assert_eq!(conflicted.len(), 1);
    assert!(conflicted[0].starts_with(a.as_str()));
    assert!(
        conflicted[0].ends_with(&format!(";{yes}")),
        "{}",
        conflicted[0]
    );
    let others: Vec<&str> = body
        .split("\r\n")
        .filter(|l| l.contains("Juror En"))
        .collect();
    assert!(!others.is_empty());
    assert!(others.iter().all(|l| l.ends_with(&format!(";{no}"))));
}

async fn a_nominee_cannot_edit_once_the_jury_is_at_work(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.submit_form("/nominer", &valid_nomination_form()).await;
    assert_eq!(response.status(), 200);
    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    let start = mails[0].text.find("/nominasjon/").expect("an edit link");
    let path: String = mails[0].text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let round_id: i32 = app
        .db
        .read(|conn| {
            use schema::rounds;
            Ok(rounds::table.select(rounds::id).first(conn)?)
        })
        .await
        .unwrap();
    // Screened and scored before the deadline: the round left the nominations phase.
    app.move_round_to(round_id, "scoring").await;
    let message = Lang::Nb.text("nominate-closed-phase");
    let page = app.get_html(&path).await;
    assert!(page.contains(&message), "a clear message");
    assert!(!page.contains("<form class=\"form\""), "read-only");

    let mut changed = valid_nomination_form();
    changed.retain(|(name, _)| *name != "title");
    changed.push(("title", "Endret etter fristen"));
    let form: Vec<(&str, &str)> = changed;
    let response = app
        .client
        .post(app.url(&path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(serde_html_form::to_string(&form).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains(&message));
    let titles: Vec<String> = app
        .db
        .read(|conn| {
            use schema::nominations;
            Ok(nominations::table.select(nominations::title).load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(titles, vec!["Digital kontroll av tungtransport".to_owned()]);
}
