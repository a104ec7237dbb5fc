//! Starting chromedriver and a headless Chromium, and what the tests do in a page.

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::future::Future;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a whole browser test may take before it counts as failed (with a screenshot).
const TEST_TIMEOUT: Duration = Duration::from_secs(120);
/// Longest the tests wait for something to appear in a page.
const WAIT: Duration = Duration::from_secs(15);

fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

/// A chromedriver of this test's own on a free port, killed when dropped.
struct Chromedriver {
    process: Child,
    url: String,
}

impl Chromedriver {
    fn start() -> Self {
        let port = bedre_stat_test_support::free_port();
        let process = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "chromedriver must be installed (scripts/test installs chromium and \
                     chromium-driver; or set CHROMEDRIVER): {e}"
                )
            });
        let mut driver = Self {
            process,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.process.try_wait() {
                panic!("chromedriver exited at start: {status}");
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Js {
    Enabled,
    Disabled,
}

/// A headless Chromium session with a fresh profile.
struct Browser {
    client: Client,
    _profile: tempfile::TempDir,
    _driver: Chromedriver,
}

impl Browser {
    async fn start(js: Js) -> Self {
        let driver = Chromedriver::start();
        let profile = tempfile::tempdir().unwrap();
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            // Without these Chromium calls home, and this machine refuses the connections.
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--window-size=1280,900".into(),
            "--lang=nb".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut prefs = serde_json::Map::new();
        // Headless Chromium ignores --lang for Accept-Language; the pref sets it.
        prefs.insert("intl.accept_languages".into(), json!("nb,no;q=0.9"));
        if js == Js::Disabled {
            args.push("--blink-settings=scriptEnabled=false".into());
            prefs.insert("webkit.webprefs.javascript_enabled".into(), json!(false));
            prefs.insert(
                "profile.managed_default_content_settings.javascript".into(),
                json!(2),
            );
        }
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": { "pageLoad": 30_000, "script": 30_000, "implicit": 0 },
            "goog:chromeOptions": {
                "binary": chromium_path(),
                "args": args,
                "prefs": prefs,
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "could not start Chromium through chromedriver (is {} installed?): {e}",
                    chromium_path()
                )
            });
        Self {
            client,
            _profile: profile,
            _driver: driver,
        }
    }
}

/// Where a failed test leaves its screenshot and page: target/browser-failures/.
fn failure_dir() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent()
        .map(|target| target.join("browser-failures"))
        .unwrap_or_else(|| tmp.join("browser-failures"))
}

async fn save_failure(client: &Client, name: &str) {
    let dir = failure_dir();
    let _ = std::fs::create_dir_all(&dir);
    let url = client
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_else(|e| format!("(unknown: {e})"));
    eprintln!("browser test {name} failed at {url}");
    match client.screenshot().await {
        Ok(png) => {
            let path = dir.join(format!("{name}.png"));
            match std::fs::write(&path, png) {
                Ok(()) => eprintln!("  screenshot: {}", path.display()),
                Err(e) => eprintln!("  could not save the screenshot to {}: {e}", path.display()),
            }
        }
        Err(e) => eprintln!("  no screenshot: {e}"),
    }
    if let Ok(html) = client.source().await {
        let path = dir.join(format!("{name}.html"));
        if std::fs::write(&path, html).is_ok() {
            eprintln!("  page source: {}", path.display());
        }
    }
}

/// Runs `test` in a fresh browser. If it panics or times out, saves a screenshot and the
/// page to target/browser-failures/<name>.png/.html and fails with the original message.
pub async fn in_browser<F, Fut>(name: &str, js: Js, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let browser = Browser::start(js).await;
    let task = tokio::spawn(test(browser.client.clone()));
    let abort = task.abort_handle();
    let outcome = tokio::time::timeout(TEST_TIMEOUT, task).await;
    let failure: Option<Box<dyn std::any::Any + Send>> = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(error)) if error.is_panic() => Some(error.into_panic()),
        Ok(Err(error)) => Some(Box::new(format!("test task failed: {error}"))),
        Err(_) => {
            abort.abort();
            Some(Box::new(format!("timed out after {TEST_TIMEOUT:?}")))
        }
    };
    if failure.is_some() {
        save_failure(&browser.client, name).await;
    }
    let _ = browser.client.clone().close().await;
    drop(browser);
    if let Some(payload) = failure {
        std::panic::resume_unwind(payload);
    }
}

