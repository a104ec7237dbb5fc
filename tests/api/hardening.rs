//! Promises that hold under attack and fault (the trust issue): slow bodies, whose address
//! a rate limit counts, and writes that mean the same on both databases.

use bedre_stat::db::schema::sequences;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, spawn_app, spawn_app_with, valid_tip};
use diesel::prelude::*;
use std::io::{Read as _, Write as _};
use std::time::{Duration, Instant};

on_both_backends!(
    a_trickling_body_is_cut_off,
    forwarded_addresses_count_only_behind_a_trusted_proxy,
    ipv6_clients_are_limited_per_64,
    a_write_that_fails_halfway_leaves_nothing,
    a_write_that_panics_leaves_nothing_and_the_next_write_is_stored,
    undeclared_methods_on_api_paths_answer_405_with_allow,
    references_stay_unique_and_increasing_and_continue_the_old_counter,
);

/// Declares 60 KB and sends 3 bytes: cut off with 408 after the body timeout, not held.
async fn a_trickling_body_is_cut_off(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.server.body_timeout_secs = 1;
    })
    .await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let (status, waited) = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream
            .write_all(
                b"POST /tips HTTP/1.1\r\nHost: localhost\r\n\
                  Content-Type: application/x-www-form-urlencoded\r\n\
                  Content-Length: 60000\r\n\r\nabc",
            )
            .unwrap();
        let started = Instant::now();
        let mut answer = [0u8; 64];
        let read = stream.read(&mut answer).unwrap();
        (
            String::from_utf8_lossy(&answer[..read]).into_owned(),
            started.elapsed(),
        )
    })
    .await
    .unwrap();
    assert!(status.starts_with("HTTP/1.1 408"), "{status}");
    assert!(waited < Duration::from_secs(10), "cut off after {waited:?}");
}

async fn post_tip_from(app: &bedre_stat_test_support::TestApp, forwarded_for: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/tips"))
        .header("X-Forwarded-For", forwarded_for)
        .json(&valid_tip())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn forwarded_addresses_count_only_behind_a_trusted_proxy(backend: Backend) {
    // No trusted proxy (the default): a client cannot pick its own key by the header.
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.submissions_burst = 2;
        settings.rate_limit.submissions_period_secs = 3600;
    })
    .await;
    assert_eq!(post_tip_from(&app, "198.51.100.1").await, 201);
    assert_eq!(post_tip_from(&app, "198.51.100.2").await, 201);
    assert_eq!(post_tip_from(&app, "198.51.100.3").await, 429);

    // Behind a trusted proxy (this test's loopback peer): each forwarded client has its
    // own allowance, and a client's own fake first entry does not help it.
    let proxied = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.submissions_burst = 2;
        settings.rate_limit.submissions_period_secs = 3600;
        settings.server.trusted_proxies = vec!["127.0.0.1".into()];
    })
    .await;
    for _ in 0..2 {
        assert_eq!(post_tip_from(&proxied, "198.51.100.1").await, 201);
    }
    assert_eq!(
        post_tip_from(&proxied, "203.0.113.9, 198.51.100.1").await,
        429
    );
    assert_eq!(post_tip_from(&proxied, "198.51.100.2").await, 201);
}

async fn ipv6_clients_are_limited_per_64(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.submissions_burst = 2;
        settings.rate_limit.submissions_period_secs = 3600;
        settings.server.trusted_proxies = vec!["127.0.0.0/8".into()];
    })
    .await;
    assert_eq!(post_tip_from(&app, "2001:db8:1:2::1").await, 201);
    assert_eq!(post_tip_from(&app, "2001:db8:1:2:ffff::2").await, 201);
    assert_eq!(post_tip_from(&app, "2001:db8:1:2:abcd::3").await, 429);
    assert_eq!(
        post_tip_from(&app, "2001:db8:1:3::1").await,
        201,
        "another /64"
    );
}

