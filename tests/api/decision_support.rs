//! Decision support, decisions and exports: a round in discussion with three jurors, their
//! submitted scores and assessments (inserted directly), and one upheld conflict.

use bedre_stat::db::{self, schema};
use bedre_stat::i18n::Lang;
use bedre_stat::jury;
use bedre_stat::routes::decision_support::number;
use bedre_stat_test_support::fixtures::{
    AssessmentFixture, ConflictFixture, JurorFixture, NominationFixture, RoundFixture, ScoreFixture,
};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app};
use diesel::prelude::*;

on_both_backends!(
    the_secretariat_sees_the_aggregated_figures,
    a_conflicted_juror_sees_nothing_of_that_nomination,
    a_departing_decision_needs_a_rationale_and_records_absences,
    the_scores_export_as_quoted_csv_and_the_report_prints,
);

pub const PASSWORD: &str = "riktig hest batteri stift";
/// A justification a spreadsheet must not run, with everything CSV must quote.
pub const TRICKY: &str = "=1+1, \"sitat\"\nny linje";

/// What `seed` made.
pub struct Seeded {
    pub round_id: i32,
    /// (id, reference, title), A first: A ranks last and juror 3 is conflicted on it.
    pub nominations: Vec<(i32, String, String)>,
    /// (id, email, name) of jurors 1–3.
    pub jurors: Vec<(i32, String, String)>,
    pub admin_email: String,
}

impl Seeded {
    pub fn conflicted_juror(&self) -> &(i32, String, String) {
        &self.jurors[2]
    }

    pub fn conflicted_nomination(&self) -> &(i32, String, String) {
        &self.nominations[0]
    }
}

/// An admin (logged in on `app.client`), three jurors (1 and 3 with a password), a round
/// in discussion with four eligible nominations, scores and assessments.
pub async fn seed(app: &TestApp) -> Seeded {
    let admin_email = "sekretariat@dfo.no".to_owned();
    app.create_user(&admin_email, "Sara Sekretær", "admin", PASSWORD)
        .await;
    let mut jurors = Vec::new();
    for (email, name, password) in [
        ("juror1@example.no", "Juror En", Some(PASSWORD)),
        ("juror2@example.no", "Juror To", None),
        ("juror3@example.no", "Juror Tre", Some(PASSWORD)),
    ] {
        let juror = JurorFixture::new(email, name);
        let juror = match password {
            Some(password) => juror.password(password),
            None => juror,
        };
        jurors.push((juror.create(app).await, email.to_owned(), name.to_owned()));
    }
    let response = app.log_in(&admin_email, PASSWORD).await;
    assert_eq!(response.status(), 303);

    app.db
        .write(move |conn| {
            let round_id = RoundFixture::with_default_rubric(2031)
                .closed()
                .in_phase("discussion")
                .insert(conn)?;
            let criteria = db::jury::criteria_for(conn, round_id)?;
            // Base scores: A lowest, then D, C, B.
            let specs = [("A", 1), ("B", 4), ("C", 3), ("D", 2)];
            let mut nominations = Vec::new();
            for (i, (letter, _)) in specs.iter().enumerate() {
                let reference = format!("BSP-2031-000{}", i + 1);
                let title = format!("Tiltak {letter}");
                let id = NominationFixture::in_round(round_id)
                    .reference(&reference)
                    .title(&title)
                    .eligible()
                    .insert(conn)?;
                nominations.push((id, reference, title));
            }
            let (conflicted_juror, conflicted_nomination) = (jurors[2].0, nominations[0].0);
            ConflictFixture::declared(conflicted_juror, conflicted_nomination)
                .upheld()
                .insert(conn)?;
            for (j, (juror, _, juror_name)) in jurors.iter().enumerate() {
                for (n, (nomination, _, _)) in nominations.iter().enumerate() {
                    if *juror == conflicted_juror && *nomination == conflicted_nomination {
                        continue;
                    }
                    for (c, criterion) in criteria.iter().enumerate() {
                        let value = (specs[n].1 + ((j + c) % 2) as i32).min(5);
                        let justification = if j == 0 && n == 1 && c == 0 {
                            TRICKY
                        } else {
                            "Begrunnelse"
                        };
                        ScoreFixture::by(*juror, *nomination, criterion.id)
                            .value(value)
                            .justification(justification)
                            .insert(conn)?;
                    }
                    // Juror 2's assessment of D is a draft: not counted, "no" in the CSV.
                    let assessment = AssessmentFixture::by(*juror, *nomination)
                        .holistic(format!("Helhet fra {juror_name} om {}", specs[n].0));
                    if j == 1 && n == 3 {
                        assessment.draft().insert(conn)?;
                    } else {
                        assessment.insert(conn)?;
                    }
                }
            }
            Ok(Seeded {
                round_id,
                nominations,
                jurors,
                admin_email: "sekretariat@dfo.no".into(),
            })
        })
        .await
        .unwrap()
}

