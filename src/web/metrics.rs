//! `GET /metrics` in Prometheus' text format, from the `metrics` crate family: requests by
//! route and status with latency histograms (the middleware below), the outbox by state,
//! delivery attempts and failures, login failures and lockouts, and the database pools.
//!
//! Counters are recorded where things happen (`metrics::counter!`); what the database
//! knows (the outbox's states, the pools) is read when Prometheus scrapes. The endpoint
//! answers only with `Authorization: Bearer <metrics.token>`, or — when no token is set —
//! only to a peer on loopback (a scraper on the same host), never to the public.

use super::AppState;
use super::errors::{PageError, PageResult};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;
use subtle::ConstantTimeEq as _;

/// The process-wide recorder (the `metrics` macros have one global recorder; every app a
/// test process starts shares it).
fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("http_request_duration_seconds".into()),
                &[
                    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
                ],
            )
            .expect("bucket list is not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder may exist only if something else installed one first.
        let _ = metrics::set_global_recorder(recorder);
        // Latency samples wait in a buffer until upkeep folds them into the buckets. Only
        // a scrape did that, so with no scraper every request added to it for good (the
        // process grew by ~17 MiB in 40 s of bench/run.sh). Fold them in every 5 s.
        let upkeep = handle.clone();
        let _ = std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(5));
                    upkeep.run_upkeep();
                }
            });
        handle
    })
}

/// Makes sure the recorder is installed before the first request counts anything.
pub fn install() {
    let _ = handle();
}

/// Middleware: one count and one latency observation per request, by the route's pattern
/// (`/sekretariat/runder/{round}`, never the ids in the URL) and the status.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    // The pattern the path matches in the app's resource map (routing has not run yet).
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let result = next.call(req).await;
    // An error (a guard's login redirect) is counted with the status it will answer with.
    let status = match &result {
        Ok(response) => response.status(),
        Err(error) => error.as_response_error().status_code(),
    }
    .as_u16()
    .to_string();
    metrics::counter!("http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    result
}

fn allowed(req: &HttpRequest, token: &str) -> bool {
    if token.is_empty() {
        return req.peer_addr().is_some_and(|peer| peer.ip().is_loopback());
    }
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .is_some_and(|given| bool::from(given.as_bytes().ct_eq(token.as_bytes())))
}

#[tracing::instrument(skip_all)]
pub async fn scrape(req: HttpRequest, state: web::Data<AppState>) -> PageResult {
    if !state.settings.metrics.enabled {
        return Err(PageError::NotFound);
    }
    if !allowed(&req, &state.settings.metrics.token) {
        return Err(PageError::Forbidden);
    }
    let outbox = state.db.outbox_counts().await?;
    metrics::gauge!("outbox_messages", "state" => "waiting").set(outbox.waiting as f64);
    metrics::gauge!("outbox_messages", "state" => "failed").set(outbox.failed as f64);
    metrics::gauge!("outbox_messages", "state" => "sent").set(outbox.sent as f64);
    for (pool, pool_state) in state.db.pool_states() {
        metrics::gauge!("db_pool_connections", "pool" => pool).set(pool_state.connections as f64);
        metrics::gauge!("db_pool_idle_connections", "pool" => pool)
            .set(pool_state.idle_connections as f64);
    }
    let handle = handle();
    handle.run_upkeep();
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(handle.render()))
}
