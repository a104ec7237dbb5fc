//! The secretariat's and the jury's desk (issue 8): the round at a glance on /sekretariat
//! (the matrix asks the impartiality policy), moving a round on from the dashboard, the
//! juror's own progress and deadline on /jury, and the reminders before the jury deadline
//! — automatic (once per reminder, also when two run at once) and by hand.

use bedre_stat::db::{self, schema};
use bedre_stat::email::MailIdentity;
use bedre_stat::services::reminders::Reminders;
use bedre_stat_test_support::fixtures::{
    Affiliation, AssessmentFixture, JurorFixture, ScoreFixture, ScoringRound,
};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

on_both_backends!(
    the_dashboard_shows_the_round_and_moves_it_on_once,
    a_juror_sees_their_progress_deadline_and_what_is_left,
    reminders_go_once_per_reminder_before_the_deadline,
    the_secretariat_reminds_the_jury_by_hand,
);

const PASSWORD: &str = "riktig hest batteri stift";

/// The jury's deadline in these tests.
fn deadline() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 11, 20).unwrap()
}

/// Noon in Norway (11:00 UTC in winter) `days` days before the deadline.
fn before_deadline(days: i64) -> NaiveDateTime {
    (deadline() - chrono::Duration::days(days))
        .and_hms_opt(11, 0, 0)
        .unwrap()
}

/// A round in scoring with two eligible nominations (the first from Statens vegvesen),
/// the jury's deadline set, the secretariat signed in on `app.client`, and three jurors:
/// Anne, affiliated with Statens vegvesen (so conflicted on the first), who has done
/// nothing; Bjørn, who submitted both; Cecilie, with a draft of the first.
struct Desk {
    app: TestApp,
    round_id: i32,
    nominations: [i32; 2],
    references: [String; 2],
    anne: reqwest::Client,
    cecilie: reqwest::Client,
}

async fn desk(backend: Backend) -> Desk {
    let app = spawn_app(backend).await;
    let scoring = ScoringRound::with_two_nominations(&app).await;
    app.create_user("sekretariat@dfo.no", "Siri Sekretær", "admin", PASSWORD)
        .await;
    assert_eq!(
        app.log_in("sekretariat@dfo.no", PASSWORD).await.status(),
        303
    );
    JurorFixture::new("anne@dfo.no", "Anne Jurymedlem")
        .password(PASSWORD)
        .affiliated_with(Affiliation::with("971032081", "Statens vegvesen"))
        .create(&app)
        .await;
    let mut others = Vec::new();
    for (email, name) in [
        ("bjorn@dfo.no", "Bjørn Jurymedlem"),
        ("cecilie@dfo.no", "Cecilie Jurymedlem"),
    ] {
        others.push(
            JurorFixture::new(email, name)
                .password(PASSWORD)
                .create(&app)
                .await,
        );
    }
    let [bjorn, cecilie] = [others[0], others[1]];
    let (round_id, nominations) = (scoring.round_id, scoring.nominations);
    let references = app
        .db
        .write(move |conn| {
            use schema::{nominations as n, rounds};
            diesel::update(rounds::table.find(round_id))
                .set(rounds::jury_deadline.eq(Some(deadline())))
                .execute(conn)?;
            let criteria = db::jury::criteria_for(conn, round_id)?;
            for nomination in nominations {
                for criterion in &criteria {
                    ScoreFixture::by(bjorn, nomination, criterion.id)
                        .value(3)
                        .insert(conn)?;
                }
                AssessmentFixture::by(bjorn, nomination).insert(conn)?;
            }
            ScoreFixture::by(cecilie, nominations[0], criteria[0].id)
                .value(2)
                .insert(conn)?;
            let mut references = Vec::new();
            for id in nominations {
                references.push(
                    n::table
                        .find(id)
                        .select(n::reference)
                        .first::<String>(conn)?,
                );
            }
            Ok([references[0].clone(), references[1].clone()])
        })
        .await
        .unwrap();
    Desk {
        anne: app.browser_logged_in("anne@dfo.no", PASSWORD).await,
        cecilie: app.browser_logged_in("cecilie@dfo.no", PASSWORD).await,
        app,
        round_id,
        nominations,
        references,
    }
}

async fn phase_of(app: &TestApp, round_id: i32) -> String {
    app.db
        .read(move |conn| Ok(db::rounds::find(conn, round_id)?.phase.code().to_owned()))
        .await
        .unwrap()
}

