//! The server killed with SIGKILL while submissions stream in: nothing it acknowledged is
//! lost, and the mail of every acknowledged tip still goes out.

use bedre_stat::db::Database;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, TestDatabase, free_port, valid_tip};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

on_both_backends!(
    acknowledged_submissions_survive_sigkill,
    sigterm_shuts_down_gracefully
);

/// The real binary, as a separate process we can kill (also used by `multi_instance`).
pub(crate) struct Server {
    child: Child,
}

impl Server {
    fn start(port: u16, database_url: &str, smtp_url: &str) -> Self {
        Self::start_with(port, database_url, smtp_url, &[])
    }

    /// Started with settings of the test's own (`BEDRE_STAT__…` variables) after the
    /// defaults below.
    pub(crate) fn start_with(
        port: u16,
        database_url: &str,
        smtp_url: &str,
        settings: &[(&str, &str)],
    ) -> Self {
        let child = Command::new(env!("CARGO_BIN_EXE_bedre-stat"))
            .arg("serve")
            .env("BEDRE_STAT__SERVER__PORT", port.to_string())
            .env("BEDRE_STAT__DATABASE__URL", database_url)
            .env("BEDRE_STAT__MAIL__SMTP_URL", smtp_url)
            .env("BEDRE_STAT__MAIL__POLL_INTERVAL_MS", "100")
            .env("BEDRE_STAT__MAIL__RETRY_BASE_SECS", "1")
            .env("BEDRE_STAT__MAIL__RETRY_MAX_SECS", "1")
            .env("BEDRE_STAT__MAIL__CLAIM_LEASE_SECS", "2")
            .env("BEDRE_STAT__RATE_LIMIT__ENABLED", "false")
            .env("RUST_LOG", "warn")
            .envs(settings.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        Self { child }
    }

    pub(crate) async fn wait_until_healthy(&mut self, port: u16) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(response) = reqwest::get(format!("http://127.0.0.1:{port}/health")).await
                && response.status() == 200
            {
                return;
            }
            if let Some(exit) = self.child.try_wait().unwrap() {
                panic!("server exited while starting: {exit}");
            }
            assert!(Instant::now() < deadline, "server did not become healthy");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub(crate) fn kill_hard(&mut self) {
        // Child::kill sends SIGKILL on Unix: no shutdown code runs.
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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
    let expected = acknowledged.clone();
    let missing: Vec<String> = db
        .read(move |conn| {
            let mut missing = Vec::new();
            for reference in &expected {
                if bedre_stat::db::tips::find_by_reference(conn, reference)?.is_none() {
                    missing.push(reference.clone());
                }
            }
            Ok(missing)
        })
        .await
        .unwrap();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");

    // Every acknowledged tip's forward goes out; a copy re-sent after the crash carries
    // the same Message-ID.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mails = smtp.messages();
        let delivered = acknowledged
            .iter()
            .filter(|r| mails.iter().any(|m| m.subject.contains(r.as_str())))
            .count();
        if delivered == acknowledged.len() {
            let mut ids_per_subject: HashMap<String, Vec<String>> = HashMap::new();
            for mail in &mails {
                ids_per_subject
                    .entry(mail.subject.clone())
                    .or_default()
                    .push(mail.message_id.clone());
            }
            for (subject, ids) in ids_per_subject {
                assert!(
                    ids.iter().all(|id| *id == ids[0]),
                    "copies of {subject} differ in Message-ID"
                );
            }
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{delivered} of {} forwards delivered",
            acknowledged.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
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
