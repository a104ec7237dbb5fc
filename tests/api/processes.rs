//! The real binary as separate processes a test can kill (`crash`, `multi_instance`), and
//! what those tests check afterwards: every acknowledged tip stored and forwarded.

use bedre_stat::db::Database;
use bedre_stat_test_support::{Mail, SmtpSink};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The real binary, as a separate process we can kill.
pub(crate) struct Server {
    pub(crate) child: Child,
}

impl Server {
    pub(crate) fn start(port: u16, database_url: &str, smtp_url: &str) -> Self {
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

/// What reached the SMTP server once everything was delivered.
pub(crate) struct Delivered {
    pub(crate) mails: Vec<Mail>,
    /// Deliveries that were copies of a Message-ID delivered before.
    pub(crate) duplicates: usize,
}

/// Waits until a forward of every acknowledged tip was delivered and nothing waits in the
/// outbox (nor was given up on); checks that copies of one message share the Message-ID,
/// and prints what it measured under `label`.
pub(crate) async fn wait_until_all_delivered(
    smtp: &SmtpSink,
    db: &Database,
    acknowledged: &[String],
    timeout: Duration,
    label: &str,
) -> Delivered {
    let started = Instant::now();
    let deadline = started + timeout;
    loop {
        let mails = smtp.messages();
        let delivered = acknowledged
            .iter()
            .filter(|r| mails.iter().any(|m| m.subject.contains(r.as_str())))
            .count();
        let counts = db.outbox_counts().await.unwrap();
        if delivered == acknowledged.len() && counts.waiting == 0 {
            assert_eq!(counts.failed, 0, "no message given up on");
            let duplicates = duplicates(&mails);
            eprintln!(
                "{label}: {} tips acknowledged, {} mails delivered, {duplicates} duplicates, \
                 all delivered {:?} after the wait began",
                acknowledged.len(),
                mails.len(),
                started.elapsed()
            );
            return Delivered { mails, duplicates };
        }
        assert!(
            Instant::now() < deadline,
            "{delivered} of {} forwards delivered, {} waiting",
            acknowledged.len(),
            counts.waiting
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// How many deliveries were copies of a Message-ID delivered before; asserts that copies
/// of one message (one subject) share the Message-ID.
fn duplicates(mails: &[Mail]) -> usize {
    let mut ids_per_subject: HashMap<&str, Vec<&str>> = HashMap::new();
    for mail in mails {
        ids_per_subject
            .entry(&mail.subject)
            .or_default()
            .push(&mail.message_id);
    }
    for (subject, ids) in &ids_per_subject {
        assert!(
            ids.iter().all(|id| id == &ids[0]),
            "copies of {subject} differ in Message-ID"
        );
    }
    mails.len() - ids_per_subject.len()
}

/// The acknowledged references with no stored tip.
pub(crate) async fn missing_tips(db: &Database, acknowledged: &[String]) -> Vec<String> {
    let expected = acknowledged.to_vec();
    db.read(move |conn| {
        let mut missing = Vec::new();
        for reference in &expected {
            if bedre_stat::db::tips::find_by_reference(conn, reference)?.is_none() {
                missing.push(reference.clone());
            }
        }
        Ok(missing)
    })
    .await
    .unwrap()
}
