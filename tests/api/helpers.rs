//! Spawning the real application for a test: its own database (a temporary SQLite file or a
//! fresh PostgreSQL database, dropped afterwards), its own SMTP server on loopback, port 0.

use bedre_stat::config::Settings;
use bedre_stat::db::Database;
use bedre_stat::startup::Application;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use mail_parser::MimeHeaders as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates one test per backend from `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::helpers::Backend::Postgres).await
            }
        }
    )+};
}

pub fn init_tracing() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            bedre_stat::telemetry::init();
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

/// The PostgreSQL server tests create their databases on.
fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database of the test's own.
pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    postgres_name: Option<String>,
}

impl TestDatabase {
    pub fn create(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = dir.path().join("test.db").to_string_lossy().into_owned();
                Self {
                    url,
                    _dir: Some(dir),
                    postgres_name: None,
                }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let name = format!("bsp_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&admin).unwrap_or_else(|e| {
                    panic!("PostgreSQL must run for the tests (TEST_POSTGRES_URL): {e}")
                });
                conn.batch_execute(&format!("CREATE DATABASE {name}"))
                    .unwrap();
                let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap();
                Self {
                    url: format!("{base}/{name}"),
                    _dir: None,
                    postgres_name: Some(name),
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = &self.postgres_name
            && let Ok(mut conn) = PgConnection::establish(&postgres_admin_url())
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// A real SMTP server (aiosmtpd) on loopback, storing each message in a maildir.
pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    process: Option<Child>,
}

/// One delivered message, as the SMTP server stored it.
#[derive(Debug, Clone)]
pub struct Mail {
    pub raw: String,
    pub envelope_to: String,
    pub to: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: Option<String>,
    pub is_multipart_alternative: bool,
}

impl SmtpSink {
    pub fn start() -> Self {
        Self::start_on(free_port())
    }

    /// An SMTP server that will listen on `port` once `resume` is called.
    pub fn stopped_on(port: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        // Python's Maildir only creates these when the folder itself is missing.
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        Self {
            port,
            dir,
            process: None,
        }
    }

    pub fn start_on(port: u16) -> Self {
        let mut sink = Self::stopped_on(port);
        sink.resume();
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn resume(&mut self) {
        assert!(self.process.is_none(), "already running");
        let child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{}", self.port),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-aiosmtpd must be installed (the test command installs it)");
        self.process = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "SMTP sink did not start on port {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn maildir_new(&self) -> PathBuf {
        self.dir.path().join("new")
    }

    pub fn messages(&self) -> Vec<Mail> {
        let Ok(entries) = std::fs::read_dir(self.maildir_new()) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        paths.iter().map(|path| parse_mail(path)).collect()
    }

    /// Waits until at least `count` messages arrived, and returns them all.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Mail> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages();
            if messages.len() >= count {
                return messages;
            }
            assert!(
                Instant::now() < deadline,
                "expected {count} messages, got {} within {timeout:?}",
                messages.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

fn parse_mail(path: &Path) -> Mail {
    let raw = std::fs::read_to_string(path).unwrap();
    let message = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .expect("a parsable message");
    let address = |addr: Option<&mail_parser::Address>| {
        addr.and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(str::to_owned)
    };
    Mail {
        envelope_to: message
            .header_raw("X-RcptTo")
            .unwrap_or_default()
            .trim()
            .to_owned(),
        to: address(message.to()).unwrap_or_default(),
        reply_to: address(message.reply_to()),
        subject: message.subject().unwrap_or_default().to_owned(),
        message_id: message.message_id().unwrap_or_default().to_owned(),
        text: message
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        html: message.body_html(0).map(|t| t.into_owned()),
        is_multipart_alternative: message.content_type().is_some_and(|ct| {
            ct.c_type.eq_ignore_ascii_case("multipart")
                && ct
                    .subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("alternative"))
        }),
        raw,
    }
}

/// Settings for a test: port 0 on loopback, its own database and SMTP server, quick retries.
pub fn test_settings(database_url: &str, smtp_url: &str) -> Settings {
    let mut settings = Settings::load(None).expect("default settings");
    settings.server.port = 0;
    settings.server.workers = 2;
    settings.database.url = database_url.to_owned();
    settings.database.pool_size = 4;
    settings.mail.smtp_url = smtp_url.to_owned();
    settings.mail.retry_base_secs = 1;
    settings.mail.retry_max_secs = 1;
    settings.mail.poll_interval_ms = 100;
    settings.mail.claim_lease_secs = 5;
    settings.mail.smtp_timeout_secs = 5;
    settings.mail.tip_recipient = "bedre-stat@dfo.no".into();
    settings
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: Database,
    pub smtp: SmtpSink,
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

/// The value of a hidden field in a page.
pub fn hidden_field_in(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("the page has a {name} field"))
        + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

pub fn csrf_token_in(page: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = page.find(marker).expect("the page has a CSRF field") + marker.len();
    page[start..start + 64].to_owned()
}

/// A reference printed on a receipt page.
pub fn reference_in(page: &str) -> String {
    let start = page
        .find("id=\"reference\">")
        .expect("a receipt with a reference");
    let text = &page[start..];
    let begin = text.find(['B', 'T']).unwrap();
    let rest = &text[begin..];
    let candidates = rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'));
    candidates
        .into_iter()
        .find(|word| word.starts_with("BSP-") || word.starts_with("TIPS-"))
        .unwrap()
        .to_owned()
}

pub fn valid_tip() -> serde_json::Value {
    serde_json::json!({
        "initiative": "Felles fakturamottak for hele staten",
        "agency": "Direktoratet for forvaltning og økonomistyring",
        "reason": "Sparte tusenvis av timer med manuell registrering.",
    })
}

pub fn valid_nomination() -> serde_json::Value {
    serde_json::json!({
        "agency_name": "Statens vegvesen",
        "org_number": "971032081",
        "contact_name": "Kari Nordmann",
        "contact_email": "kari.nordmann@vegvesen.no",
        "contact_phone": "+47 400 00 000",
        "title": "Digital kontroll av tungtransport",
        "categories": ["kontroll", "kvalitetsforbedring"],
        "summary": "Automatisk kontroll ved veien.",
        "background": "Manuell kontroll var tidkrevende.",
        "what_was_done": "Vi tok i bruk sensorer og automatisk utvalg.",
        "results": "Dobbelt så mange kontroller med samme bemanning.",
        "savings_hours": 12000,
        "user_effects": "Færre ulykker og mindre kø.",
        "transfer_value": "Metoden kan brukes av alle kontrolletater.",
        "leadership_backing": true,
        "consent_publish": true,
    })
}

/// The form fields of a complete, valid nomination.
pub fn valid_nomination_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("agency_name", "Statens vegvesen"),
        ("org_number", "971 032 081"),
        ("contact_name", "Kari Nordmann"),
        ("contact_email", "kari.nordmann@vegvesen.no"),
        ("contact_phone", ""),
        ("title", "Digital kontroll av tungtransport"),
        ("categories", "kontroll"),
        ("categories", "innsparing"),
        ("summary", "Automatisk kontroll ved veien."),
        ("background", "Manuell kontroll var tidkrevende."),
        ("what_was_done", "Sensorer og automatisk utvalg."),
        ("results", "Dobbelt så mange kontroller."),
        ("savings_nok", "2 500 000"),
        ("savings_hours", ""),
        ("user_effects", "Færre ulykker."),
        ("transfer_value", "Alle kontrolletater kan bruke metoden."),
        ("other_agencies", ""),
        ("leadership_backing", "true"),
    ]
}
