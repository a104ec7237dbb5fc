//! What the tip's short path to PostgreSQL must still keep (issue 10 §4): the tip, its
//! forward and its audit event go in as one statement (`db::together`) without a
//! transaction around it (`db::Writes::OneStatement`), and pooled connections are handed
//! out again without a `SELECT 1` when they were in use a moment ago. So: the rows are
//! stored all or none, and a connection the server dropped is still replaced.

use bedre_stat::db::{self, Writes};
use bedre_stat::domain::{Actor, NewTip, TipInput};
use bedre_stat::i18n::Lang;
use bedre_stat_test_support::{
    Backend, SmtpSink, on_both_backends, spawn_app, spawn_app_with, valid_tip,
};
use diesel::prelude::*;
use std::time::Duration;

on_both_backends!(a_tip_and_its_rows_are_stored_all_or_none);

async fn a_tip_and_its_rows_are_stored_all_or_none(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.post_json("/api/v1/tips", &valid_tip()).await;
    assert_eq!(response.status(), 201);
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 1, "the tip's forward is queued with it");
    assert_eq!(app.audit_count("tip.submitted").await, 1);

    // The same write as the tip's, but the forward's Message-ID is taken already: the
    // forward is the last insert to run, after the tip row and its audit event.
    let taken = outbox[0].message.clone();
    let result = app
        .db
        .write_as(Writes::OneStatement, move |conn| {
            let now = db::now();
            let reference = db::tips::next_reference(conn, now)?;
            let tip = NewTip::try_from(&TipInput {
                initiative: "Felles innkjøp av skytjenester".into(),
                agency: "Digitaliseringsdirektoratet".into(),
                reason: "Lavere priser og mindre arbeid for hver virksomhet.".into(),
                tipster_name: String::new(),
                tipster_email: String::new(),
                may_contact: false,
            })
            .expect("a valid tip");
            let along = vec![
                db::audit::event(
                    Actor::Public,
                    "tip.submitted",
                    reference.as_ref(),
                    None,
                    now,
                ),
                db::outbox::queue(&taken, now),
            ];
            Ok(db::tips::insert(
                conn,
                &tip,
                (&reference, now),
                Lang::Nb,
                None,
                along,
            )?)
        })
        .await;
    let error = result.expect_err("a taken Message-ID is refused");
    assert!(db::is_unique_violation(&error), "{error:#}");

    let tips = app
        .db
        .read(|conn| Ok(db::tips::count(conn)?))
        .await
        .unwrap();
    assert_eq!(tips, 1, "no tip without its forward");
    assert_eq!(
        app.audit_count("tip.submitted").await,
        1,
        "no audit event for a tip that was not stored"
    );
    assert_eq!(app.outbox().await.len(), 1);
}

/// Ends every connection the app holds, as a restart of the server would.
fn drop_the_apps_connections(database_url: &str) -> usize {
    let mut admin = PgConnection::establish(database_url).unwrap();
    #[derive(QueryableByName)]
    struct Ended {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    let ended: Ended = diesel::sql_query(
        "SELECT count(pg_terminate_backend(pid)) AS count FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .get_result(&mut admin)
    .unwrap();
    ended.count as usize
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_the_server_dropped_is_replaced_on_postgres() {
    let app = spawn_app_with(Backend::Postgres, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false;
        // Nothing else uses the pool, so each dead connection is met by a tip.
        settings.mail.worker_enabled = false;
    })
    .await;
    assert_eq!(
        app.post_json("/api/v1/tips", &valid_tip()).await.status(),
        201
    );

    // Idle for longer than a connection is trusted: checked on check-out, replaced, and
    // the next tip goes through at the first try.
    assert!(drop_the_apps_connections(app.database_url()) > 0);
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    for _ in 0..3 {
        let response = app.post_json("/api/v1/tips", &valid_tip()).await;
        assert_eq!(response.status(), 201, "after an idle second");
    }

    // Used a moment ago, so handed out unchecked: a dead one fails its request (with an
    // answer, not a hang), is discarded, and a few tips later all go through again.
    assert!(drop_the_apps_connections(app.database_url()) > 0);
    let mut failures = 0;
    let mut in_a_row = 0;
    for _ in 0..40 {
        let status = app.post_json("/api/v1/tips", &valid_tip()).await.status();
        if status == 201 {
            in_a_row += 1;
            if in_a_row == 10 {
                break;
            }
        } else {
            assert!(status.is_server_error(), "{status}");
            failures += 1;
            in_a_row = 0;
        }
    }
    assert_eq!(in_a_row, 10, "tips go through again ({failures} failed)");
    let pool_size = app.db.pool_states()[0].1.connections as usize;
    assert!(
        failures <= pool_size,
        "{failures} requests failed; each dead connection may fail one"
    );
}
