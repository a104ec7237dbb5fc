//! Building the application: a function tests call with their own settings (port 0, their
//! own database and SMTP server), and `main` calls with the real ones.

use crate::config::Settings;
use crate::db::Database;
use crate::email::MailIdentity;
use crate::outbox::{OutboxSignal, OutboxWorker};
use crate::submissions::Intake;
use crate::web::{AppState, rate_limit::SubmissionLimiter, security};
use crate::{routes, templates};
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
    limiter: SubmissionLimiter,
    database: Database,
}

impl Application {
    /// Connects to the database (applying migrations), binds the listener and prepares the
    /// outbox worker. Nothing runs until `run_until_stopped`.
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
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
        let limiter = SubmissionLimiter::new(&settings.rate_limit);
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))
            .with_context(|| {
                format!("binding {}:{}", settings.server.host, settings.server.port)
            })?;
        let port = listener.local_addr()?.port();
        let state = AppState {
            db: database.clone(),
            intake: Intake::new(database.clone(), identity, signal),
            settings: Arc::new(settings.clone()),
            limiter: limiter.clone(),
        };
        let max_body = settings.server.max_body_bytes;
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(security::headers())
                .wrap(tracing_actix_web::TracingLogger::default())
                .app_data(web::Data::new(state.clone()))
                .app_data(web::PayloadConfig::new(max_body))
                .configure(routes::configure)
                .default_service(web::to(routes::not_found))
        })
        .shutdown_timeout(10);
        if settings.server.workers > 0 {
            server = server.workers(settings.server.workers);
        }
        let server = server.listen(listener)?.run();
        Ok(Self {
            port,
            server,
            worker,
            worker_enabled: settings.mail.worker_enabled,
            limiter,
            database,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn database(&self) -> &Database {
        &self.database
    }

    /// Serves until the server stops (SIGTERM or SIGINT: in-flight requests finish), then
    /// lets the outbox worker finish the batch in hand.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_worker, stopped) = watch::channel(false);
        let worker = self
            .worker_enabled
            .then(|| tokio::spawn(self.worker.run(stopped)));
        let limiter = self.limiter;
        let housekeeping = tokio::spawn(async move {
            let mut every_minute = tokio::time::interval(Duration::from_secs(60));
            loop {
                every_minute.tick().await;
                limiter.forget_idle();
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
