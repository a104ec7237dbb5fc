//! Building the application: a function tests call with their own settings (port 0, their
//! own database and SMTP server), and `main` calls with the real ones.

use crate::accounts::Accounts;
use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Database;
use crate::db::sessions::DbSessionStore;
use crate::email::MailIdentity;
use crate::outbox::{OutboxSignal, OutboxWorker};
use crate::services::reminders::Reminders;
use crate::submissions::Intake;
use crate::web::client_address::TrustedProxies;
use crate::web::rate_limit::{Allowance, SubmissionLimiter};
use crate::web::{AppState, security};
use crate::{routes, templates};
use actix_session::SessionMiddleware;
use actix_session::config::BrowserSession;
use actix_web::cookie::{Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
use anyhow::Context as _;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

pub struct Application {
    port: u16,
    server: Server,
    worker: OutboxWorker,
    worker_enabled: bool,
    keep_sent_days: i64,
    retention: crate::domain::RetentionPeriods,
    limiters: [SubmissionLimiter; 2],
    database: Database,
    clock: Clock,
    reminders: Reminders,
    intake: Intake,
}

impl Application {
    /// Connects to the database (applying migrations), binds the listener and prepares the
    /// outbox worker. Nothing runs until `run_until_stopped`.
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        check_cookie_settings(&settings)?;
        crate::web::metrics::install();
        // Compile the templates now, so a broken build fails at start rather than on a request.
        let _ = templates::get();
        let database = Database::connect(&settings.database.url, settings.database.pool_size)?;
        let identity = MailIdentity::new(
            &settings.mail.from,
            &settings.mail.tip_recipient,
            &settings.server.base_url,
        )?;
        let signal = OutboxSignal::default();
        let worker = OutboxWorker::new(database.clone(), settings.mail.clone(), signal.clone())?;
        let trusted_proxies = Arc::new(TrustedProxies::parse(&settings.server.trusted_proxies)?);
        let limiter =
            SubmissionLimiter::new(&settings.rate_limit, trusted_proxies.clone(), &database);
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))
            .with_context(|| {
                format!("binding {}:{}", settings.server.host, settings.server.port)
            })?;
        let port = listener.local_addr()?.port();
        let auth = &settings.auth;
        let login_limiter = SubmissionLimiter::with(
            settings.rate_limit.enabled,
            Allowance::new(
                &database,
                "logins",
                auth.login_burst,
                Duration::from_secs(auth.login_period_secs),
            ),
            trusted_proxies,
        );
        let session_key = session_key(&auth.session_secret)?;
        let session_store = DbSessionStore::new(database.clone());
        let session_lifecycle =
            BrowserSession::default().state_ttl(CookieDuration::hours(auth.session_hours));
        let secure_cookies = settings.server.secure_cookies;
        let clock = Clock::system();
        let reminders = Reminders::new(
            database.clone(),
            identity.clone(),
            signal.clone(),
            &settings.jury.reminder_days,
        );
        let intake = Intake::new(
            database.clone(),
            identity.clone(),
            signal.clone(),
            settings.rate_limit.receipt_limit(),
            (settings.nomination.draft_lifetime(), clock.clone()),
        );
        let state = AppState {
            db: database.clone(),
            intake: intake.clone(),
            accounts: Accounts::new(database.clone(), identity, signal, settings.auth.clone()),
            settings: Arc::new(settings.clone()),
            limiter: limiter.clone(),
            login_limiter: login_limiter.clone(),
            clock: clock.clone(),
            reminders: reminders.clone(),
            upload_budget: crate::web::uploads::UploadBudget::new(
                settings.nomination.upload_memory_mb,
            ),
        };
        let max_body = settings.server.max_body_bytes;
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(
                    SessionMiddleware::builder(session_store.clone(), session_key.clone())
                        .cookie_name(session_cookie_name(secure_cookies).into())
                        .cookie_secure(secure_cookies)
                        .cookie_http_only(true)
                        .cookie_same_site(SameSite::Lax)
                        .session_lifecycle(session_lifecycle.clone())
                        .build(),
                )
                // Inside the language middleware: an error the metrics middleware turns into
                // its page is rendered in the request's language.
                .wrap(actix_web::middleware::from_fn(
                    crate::web::metrics::middleware,
                ))
                .wrap(actix_web::middleware::from_fn(crate::web::lang::middleware))
                .wrap(actix_web::middleware::from_fn(
                    crate::web::body_timeout::middleware,
                ))
                .wrap(security::headers())
                .wrap(tracing_actix_web::TracingLogger::default())
                .app_data(web::Data::new(state.clone()))
                .app_data(web::PayloadConfig::new(max_body))
                .configure(routes::configure)
                .default_service(web::to(routes::not_found))
        })
        .shutdown_timeout(10);
        let workers = if settings.server.workers > 0 {
            settings.server.workers
        } else {
            std::thread::available_parallelism().map_or(1, usize::from)
        };
        // Blocking work is database calls, which wait for one of `pool_size` connections
        // anyway, and password hashes, capped at `max_concurrent_hashes`. actix-web lets
        // each worker start up to 512 / workers threads for it: under 32 connections of
        // load that was ~40 threads, each with its stack and its own malloc arena, for no
        // gain (issue 10 §4, peak memory).
        let blocking_per_worker = (settings.database.pool_size as usize
            + settings.auth.max_concurrent_hashes)
            .div_ceil(workers)
            .max(2);
        server = server
            .workers(workers)
            .worker_max_blocking_threads(blocking_per_worker);
        let server = server.listen(listener)?.run();
        Ok(Self {
            port,
            server,
            worker,
            worker_enabled: settings.mail.worker_enabled,
            keep_sent_days: settings.mail.keep_sent_days,
            retention: settings.retention,
            limiters: [limiter, login_limiter],
            database,
            clock,
            reminders,
            intake,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn database(&self) -> &Database {
        &self.database
    }

    /// The application's clock: tests set it to try deadlines, reminders and retention.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// Serves until the server stops (SIGTERM or SIGINT: in-flight requests finish), then
    /// lets the outbox worker finish the batch in hand.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_worker, stopped) = watch::channel(false);
        let worker = self
            .worker_enabled
            .then(|| tokio::spawn(self.worker.run(stopped)));
        let limiters = self.limiters;
        let db = self.database.clone();
        let keep_sent_days = self.keep_sent_days;
        let (retention, reminders, clock) = (self.retention, self.reminders, self.clock.clone());
        let intake = self.intake;
        let housekeeping = tokio::spawn(async move {
            let mut every_minute = tokio::time::interval(Duration::from_secs(60));
            let mut purged_on = None;
            loop {
                every_minute.tick().await;
                purged_on = daily_purge(&db, &intake, retention, &clock, purged_on).await;
                limiters.iter().for_each(SubmissionLimiter::forget_idle);
                if let Err(error) = db
                    .write(move |conn| {
                        crate::db::sessions::delete_expired(conn)?;
                        let cutoff = crate::db::now() - chrono::TimeDelta::days(keep_sent_days);
                        let erased = crate::db::outbox::erase_delivered_before(conn, cutoff)?;
                        crate::db::receipts::forget_before(conn, crate::db::now().date())?;
                        crate::db::rate_limits::forget_idle(conn)?;
                        if erased > 0 {
                            tracing::info!(erased, "erased the contents of delivered mail");
                        }
                        Ok(())
                    })
                    .await
                {
                    tracing::warn!(error = ?error, "housekeeping failed");
                }
                if let Err(error) = reminders.send_due(clock.now()).await {
                    tracing::warn!(error = ?error, "sending the jury's reminders failed");
                }
            }
        });
        let served = self.server.await;
        housekeeping.abort();
        let _ = stop_worker.send(true);
        if let Some(worker) = worker {
            let _ = worker.await;
        }
        served.context("running the HTTP server")
    }
}