fn stored_names(app: &bedre_stat_test_support::TestApp) -> Vec<String> {
    let mut conn = app.db.write_conn().unwrap();
    sequences::table
        .select(sequences::name)
        .load(&mut **conn)
        .unwrap()
}

async fn a_write_that_fails_halfway_leaves_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let failed: anyhow::Result<()> = app
        .db
        .write(|conn| {
            diesel::insert_into(sequences::table)
                .values((sequences::name.eq("step-1"), sequences::value.eq(1i64)))
                .execute(conn)?;
            diesel::insert_into(sequences::table)
                .values((sequences::name.eq("step-2"), sequences::value.eq(2i64)))
                .execute(conn)?;
            anyhow::bail!("the third step fails")
        })
        .await;
    assert!(failed.is_err());
    let names = stored_names(&app);
    assert!(!names.iter().any(|n| n.starts_with("step-")), "{names:?}");
}

async fn a_write_that_panics_leaves_nothing_and_the_next_write_is_stored(backend: Backend) {
    let app = spawn_app(backend).await;
    let panicked = app
        .db
        .write(|conn| {
            diesel::insert_into(sequences::table)
                .values((
                    sequences::name.eq("before-panic"),
                    sequences::value.eq(1i64),
                ))
                .execute(conn)?;
            panic!("a bug in a write");
            #[allow(unreachable_code)]
            Ok(())
        })
        .await;
    assert!(panicked.is_err());
    for n in 0..3 {
        app.db
            .write(move |conn| {
                diesel::insert_into(sequences::table)
                    .values((
                        sequences::name.eq(format!("after-{n}")),
                        sequences::value.eq(n),
                    ))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
    }
    let names = stored_names(&app);
    assert!(!names.contains(&"before-panic".to_owned()), "{names:?}");
    for n in 0..3 {
        assert!(names.contains(&format!("after-{n}")), "{names:?}");
    }
}

async fn undeclared_methods_on_api_paths_answer_405_with_allow(backend: Backend) {
    let app = spawn_app(backend).await;
    for (method, path, allow) in [
        (reqwest::Method::GET, "/api/v1/tips", "POST"),
        (reqwest::Method::PUT, "/api/v1/nominations", "POST"),
        (reqwest::Method::DELETE, "/api/v1/tips", "POST"),
        (reqwest::Method::POST, "/api/v1/openapi.json", "GET"),
    ] {
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method} {path}");
        assert_eq!(response.headers()["allow"], allow, "{method} {path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "method_not_allowed");
    }
    // An unknown API path is still 404.
    assert_eq!(app.get("/api/v1/unknown").await.status(), 404);
}

/// 30 tips at once after a counter that already gave out 41 numbers (as before the
/// PostgreSQL sequences): every reference is new, unique and after 41.
async fn references_stay_unique_and_increasing_and_continue_the_old_counter(backend: Backend) {
    use chrono::Datelike as _;
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false;
    })
    .await;
    let year = bedre_stat::db::now().year();
    app.db
        .write(move |conn| {
            diesel::insert_into(sequences::table)
                .values((
                    sequences::name.eq(format!("TIPS-{year}")),
                    sequences::value.eq(41i64),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let mut posts = Vec::new();
    for _ in 0..30 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/tips"));
        posts.push(tokio::spawn(async move {
            let response = client.post(url).json(&valid_tip()).send().await.unwrap();
            assert_eq!(response.status(), 201);
            let body: serde_json::Value = response.json().await.unwrap();
            body["reference"].as_str().unwrap().to_owned()
        }));
    }
    let mut numbers = Vec::new();
    for post in posts {
        let reference = post.await.unwrap();
        let prefix = format!("TIPS-{year}-");
        assert!(reference.starts_with(&prefix), "{reference}");
        numbers.push(reference[prefix.len()..].parse::<i64>().unwrap());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 30, "unique");
    assert!(
        numbers[0] > 41,
        "after the numbers given before: {numbers:?}"
    );
}
