//! Spawning the real application for a test: its own database and SMTP server, port 0 on
//! loopback, and a `TestApp` with one method per request.

use crate::database::{Backend, TestDatabase};
use crate::pages::{csrf_token_in, hidden_field_in};
use crate::smtp::SmtpSink;
use bedre_stat::config::Settings;
use bedre_stat::db::Database;
use bedre_stat::startup::Application;
use std::net::TcpListener;
use std::sync::Once;
use std::time::{Duration, Instant};

pub fn init_tracing() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            bedre_stat::telemetry::init(Default::default());
        }
    });
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Settings for a test: port 0 on loopback, its own database and SMTP server, quick retries.
pub fn test_settings(database_url: &str, smtp_url: &str) -> Settings {
    let mut settings = Settings::load(None).expect("default settings");
    settings.server.port = 0;
    settings.server.workers = 2;
    settings.database.url = database_url.into();
    settings.database.pool_size = 4;
    settings.mail.smtp_url = smtp_url.into();
    settings.mail.retry_base_secs = 1;
    settings.mail.retry_max_secs = 1;
    settings.mail.poll_interval_ms = 100;
    settings.mail.claim_lease_secs = 5;
    settings.mail.smtp_timeout_secs = 5;
    settings.mail.tip_recipient = "bedre-stat@dfo.no".into();
    // Two-factor logins have their own tests (tests/api/two_factor.rs), which turn it on.
    settings.auth.require_totp = bedre_stat::config::RequireTotp::None;
    settings
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: Database,
    pub smtp: SmtpSink,
    /// The app's clock: set or advance it to try deadlines, reminders and retention.
    pub clock: bedre_stat::clock::Clock,
    _database: TestDatabase,
}

impl TestApp {
    /// Creates an account directly (as `bedre-stat user add` does) and sets its password
    /// through the one-time link, as the person would.
    pub async fn create_user(&self, email: &str, name: &str, role: &str, password: &str) {
        let link = self.invite(email, name, role).await;
        let path = &link[link.find("/konto/").unwrap()..];
        let response = self
            .submit_form(
                path,
                &[("password", password), ("password_confirmation", password)],
            )
            .await;
        assert_eq!(response.status(), 200, "password set");
    }

    /// Creates an account and returns its one-time link.
    pub async fn invite(&self, email: &str, name: &str, role: &str) -> String {
        let settings = bedre_stat::config::Settings::load(None).unwrap();
        let identity = bedre_stat::email::MailIdentity::new(
            &settings.mail.from,
            "bedre-stat@dfo.no",
            &self.address,
        )
        .unwrap();
        let accounts = bedre_stat::accounts::Accounts::new(
            self.db.clone(),
            identity,
            Default::default(),
            settings.auth,
        );
        let (_, link) = accounts
            .create_user(
                bedre_stat::domain::EmailAddress::parse(email).unwrap(),
                bedre_stat::domain::ShortText::parse(name).unwrap(),
                bedre_stat::domain::Role::parse(role).unwrap(),
                bedre_stat::i18n::Lang::Nb,
                // The test sets up accounts the way an operator does.
                bedre_stat::domain::Actor::Cli,
            )
            .await
            .unwrap();
        link
    }

    pub async fn log_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.submit_form("/logg-inn", &[("email", email), ("password", password)])
            .await
    }

    /// A different browser in which `email` has logged in.
    pub async fn browser_logged_in(&self, email: &str, password: &str) -> reqwest::Client {
        let browser = self.other_browser();
        let response = self
            .submit_form_as(
                &browser,
                "/logg-inn",
                "/logg-inn",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(response.status(), 303, "{email} logs in");
        browser
    }

    /// A new client (a different browser) against the same app.
    pub fn other_browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, SmtpSink::start(), |_| {}).await
}

pub async fn spawn_app_with(
    backend: Backend,
    smtp: SmtpSink,
    customise: impl FnOnce(&mut Settings),
) -> TestApp {
    init_tracing();
    let database = TestDatabase::create(backend);
    let mut settings = test_settings(&database.url, &smtp.url());
    customise(&mut settings);
    let app = Application::build(settings).expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.database().clone();
    let clock = app.clock();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        address,
        client,
        db,
        smtp,
        clock,
        _database: database,
    }
}

