//! The juror's desk through its HTML pages, with sessions and CSRF: scoring (drafts,
//! submission, locking), independence, affiliations and declared conflicts, and access.

use bedre_stat::db;
use bedre_stat_test_support::fixtures::{AssignmentFixture, JurorFixture, ScoringRound};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app};
use diesel::prelude::*;

on_both_backends!(
    a_juror_drafts_submits_and_is_then_locked,
    a_juror_sees_the_others_only_after_submitting,
    an_affiliation_flags_and_a_declared_conflict_excludes,
    only_the_jurors_own_nominations_and_only_when_signed_in,
);

const PASSWORD: &str = "riktig hest batteri stift";

/// A round in phase scoring with the default rubric, two eligible nominations (the first
/// from Statens vegvesen, 971032081; the second from Brønnøysundregistrene, 974760673) and
/// two jurors, Anne and Bjørn.
struct Jury {
    app: TestApp,
    round_id: i32,
    nominations: [i32; 2],
    criteria: Vec<i32>,
    anne: reqwest::Client,
    anne_id: i32,
    bjorn: reqwest::Client,
    bjorn_id: i32,
}

async fn jury_at_work(backend: Backend) -> Jury {
    let app = spawn_app(backend).await;
    let scoring = ScoringRound::with_two_nominations(&app).await;
    let round_id = scoring.round_id;
    let criteria: Vec<i32> = app
        .db
        .read(move |conn| Ok(db::jury::criteria_for(conn, round_id)?))
        .await
        .unwrap()
        .into_iter()
        .map(|criterion| criterion.id)
        .collect();
    assert_eq!(criteria.len(), 7, "the default rubric");
    let anne = JurorFixture::new("anne@dfo.no", "Anne Jurymedlem")
        .password(PASSWORD)
        .create(&app)
        .await;
    let bjorn = JurorFixture::new("bjorn@dfo.no", "Bjørn Jurymedlem")
        .password(PASSWORD)
        .create(&app)
        .await;
    Jury {
        anne: log_in(&app, "anne@dfo.no").await,
        bjorn: log_in(&app, "bjorn@dfo.no").await,
        app,
        round_id,
        nominations: scoring.nominations,
        criteria,
        anne_id: anne,
        bjorn_id: bjorn,
    }
}

async fn log_in(app: &TestApp, email: &str) -> reqwest::Client {
    app.browser_logged_in(email, PASSWORD).await
}

async fn get(app: &TestApp, browser: &reqwest::Client, path: &str) -> reqwest::Response {
    browser.get(app.url(path)).send().await.unwrap()
}