/// The retention purge, once a day by the application's clock (at start, then when the
/// date changes). Returns the day it last ran; a failed purge is tried again next time.
async fn daily_purge(
    db: &crate::db::Database,
    intake: &Intake,
    periods: crate::domain::RetentionPeriods,
    clock: &Clock,
    purged_on: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    let now = clock.now();
    if purged_on == Some(now.date()) {
        return purged_on;
    }
    let system = crate::domain::Actor::System;
    if let Err(error) = crate::services::retention::purge(db, periods, now, system).await {
        tracing::warn!(error = ?error, "retention purge failed");
        return purged_on;
    }
    // Drafts past their days go, and those close to it get their one reminder; both
    // steps are idempotent, so a day whose sweep failed is simply tried again.
    match intake.expire_drafts(now).await {
        Ok(_) => Some(now.date()),
        Err(error) => {
            tracing::warn!(error = ?error, "sweeping drafts failed");
            purged_on
        }
    }
}

/// The session cookie's name: with the `__Host-` prefix when cookies are secure (Secure,
/// path `/`, no domain, so a sibling subdomain cannot plant or overwrite it).
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-bsp_session"
    } else {
        "bsp_session"
    }
}

/// A portal served over HTTPS must not hand out cookies that would also travel over plain
/// HTTP: refuse to start rather than run that way.
fn check_cookie_settings(settings: &Settings) -> anyhow::Result<()> {
    anyhow::ensure!(
        settings.server.secure_cookies || !settings.server.base_url.starts_with("https://"),
        "server.base_url is https://…, so server.secure_cookies must be true \
         (set secure_cookies = true in the config file, or BEDRE_STAT__SERVER__SECURE_COOKIES=true)"
    );
    Ok(())
}

/// The key that signs and encrypts the session cookie.
fn session_key(secret: &str) -> anyhow::Result<Key> {
    if secret.is_empty() {
        tracing::warn!(
            "auth.session_secret is not set: logins end when the process restarts, and with \
             several instances one does not recognise another's logins"
        );
        return Ok(Key::generate());
    }
    Key::try_from(secret.as_bytes())
        .map_err(|_| anyhow::anyhow!("auth.session_secret must be at least 64 bytes"))
}
