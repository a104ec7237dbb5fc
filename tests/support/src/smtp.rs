//! A real SMTP server (aiosmtpd) on loopback for each test, and the messages it received.

use crate::free_port;
use mail_parser::MimeHeaders as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A real SMTP server (aiosmtpd) on loopback, storing each message in a maildir.
pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    process: Option<Child>,
    /// The aiosmtpd handler class (`-c`).
    handler: &'static str,
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
            handler: "aiosmtpd.handlers.Mailbox",
        }
    }

    /// A server that refuses for good (550) every recipient whose local part starts with
    /// "ukjent", and takes the rest (`tests/support/refusing_smtp.py`).
    pub fn refusing_unknown_users() -> Self {
        let mut sink = Self::stopped_on(free_port());
        sink.handler = "refusing_smtp.RefusingMailbox";
        sink.resume();
        sink
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
                self.handler,
            ])
            .arg(self.dir.path())
            .env("PYTHONPATH", env!("CARGO_MANIFEST_DIR"))
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
        paths.sort_by_key(|path| arrival(path));
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

/// When a message arrived, from its maildir name: Python's `mailbox.Maildir` names a file
/// `{seconds}.M{microseconds}P{pid}Q{count}.{host}` without padding the microseconds, so
/// the names themselves do not sort in the order the messages came.
fn arrival(path: &Path) -> (u64, u64, String) {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let number = |text: Option<&str>| text.and_then(|t| t.parse().ok()).unwrap_or(u64::MAX);
    let (seconds, rest) = name.split_once(".M").unwrap_or((&name, ""));
    let micros = rest.split('P').next();
    (number(Some(seconds)), number(micros), name.clone())
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