async fn page(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    let response = get(app, browser, path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap()
}

/// Opens `page_path` (for the CSRF token) and posts `fields` to `action`, as a browser.
async fn submit(
    app: &TestApp,
    browser: &reqwest::Client,
    page_path: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.submit_form_as(browser, page_path, action, fields).await
}

fn nomination_path(id: i32) -> String {
    format!("/jury/nominasjoner/{id}")
}

/// Every criterion scored and justified, the holistic assessment written, and the action.
fn complete_sheet(criteria: &[i32], holistic: &str, action: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = criteria
        .iter()
        .enumerate()
        .flat_map(|(i, id)| {
            [
                (format!("score-{id}"), (i % 6).to_string()),
                (
                    format!("justification-{id}"),
                    format!("Begrunnelse nummer {i}"),
                ),
            ]
        })
        .collect();
    fields.push(("holistic".into(), holistic.into()));
    fields.push(("action".into(), action.into()));
    fields
}

fn borrowed(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Follows a form's redirect (post/redirect/get) to the page it lands on, as the browser
/// would, and returns that page; its flash message says what happened.
async fn landing(app: &TestApp, browser: &reqwest::Client, response: reqwest::Response) -> String {
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        !location.contains('#'),
        "the flash is at the top: {location}"
    );
    page(app, browser, &location).await
}

/// Submits a complete sheet and returns the page the juror lands on.
async fn submit_sheet(
    jury: &Jury,
    browser: &reqwest::Client,
    nomination: i32,
    holistic: &str,
) -> String {
    let path = nomination_path(nomination);
    let fields = complete_sheet(&jury.criteria, holistic, "submit");
    let response = submit(&jury.app, browser, &path, &path, &borrowed(&fields)).await;
    assert_eq!(response.status(), 303, "submitted");
    landing(&jury.app, browser, response).await
}

async fn audit_actions(app: &TestApp, reference_of: i32) -> Vec<String> {
    app.db
        .read(move |conn| {
            use db::schema::nominations;
            let reference: String = nominations::table
                .find(reference_of)
                .select(nominations::reference)
                .first(conn)?;
            Ok(db::audit::actions_for(conn, &reference)?)
        })
        .await
        .unwrap()
}

async fn a_juror_drafts_submits_and_is_then_locked(backend: Backend) {
    let jury = jury_at_work(backend).await;
    let (app, anne) = (&jury.app, &jury.anne);
    let [first, _] = jury.nominations;
    let path = nomination_path(first);
    let [c1, c2, c3] = [jury.criteria[0], jury.criteria[1], jury.criteria[2]];

    let overview = page(app, anne, "/jury").await;
    assert!(overview.contains("Digital kontroll av tungtransport"));
    assert!(overview.contains(&format!("href=\"{path}\"")));
    assert!(overview.contains("Ikke påbegynt"));

    let html = page(app, anne, &path).await;
    assert!(html.contains("Statens vegvesen"), "the nomination's text");
    assert!(html.contains("Færre ulykker og mindre kø."));
    assert!(
        html.contains("Effekter for brukere og samfunn"),
        "criterion names"
    );
    assert!(html.contains(&format!("name=\"score-{c1}\" value=\"5\"")));
    assert!(html.contains("<legend"), "radio groups have legends");
    assert!(html.contains("Lagre utkast") && html.contains("Send inn"));

    // A draft with a score out of range and a justification without its score.
    let c1_score = format!("score-{c1}");
    let c2_justification = format!("justification-{c2}");
    let response = submit(
        app,
        anne,
        &path,
        &path,
        &[
            (&c1_score, "7"),
            (&c2_justification, "Tydelig forankret i ledelsen"),
            ("holistic", "Et godt tiltak."),
            ("action", "draft"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    // Each message says what to do, naming the criterion (issue 8).
    assert!(html.contains("Velg en poengsum fra 0 til 5 for Styring."));
    assert!(html.contains("Velg en poengsum for Kontroll."));
    assert!(html.contains("error-summary"));
    assert!(
        html.contains("Tydelig forankret i ledelsen"),
        "what was typed is kept"
    );
    assert!(html.contains("Et godt tiltak."));
    let stored = count_scores(app).await;
    assert_eq!(stored, 0, "nothing half-written is stored");

    // A valid, incomplete draft is saved.
    let c1_justification = format!("justification-{c1}");
    let response = submit(
        app,
        anne,
        &path,
        &path,
        &[
            (&c1_score, "3"),
            (&c1_justification, "Klare mål"),
            ("holistic", "Et godt tiltak."),
            ("action", "draft"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(count_scores(app).await, 1);
    let html = landing(app, anne, response).await;
    assert!(html.contains("Utkastet er lagret."));
    assert!(html.contains(&format!("name=\"score-{c1}\" value=\"3\" checked")));
    assert!(html.contains("Klare mål"));
    assert!(page(app, anne, "/jury").await.contains("Utkast"));

    // Submitting needs everything.
    let c3_score = format!("score-{c3}");
    let response = submit(
        app,
        anne,
        &path,
        &path,
        &[
            (&c1_score, "4"),
            (&c1_justification, "Klare mål"),
            (&c3_score, "2"),
            ("holistic", ""),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Skriv en helhetsvurdering før du sender inn."));
    assert!(html.contains("Skriv en kort begrunnelse for poengsummen for Innsparing."));
    assert!(html.contains(&format!("href=\"#field-score-{c2}\"")));
    assert!(html.contains(&format!("href=\"#field-justification-{c3}\"")));
    assert!(html.contains("href=\"#field-holistic\""));
    let (submitted, value) = app
        .db
        .read(move |conn| {
            use db::schema::{assessments, scores};
            let value: i32 = scores::table
                .filter(scores::criterion_id.eq(c1))
                .select(scores::value)
                .first(conn)?;
            let submitted: i64 = assessments::table
                .filter(assessments::submitted_at.is_not_null())
                .count()
                .get_result(conn)?;
            Ok((submitted, value))
        })
        .await
        .unwrap();
    assert_eq!(submitted, 0);
    assert_eq!(value, 3, "a refused submission changes nothing");

    // Complete: submitted and locked.
    let html = submit_sheet(&jury, anne, first, "Samlet sett et forbilledlig tiltak.").await;
    assert_eq!(count_scores(app).await, 7);
    assert!(html.contains("Vurderingen din er sendt inn."));
    assert!(html.contains("er låst"));
    assert!(!html.contains("name=\"score-"), "no form after submitting");
    assert!(html.contains("Samlet sett et forbilledlig tiltak."));
    assert!(page(app, anne, "/jury").await.contains("Sendt inn"));

    // A POST after submitting is refused, and changes nothing.
    let response = submit(
        app,
        anne,
        &path,
        &path,
        &[(&c1_score, "0"), ("action", "draft")],
    )
    .await;
    assert_eq!(response.status(), 403);
    let values: Vec<i32> = app
        .db
        .read(move |conn| {
            use db::schema::scores;
            Ok(scores::table
                .filter(scores::criterion_id.eq(c1))
                .select(scores::value)
                .load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(
        values,
        vec![0],
        "the submitted score (0 for the first criterion)"
    );

    let actions = audit_actions(app, first).await;
    assert_eq!(
        actions.iter().filter(|a| *a == "score.changed").count(),
        1 + 7,
        "one event per changed score: {actions:?}"
    );
    assert!(actions.contains(&"assessment.saved".to_owned()));
    assert!(actions.contains(&"assessment.submitted".to_owned()));

    // Without the CSRF token nothing is stored.
    let other = nomination_path(jury.nominations[1]);
    let response = anne
        .post(app.url(&other))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("csrf_token=x&score-{c1}=1&action=draft"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(count_scores(app).await, 7);
}

async fn count_scores(app: &TestApp) -> i64 {
    app.db
        .read(|conn| {
            use db::schema::scores;
            Ok(scores::table.count().get_result::<i64>(conn)?)
        })
        .await
        .unwrap()
}

async fn a_juror_sees_the_others_only_after_submitting(backend: Backend) {
    let jury = jury_at_work(backend).await;
    let (app, anne, bjorn) = (&jury.app, &jury.anne, &jury.bjorn);
    let [first, _] = jury.nominations;
    let path = nomination_path(first);

    submit_sheet(&jury, bjorn, first, "Bjørns helhetsvurdering: sterkt.").await;
    let html = page(app, anne, &path).await;
    assert!(!html.contains("Bjørns helhetsvurdering"));
    assert!(!html.contains("Bjørn Jurymedlem"));
    assert!(!html.contains("Begrunnelse nummer"));
    assert!(!html.contains("id=\"others\""));

    // A draft is not enough.
    let fields = complete_sheet(&jury.criteria, "Annes utkast.", "draft");
    let response = submit(app, anne, &path, &path, &borrowed(&fields)).await;
    assert_eq!(response.status(), 303);
    assert!(
        !page(app, anne, &path)
            .await
            .contains("Bjørns helhetsvurdering")
    );

    submit_sheet(&jury, anne, first, "Annes helhetsvurdering.").await;
    let html = page(app, anne, &path).await;
    assert!(html.contains("id=\"others\""));
    assert!(html.contains("Bjørns helhetsvurdering: sterkt."));
    assert!(html.contains("Bjørn Jurymedlem"));
    assert!(html.contains("Begrunnelse nummer 6"));

    // Bjørn, who submitted first, now sees Anne's.
    assert!(
        page(app, bjorn, &path)
            .await
            .contains("Annes helhetsvurdering.")
    );

    // Once the discussion is open, a juror who has not submitted sees the others too, but
    // cannot score any more.
    let [_, second] = jury.nominations;
    submit_sheet(&jury, bjorn, second, "Bjørn om den andre.").await;
    let second_path = nomination_path(second);
    assert!(
        !page(app, anne, &second_path)
            .await
            .contains("Bjørn om den andre.")
    );
    app.move_round_to(jury.round_id, "discussion").await;
    let html = page(app, anne, &second_path).await;
    assert!(html.contains("Bjørn om den andre."));
    assert!(!html.contains("name=\"score-"));
}

async fn an_affiliation_flags_and_a_declared_conflict_excludes(backend: Backend) {
    let jury = jury_at_work(backend).await;
    let (app, anne, bjorn) = (&jury.app, &jury.anne, &jury.bjorn);
    let [first, second] = jury.nominations;
    let c1 = jury.criteria[0];

    // Affiliations: a wrong organisation number is refused with a message.
    let affiliations = "/jury/tilknytninger";
    let html = page(app, anne, affiliations).await;
    assert!(html.contains("Du har ikke registrert noen tilknytninger."));
    let response = submit(
        app,
        anne,
        affiliations,
        affiliations,
        &[
            ("organisation", "Statens vegvesen"),
            ("org_number", "971032082"),
            ("role", "Styremedlem"),
            ("period_from", "2020-01-01"),
            ("period_to", "ikke en dato"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Skriv en dato som 2027-10-01."));
    assert!(
        html.contains("value=\"Styremedlem\""),
        "what was typed is kept"
    );
    assert!(html.contains("error-summary"));
    let response = submit(
        app,
        anne,
        affiliations,
        affiliations,
        &[
            ("organisation", "Statens vegvesen"),
            ("org_number", "971 032 081"),
            ("role", "Styremedlem"),
            ("period_from", "2020-01-01"),
            ("period_to", ""),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let html = page(app, anne, affiliations).await;
    assert!(html.contains("971032081") && html.contains("Styremedlem"));

    // The nomination from that organisation is flagged and closed to Anne.
    submit_sheet(&jury, bjorn, first, "Bjørns vurdering av den første.").await;
    let overview = page(app, anne, "/jury").await;
    assert!(overview.contains("Du kan være inhabil"));
    let path = nomination_path(first);
    let html = page(app, anne, &path).await;
    assert!(html.contains("Du kan være inhabil"));
    assert!(
        html.contains("Digital kontroll av tungtransport"),
        "the text is shown"
    );
    assert!(!html.contains("name=\"score-"));
    assert!(!html.contains("Bjørns vurdering av den første."));
    let score = format!("score-{c1}");
    let response = submit(
        app,
        anne,
        &path,
        &path,
        &[(&score, "3"), ("action", "draft")],
    )
    .await;
    assert_eq!(response.status(), 403);
    assert_eq!(
        scores_of_nomination(app, first).await,
        7,
        "only Bjørn's scores"
    );

    // Removing the affiliation once scoring has begun does not lift the flag: it stays,
    // as a case for the secretariat (see tests/api/impartiality.rs for its dismissal).
    let affiliation_id: i32 = app
        .db
        .read(|conn| {
            use db::schema::affiliations;
            Ok(affiliations::table.select(affiliations::id).first(conn)?)
        })
        .await
        .unwrap();
    let remove = format!("/jury/tilknytninger/{affiliation_id}/slett");
    // Bjørn cannot remove Anne's affiliation.
    let response = submit(app, bjorn, affiliations, &remove, &[]).await;
    assert_eq!(response.status(), 404);
    let response = submit(app, anne, affiliations, &remove, &[]).await;
    assert_eq!(response.status(), 303);
    assert!(
        page(app, anne, "/jury")
            .await
            .contains("Du kan være inhabil")
    );
    assert!(!page(app, anne, &path).await.contains("name=\"score-"));

    // Declaring a conflict on the second nomination: a reason is required.
    let second_path = nomination_path(second);
    let declare = format!("{second_path}/habilitet");
    let response = submit(
        app,
        anne,
        &second_path,
        &declare,
        &[("conflict_reason", "  ")],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Feltet må fylles ut.")
    );
    let response = submit(
        app,
        anne,
        &second_path,
        &declare,
        &[("conflict_reason", "Min svoger leder prosjektet.")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert!(
        landing(app, anne, response)
            .await
            .contains("Inhabiliteten er meldt. Sekretariatet vurderer saken.")
    );
    let status: String = app
        .db
        .read(move |conn| {
            use db::schema::conflicts;
            Ok(conflicts::table
                .filter(conflicts::nomination_id.eq(second))
                .select(conflicts::status)
                .first(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(status, "declared");
    let html = page(app, anne, &second_path).await;
    assert!(html.contains("Du har meldt deg inhabil"));
    assert!(html.contains("Min svoger leder prosjektet."));
    assert!(!html.contains("name=\"score-"));
    assert!(!html.contains("name=\"conflict_reason\""), "declared once");
    let response = submit(
        app,
        anne,
        &second_path,
        &second_path,
        &[(&score, "3"), ("action", "draft")],
    )
    .await;
    assert_eq!(response.status(), 403);
    assert_eq!(scores_of_nomination(app, second).await, 0);
    assert!(
        audit_actions(app, second)
            .await
            .contains(&"conflict.declared".to_owned())
    );
    assert!(
        page(app, anne, "/jury")
            .await
            .contains("Du har meldt deg inhabil")
    );
}

async fn scores_of_nomination(app: &TestApp, nomination: i32) -> i64 {
    app.db
        .read(move |conn| {
            use db::schema::scores;
            Ok(scores::table
                .filter(scores::nomination_id.eq(nomination))
                .count()
                .get_result::<i64>(conn)?)
        })
        .await
        .unwrap()
}

async fn only_the_jurors_own_nominations_and_only_when_signed_in(backend: Backend) {
    let jury = jury_at_work(backend).await;
    let (app, anne, bjorn) = (&jury.app, &jury.anne, &jury.bjorn);
    let [first, second] = jury.nominations;

    // Anonymous: to the login page, and back afterwards.
    let stranger = app.other_browser();
    for path in ["/jury", "/jury/tilknytninger", &nomination_path(first)] {
        let response = get(app, &stranger, path).await;
        assert_eq!(response.status(), 303, "{path}");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/logg-inn?neste="), "{location}");
    }
    let response = stranger
        .post(app.url(&nomination_path(first)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("action=draft")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);

    // Explicit assignments: Anne gets only the first nomination, Bjørn only the second.
    let (anne_id, bjorn_id) = (jury.anne_id, jury.bjorn_id);
    app.db
        .write(move |conn| {
            AssignmentFixture::gives(anne_id, first).insert(conn)?;
            AssignmentFixture::gives(bjorn_id, second).insert(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    assert_ne!(anne_id, bjorn_id);
    let overview = page(app, anne, "/jury").await;
    assert!(overview.contains(&nomination_path(first)));
    assert!(!overview.contains(&nomination_path(second)));
    let second_path = nomination_path(second);
    assert_eq!(get(app, anne, &second_path).await.status(), 404);
    assert_eq!(
        get(app, anne, "/jury/nominasjoner/99999").await.status(),
        404
    );
    // A POST to the unassigned nomination is refused the same way, with a valid token.
    let fields = complete_sheet(&jury.criteria, "Skulle ikke lagres.", "submit");
    let response = submit(app, anne, "/jury", &second_path, &borrowed(&fields)).await;
    assert_eq!(response.status(), 404);
    let response = submit(
        app,
        anne,
        "/jury",
        &format!("{second_path}/habilitet"),
        &[("conflict_reason", "Prøver.")],
    )
    .await;
    assert_eq!(response.status(), 404);
    assert_eq!(scores_of_nomination(app, second).await, 0);
    assert!(
        page(app, bjorn, &second_path)
            .await
            .contains("name=\"score-")
    );

    // The secretariat may look, but scores are the jurors'.
    app.create_user("sekretariat@dfo.no", "Siri Sekretær", "admin", PASSWORD)
        .await;
    let admin = log_in(app, "sekretariat@dfo.no").await;
    assert!(page(app, &admin, "/jury").await.contains(&second_path));
    let html = page(app, &admin, &second_path).await;
    assert!(html.contains("bare jurymedlemmer gir poeng"));
    assert!(!html.contains("name=\"score-") && !html.contains("name=\"conflict_reason\""));
    let response = submit(app, &admin, &second_path, &second_path, &borrowed(&fields)).await;
    assert_eq!(response.status(), 403);
    assert_eq!(scores_of_nomination(app, second).await, 0);
}