/// A browser of its own, logged in as `email`.
pub async fn browser_for(app: &TestApp, email: &str) -> reqwest::Client {
    app.browser_logged_in(email, PASSWORD).await
}

async fn aggregation(app: &TestApp, round_id: i32) -> jury::Aggregation {
    app.db
        .read(move |conn| Ok(jury::aggregate(&db::jury::jury_input(conn, round_id)?)))
        .await
        .unwrap()
}

/// The table row of a nomination on the decision-support page.
fn row<'a>(page: &'a str, reference: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"row-{reference}\""))
        .unwrap_or_else(|| panic!("a row for {reference}"));
    let end = start + page[start..].find("</tr>").unwrap();
    &page[start..end]
}

fn cell(value: &str) -> String {
    format!("<td class=\"num\">{value}</td>")
}

async fn the_secretariat_sees_the_aggregated_figures(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let path = format!("/sekretariat/runder/{}/resultater", seeded.round_id);
    let page = app.get_html(&path).await;
    assert!(
        page.contains("Dette er beslutningsstøtte"),
        "says what it is"
    );
    assert!(page.contains("<th scope=\"col\">Vektet snitt</th>"));

    let expected = aggregation(&app, seeded.round_id).await;
    assert_eq!(expected.nominations.len(), 4);
    for (id, reference, title) in &seeded.nominations {
        let summary = expected.get(jury::NominationId(*id)).unwrap();
        let row = row(&page, reference);
        assert!(row.contains(title));
        for value in [
            summary.weighted_mean.unwrap(),
            summary.median.unwrap(),
            summary.z_normalised.unwrap(),
            summary.borda,
            summary.disagreement.unwrap().std_dev,
            summary.disagreement.unwrap().range,
        ] {
            let shown = number(Lang::Nb, value);
            assert!(shown.contains(','), "a decimal comma: {shown}");
            assert!(row.contains(&cell(&shown)), "{reference}: {shown} in {row}");
        }
        let rank = summary.ranks.weighted_mean.unwrap().to_string();
        assert!(row.contains(&cell(&rank)));
        assert!(row.contains(&cell(&summary.missing_scores.to_string())));
        assert!(row.contains(&cell(&summary.jurors_counted.to_string())));
        assert_eq!(
            row.contains("Stor uenighet"),
            summary.disagreement.unwrap().flagged
        );
    }
    // The conflicted juror is not counted on A; juror 2's draft on D is not counted.
    for n in [&seeded.nominations[0], &seeded.nominations[3]] {
        let summary = expected.get(jury::NominationId(n.0)).unwrap();
        assert_eq!(summary.jurors_counted, 2, "{}", n.1);
    }
    let w = expected.kendall_w.expect("Kendall's W over a block");
    assert!(page.contains(&format!("Kendalls W: {}", number(Lang::Nb, w.w))));
    assert!(page.contains(&format!("over {} jurymedlemmer", w.jurors)));

    // Default order: by weighted mean rank; B first, A last.
    let position =
        |page: &str, reference: &str| page.find(&format!("id=\"row-{reference}\"")).unwrap();
    let by_mean: Vec<&str> = expected
        .ranking(jury::Measure::WeightedMean)
        .iter()
        .map(|s| {
            seeded
                .nominations
                .iter()
                .find(|n| n.0 == s.nomination.0)
                .unwrap()
                .1
                .as_str()
        })
        .collect();
    for pair in by_mean.windows(2) {
        assert!(position(&page, pair[0]) < position(&page, pair[1]));
    }
    assert!(page.contains(&format!("href=\"{path}?sorter=borda\"")));
    let sorted = app.get_html(&format!("{path}?sorter=borda")).await;
    assert!(sorted.contains("sortert etter Borda-poeng"));

    // English uses a decimal point.
    app.choose_language("en").await;
    let english = app.get_html(&path).await;
    let b = expected
        .get(jury::NominationId(seeded.nominations[1].0))
        .unwrap();
    assert!(
        row(&english, &seeded.nominations[1].1)
            .contains(&cell(&number(Lang::En, b.weighted_mean.unwrap())))
    );
    assert!(english.contains("This is decision support"));

    // Missing round: 404.
    assert_eq!(
        app.get("/sekretariat/runder/9999/resultater")
            .await
            .status(),
        404
    );
}