impl TestApp {
    /// The test's own database, for running the command line against it.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_html(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_json_lang(
        &self,
        path: &str,
        body: &serde_json::Value,
        lang: &str,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("Accept-Language", lang)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Opens the form page (getting the CSRF cookie and token) and posts `fields` with the
    /// token, as a browser would.
    pub async fn submit_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.submit_form_to(path, path, fields).await
    }

    /// Like `submit_form`, for a form on `page` that posts to `action`.
    pub async fn submit_form_to(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        self.submit_form_as(&self.client, page, action, fields)
            .await
    }

    /// Opens `page` in `browser` (getting its CSRF cookie, token and form key) and posts
    /// `fields` with them to `action`, as that browser would.
    pub async fn submit_form_as(
        &self,
        browser: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let response = browser.get(self.url(page)).send().await.unwrap();
        assert_eq!(response.status(), 200, "GET {page}");
        let page = response.text().await.unwrap();
        let token = csrf_token_in(&page);
        let mut body: Vec<(&str, &str)> = vec![("csrf_token", token.as_str()), ("website", "")];
        let key = page
            .contains("name=\"submission_key\"")
            .then(|| hidden_field_in(&page, "submission_key"));
        if let Some(key) = &key {
            body.push(("submission_key", key.as_str()));
        }
        body.extend_from_slice(fields);
        browser
            .post(self.url(action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(serde_html_form::to_string(&body).unwrap())
            .send()
            .await
            .unwrap()
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let body = serde_html_form::to_string(fields).unwrap();
        self.client
            .post(self.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Switches the remembered language, as the language links do.
    pub async fn choose_language(&self, code: &str) {
        let response = self.get(&format!("/sprak?lang={code}&tilbake=/")).await;
        assert_eq!(response.status(), 303);
    }

    pub async fn outbox(&self) -> Vec<bedre_stat::db::outbox::OutboxMessage> {
        self.db
            .read(|conn| Ok(bedre_stat::db::outbox::all(conn)?))
            .await
            .unwrap()
    }

    /// Waits until the outbox has nothing left to deliver.
    pub async fn wait_for_outbox_drained(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let waiting = self
                .db
                .read(|conn| Ok(bedre_stat::db::outbox::count_waiting(conn)?))
                .await
                .unwrap();
            if waiting == 0 {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{waiting} messages still waiting after {timeout:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl TestApp {
    /// The id of the account with this address.
    /// The stored nomination with `reference`.
    pub async fn nomination(&self, reference: &str) -> bedre_stat::db::nominations::NominationRow {
        let reference = reference.to_owned();
        self.db
            .read(move |conn| {
                Ok(bedre_stat::db::nominations::find_by_reference(
                    conn, &reference,
                )?)
            })
            .await
            .unwrap()
            .expect("the nomination is stored")
    }

    pub async fn user_id(&self, email: &str) -> i32 {
        let wanted = email.to_owned();
        self.db
            .read(move |conn| Ok(bedre_stat::db::users::find_by_email(conn, &wanted)?))
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("an account for {email}"))
            .id
    }

    /// The page at `path` as `browser` sees it.
    pub async fn get_html_as(&self, browser: &reqwest::Client, path: &str) -> String {
        let response = browser.get(self.url(path)).send().await.unwrap();
        response.text().await.unwrap()
    }

    /// How many audit events of this action are recorded.
    pub async fn audit_count(&self, action: &'static str) -> i64 {
        self.db
            .read(move |conn| {
                use bedre_stat::db::schema::audit_events as a;
                use diesel::prelude::*;
                Ok(a::table
                    .filter(a::action.eq(action))
                    .count()
                    .get_result(conn)?)
            })
            .await
            .unwrap()
    }

    /// Moves a round to another phase, as the secretariat's round page does.
    pub async fn move_round_to(&self, round_id: i32, phase: &'static str) {
        self.db
            .write(move |conn| {
                use bedre_stat::db::schema::rounds;
                use diesel::prelude::*;
                diesel::update(rounds::table.find(round_id))
                    .set(rounds::phase.eq(phase))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
    }
}
