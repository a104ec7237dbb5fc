use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, spawn_app, valid_nomination, valid_tip};
use serde_json::{Value, json};

on_both_backends!(
    a_valid_tip_is_created_with_a_reference,
    an_invalid_tip_gets_field_errors_in_the_requested_language,
    a_nomination_is_created_with_a_reference_in_the_prize_year,
    the_org_number_check_digit_is_enforced,
    every_missing_nomination_field_is_named,
    malformed_oversized_and_wrongly_typed_bodies_are_refused,
    health_reports_the_database_and_the_outbox,
    the_openapi_description_lists_both_endpoints,
);

async fn a_valid_tip_is_created_with_a_reference(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.post_json("/api/v1/tips", &valid_tip()).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    let reference = body["reference"].as_str().unwrap();
    assert!(
        reference.starts_with("TIPS-") && reference.len() == "TIPS-2026-0001".len(),
        "{reference}"
    );

    let second: Value = app
        .post_json("/api/v1/tips", &valid_tip())
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(
        second["reference"], body["reference"],
        "references are unique"
    );
}

async fn an_invalid_tip_gets_field_errors_in_the_requested_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let tip = json!({ "initiative": " ", "agency": "DFØ", "reason": "Bra", "tipster_email": "ikke-epost", "may_contact": true });
    let response = app.post_json_lang("/api/v1/tips", &tip, "nb").await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"]["initiative"][0], "Feltet må fylles ut.");
    assert_eq!(
        body["errors"]["tipster_email"][0],
        "Skriv en gyldig e-postadresse, for eksempel navn@virksomhet.no."
    );
    assert!(body["errors"].get("agency").is_none());

    let body: Value = app
        .post_json_lang("/api/v1/tips", &tip, "nn-NO,nn;q=0.9")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["errors"]["initiative"][0],
        crate::forms::nn("error-required")
    );

    // Nothing was stored.
    let stored = app
        .db
        .read(|conn| Ok(bedre_stat::db::tips::count(conn)?))
        .await
        .unwrap();
    assert_eq!(stored, 0);
    assert!(app.outbox().await.is_empty());
}

async fn a_nomination_is_created_with_a_reference_in_the_prize_year(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .post_json("/api/v1/nominations", &valid_nomination())
        .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    let reference = body["reference"].as_str().unwrap().to_owned();
    let plan = bedre_stat::domain::RoundPlan::open_at(bedre_stat::db::now());
    assert_eq!(reference, format!("BSP-{}-0001", plan.prize_year.value()));

    let stored = app.nomination(&reference).await;
    assert_eq!(stored.org_number, "971032081");
    assert_eq!(
        stored.categories.to_stored(),
        "kontroll,kvalitetsforbedring"
    );
    assert_eq!(stored.savings_hours, Some(12000));
    assert_eq!(stored.savings_nok, None);
    assert!(stored.consent_publish);
}

async fn the_org_number_check_digit_is_enforced(backend: Backend) {
    let app = spawn_app(backend).await;
    for (org_number, expected) in [
        (
            "971032082",
            "Organisasjonsnummeret er ikke gyldig. Sjekk at sifrene er riktige.",
        ),
        ("97103208", "Organisasjonsnummeret må ha ni sifre."),
        ("97103208x", "Organisasjonsnummeret må ha ni sifre."),
    ] {
        let mut nomination = valid_nomination();
        nomination["org_number"] = json!(org_number);
        let response = app.post_json("/api/v1/nominations", &nomination).await;
        assert_eq!(response.status(), 422, "{org_number}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["errors"]["org_number"],
            json!([expected]),
            "{org_number}"
        );
    }
    let mut nomination = valid_nomination();
    nomination["org_number"] = json!("986 252 932");
    assert_eq!(
        app.post_json("/api/v1/nominations", &nomination)
            .await
            .status(),
        201
    );
}

async fn every_missing_nomination_field_is_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .post_json("/api/v1/nominations", &json!({ "categories": ["bogus"] }))
        .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let errors = body["errors"].as_object().unwrap();
    for field in [
        "agency_name",
        "org_number",
        "contact_name",
        "contact_email",
        "title",
        "categories",
        "summary",
        "background",
        "what_was_done",
        "results",
        "user_effects",
        "transfer_value",
    ] {
        assert!(errors.contains_key(field), "{field} missing in {errors:?}");
    }
    assert_eq!(
        body["errors"]["categories"][0],
        "Velg blant de fire områdene."
    );
    assert!(app.outbox().await.is_empty(), "nothing half-written");
}

async fn malformed_oversized_and_wrongly_typed_bodies_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let malformed = app
        .client
        .post(app.url("/api/v1/tips"))
        .header("Content-Type", "application/json")
        .body("{\"initiative\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);

    let wrong_type = app
        .client
        .post(app.url("/api/v1/tips"))
        .header("Content-Type", "text/plain")
        .body("hei")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), 415);

    let mut huge = valid_tip();
    huge["reason"] = json!("x".repeat(bedre_stat::routes::api::MAX_JSON_BYTES + 1));
    assert_eq!(app.post_json("/api/v1/tips", &huge).await.status(), 413);

    let unknown_field = json!({ "initiative": "a", "agency": "b", "reason": "c", "admin": true });
    assert_eq!(
        app.post_json("/api/v1/tips", &unknown_field).await.status(),
        400
    );

    let mut wrong_shape = valid_nomination();
    wrong_shape["categories"] = json!("styring");
    assert_eq!(
        app.post_json("/api/v1/nominations", &wrong_shape)
            .await
            .status(),
        400
    );
}

async fn health_reports_the_database_and_the_outbox(backend: Backend) {
    let mut smtp = bedre_stat_test_support::SmtpSink::start();
    smtp.stop();
    let app = bedre_stat_test_support::spawn_app_with(backend, smtp, |_| {}).await;
    let health: Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], "ok");
    assert_eq!(health["outbox_waiting"], 0);
    app.post_json("/api/v1/tips", &valid_tip()).await;
    let health: Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(
        health["outbox_waiting"], 1,
        "the forward waits while SMTP is down"
    );
}

async fn the_openapi_description_lists_both_endpoints(backend: Backend) {
    let app = spawn_app(backend).await;
    let spec: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    assert!(spec["paths"]["/api/v1/tips"]["post"].is_object());
    assert!(spec["paths"]["/api/v1/nominations"]["post"].is_object());
    let schema = &spec["components"]["schemas"]["NominationRequest"]["properties"];
    for field in ["agency_name", "org_number", "categories", "consent_publish"] {
        assert!(schema[field].is_object(), "{field}");
    }
}
