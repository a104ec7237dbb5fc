//! The secretariat's management of the jury's work, through its pages: rounds and their
//! rubric, screening and carrying nominations, assignments, decisions on conflicts of
//! interest, reopening assessments and the audit log.

use bedre_stat::db;
use bedre_stat::domain::Impartiality;
use bedre_stat_test_support::fixtures::{
    Affiliation, AssessmentFixture, ConflictFixture, JurorFixture, ScoreFixture,
};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app};
use diesel::prelude::*;

on_both_backends!(
    rounds_are_created_and_edited_with_clear_messages,
    the_rubric_can_be_edited_until_the_first_score,
    nominations_are_screened_and_carried_into_a_later_round,
    explicit_assignments_decide_what_a_juror_gets,
    the_secretariat_decides_on_conflicts,
    a_submitted_assessment_is_reopened_and_the_log_shows_it,
    only_the_secretariat_may_use_these_pages,
);

const PASSWORD: &str = "riktig hest batteri stift";

pub(crate) async fn admin_app(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    app.create_user("sekretariat@dfo.no", "Siri Sekretær", "admin", PASSWORD)
        .await;
    assert_eq!(
        app.log_in("sekretariat@dfo.no", PASSWORD).await.status(),
        303
    );
    app
}

/// A nomination through the API, with the given organisation number; returns its row.
pub(crate) async fn nomination(
    app: &TestApp,
    org_number: &str,
    title: &str,
) -> db::nominations::NominationRow {
    let fields = [("org_number", org_number), ("title", title)];
    crate::tips_and_search::nomination_with(app, &fields).await
}

/// A juror (`email`, `name`) with a submitted assessment of a new nomination: the juror's
/// id and the nomination.
pub(crate) async fn juror_with_a_submitted_assessment(
    app: &TestApp,
    email: &str,
    name: &str,
) -> (i32, db::nominations::NominationRow) {
    let juror = JurorFixture::new(email, name).create(app).await;
    let nomination = nomination(app, "971032081", "Digital kontroll").await;
    let nomination_id = nomination.id;
    app.db
        .write(move |conn| {
            Ok(AssessmentFixture::by(juror, nomination_id)
                .holistic("Et godt tiltak.")
                .insert(conn)?)
        })
        .await
        .unwrap();
    (juror, nomination)
}

/// The secretariat reopens `juror`'s assessment from the nomination's page.
pub(crate) async fn reopen_assessment(
    app: &TestApp,
    nomination_id: i32,
    juror: i32,
) -> reqwest::Response {
    let path = format!("/sekretariat/nominasjoner/{nomination_id}");
    app.submit_form_to(
        &path,
        &format!("{path}/gjenapne"),
        &[("juror", &juror.to_string())],
    )
    .await
}

async fn reload(app: &TestApp, id: i32) -> db::nominations::NominationRow {
    app.db
        .read(move |conn| Ok(db::nominations::find_by_id(conn, id)?))
        .await
        .unwrap()
}

async fn audit_actions(app: &TestApp, subject: &str) -> Vec<String> {
    let subject = subject.to_owned();
    app.db
        .read(move |conn| Ok(db::audit::actions_for(conn, &subject)?))
        .await
        .unwrap()
}

