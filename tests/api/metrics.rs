//! `GET /metrics`: Prometheus' text format, checked by the Prometheus project's own Python
//! parser; counted by route pattern and status; closed to the public.

use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, spawn_app, spawn_app_with, valid_tip};
use std::io::Write as _;
use std::process::{Command, Stdio};

on_both_backends!(
    metrics_are_valid_prometheus_text_by_route_and_status,
    metrics_need_the_token_when_one_is_set,
);

/// The metric families and samples the official parser reads from `text` (it fails on
/// anything that is not valid exposition format).
fn parse_with_prometheus_client(text: &str) -> String {
    let mut child = Command::new("/usr/bin/python3")
        .args([
            "-c",
            "import sys\nfrom prometheus_client.parser import text_string_to_metric_families\n\
             for family in text_string_to_metric_families(sys.stdin.read()):\n\
             \x20   for sample in family.samples:\n\
             \x20       print(sample.name, sorted(sample.labels.items()), sample.value)\n",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with prometheus_client (scripts/test installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the Prometheus parser refused /metrics: {}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

async fn metrics_are_valid_prometheus_text_by_route_and_status(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/tips").await.status(), 200);
    assert_eq!(
        app.post_json("/api/v1/tips", &valid_tip()).await.status(),
        201
    );
    assert_eq!(app.get("/sekretariat/runder/7").await.status(), 303);
    assert_eq!(
        app.log_in("ingen@dfo.no", "feil passord her")
            .await
            .status(),
        401
    );
    app.wait_for_outbox_drained(std::time::Duration::from_secs(20))
        .await;
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let samples = parse_with_prometheus_client(&response.text().await.unwrap());
    assert!(
        samples.contains(
            "http_requests_total [('method', 'GET'), ('route', '/tips'), ('status', '200')]"
        ),
        "{samples}"
    );
    // Counted by the route's pattern, never by the ids in the URL.
    assert!(
        samples.contains("('route', '/sekretariat/runder/{round}'), ('status', '303')"),
        "{samples}"
    );
    assert!(!samples.contains("/sekretariat/runder/7"), "{samples}");
    assert!(
        samples.contains("http_request_duration_seconds_bucket"),
        "{samples}"
    );
    assert!(
        samples.contains("outbox_messages [('state', 'waiting')]"),
        "{samples}"
    );
    assert!(samples.contains("db_pool_connections"), "{samples}");
    assert!(samples.contains("login_failures_total"), "{samples}");
    assert!(
        samples.contains("mail_delivery_attempts_total [('result', 'sent')]"),
        "{samples}"
    );
}

async fn metrics_need_the_token_when_one_is_set(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.metrics.token = "hemmelig-skrapenokkel".into();
    })
    .await;
    assert_eq!(
        app.get("/metrics").await.status(),
        403,
        "not even from loopback"
    );
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("gjetning")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 403);
    let right = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("hemmelig-skrapenokkel")
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
}
