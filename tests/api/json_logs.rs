//! `logging.format = "json"`: the real binary writes one JSON object a line, with the
//! request's ids and none of the personal data a tip carries.

use std::io::{BufRead, BufReader, Read as _, Write as _};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const NAME: &str = "Kari Hemmelig";
const EMAIL: &str = "kari.hemmelig@example.no";

#[test]
fn json_logs_are_one_object_a_line_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("bedre-stat.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bedre-stat"))
        .arg("serve")
        .env("RUST_LOG", "info")
        .env("BEDRE_STAT__LOGGING__FORMAT", "json")
        .env("BEDRE_STAT__SERVER__PORT", "0")
        .env("BEDRE_STAT__DATABASE__URL", &database)
        .env("BEDRE_STAT__MAIL__WORKER_ENABLED", "false")
        .env("BEDRE_STAT__AUTH__SESSION_SECRET", "s".repeat(64))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (lines, logged) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut log = Vec::new();
    let port = loop {
        let line = logged
            .recv_timeout(Duration::from_secs(60))
            .expect("the binary logs that it serves");
        let value: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("not a JSON object ({e}): {line}"));
        log.push(line);
        if let Some(port) = value["fields"]["port"].as_u64() {
            break port;
        }
    };
    let body = format!(
        r#"{{"initiative":"Felles innkjøp","agency":"DFØ","reason":"Sparte mye","tipster_name":"{NAME}","tipster_email":"{EMAIL}","may_contact":true}}"#
    );
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port as u16)).unwrap();
    write!(
        stream,
        "POST /api/v1/tips HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    // The request's own log lines follow within a moment.
    let until = Instant::now() + Duration::from_secs(2);
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match logged.recv_timeout(left) {
            Ok(line) => log.push(line),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        log.iter().any(|l| l.contains("/api/v1/tips")),
        "the request is logged"
    );
    for line in &log {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("not a JSON object ({e}): {line}"));
        assert!(
            !line.contains(NAME) && !line.contains(EMAIL),
            "personal data logged: {line}"
        );
    }
}