/// Creates a round through the form and returns its id.
async fn create_round(app: &TestApp, year: &str, deadline: &str) -> i32 {
    let response = app
        .submit_form(
            "/sekretariat/runder",
            &[
                ("prize_year", year),
                ("nomination_deadline", deadline),
                ("jury_deadline", ""),
                ("conference_date", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    location
        .strip_prefix("/sekretariat/runder/")
        .unwrap()
        .parse()
        .unwrap()
}

async fn criteria(app: &TestApp, round_id: i32) -> Vec<db::jury::CriterionRow> {
    app.db
        .read(move |conn| Ok(db::jury::criteria_for(conn, round_id)?))
        .await
        .unwrap()
}

async fn rounds_are_created_and_edited_with_clear_messages(backend: Backend) {
    let app = admin_app(backend).await;
    let overview = app.get_html("/sekretariat").await;
    for link in [
        "/sekretariat/runder",
        "/sekretariat/habilitet",
        "/sekretariat/logg",
    ] {
        assert!(overview.contains(&format!("href=\"{link}\"")), "{link}");
    }

    let response = app
        .submit_form(
            "/sekretariat/runder",
            &[
                ("prize_year", "tjuetretti"),
                ("nomination_deadline", "01.10.2029"),
                ("jury_deadline", "2029-11-31"),
                ("conference_date", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Skriv en dato som 2027-10-01."), "{page}");
    assert!(page.contains("value=\"tjuetretti\""));
    assert!(page.contains("value=\"01.10.2029\""));
    assert!(page.contains("value=\"2029-11-31\""));
    assert!(page.contains("href=\"#field-prize_year\""));

    // A winter deadline closes at midnight Oslo time, 23:00 UTC.
    let round_id = create_round(&app, "2030", "2029-12-01").await;
    let round = app
        .db
        .read(move |conn| Ok(db::rounds::find(conn, round_id)?))
        .await
        .unwrap();
    assert_eq!(round.prize_year, 2030);
    assert_eq!(round.closes_at.to_string(), "2029-12-01 23:00:00");
    assert_eq!(round.phase.code(), "nominations");
    assert_eq!(
        criteria(&app, round_id).await.len(),
        7,
        "the default rubric"
    );
    let list = app.get_html("/sekretariat/runder").await;
    // The deadline written out, the Norwegian way.
    assert!(list.contains("1. desember 2029"));

    let again = app
        .submit_form(
            "/sekretariat/runder",
            &[
                ("prize_year", "2030"),
                ("nomination_deadline", "2029-10-01"),
            ],
        )
        .await;
    assert_eq!(again.status(), 422);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("Det finnes allerede en runde for dette prisåret.")
    );

    let path = format!("/sekretariat/runder/{round_id}");
    let response = app
        .submit_form(
            &path,
            &[
                ("nomination_deadline", "2029-10-01"),
                ("jury_deadline", "neste uke"),
                ("conference_date", "2030-01-15"),
                ("round_phase", "voting"),
                ("disagreement_threshold", "mye"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Velg en fase."));
    assert!(page.contains("Skriv en dato som 2027-10-01."));
    assert!(page.contains("value=\"neste uke\""));
    assert!(page.contains("value=\"mye\""));
    assert!(page.contains("value=\"2030-01-15\""));
    let unchanged = app
        .db
        .read(move |conn| Ok(db::rounds::find(conn, round_id)?))
        .await
        .unwrap();
    assert_eq!(unchanged.conference_date, None, "nothing half-written");

    let response = app
        .submit_form(
            &path,
            &[
                ("nomination_deadline", "2029-10-01"),
                ("jury_deadline", "2029-12-01"),
                ("conference_date", "2030-01-15"),
                ("round_phase", "scoring"),
                ("disagreement_threshold", "1,5"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, path, "back to the round page, without a fragment");
    let round = app
        .db
        .read(move |conn| Ok(db::rounds::find(conn, round_id)?))
        .await
        .unwrap();
    assert_eq!(round.phase.code(), "scoring");
    assert_eq!(round.disagreement_threshold, 1.5);
    assert_eq!(round.closes_at.to_string(), "2029-10-01 22:00:00");
    assert_eq!(
        round.jury_deadline.map(|d| d.to_string()).as_deref(),
        Some("2029-12-01")
    );
    let page = app.get_html(&location).await;
    assert!(page.contains("Endringen er lagret."));
    assert!(page.contains("value=\"1,5\""));
    assert!(page.contains("value=\"scoring\" checked"));
    assert_eq!(
        audit_actions(&app, &format!("round:{round_id}")).await,
        ["round.created", "round.updated", "round.phase_changed"]
    );
}

async fn the_rubric_can_be_edited_until_the_first_score(backend: Backend) {
    let app = admin_app(backend).await;
    let juror_id = JurorFixture::new("jury@example.no", "Jon Jurymedlem")
        .create(&app)
        .await;
    let nomination = nomination(&app, "971032081", "Digital kontroll").await;
    let round_id = nomination.round_id;
    let path = format!("/sekretariat/runder/{round_id}");
    let page = app.get_html(&path).await;
    assert!(page.contains("Styring"));
    for anchor in 0..=5 {
        assert!(page.contains(&format!("<th scope=\"row\">{anchor}</th>")));
    }
    assert!(page.contains("Ingen bidrag på dette området."));
    assert!(page.contains("Fremragende"));

    let add = format!("{path}/kriterier");
    let response = app
        .submit_form_to(
            &path,
            &add,
            &[
                ("criterion_name", "Bærekraft"),
                ("criterion_description", "Virkninger for klima og miljø."),
                ("criterion_weight", "0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Vekten må være et tall større enn 0"));
    assert!(page.contains("value=\"Bærekraft\""));
    assert_eq!(criteria(&app, round_id).await.len(), 7);

    let response = app
        .submit_form_to(
            &path,
            &add,
            &[
                ("criterion_name", "Bærekraft"),
                ("criterion_description", "Virkninger for klima og miljø."),
                ("criterion_weight", "1,5"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let rubric = criteria(&app, round_id).await;
    assert_eq!(rubric.len(), 8);
    let added = rubric.last().unwrap().clone();
    assert_eq!((added.name.as_str(), added.weight), ("Bærekraft", 1.5));

    let styring = rubric.iter().find(|c| c.code == "styring").unwrap().clone();
    let edit = format!("{path}/kriterier/{}", styring.id);
    let response = app
        .submit_form(
            &edit,
            &[
                ("criterion_name", "Styring og ledelse"),
                ("criterion_description", "Mål, prioritering og ledelse."),
                ("criterion_weight", "2.5"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let edited = criteria(&app, round_id)
        .await
        .into_iter()
        .find(|c| c.id == styring.id)
        .unwrap();
    assert_eq!(edited.name, "Styring og ledelse");
    assert_eq!(edited.weight, 2.5);

    let remove = format!("{path}/kriterier/{}/fjern", added.id);
    let response = app.submit_form_to(&path, &remove, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(criteria(&app, round_id).await.len(), 7);

    // The first score locks the rubric.
    let (nomination_id, criterion_id) = (nomination.id, styring.id);
    app.db
        .write(move |conn| {
            Ok(ScoreFixture::by(juror_id, nomination_id, criterion_id)
                .value(4)
                .justification("Tydelige mål.")
                .insert(conn)?)
        })
        .await
        .unwrap();
    let page = app.get_html(&path).await;
    assert!(page.contains("id=\"rubric-locked\""));
    assert!(!page.contains(&format!("action=\"{add}\"")), "no add form");
    let response = app
        .submit_form_to(
            &path,
            &add,
            &[
                ("criterion_name", "Sent"),
                ("criterion_description", ""),
                ("criterion_weight", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 409);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("id=\"rubric-refused\"")
    );
    let response = app
        .submit_form(
            &edit,
            &[
                ("criterion_name", "Endret"),
                ("criterion_description", ""),
                ("criterion_weight", "9"),
            ],
        )
        .await;
    assert_eq!(response.status(), 409);
    let remove_locked = format!("{path}/kriterier/{}/fjern", styring.id);
    let response = app.submit_form_to(&path, &remove_locked, &[]).await;
    assert_eq!(response.status(), 409);
    let after = criteria(&app, round_id).await;
    assert_eq!(after.len(), 7);
    assert_eq!(
        after.iter().find(|c| c.id == styring.id).unwrap().weight,
        2.5
    );
    assert_eq!(
        audit_actions(&app, &format!("criterion:{}", added.id)).await,
        ["criterion.added", "criterion.removed"]
    );
    assert_eq!(
        audit_actions(&app, &format!("criterion:{}", styring.id)).await,
        ["criterion.updated"]
    );
}

async fn nominations_are_screened_and_carried_into_a_later_round(backend: Backend) {
    let app = admin_app(backend).await;
    let nomination = nomination(&app, "971032081", "Digital kontroll").await;
    let list = app
        .get_html(&format!(
            "/sekretariat/runder/{}/nominasjoner",
            nomination.round_id
        ))
        .await;
    assert!(list.contains(&nomination.reference));
    assert!(list.contains("Digital kontroll"));
    assert!(list.contains("Ikke vurdert"));

    let path = format!("/sekretariat/nominasjoner/{}", nomination.id);
    let page = app.get_html(&path).await;
    assert!(page.contains("kari.nordmann@vegvesen.no"));
    assert!(page.contains("Færre ulykker og mindre kø."));

    let screen = format!("{path}/vurdering");
    let response = app
        .submit_form_to(
            &path,
            &screen,
            &[("screening", "excluded"), ("exclusion_reason", "  ")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("href=\"#field-exclusion_reason\"")
    );
    assert_eq!(reload(&app, nomination.id).await.status.code(), "submitted");

    let response = app
        .submit_form_to(
            &path,
            &screen,
            &[
                ("screening", "excluded"),
                ("exclusion_reason", "Tiltaket er ikke gjennomført ennå."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let row = reload(&app, nomination.id).await;
    assert_eq!(row.status.code(), "excluded");
    assert_eq!(
        row.exclusion_reason.as_deref(),
        Some("Tiltaket er ikke gjennomført ennå.")
    );

    let response = app
        .submit_form_to(&path, &screen, &[("screening", "eligible")])
        .await;
    assert_eq!(response.status(), 303);
    let row = reload(&app, nomination.id).await;
    assert_eq!(
        (row.status.code(), row.exclusion_reason),
        ("eligible", None)
    );

    // Carry: only into a later round.
    let round = app
        .db
        .read(move |conn| Ok(db::rounds::find(conn, row.round_id)?))
        .await
        .unwrap();
    let page = app.get_html(&path).await;
    assert!(page.contains("Det finnes ingen senere runde"));
    let earlier = create_round(&app, &(round.prize_year - 1).to_string(), "2025-10-01").await;
    let later = create_round(&app, &(round.prize_year + 1).to_string(), "2028-10-01").await;
    let carry = format!("{path}/flytt");
    let response = app
        .submit_form_to(&path, &carry, &[("target_round", &earlier.to_string())])
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(reload(&app, nomination.id).await.round_id, round.id);
    let response = app
        .submit_form_to(&path, &carry, &[("target_round", &later.to_string())])
        .await;
    assert_eq!(response.status(), 303);
    let carried = reload(&app, nomination.id).await;
    assert_eq!(carried.round_id, later);
    assert_eq!(carried.carried_from_round_id, Some(round.id));
    assert_eq!(carried.reference, nomination.reference);
    assert_eq!(carried.status.code(), "submitted");
    let page = app.get_html(&path).await;
    assert!(page.contains(&format!("Overført fra runden for {}", round.prize_year)));
    assert_eq!(
        audit_actions(&app, &nomination.reference).await,
        [
            "nomination.submitted",
            "nomination.excluded",
            "nomination.eligible",
            "nomination.carried"
        ]
    );
}

async fn assigned_ids(app: &TestApp, round_id: i32, juror_id: i32) -> Vec<i32> {
    app.db
        .read(move |conn| {
            Ok(db::jury::juror_nominations(conn, round_id, juror_id)?
                .into_iter()
                .map(|n| n.id)
                .collect())
        })
        .await
        .unwrap()
}

async fn explicit_assignments_decide_what_a_juror_gets(backend: Backend) {
    let app = admin_app(backend).await;
    let kari = JurorFixture::new("kari@example.no", "Kari Jury")
        .create(&app)
        .await;
    let ola = JurorFixture::new("ola@example.no", "Ola Jury")
        .create(&app)
        .await;
    let first = nomination(&app, "971032081", "Første").await;
    let second = nomination(&app, "974760673", "Andre").await;
    for n in [&first, &second] {
        let path = format!("/sekretariat/nominasjoner/{}", n.id);
        let response = app
            .submit_form_to(
                &path,
                &format!("{path}/vurdering"),
                &[("screening", "eligible")],
            )
            .await;
        assert_eq!(response.status(), 303);
    }
    let round_id = first.round_id;
    let both = vec![first.id, second.id];
    assert_eq!(assigned_ids(&app, round_id, kari).await, both);
    assert_eq!(assigned_ids(&app, round_id, ola).await, both);

    let path = format!("/sekretariat/nominasjoner/{}", first.id);
    let page = app.get_html(&path).await;
    assert!(page.contains("Uten noen tildeling i runden får alle jurymedlemmer"));
    assert!(page.contains("Kari Jury"));
    let assign = format!("{path}/tildeling");
    let response = app
        .submit_form_to(&path, &assign, &[("assigned_jurors", &kari.to_string())])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(assigned_ids(&app, round_id, kari).await, vec![first.id]);
    assert!(assigned_ids(&app, round_id, ola).await.is_empty());
    let page = app.get_html(&path).await;
    assert!(page.contains(&format!("value=\"{kari}\" checked")));
    assert!(page.contains("Runden har tildelinger"));

    let response = app.submit_form_to(&path, &assign, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(assigned_ids(&app, round_id, ola).await, both);
    assert_eq!(
        audit_actions(&app, &first.reference).await.last().unwrap(),
        "assignments.changed"
    );
}

async fn standing(app: &TestApp, juror_id: i32, nomination_id: i32) -> Impartiality {
    app.db
        .read(move |conn| {
            let nomination = db::nominations::find_by_id(conn, nomination_id)?;
            Ok(db::jury::impartiality(conn, juror_id, &nomination)?)
        })
        .await
        .unwrap()
}

async fn the_secretariat_decides_on_conflicts(backend: Backend) {
    let app = admin_app(backend).await;
    let kari = JurorFixture::new("kari@example.no", "Kari Jury")
        .affiliated_with(Affiliation::with("971032081", "Statens vegvesen").role("styremedlem"))
        .create(&app)
        .await;
    let ola = JurorFixture::new("ola@example.no", "Ola Jury")
        .create(&app)
        .await;
    let nomination = nomination(&app, "971032081", "Digital kontroll").await;
    let nomination_id = nomination.id;
    app.db
        .write(move |conn| {
            Ok(ConflictFixture::declared(ola, nomination_id)
                .reason("Min søster leder prosjektet.")
                .insert(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(
        standing(&app, kari, nomination_id).await,
        Impartiality::FlaggedByAffiliation
    );
    assert_eq!(
        standing(&app, ola, nomination_id).await,
        Impartiality::Declared
    );

    let page = app.get_html("/sekretariat/habilitet").await;
    assert!(page.contains("Kari Jury"));
    assert!(page.contains("Ola Jury"));
    assert!(page.contains("Min søster leder prosjektet."));
    assert!(page.contains("org.nr. 971032081"));

    let kari_path = format!("/sekretariat/habilitet/{kari}/{nomination_id}");
    let response = app
        .submit_form(
            &kari_path,
            &[("conflict_decision", "dismissed"), ("conflict_note", "")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("href=\"#field-conflict_note\"")
    );
    assert_eq!(
        standing(&app, kari, nomination_id).await,
        Impartiality::FlaggedByAffiliation
    );

    let response = app
        .submit_form(
            &kari_path,
            &[
                ("conflict_decision", "dismissed"),
                ("conflict_note", "Vervet endte for fem år siden."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        standing(&app, kari, nomination_id).await,
        Impartiality::Dismissed
    );

    let ola_path = format!("/sekretariat/habilitet/{ola}/{nomination_id}");
    let response = app
        .submit_form(
            &ola_path,
            &[
                ("conflict_decision", "upheld"),
                ("conflict_note", "Nær familie, § 6 første ledd."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        standing(&app, ola, nomination_id).await,
        Impartiality::Upheld
    );
    let decided_by: Vec<Option<i32>> = app
        .db
        .read(move |conn| {
            Ok(db::schema::conflicts::table
                .filter(db::schema::conflicts::nomination_id.eq(nomination_id))
                .select(db::schema::conflicts::decided_by)
                .load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(decided_by.len(), 2);
    assert!(decided_by.iter().all(Option::is_some));

    let page = app.get_html("/sekretariat/habilitet").await;
    assert!(page.contains("Ingen saker venter på avgjørelse."));
    assert!(page.contains("Vervet endte for fem år siden."));
    assert_eq!(
        audit_actions(&app, &nomination.reference).await[1..],
        ["conflict.dismissed", "conflict.upheld"]
    );
}

async fn a_submitted_assessment_is_reopened_and_the_log_shows_it(backend: Backend) {
    let app = admin_app(backend).await;
    let (kari, nomination) =
        juror_with_a_submitted_assessment(&app, "kari@example.no", "Kari Jury").await;
    let nomination_id = nomination.id;
    let has_submitted = || {
        app.db
            .read(move |conn| Ok(db::jury::has_submitted(conn, kari, nomination_id)?))
    };
    assert!(has_submitted().await.unwrap());

    let path = format!("/sekretariat/nominasjoner/{nomination_id}");
    let page = app.get_html(&path).await;
    assert!(page.contains("id=\"submitted-assessments\""));
    let response = reopen_assessment(&app, nomination_id, kari).await;
    assert_eq!(response.status(), 303);
    assert!(!has_submitted().await.unwrap());
    let page = app.get_html(&path).await;
    assert!(!page.contains("id=\"submitted-assessments\""));
    // Nothing left to reopen.
    let response = reopen_assessment(&app, nomination_id, kari).await;
    assert_eq!(response.status(), 404);

    let log = app.get_html("/sekretariat/logg").await;
    let reference = &nomination.reference;
    let reopened = log
        .find(&format!(
            "Siri Sekretær åpnet vurderingen av {reference} igjen for Kari Jury."
        ))
        .expect("the event is listed as a sentence with names");
    let submitted = log
        .find(&format!(
            "En virksomhet sendte inn nominasjonen {reference}."
        ))
        .expect("older event");
    assert!(reopened < submitted, "newest first");
    assert!(!log.contains("user:") && !log.contains("assessment.reopened"));
    let second = app.get_html("/sekretariat/logg?side=2").await;
    assert!(!second.contains("åpnet vurderingen"));
}

async fn only_the_secretariat_may_use_these_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let kari = JurorFixture::new("kari@example.no", "Kari Jury")
        .create(&app)
        .await;
    let nomination = nomination(&app, "971032081", "Digital kontroll").await;
    let (n, r) = (nomination.id, nomination.round_id);
    let pages = [
        "/sekretariat/runder".to_owned(),
        format!("/sekretariat/runder/{r}"),
        format!("/sekretariat/runder/{r}/nominasjoner"),
        format!("/sekretariat/nominasjoner/{n}"),
        "/sekretariat/habilitet".to_owned(),
        format!("/sekretariat/habilitet/{kari}/{n}"),
        "/sekretariat/logg".to_owned(),
    ];
    let posts = [
        "/sekretariat/runder".to_owned(),
        format!("/sekretariat/runder/{r}"),
        format!("/sekretariat/runder/{r}/kriterier"),
        format!("/sekretariat/nominasjoner/{n}/vurdering"),
        format!("/sekretariat/nominasjoner/{n}/flytt"),
        format!("/sekretariat/nominasjoner/{n}/tildeling"),
        format!("/sekretariat/nominasjoner/{n}/gjenapne"),
        format!("/sekretariat/habilitet/{kari}/{n}"),
    ];
    let anonymous = app.other_browser();
    for path in &pages {
        let response = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 303, "{path}");
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/logg-inn?neste=")
        );
    }
    for path in &posts {
        let response = anonymous
            .post(app.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("screening=eligible")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "POST {path}");
    }

    app.create_user("jury@example.no", "Jon Jury", "juror", PASSWORD)
        .await;
    assert_eq!(app.log_in("jury@example.no", PASSWORD).await.status(), 303);
    for path in &pages {
        assert_eq!(app.get(path).await.status(), 403, "{path}");
    }
    let token = bedre_stat_test_support::csrf_token_in(&app.get_html("/jury").await);
    for path in &posts {
        let response = app
            .post_form(path, &[("csrf_token", &token), ("screening", "eligible")])
            .await;
        assert_eq!(response.status(), 403, "POST {path}");
    }
    assert_eq!(reload(&app, n).await.status.code(), "submitted");
}
