//! Personal data leaves on time: the purge (daily inside `serve`, and `bedre-stat purge`)
//! removes tipsters' and nominees' contacts and anonymises long-disabled accounts when
//! their periods have run out by the application's clock — and nothing before.

use crate::account_hardening::cli;
use bedre_stat::config::Settings;
use bedre_stat::db::{self, schema};
use bedre_stat::domain::Actor;
use bedre_stat::services::retention::{self, PurgeCounts};
use bedre_stat_test_support::fixtures::{AssessmentFixture, JurorFixture, RoundFixture};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app, valid_nomination, valid_tip};
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(
    each_kind_goes_when_its_period_has_run_out_and_not_before,
    two_purges_at_once_remove_each_record_once,
    the_command_line_shows_what_would_go_then_removes_it,
    serve_purges_by_its_own_clock_once_a_day,
);

const PASSWORD: &str = "riktig hest batteri stift";

fn periods() -> bedre_stat::domain::RetentionPeriods {
    Settings::load(None).unwrap().retention
}

/// A round closing in 30 days with its conference in 60; a tip with a tipster, one
/// without, a nomination (in that round), and a juror who assessed it and was then
/// disabled. Returns the tip's and the nomination's references, the juror's id and now.
struct Scene {
    tip: String,
    nomination: String,
    juror: i32,
    start: NaiveDateTime,
}

async fn scene(app: &TestApp) -> Scene {
    let start = db::now();
    app.db
        .write(move |conn| {
            let id = RoundFixture::for_year(2099)
                .closes_at(start + TimeDelta::days(30))
                .insert(conn)?;
            diesel::update(schema::rounds::table.find(id))
                .set(schema::rounds::conference_date.eq(Some((start + TimeDelta::days(60)).date())))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let mut tip = valid_tip();
    tip["tipster_name"] = json!("Ola Nordmann");
    tip["tipster_email"] = json!("ola@example.no");
    tip["may_contact"] = json!(true);
    let tip: Value = app
        .post_json("/api/v1/tips", &tip)
        .await
        .json()
        .await
        .unwrap();
    app.post_json("/api/v1/tips", &valid_tip()).await; // anonymous: nothing to remove
    let nomination: Value = app
        .post_json("/api/v1/nominations", &valid_nomination())
        .await
        .json()
        .await
        .unwrap();
    let reference = nomination["reference"].as_str().unwrap().to_owned();
    let juror = JurorFixture::new("kari@dfo.no", "Kari Juror")
        .password(PASSWORD)
        .create(app)
        .await;
    app.db
        .write(move |conn| {
            let nomination = db::nominations::find_by_reference(conn, &reference)?.unwrap();
            AssessmentFixture::by(juror, nomination.id).insert(conn)?;
            db::users::set_disabled(conn, juror, true, db::now())?;
            Ok(())
        })
        .await
        .unwrap();
    Scene {
        tip: tip["reference"].as_str().unwrap().to_owned(),
        nomination: nomination["reference"].as_str().unwrap().to_owned(),
        juror,
        start,
    }
}

fn counts(tip_contacts: usize, nomination_contacts: usize, accounts: usize) -> PurgeCounts {
    PurgeCounts {
        tip_contacts,
        nomination_contacts,
        accounts,
    }
}

// These call the service with a time of their own and leave the app's clock alone: moved,
// it would make the app's daily purge run by itself in the middle of the test (that is
// what `serve_purges_by_its_own_clock_once_a_day` tries).
async fn purge_at(app: &TestApp, at: NaiveDateTime) -> PurgeCounts {
    retention::purge(&app.db, periods(), at, Actor::System)
        .await
        .unwrap()
}

async fn preview_at(app: &TestApp, at: NaiveDateTime) -> PurgeCounts {
    retention::preview(&app.db, periods(), at).await.unwrap()
}

/// The audit trail of these actions: (actor, action, detail), oldest first.
async fn audit_trail(
    app: &TestApp,
    actions: &'static [&'static str],
) -> Vec<(String, String, Option<String>)> {
    use schema::audit_events as events;
    app.db
        .read(move |conn| {
            Ok(events::table
                .filter(events::action.eq_any(actions))
                .order(events::id)
                .select((events::actor, events::action, events::detail))
                .load(conn)?)
        })
        .await
        .unwrap()
}

fn event(actor: &str, action: &str, detail: Option<&str>) -> (String, String, Option<String>) {
    (actor.into(), action.into(), detail.map(Into::into))
}

async fn tip_contact(app: &TestApp, reference: &str) -> (Option<String>, Option<String>) {
    let reference = reference.to_owned();
    let tip = app
        .db
        .read(move |conn| Ok(db::tips::find_by_reference(conn, &reference)?))
        .await
        .unwrap()
        .unwrap();
    (tip.content.tipster_name, tip.content.tipster_email)
}

async fn nomination_contact(app: &TestApp, reference: &str) -> (String, String) {
    let reference = reference.to_owned();
    let nomination = app
        .db
        .read(move |conn| Ok(db::nominations::find_by_reference(conn, &reference)?))
        .await
        .unwrap()
        .unwrap();
    (
        nomination.content.contact_name,
        nomination.content.contact_email,
    )
}

async fn each_kind_goes_when_its_period_has_run_out_and_not_before(backend: Backend) {
    let app = spawn_app(backend).await;
    let scene = scene(&app).await;
    let day = |n: i64| scene.start + TimeDelta::days(n);

    // Conference (day 60) + 90 days = day 150; the account was disabled on day 0.
    assert_eq!(preview_at(&app, day(149)).await, counts(0, 0, 0));
    assert_eq!(purge_at(&app, day(149)).await, counts(0, 0, 0));
    assert_eq!(
        tip_contact(&app, &scene.tip).await,
        (Some("Ola Nordmann".into()), Some("ola@example.no".into()))
    );
    assert_eq!(preview_at(&app, day(151)).await, counts(1, 0, 0));
    assert_eq!(preview_at(&app, day(366)).await, counts(1, 0, 1));
    // The dry run changed nothing.
    assert!(tip_contact(&app, &scene.tip).await.1.is_some());

    assert_eq!(purge_at(&app, day(366)).await, counts(1, 0, 1));
    assert_eq!(tip_contact(&app, &scene.tip).await, (None, None));
    assert_eq!(
        nomination_contact(&app, &scene.nomination).await.1,
        "kari.nordmann@vegvesen.no"
    );
    // The juror's account is anonymised; what they did stays under their id.
    let juror = scene.juror;
    let (user, assessments) = app
        .db
        .read(move |conn| {
            let user = db::users::find(conn, juror)?;
            let assessments: i64 = schema::assessments::table
                .filter(schema::assessments::juror_id.eq(juror))
                .count()
                .get_result(conn)?;
            Ok((user, assessments))
        })
        .await
        .unwrap();
    assert_eq!(user.email, format!("erased-{juror}@invalid"));
    assert_eq!(user.name, db::outbox::ERASED);
    assert_eq!(user.password_hash, None);
    assert_eq!(assessments, 1);
    let login = app.log_in("kari@dfo.no", PASSWORD).await;
    assert_ne!(login.status(), 303, "an anonymised account cannot log in");
    // An anonymised account cannot be switched on again.
    let enabled = app
        .db
        .write(move |conn| Ok(db::users::set_disabled(conn, juror, false, db::now())?))
        .await
        .unwrap();
    assert!(!enabled);

    // Nothing is removed twice.
    assert_eq!(purge_at(&app, day(367)).await, counts(0, 0, 0));

    // Three years after the conference, the nominee's contact person goes.
    let three_years = (scene.start + TimeDelta::days(60))
        .checked_add_months(chrono::Months::new(36))
        .unwrap();
    assert_eq!(
        purge_at(&app, three_years - TimeDelta::days(1)).await,
        counts(0, 0, 0)
    );
    assert_eq!(purge_at(&app, three_years).await, counts(0, 1, 0));
    let (name, email) = nomination_contact(&app, &scene.nomination).await;
    assert_eq!((name.as_str(), email.as_str()), (db::outbox::ERASED, ""));

    // The audit log has counts, never who.
    assert_eq!(
        audit_trail(&app, &["retention.purged", "user.erased"]).await,
        [
            event("system", "user.erased", None),
            event(
                "system",
                "retention.purged",
                Some("tip_contacts:1 nomination_contacts:0 accounts:1")
            ),
            event(
                "system",
                "retention.purged",
                Some("tip_contacts:0 nomination_contacts:1 accounts:0")
            ),
        ]
    );
}

async fn two_purges_at_once_remove_each_record_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let scene = scene(&app).await;
    let later = scene.start + TimeDelta::days(366);
    let (a, b) = tokio::join!(
        retention::purge(&app.db, periods(), later, Actor::System),
        retention::purge(&app.db, periods(), later, Actor::Cli),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.tip_contacts + b.tip_contacts, 1, "{a:?} {b:?}");
    assert_eq!(a.accounts + b.accounts, 1, "{a:?} {b:?}");
}

