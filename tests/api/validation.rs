//! Every validation rule, through the API, with its message in bokmål, nynorsk and English.

use bedre_stat::i18n::Lang;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, spawn_app_with, valid_nomination, valid_tip};
use serde_json::{Value, json};

on_both_backends!(every_rule_has_its_message_in_every_language);

/// (endpoint, field to change, value, field expected to fail, message id)
fn cases() -> Vec<(
    &'static str,
    &'static str,
    Value,
    &'static str,
    &'static str,
)> {
    vec![
        (
            "nominations",
            "agency_name",
            json!("  "),
            "agency_name",
            "error-required",
        ),
        (
            "nominations",
            "title",
            json!("x".repeat(201)),
            "title",
            "error-too-long",
        ),
        (
            "nominations",
            "summary",
            json!("x".repeat(8001)),
            "summary",
            "error-too-long",
        ),
        (
            "nominations",
            "org_number",
            json!("12345"),
            "org_number",
            "error-org-number-format",
        ),
        (
            "nominations",
            "org_number",
            json!("971032082"),
            "org_number",
            "error-org-number-checksum",
        ),
        (
            "nominations",
            "contact_email",
            json!("kari@vegvesen"),
            "contact_email",
            "error-email-invalid",
        ),
        (
            "nominations",
            "contact_phone",
            json!("ring meg"),
            "contact_phone",
            "error-phone-invalid",
        ),
        (
            "nominations",
            "categories",
            json!([]),
            "categories",
            "error-category-required",
        ),
        (
            "nominations",
            "categories",
            json!(["styring", "økonomi"]),
            "categories",
            "error-category-unknown",
        ),
        (
            "tips",
            "tipster_email",
            json!("ola@"),
            "tipster_email",
            "error-email-invalid",
        ),
        (
            "tips",
            "may_contact",
            json!(true),
            "tipster_email",
            "error-email-required-for-contact",
        ),
        (
            "tips",
            "reason",
            json!("\r\n\t"),
            "reason",
            "error-required",
        ),
    ]
}

async fn every_rule_has_its_message_in_every_language(backend: Backend) {
    // Every attempt counts against the rate limit, valid or not; this test makes many.
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false
    })
    .await;
    for (endpoint, field, value, failing, message_id) in cases() {
        let mut body = if endpoint == "tips" {
            valid_tip()
        } else {
            valid_nomination()
        };
        body[field] = value;
        for (accept, lang) in [
            ("nb-NO", Lang::Nb),
            ("nn-NO", Lang::Nn),
            ("en-GB", Lang::En),
        ] {
            let response = app
                .post_json_lang(&format!("/api/v1/{endpoint}"), &body, accept)
                .await;
            assert_eq!(response.status(), 422, "{field} = {:?}", body[field]);
            let errors: Value = response.json().await.unwrap();
            assert_eq!(
                errors["errors"][failing],
                json!([lang.text(message_id)]),
                "{message_id} in {accept}"
            );
            assert_eq!(
                errors["errors"].as_object().unwrap().len(),
                1,
                "only {failing} fails: {errors}"
            );
        }
    }
    // Non-numeric estimates cannot even be sent as JSON numbers; the form checks them.
    let mut body = valid_nomination();
    body["savings_nok"] = json!(-5);
    assert_eq!(
        app.post_json("/api/v1/nominations", &body).await.status(),
        400
    );
    assert!(app.outbox().await.is_empty(), "nothing was stored");
}
