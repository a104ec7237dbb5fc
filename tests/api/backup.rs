//! `bedre-stat backup` and `restore`: a consistent copy of a SQLite database taken while
//! the portal serves, put back into place; PostgreSQL is pointed to pg_dump.

use bedre_stat::db;
use bedre_stat_test_support::{Backend, spawn_app, valid_tip};
use std::process::{Command, Output};

fn cli(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bedre-stat"))
        .args(args)
        .env("BEDRE_STAT__DATABASE__URL", database_url)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_backup_taken_while_serving_restores_every_acknowledged_tip() {
    let app = spawn_app(Backend::Sqlite).await;
    let mut references = Vec::new();
    for _ in 0..3 {
        let response = app.post_json("/api/v1/tips", &valid_tip()).await;
        assert_eq!(response.status(), 201);
        let body: serde_json::Value = response.json().await.unwrap();
        references.push(body["reference"].as_str().unwrap().to_owned());
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    let copy_arg = copy.to_str().unwrap();
    let made = cli(app.database_url(), &["backup", "--out", copy_arg]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    // A second backup to the same file is refused, not overwritten.
    assert!(
        !cli(app.database_url(), &["backup", "--out", copy_arg])
            .status
            .success()
    );

    let restored_url = dir.path().join("restored").join("bedre-stat.db");
    let restored_url = restored_url.to_str().unwrap();
    let put = cli(restored_url, &["restore", "--from", copy_arg]);
    assert!(
        put.status.success(),
        "{}",
        String::from_utf8_lossy(&put.stderr)
    );
    let restored = db::Database::connect(restored_url, 1).unwrap();
    for reference in references {
        let found = restored
            .read(move |conn| Ok(db::tips::find_by_reference(conn, &reference)?))
            .await
            .unwrap();
        assert!(
            found.is_some(),
            "the restored copy has every acknowledged tip"
        );
    }

    // Something that is not a backup is refused, and the database stays as it was.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let refused = cli(restored_url, &["restore", "--from", junk.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(db::Database::connect(restored_url, 1).is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_backup_points_to_pg_dump() {
    let app = spawn_app(Backend::Postgres).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("copy.db");
    let answer = cli(
        app.database_url(),
        &["backup", "--out", out.to_str().unwrap()],
    );
    assert!(!answer.status.success());
    assert!(String::from_utf8_lossy(&answer.stderr).contains("pg_dump"));
    assert!(!out.exists());
}
