//! Several `bedre-stat serve` processes on one PostgreSQL database, each with the mail
//! worker on: every acknowledged tip is stored and forwarded, a message goes out once
//! (copies after a crash share the Message-ID), none is left waiting when one instance is
//! killed, a rate limit holds across instances, and instances started at the same moment
//! migrate a fresh database once. PostgreSQL only: SQLite is served by one process.

use crate::processes::{Delivered, Server, missing_tips, wait_until_all_delivered};
use bedre_stat::db::Database;
use bedre_stat_test_support::{Backend, SmtpSink, TestDatabase, free_port, valid_tip};
use serde_json::{Value, json};
use std::io::{Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Mail settings every instance here shares: quick polls, a short lease (renewed every
/// third of it), few parallel sends.
const WORKERS_ON: &[(&str, &str)] = &[
    ("BEDRE_STAT__MAIL__WORKER_ENABLED", "true"),
    ("BEDRE_STAT__MAIL__CLAIM_LEASE_SECS", "1"),
    ("BEDRE_STAT__MAIL__CONCURRENCY", "4"),
];

struct Instance {
    port: u16,
    server: Server,
}

/// `count` instances on one database, all healthy.
async fn start_instances(
    count: usize,
    database: &TestDatabase,
    smtp_url: &str,
    settings: &[(&str, &str)],
) -> Vec<Instance> {
    let mut instances: Vec<Instance> = (0..count)
        .map(|_| {
            let port = free_port();
            let server = Server::start_with(port, &database.url, smtp_url, settings);
            Instance { port, server }
        })
        .collect();
    for instance in &mut instances {
        instance.server.wait_until_healthy(instance.port).await;
    }
    instances
}

/// Posts a tip; its reference if the server acknowledged it (201), else the status, or
/// `None` when the server could not be reached.
async fn post_tip(client: &reqwest::Client, port: u16, label: &str) -> Option<Result<String, u16>> {
    let mut tip = valid_tip();
    tip["initiative"] = json!(label);
    let response = client
        .post(format!("http://127.0.0.1:{port}/api/v1/tips"))
        .json(&tip)
        .send()
        .await
        .ok()?;
    let status = response.status().as_u16();
    if status != 201 {
        return Some(Err(status));
    }
    let body = response.json::<Value>().await.ok()?;
    Some(Ok(body["reference"].as_str()?.to_owned()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_forward_every_tip_once_while_one_is_killed() {
    let database = TestDatabase::create(Backend::Postgres);
    let smtp = SmtpSink::start();
    let mut settings = WORKERS_ON.to_vec();
    settings.push(("BEDRE_STAT__RATE_LIMIT__ENABLED", "false"));
    let mut instances = start_instances(3, &database, &smtp.url(), &settings).await;
    let ports: Vec<u16> = instances.iter().map(|i| i.port).collect();

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let client = reqwest::Client::new();
    let mut streams = Vec::new();
    for (stream, port) in ports.iter().copied().enumerate() {
        let (client, acknowledged) = (client.clone(), acknowledged.clone());
        streams.push(tokio::spawn(async move {
            for n in 0..100 {
                match post_tip(&client, port, &format!("Instans {stream}, tips {n}")).await {
                    Some(Ok(reference)) => acknowledged.lock().unwrap().push(reference),
                    Some(Err(status)) => panic!("tip refused with {status}"),
                    // The killed instance: try the next one when it is back.
                    None => tokio::time::sleep(Duration::from_millis(20)).await,
                }
            }
        }));
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while acknowledged.lock().unwrap().len() < 60 {
        assert!(Instant::now() < deadline, "too few tips acknowledged");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    instances[0].server.kill_hard();
    tokio::time::sleep(Duration::from_millis(300)).await;
    instances[0].server = Server::start_with(ports[0], &database.url, &smtp.url(), &settings);
    instances[0].server.wait_until_healthy(ports[0]).await;
    for stream in streams {
        stream.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();

    let db = Database::connect(&database.url, 1).unwrap();
    assert_eq!(missing_tips(&db, &acknowledged).await, Vec::<String>::new());
    let Delivered { mails, duplicates } = wait_until_all_delivered(
        &smtp,
        &db,
        &acknowledged,
        Duration::from_secs(30),
        "three instances, one killed",
    )
    .await;
    // Only the killed instance's sends in flight (at most its concurrency) may have gone
    // out without being recorded; they went again under the same Message-ID.
    assert!(duplicates <= 4, "{duplicates} messages delivered twice");
    // Every message in the outbox was sent (a tip the killed instance committed but could
    // not acknowledge is forwarded too), and what was delivered is exactly those.
    let stored = db
        .read(|conn| Ok(bedre_stat::db::outbox::all(conn)?))
        .await
        .unwrap();
    let bare = |id: &str| id.trim_matches(['<', '>']).to_owned();
    let mut stored_ids: Vec<String> = stored.iter().map(|m| bare(&m.message_id)).collect();
    let mut delivered_ids: Vec<String> = mails.iter().map(|m| bare(&m.message_id)).collect();
    stored_ids.sort();
    delivered_ids.sort();
    delivered_ids.dedup();
    assert_eq!(delivered_ids, stored_ids);
}

/// A batch that takes longer than the lease to send keeps its claim (renewed while it
/// sends), so the other instance does not take the messages over and send them again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_slower_than_its_lease_is_not_sent_twice() {
    let database = TestDatabase::create(Backend::Postgres);
    let smtp = SmtpSink::start();
    let slow = SlowSmtp::start(smtp.port, Duration::from_millis(30));
    // Queue the mail first, with no worker running, so each worker claims a full batch.
    let queued = start_instances(
        1,
        &database,
        &slow.url(),
        &[
            ("BEDRE_STAT__MAIL__WORKER_ENABLED", "false"),
            ("BEDRE_STAT__RATE_LIMIT__ENABLED", "false"),
        ],
    )
    .await;
    let client = reqwest::Client::new();
    let mut acknowledged = Vec::new();
    for n in 0..32 {
        match post_tip(&client, queued[0].port, &format!("Tips {n}")).await {
            Some(Ok(reference)) => acknowledged.push(reference),
            other => panic!("tip not acknowledged: {other:?}"),
        }
    }
    drop(queued);
    // One message at a time, so a batch of 16 through the slow server takes seconds.
    let mut settings = WORKERS_ON.to_vec();
    settings.push(("BEDRE_STAT__MAIL__CONCURRENCY", "1"));
    let _instances = start_instances(2, &database, &slow.url(), &settings).await;

    let db = Database::connect(&database.url, 1).unwrap();
    let Delivered { duplicates, .. } = wait_until_all_delivered(
        &smtp,
        &db,
        &acknowledged,
        Duration::from_secs(60),
        "a slow SMTP server, two instances",
    )
    .await;
    assert_eq!(duplicates, 0, "messages delivered twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limit_holds_across_instances() {
    let database = TestDatabase::create(Backend::Postgres);
    let smtp = SmtpSink::start();
    let instances = start_instances(
        3,
        &database,
        &smtp.url(),
        &[
            ("BEDRE_STAT__RATE_LIMIT__ENABLED", "true"),
            ("BEDRE_STAT__RATE_LIMIT__SUBMISSIONS_BURST", "5"),
            ("BEDRE_STAT__RATE_LIMIT__SUBMISSIONS_PERIOD_SECS", "3600"),
        ],
    )
    .await;
    // Six tips to each instance at once, all from 127.0.0.1.
    let client = reqwest::Client::new();
    let posts = instances.iter().flat_map(|instance| {
        let client = client.clone();
        (0..6).map(move |n| {
            let client = client.clone();
            let port = instance.port;
            tokio::spawn(async move { post_tip(&client, port, &format!("Tips {n}")).await })
        })
    });
    let mut accepted = 0;
    let mut limited = 0;
    for post in posts.collect::<Vec<_>>() {
        match post.await.unwrap() {
            Some(Ok(_)) => accepted += 1,
            Some(Err(429)) => limited += 1,
            other => panic!("unexpected answer {other:?}"),
        }
    }
    eprintln!("burst 5 across 3 instances: {accepted} accepted, {limited} limited");
    assert_eq!((accepted, limited), (5, 13));
    // The shared allowance says when the next unit is back: a period after the burst.
    let refused = client
        .post(format!(
            "http://127.0.0.1:{}/api/v1/tips",
            instances[2].port
        ))
        .json(&valid_tip())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 429);
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (3590..=3600).contains(&retry_after),
        "Retry-After {retry_after}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_started_together_migrate_once() {
    let database = TestDatabase::create(Backend::Postgres);
    let smtp = SmtpSink::start();
    let instances = start_instances(3, &database, &smtp.url(), WORKERS_ON).await;
    for instance in &instances {
        let response = reqwest::get(format!("http://127.0.0.1:{}/health", instance.port))
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let db = Database::connect(&database.url, 1).unwrap();
    let mut conn = db.write_conn().unwrap();
    let applied = diesel_migrations::MigrationHarness::applied_migrations(&mut **conn).unwrap();
    let embedded =
        diesel::migration::MigrationSource::<diesel::pg::Pg>::migrations(&db.migrations()).unwrap();
    assert_eq!(applied.len(), embedded.len(), "each migration applied once");
}

/// A TCP relay in front of the SMTP sink that holds each chunk the client sends for
/// `delay`: an SMTP server that answers slowly.
struct SlowSmtp {
    port: u16,
}

impl SlowSmtp {
    fn start(sink_port: u16, delay: Duration) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(("127.0.0.1", sink_port)) else {
                    continue;
                };
                let (client_in, server_out) =
                    (client.try_clone().unwrap(), server.try_clone().unwrap());
                std::thread::spawn(move || relay(client_in, server_out, delay));
                std::thread::spawn(move || relay(server, client, Duration::ZERO));
            }
        });
        Self { port }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }
}

fn relay(mut from: TcpStream, mut to: TcpStream, delay: Duration) {
    let mut buffer = [0u8; 16 * 1024];
    while let Ok(read) = from.read(&mut buffer) {
        if read == 0 {
            break;
        }
        std::thread::sleep(delay);
        if to.write_all(&buffer[..read]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

/// The shared allowance itself: a burst, then one unit back per period, the wait it
/// reports, and housekeeping forgetting a client whose allowance is full again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shared_allowance_refills_one_unit_per_period() {
    use bedre_stat::db::rate_limits;
    let database = TestDatabase::create(Backend::Postgres);
    let db = Database::connect(&database.url, 1).unwrap();
    let take = |client: &'static str| {
        let db = db.clone();
        async move {
            db.write(move |conn| Ok(rate_limits::take(conn, "test", client, 300, 2)?))
                .await
                .unwrap()
        }
    };
    assert_eq!(take("a").await, None);
    assert_eq!(take("a").await, None);
    let wait = take("a").await.expect("the third is refused");
    assert!((200..=300).contains(&wait), "waits {wait} ms");
    assert_eq!(
        take("b").await,
        None,
        "another client has its own allowance"
    );
    tokio::time::sleep(Duration::from_millis(wait as u64 + 20)).await;
    assert_eq!(take("a").await, None, "one unit is back");
    assert!(take("a").await.is_some(), "but only one");
    tokio::time::sleep(Duration::from_millis(700)).await;
    let forgotten = db
        .write(|conn| Ok(rate_limits::forget_idle(conn)?))
        .await
        .unwrap();
    assert_eq!(forgotten, 2, "both clients are full again");
}