async fn a_conflicted_juror_sees_nothing_of_that_nomination(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let juror = browser_for(&app, &seeded.conflicted_juror().1).await;
    let path = format!("/jury/runder/{}/resultater", seeded.round_id);
    let response = juror.get(app.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("Dette er beslutningsstøtte"));
    let a = seeded.conflicted_nomination();
    let hidden_row = row(&page, &a.1);
    assert!(hidden_row.contains("Skjult fordi du er inhabil"));
    assert!(
        !hidden_row.contains("<td class=\"num\">"),
        "no figures: {hidden_row}"
    );
    assert!(!page.contains("om A</dd>"), "no assessment of A is shown");
    assert!(page.contains("Helhet fra Juror En om B"));
    assert!(
        !page.contains("name=\"rationale\""),
        "no decision forms for jurors"
    );
    // The secretariat's page and exports stay closed to jurors.
    for forbidden in [
        format!("/sekretariat/runder/{}/resultater", seeded.round_id),
        format!("/sekretariat/runder/{}/poeng.csv", seeded.round_id),
        format!("/sekretariat/runder/{}/rapport", seeded.round_id),
    ] {
        let status = juror
            .get(app.url(&forbidden))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 403, "{forbidden}");
    }

    // While the jurors still score independently, the page is closed.
    let round_id = seeded.round_id;
    app.move_round_to(round_id, "scoring").await;
    let response = juror.get(app.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), 403);
    // Anonymous: to the login page.
    let anonymous = app
        .other_browser()
        .get(app.url(&path))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 303);
}