/// The cells of a juror's row in the round's matrix, as the page writes them.
fn matrix_row(page: &str, juror: &str) -> Vec<String> {
    let start = page
        .find(&format!("<th scope=\"row\">{juror}</th>"))
        .unwrap();
    let row = &page[start..page[start..].find("</tr>").unwrap() + start];
    row.match_indices("class=\"cell cell-")
        .map(|(i, _)| {
            let rest = &row[i + "class=\"cell cell-".len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

async fn the_dashboard_shows_the_round_and_moves_it_on_once(backend: Backend) {
    let Desk { app, round_id, .. } = desk(backend).await;
    app.clock.set(before_deadline(5));
    let page = app.get_html("/sekretariat").await;
    // Phase, next step and its button; the deadline with days left in Norway.
    assert!(page.contains("Fase: Vurdering."), "the phase");
    assert!(page.contains(&format!(
        "action=\"/sekretariat/runder/{round_id}/fase/scoring\""
    )));
    assert!(page.contains("Gå videre til fasen «Diskusjon»"));
    assert!(
        page.contains("Juryens frist: 20. november 2030 (om 5 dager)"),
        "days left by the clock"
    );
    // Nominations by status, tips and the outbox, with links into each.
    assert!(page.contains("Kvalifisert: <strong>2</strong>"));
    assert!(page.contains("Nye, ikke vurdert: <strong>0</strong>"));
    assert!(page.contains(&format!(
        "href=\"/sekretariat/runder/{round_id}/nominasjoner\""
    )));
    assert!(page.contains("0 tips i alt"));
    assert!(page.contains("href=\"/sekretariat/epost\""));
    // The matrix: the policy's answer for the conflicted pair, each state in words too.
    assert_eq!(
        matrix_row(&page, "Anne Jurymedlem"),
        ["conflicted", "not_started"]
    );
    assert_eq!(
        matrix_row(&page, "Bjørn Jurymedlem"),
        ["submitted", "submitted"]
    );
    assert_eq!(
        matrix_row(&page, "Cecilie Jurymedlem"),
        ["draft", "not_started"]
    );
    assert!(page.contains("⊘</span> Inhabil"), "not by colour alone");
    assert!(page.contains("0 av 1") && page.contains("2 av 2") && page.contains("0 av 2"));
    assert!(page.contains("til 2 jurymedlemmer som ikke er ferdige"));
    // The user management is still here.
    assert!(page.contains("id=\"users\""));

    // The next step, once: a second press (a double click) changes nothing.
    let action = format!("/sekretariat/runder/{round_id}/fase/scoring");
    let response = app.submit_form_to("/sekretariat", &action, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(phase_of(&app, round_id).await, "discussion");
    assert!(
        app.get_html("/sekretariat")
            .await
            .contains("Runden er flyttet til neste fase.")
    );
    let again = app.submit_form_to("/sekretariat", &action, &[]).await;
    assert_eq!(again.status(), 303);
    assert_eq!(phase_of(&app, round_id).await, "discussion");
    assert!(
        app.get_html("/sekretariat")
            .await
            .contains("Runden var allerede flyttet.")
    );
    assert_eq!(
        app.audit_count("round.phase_changed").await,
        1,
        "one move, audited"
    );
}

async fn a_juror_sees_their_progress_deadline_and_what_is_left(backend: Backend) {
    let Desk {
        app,
        anne,
        cecilie,
        nominations,
        references,
        ..
    } = desk(backend).await;
    app.clock.set(before_deadline(1));
    let page = app.get_html_as(&anne, "/jury").await;
    assert!(
        page.contains("0 av 1 vurdert"),
        "the conflicted one is not hers"
    );
    assert!(page.contains("Juryens frist: 20. november 2030 (i morgen)."));
    let left = &page[page.find("Dette gjenstår").unwrap()..];
    let left = &left[..left.find("</ul>").unwrap()];
    assert!(left.contains(&format!("/jury/nominasjoner/{}", nominations[1])));
    assert!(!left.contains(&references[0]), "conflicted is not left");
    let page = app.get_html_as(&cecilie, "/jury").await;
    assert!(page.contains("0 av 2 vurdert"));
    // The scoring page says it too.
    let path = format!("/jury/nominasjoner/{}", nominations[0]);
    let scoring = app.get_html_as(&cecilie, &path).await;
    assert!(scoring.contains("0 av 2 vurdert"));
    assert!(scoring.contains("(i morgen)"));
    assert!(scoring.contains("lagres hver gang du trykker"));
}

fn reminders(app: &TestApp) -> Reminders {
    let identity = MailIdentity::new(
        "Bedre stat-prisen <noreply@dfo.no>",
        "bedre-stat@dfo.no",
        &app.address,
    )
    .unwrap();
    Reminders::new(app.db.clone(), identity, Default::default(), &[7, 1])
}

async fn reminder_mails(app: &TestApp) -> Vec<db::outbox::OutboxMessage> {
    app.outbox()
        .await
        .into_iter()
        .filter(|m| m.purpose == "jury_reminder")
        .collect()
}

async fn reminders_go_once_per_reminder_before_the_deadline(backend: Backend) {
    let Desk {
        app,
        cecilie,
        references,
        ..
    } = desk(backend).await;
    // Cecilie reads her desk in nynorsk; the portal remembers it for her mail.
    app.get_html_as(&cecilie, "/sprak?lang=nn&tilbake=/jury")
        .await;
    assert!(
        app.get_html_as(&cecilie, "/jury")
            .await
            .contains("vurderte")
    );
    let reminders = reminders(&app);

    app.clock.set(before_deadline(8));
    reminders.send_due(app.clock.now()).await.unwrap();
    assert!(reminder_mails(&app).await.is_empty(), "too early");

    // Seven days before: Anne and Cecilie (Bjørn is done), once — two runs at once too.
    app.clock.set(before_deadline(7));
    let (a, b) = tokio::join!(
        reminders.send_due(app.clock.now()),
        reminders.send_due(app.clock.now())
    );
    a.unwrap();
    b.unwrap();
    reminders.send_due(app.clock.now()).await.unwrap();
    let mails = reminder_mails(&app).await;
    let mut to: Vec<&str> = mails.iter().map(|m| m.recipient.as_str()).collect();
    to.sort();
    assert_eq!(to.len(), 2, "{to:?}");
    assert!(to[0].contains("anne@dfo.no") && to[1].contains("cecilie@dfo.no"));
    let anne = mails.iter().find(|m| m.recipient.contains("anne")).unwrap();
    assert!(anne.subject.starts_with("Påminnelse: juryens frist"));
    assert!(anne.body_text.contains("20. november 2030 (om 7 dager)"));
    assert!(anne.body_text.contains(&references[1]));
    assert!(
        !anne.body_text.contains(&references[0]),
        "a conflicted nomination is not left"
    );
    let cecilie_mail = mails
        .iter()
        .find(|m| m.recipient.contains("cecilie"))
        .unwrap();
    assert!(
        cecilie_mail
            .subject
            .starts_with("Påminning: fristen til juryen"),
        "in her language: {}",
        cecilie_mail.subject
    );
    assert!(
        cecilie_mail
            .body_text
            .contains("Du har sendt inn 0 av 2 vurderingar")
    );

    // Six days before: nothing new. One day before: the second reminder, once.
    app.clock.set(before_deadline(6));
    reminders.send_due(app.clock.now()).await.unwrap();
    assert_eq!(reminder_mails(&app).await.len(), 2);
    app.clock.set(before_deadline(1));
    reminders.send_due(app.clock.now()).await.unwrap();
    reminders.send_due(app.clock.now()).await.unwrap();
    assert_eq!(reminder_mails(&app).await.len(), 4);
    // After the deadline: none.
    app.clock.set(before_deadline(-1));
    reminders.send_due(app.clock.now()).await.unwrap();
    assert_eq!(reminder_mails(&app).await.len(), 4);
    let recorded: i64 = app
        .db
        .read(|conn| Ok(schema::jury_reminders::table.count().get_result(conn)?))
        .await
        .unwrap();
    assert_eq!(recorded, 4);
}

async fn the_secretariat_reminds_the_jury_by_hand(backend: Backend) {
    let Desk { app, round_id, .. } = desk(backend).await;
    let action = format!("/sekretariat/runder/{round_id}/paaminnelse");
    let response = app.submit_form_to("/sekretariat", &action, &[]).await;
    assert_eq!(response.status(), 303);
    let page = app.get_html("/sekretariat").await;
    assert!(
        page.contains("Påminnelse er lagt i e-postkøen til 2 jurymedlemmer."),
        "the flash message"
    );
    assert_eq!(reminder_mails(&app).await.len(), 2);
    assert_eq!(
        app.audit_count("jury.reminder_sent").await,
        2,
        "audited per juror"
    );
    // The same day again, also twice at once (a double click, two colleagues): no juror
    // gets a second reminder by hand, and the page says why.
    let (first, second) = tokio::join!(
        app.submit_form_to("/sekretariat", &action, &[]),
        app.submit_form_to("/sekretariat", &action, &[])
    );
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (303, 303)
    );
    assert!(
        app.get_html("/sekretariat")
            .await
            .contains("2 hadde alt fått en påminnelse i dag"),
        "the flash message names the jurors reminded today"
    );
    assert_eq!(reminder_mails(&app).await.len(), 2);
    // The next day, one each again.
    app.clock.advance(chrono::Duration::days(1));
    app.submit_form_to("/sekretariat", &action, &[]).await;
    assert_eq!(reminder_mails(&app).await.len(), 4);
    // Once the discussion is open, there is nothing to remind of.
    app.move_round_to(round_id, "discussion").await;
    app.submit_form_to("/sekretariat", &action, &[]).await;
    assert!(
        app.get_html("/sekretariat")
            .await
            .contains("Påminnelser kan bare sendes mens juryen gir poeng")
    );
    assert_eq!(reminder_mails(&app).await.len(), 4);
}