async fn the_command_line_shows_what_would_go_then_removes_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let scene = scene(&app).await;
    let as_of = (scene.start + TimeDelta::days(366))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let url = app.database_url();

    let said = cli(url, &["purge", "--dry-run", "--as-of", &as_of]);
    assert!(said.contains("Would remove"), "{said}");
    assert!(
        said.contains("tips (tipster's name and e-mail):       1"),
        "{said}"
    );
    assert!(
        said.contains("staff accounts (disabled, anonymised):  1"),
        "{said}"
    );
    assert!(tip_contact(&app, &scene.tip).await.1.is_some(), "a dry run");

    // Today nothing is due.
    let said = cli(url, &["purge"]);
    assert!(
        said.contains("tips (tipster's name and e-mail):       0"),
        "{said}"
    );
    assert!(tip_contact(&app, &scene.tip).await.1.is_some());

    let said = cli(url, &["purge", "--as-of", &as_of]);
    assert!(said.contains("Removed"), "{said}");
    assert!(
        said.contains("tips (tipster's name and e-mail):       1"),
        "{said}"
    );
    assert_eq!(tip_contact(&app, &scene.tip).await, (None, None));
    // The operator's purges are audited, with counts.
    assert_eq!(
        audit_trail(&app, &["retention.purged"]).await,
        [
            event(
                "cli",
                "retention.purged",
                Some("tip_contacts:0 nomination_contacts:0 accounts:0")
            ),
            event(
                "cli",
                "retention.purged",
                Some("tip_contacts:1 nomination_contacts:0 accounts:1")
            ),
        ]
    );
}

/// `serve` purges at start and then whenever its clock reaches a new day (it looks once a
/// minute): moving the clock past the periods makes the data go without anyone asking.
async fn serve_purges_by_its_own_clock_once_a_day(backend: Backend) {
    let app = spawn_app(backend).await;
    let scene = scene(&app).await;
    app.clock.set(scene.start + TimeDelta::days(400));
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    while tip_contact(&app, &scene.tip).await.1.is_some() {
        assert!(
            std::time::Instant::now() < deadline,
            "the daily purge did not run"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let trail = audit_trail(&app, &["retention.purged"]).await;
    assert_eq!(trail[0].0, "system", "{trail:?}");
}