fn ok<T>(result: Result<T, CmdError>, what: &str) -> T {
    result.unwrap_or_else(|e| panic!("{what}: {e}"))
}

pub async fn goto(client: &Client, url: &str) {
    ok(client.goto(url).await, &format!("opening {url}"));
}

/// Waits until an element matching `css` is in the page.
pub async fn wait_for(client: &Client, css: &str) -> Element {
    ok(
        client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await,
        &format!("waiting for {css} in {}", current_url(client).await),
    )
}

pub async fn find(client: &Client, css: &str) -> Element {
    ok(
        client.find(Locator::Css(css)).await,
        &format!("finding {css} in {}", current_url(client).await),
    )
}

pub async fn find_all(client: &Client, css: &str) -> Vec<Element> {
    ok(client.find_all(Locator::Css(css)).await, css)
}

pub async fn current_url(client: &Client) -> String {
    client
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default()
}

/// The `<html lang>` of the page.
pub async fn page_lang(client: &Client) -> String {
    let html = find(client, "html").await;
    ok(html.attr("lang").await, "html lang").unwrap_or_default()
}

pub async fn value_of(client: &Client, css: &str) -> String {
    ok(find(client, css).await.prop("value").await, css).unwrap_or_default()
}

pub async fn text_of(client: &Client, css: &str) -> String {
    ok(find(client, css).await.text().await, css)
}

/// Types `text` into the field `#field-<name>`, as a person would.
pub async fn type_into(client: &Client, name: &str, text: &str) {
    let field = find(client, &format!("#field-{name}")).await;
    ok(field.clear().await, name);
    ok(field.send_keys(text).await, &format!("typing into {name}"));
}

pub async fn click(client: &Client, css: &str) {
    let element = find(client, css).await;
    ok(element.click().await, &format!("clicking {css}"));
}

/// Clicks `css` and waits until the browser shows a new document (not a reload of the
/// current one in place, which the form pages never do).
pub async fn click_and_wait_for_new_page(client: &Client, css: &str) {
    let old_root = find(client, "html").await;
    click(client, css).await;
    let deadline = Instant::now() + WAIT;
    loop {
        match old_root.tag_name().await {
            Err(e) if e.is_stale_element_reference() => break,
            // What chromedriver says instead when the page's scripts are turned off.
            Err(e) if e.to_string().contains("does not belong to the document") => break,
            Err(e) => panic!("while waiting for the next page: {e}"),
            Ok(_) => {
                assert!(
                    Instant::now() < deadline,
                    "clicking {css} did not load a new page within {WAIT:?} (still at {})",
                    current_url(client).await
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    wait_for(client, "body").await;
}

/// Submits the page's form with its submit button.
pub async fn submit_form(client: &Client) {
    click_and_wait_for_new_page(client, "form.form button[type=submit]").await;
}

/// Runs `script` (a function body) in the page through WebDriver.
pub async fn run_js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    ok(client.execute(script, args).await, "running a script")
}

/// Whether `text` is a reference like `BSP-2027-0001` with the given prefix.
pub fn is_reference(text: &str, prefix: &str) -> bool {
    let Some(rest) = text.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) else {
        return false;
    };
    let Some((year, number)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && year.starts_with("20")
        && number.len() >= 4
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// The reference on a receipt page (`#reference`), checked against `prefix`.
pub async fn receipt_reference(client: &Client, prefix: &str) -> String {
    let text = text_of(client, "#reference").await;
    let reference = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|word| word.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} reference in the receipt: {text:?}"))
        .to_owned();
    assert!(
        is_reference(&reference, prefix),
        "{reference:?} is not a {prefix}-YYYY-NNNN reference"
    );
    reference
}

#[test]
fn references_are_recognised() {
    assert!(is_reference("BSP-2027-0001", "BSP"));
    assert!(is_reference("TIPS-2026-12345", "TIPS"));
    for wrong in [
        "BSP-27-0001",
        "BSP-2027-01",
        "BSP-2027-00a1",
        "TIPS-2026-0001",
        "BSP",
    ] {
        assert!(!is_reference(wrong, "BSP"), "{wrong}");
    }
}