async fn a_departing_decision_needs_a_rationale_and_records_absences(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let page = format!("/sekretariat/runder/{}/resultater", seeded.round_id);
    let action = format!("/sekretariat/runder/{}/vedtak", seeded.round_id);
    let a = seeded.conflicted_nomination().clone();
    let a_id = a.0.to_string();

    // A (ranked last) as the winner, without a rationale: refused, with what was chosen kept.
    let response = app
        .submit_form_to(
            &page,
            &action,
            &[
                ("kind", "winner"),
                ("nominations", &a_id),
                ("rationale", "  "),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Valget avviker fra rangeringen etter vektet snitt. Skriv en begrunnelse")
    );
    assert!(body.contains("href=\"#field-winner-rationale\""));
    assert!(body.contains(&format!(
        "id=\"choice-winner-{a_id}\" name=\"nominations\" value=\"{a_id}\" checked"
    )));
    let round_id = seeded.round_id;
    let db = app.db.clone();
    let count = move || {
        let db = db.clone();
        async move {
            db.read(move |conn| {
                Ok(schema::decisions::table
                    .filter(schema::decisions::round_id.eq(round_id))
                    .count()
                    .get_result::<i64>(conn)?)
            })
            .await
            .unwrap()
        }
    };
    assert_eq!(count().await, 0, "nothing stored");

    // Two winners: refused.
    let b_id = seeded.nominations[1].0.to_string();
    let response = app
        .submit_form_to(
            &page,
            &action,
            &[
                ("kind", "winner"),
                ("nominations", &a_id),
                ("nominations", &b_id),
                ("rationale", "x"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Velg nøyaktig én vinner.")
    );

    // With a rationale: stored, with juror 3 absent from A.
    let rationale = "Størst effekt for brukerne, tross lave poeng på innsparing.";
    let response = app
        .submit_form_to(
            &page,
            &action,
            &[
                ("kind", "winner"),
                ("nominations", &a_id),
                ("rationale", rationale),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let decisions = app
        .db
        .read(move |conn| Ok(db::decisions::latest(conn, round_id)?))
        .await
        .unwrap();
    assert_eq!(decisions.len(), 1);
    let winner = &decisions[0];
    assert_eq!(winner.kind, db::decisions::DecisionKind::Winner);
    assert!(winner.departs_from_ranking);
    assert_eq!(winner.rationale, rationale);
    assert_eq!(winner.decided_by, "Sara Sekretær");
    assert_eq!(winner.nominations.len(), 1);
    assert_eq!(winner.nominations[0].reference, a.1);
    assert_eq!(
        winner.absences,
        vec![db::decisions::Absence {
            reference: a.1.clone(),
            juror_name: seeded.conflicted_juror().2.clone(),
        }]
    );
    let actions = app
        .db
        .read(move |conn| Ok(db::audit::actions_for(conn, &format!("round:{round_id}"))?))
        .await
        .unwrap();
    assert_eq!(actions, vec!["decision_recorded".to_owned()]);

    // Finalists that follow the ranking need no rationale.
    let expected = aggregation(&app, round_id).await;
    let top: Vec<String> = expected
        .robustness
        .top_three
        .iter()
        .map(|n| n.0.to_string())
        .collect();
    let mut fields = vec![("kind", "finalists"), ("rationale", "")];
    fields.extend(top.iter().map(|id| ("nominations", id.as_str())));
    let response = app.submit_form_to(&page, &action, &fields).await;
    assert_eq!(response.status(), 303);

    // The page shows the decisions in force with rationale, who and absences.
    let html = app.get_html(&page).await;
    let winner_html = &html[html.find("id=\"decision-winner\"").unwrap()..];
    let winner_html = &winner_html[..winner_html.find("</article>").unwrap()];
    assert!(winner_html.contains(rationale));
    assert!(winner_html.contains("Registrert av Sara Sekretær"));
    assert!(winner_html.contains(&format!("Juror Tre ({})", a.1)));
    assert!(winner_html.contains("Avviker fra rangeringen"));
    let finalists_html = &html[html.find("id=\"decision-finalists\"").unwrap()..];
    let finalists_html = &finalists_html[..finalists_html.find("</article>").unwrap()];
    assert!(!finalists_html.contains("Avviker fra rangeringen"));
    assert!(finalists_html.contains("Ingen begrunnelse er skrevet"));
    assert_eq!(count().await, 2);
}

async fn the_scores_export_as_quoted_csv_and_the_report_prints(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let round_id = seeded.round_id;
    let response = app
        .get(&format!("/sekretariat/runder/{round_id}/poeng.csv"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"poeng-2031"),
        "{disposition}"
    );
    let body = response.text().await.unwrap();
    let body = body.strip_prefix('\u{feff}').expect("a byte-order mark");
    assert!(body.starts_with(
        "Referanse;Nominasjon;Jurymedlem;Kriterium;Vekt;Poeng;Begrunnelse;Sist endret;\
             Sendt inn;Holdt utenfor tallene (inhabil)\r\n"
    ));
    let scores: i64 = app
        .db
        .read(|conn| Ok(schema::scores::table.count().get_result(conn)?))
        .await
        .unwrap();
    assert_eq!(scores, 3 * 4 * 7 - 7, "the conflicted pair has none");
    // Justifications hold no CRLF, so each record ends with exactly one.
    assert_eq!(body.matches("\r\n").count() as i64, scores + 1);
    // Each record: the fields, the time scored (Norwegian time), the two marks.
    let record = |start: String, end: &str| {
        let found = body
            .split("\r\n")
            .find(|r| r.starts_with(&start))
            .unwrap_or_else(|| panic!("no record {start:?} in\n{body}"));
        assert!(found.ends_with(end), "{found}");
    };
    let (b_ref, b_title) = (&seeded.nominations[1].1, &seeded.nominations[1].2);
    record(
        format!("{b_ref};{b_title};Juror En;Styring;1;4;\"'=1+1, \"\"sitat\"\"\nny linje\";"),
        ";ja;nei",
    );
    let d = &seeded.nominations[3];
    record(
        format!("{};{};Juror To;Styring;1;3;Begrunnelse;", d.1, d.2),
        ";nei;nei",
    );
    assert!(!body.contains(&format!(
        "{};{};Juror Tre",
        seeded.nominations[0].1, seeded.nominations[0].2
    )));

    let report = app
        .get_html(&format!("/sekretariat/runder/{round_id}/rapport"))
        .await;
    assert!(report.contains("Juryrapport for prisen 2031"));
    assert!(report.contains("<th scope=\"row\">Styring</th>"));
    assert!(report.contains("Helhet fra Juror To om C"));
    assert!(report.contains("id=\"figures\""));
    assert!(report.contains("Ingen vedtak er registrert ennå."));
    assert!(!report.contains("name=\"rationale\""));
    assert!(report.contains("/static/app.css"));
    assert_eq!(
        app.get("/sekretariat/runder/9999/poeng.csv").await.status(),
        404
    );
    assert_eq!(
        app.get("/sekretariat/runder/9999/rapport").await.status(),
        404
    );
}
