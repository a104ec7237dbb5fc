//! The OpenAPI document (`GET /api/v1/openapi.json`) against outside tools, both from PyPI
//! and installed by `scripts/test` in a virtual environment under `target/openapi-tools`:
//! `openapi-spec-validator` checks that it is valid OpenAPI, and `schemathesis` fuzzes the
//! running API from it — no server error, no request the schemas accept refused, no answer
//! that breaks the document. Beside them, the edges of the schemas by hand on both backends.

use bedre_stat::routes::api::nominations::NOMINATION_FIELDS;
use bedre_stat::routes::api::schema::Field;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, TestApp, spawn_app, spawn_app_with};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Command, Output};

on_both_backends!(
    the_served_document_is_valid_openapi,
    requests_at_the_edges_of_the_schemas_are_stored,
    refusals_come_with_the_documented_bodies,
);

/// A command-line tool of the virtual environment `scripts/test` sets up.
fn tool(name: &str) -> Command {
    let dir = std::env::var_os("OPENAPI_TOOLS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/openapi-tools"),
        PathBuf::from,
    );
    let path = dir.join("bin").join(name);
    assert!(
        path.exists(),
        "{} is missing: scripts/test installs it (a venv with openapi-spec-validator and schemathesis)",
        path.display()
    );
    Command::new(path)
}

/// Runs `command` off the async runtime (the app under test runs on it) and returns what it
/// printed, failing the test with its output when it fails.
async fn run(mut command: Command, what: &str) -> String {
    let output: Output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{what} failed:\n{printed}");
    printed
}

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn the_served_document_is_valid_openapi(backend: Backend) {
    let app = spawn_app(backend).await;
    let file = tempfile::NamedTempFile::with_suffix(".json").unwrap();
    std::fs::write(file.path(), document(&app).await.to_string()).unwrap();
    let mut validator = tool("openapi-spec-validator");
    validator.arg(file.path());
    let printed = run(validator, "openapi-spec-validator").await;
    assert!(printed.contains("OK"), "{printed}");
}

/// Every field at the longest the schema allows, written with the characters that make the
/// longest body (four-byte characters, escaped by the client as surrogate pairs), is stored;
/// so is a request with only the required fields, and a whole number written `52656.0`
/// (JSON Schema's `integer`).
async fn requests_at_the_edges_of_the_schemas_are_stored(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false;
    })
    .await;
    let spec = document(&app).await;
    let schemas = &spec["components"]["schemas"];
    let longest = |name: &str, field: &str| -> String {
        let max = schemas[name]["properties"][field]["maxLength"]
            .as_u64()
            .unwrap_or_else(|| panic!("{name}.{field} has a maxLength"));
        "😀".repeat(max as usize)
    };
    let n = "NominationRequest";
    let mut largest = json!({
        "org_number": "986252932",
        "contact_email": format!("{}@{}.no", "a".repeat(64), "blåbær".repeat(5)),
        "contact_phone": "+47 (22) 24 - 00 - 00 - 00 - 0",
        "categories": ["styring", "kontroll", "innsparing", "kvalitetsforbedring"],
        "savings_nok": 1_000_000_000_000u64,
        "savings_hours": 1_000_000_000_000u64,
        "leadership_backing": true,
        "consent_publish": true,
    });
    for (field, rule) in NOMINATION_FIELDS {
        if matches!(
            rule,
            Field::ShortText | Field::LongText | Field::OptionalShortText | Field::OptionalLongText
        ) {
            largest[*field] = json!(longest(n, field));
        }
    }
    let body = serde_json::to_string(&largest).unwrap();
    assert!(body.len() > 64 * 1024, "larger than the old limit");
    let response = app.post_json("/api/v1/nominations", &largest).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());

    let smallest = json!({
        "agency_name": "x",
        "org_number": "974760673",
        "contact_name": "y",
        "contact_email": "a@b.no",
        "title": "z",
        "categories": ["styring"],
        "summary": ".",
        "background": ".",
        "what_was_done": ".",
        "results": ".",
        "user_effects": ".",
        "transfer_value": ".",
        "savings_nok": 52656.0,
    });
    assert_eq!(
        app.post_json("/api/v1/nominations", &smallest)
            .await
            .status(),
        201
    );
    let tip = json!({
        "initiative": "😀".repeat(8000),
        "agency": "😀".repeat(200),
        "reason": "\u{0}\u{7}x\r\n",
        "tipster_name": null,
        "tipster_email": "per@ærlig.no",
        "may_contact": true,
    });
    assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 201);
}

/// What the API refuses comes with the body the document gives for that status.
async fn refusals_come_with_the_documented_bodies(backend: Backend) {
    let app = spawn_app(backend).await;
    let spec = document(&app).await;
    let responses = &spec["paths"]["/api/v1/nominations"]["post"]["responses"];
    assert_eq!(
        responses["422"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ValidationErrors"
    );
    assert_eq!(
        responses["400"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Failure"
    );

    // The check digit, the one rule the schema states only in words: 422 with a message.
    let mut nomination = bedre_stat_test_support::valid_nomination();
    nomination["org_number"] = json!("971032082");
    let response = app.post_json("/api/v1/nominations", &nomination).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let errors = body["errors"].as_object().unwrap();
    assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["org_number"]);
    assert!(errors["org_number"][0].is_string());

    // An unknown field (`additionalProperties: false`): 400 with `error`.
    let mut tip = bedre_stat_test_support::valid_tip();
    tip["unknown"] = json!(1);
    let response = app.post_json("/api/v1/tips", &tip).await;
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");

    // Asking to be contacted without an address: refused by the schema (anyOf) and by the
    // API, with a message on the address.
    let mut tip = bedre_stat_test_support::valid_tip();
    tip["may_contact"] = json!(true);
    let response = app.post_json("/api/v1/tips", &tip).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert!(body["errors"]["tipster_email"][0].is_string(), "{body}");
}

/// schemathesis, for a bounded time, from the served document: every check that holds the
/// API to its document. Run on PostgreSQL only (the fuzzing takes its time budget however
/// many backends): it is the stricter of the two (it refuses NUL bytes and invalid text that
/// SQLite stores), and the one production runs. `OPENAPI_FUZZ_SECONDS` and
/// `OPENAPI_FUZZ_SEED` (printed on every run) change the budget and repeat a run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fuzzing_from_the_document_finds_no_disagreement_with_the_api() {
    let app = spawn_app_with(Backend::Postgres, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false;
    })
    .await;
    let seconds = std::env::var("OPENAPI_FUZZ_SECONDS").unwrap_or_else(|_| "20".into());
    let seed = std::env::var("OPENAPI_FUZZ_SEED")
        .unwrap_or_else(|_| (uuid::Uuid::new_v4().as_u128() as u32).to_string());
    println!("schemathesis seed {seed} (OPENAPI_FUZZ_SEED={seed} repeats this run)");
    // schemathesis keeps its example database in the working directory.
    let workdir = tempfile::tempdir().unwrap();
    let mut fuzzer = tool("schemathesis");
    fuzzer
        .current_dir(workdir.path())
        .env(
            "PYTHONPATH",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api"),
        )
        .env("SCHEMATHESIS_HOOKS", "openapi_hooks")
        .env("NO_COLOR", "1")
        .args(["run", &app.url("/api/v1/openapi.json")])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_headers_conformance,response_schema_conformance,positive_data_acceptance",
        ])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["--max-time", &seconds, "--seed", &seed, "--workers", "2"])
        .args(["--request-timeout", "10", "--suppress-health-check", "all"]);
    let printed = run(fuzzer, "schemathesis").await;
    println!("{printed}");
}
