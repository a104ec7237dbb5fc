//! The server killed with SIGKILL while submissions stream in: nothing it acknowledged is
//! lost, and the mail of every acknowledged tip still goes out.

use crate::processes::{Server, missing_tips, wait_until_all_delivered};
use bedre_stat::db::Database;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, TestDatabase, free_port, valid_tip};
use serde_json::{Value, json};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

on_both_backends!(
    acknowledged_submissions_survive_sigkill,
    sigterm_shuts_down_gracefully
);

async fn acknowledged_submissions_survive_sigkill(backend: Backend) {
    let database = TestDatabase::create(backend);
    let smtp = SmtpSink::start();
    let port = free_port();
    let mut server = Server::start(port, &database.url, &smtp.url());
    server.wait_until_healthy(port).await;

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let client = reqwest::Client::new();
    let mut streams = Vec::new();
    for stream in 0..4 {
        let (client, acknowledged) = (client.clone(), acknowledged.clone());
        streams.push(tokio::spawn(async move {
            for n in 0..500 {
                let mut tip = valid_tip();
                tip["initiative"] = json!(format!("Strøm {stream}, tips {n}"));
                let Ok(response) = client
                    .post(format!("http://127.0.0.1:{port}/api/v1/tips"))
                    .json(&tip)
                    .send()
                    .await
                else {
                    return; // the server is gone
                };
                if response.status() != 201 {
                    continue;
                }
                let Ok(body) = response.json::<Value>().await else {
                    return;
                };
                acknowledged
                    .lock()
                    .unwrap()
                    .push(body["reference"].as_str().unwrap().to_owned());
            }
        }));
    }
    // Kill it in the middle of the stream.
    let deadline = Instant::now() + Duration::from_secs(30);
    while acknowledged.lock().unwrap().len() < 40 {
        assert!(
            Instant::now() < deadline,
            "too few submissions acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.kill_hard();
    for stream in streams {
        stream.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 40);

    let mut server = Server::start(port, &database.url, &smtp.url());
    server.wait_until_healthy(port).await;

    let db = Database::connect(&database.url, 1).unwrap();
    assert_eq!(missing_tips(&db, &acknowledged).await, Vec::<String>::new());
    // Every acknowledged tip's forward goes out; a copy re-sent after the crash carries
    // the same Message-ID.
    wait_until_all_delivered(&smtp, &db, &acknowledged, Duration::from_secs(60), "crash").await;
    server.kill_hard();
}

async fn sigterm_shuts_down_gracefully(backend: Backend) {
    let database = TestDatabase::create(backend);
    let smtp = SmtpSink::start();
    let port = free_port();
    let mut server = Server::start(port, &database.url, &smtp.url());
    server.wait_until_healthy(port).await;
    let response = reqwest::Client::new()
        .post(format!("http://127.0.0.1:{port}/api/v1/tips"))
        .json(&valid_tip())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            Instant::now() < deadline,
            "still running 20 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "exits cleanly: {exit:?}");
    assert!(
        reqwest::get(format!("http://127.0.0.1:{port}/health"))
            .await
            .is_err(),
        "no longer listening"
    );
}
