use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{
    Backend, SmtpSink, csrf_token_in, reference_in, spawn_app, spawn_app_with, valid_tip,
};
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(
    a_form_without_a_valid_csrf_token_is_refused_and_keeps_the_input,
    a_filled_honeypot_is_refused,
    submissions_are_rate_limited_per_address,
    hostile_input_is_stored_as_typed_and_shown_escaped,
    header_injection_through_names_is_impossible,
    every_page_has_strict_security_headers,
    the_language_switch_is_remembered_and_no_open_redirect,
);

async fn a_form_without_a_valid_csrf_token_is_refused_and_keeps_the_input(backend: Backend) {
    let app = spawn_app(backend).await;
    let fields = [
        ("initiative", "Mitt tiltak"),
        ("agency", "NAV"),
        ("reason", "Bra"),
        ("website", ""),
    ];
    // No token at all (and no cookie yet).
    let response = app.post_form("/tips", &fields).await;
    assert_eq!(response.status(), 403);
    let page = response.text().await.unwrap();
    assert!(
        page.contains(">Mitt tiltak</textarea>"),
        "what was typed is kept"
    );
    // A wrong token, with the cookie set by the page above.
    let mut forged = vec![("csrf_token", "a".repeat(64))];
    forged.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
    let forged: Vec<(&str, &str)> = forged.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post_form("/tips", &forged).await.status(), 403);
    // The refused page carries a fresh token; sending again works.
    let token = csrf_token_in(&page);
    let mut again = vec![("csrf_token", token.as_str())];
    again.extend_from_slice(&fields);
    assert_eq!(app.post_form("/tips", &again).await.status(), 200);
    let stored = app
        .db
        .read(|conn| Ok(bedre_stat::db::tips::count(conn)?))
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

async fn a_filled_honeypot_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get_html("/tips").await;
    let token = csrf_token_in(&page);
    let fields = [
        ("csrf_token", token.as_str()),
        ("website", "http://spam"),
        ("initiative", "a"),
        ("agency", "b"),
        ("reason", "c"),
    ];
    let response = app.post_form("/tips", &fields).await;
    assert_eq!(response.status(), 422);
    let stored = app
        .db
        .read(|conn| Ok(bedre_stat::db::tips::count(conn)?))
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

async fn submissions_are_rate_limited_per_address(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.submissions_burst = 3;
        settings.rate_limit.submissions_period_secs = 3600;
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            app.post_json("/api/v1/tips", &valid_tip()).await.status(),
            201
        );
    }
    let limited = app.post_json("/api/v1/tips", &valid_tip()).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().get("retry-after").is_some());
    // The forms share the allowance, and say so in the user's language.
    let response = app
        .submit_form(
            "/tips",
            &[("initiative", "a"), ("agency", "b"), ("reason", "c")],
        )
        .await;
    assert_eq!(response.status(), 429);
    assert!(response.text().await.unwrap().contains("Vent litt"));

    // With limits off (for load tests) nothing is limited.
    let unlimited = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false;
        settings.rate_limit.submissions_burst = 1;
    })
    .await;
    for _ in 0..5 {
        assert_eq!(
            unlimited
                .post_json("/api/v1/tips", &valid_tip())
                .await
                .status(),
            201
        );
    }
}

async fn hostile_input_is_stored_as_typed_and_shown_escaped(backend: Backend) {
    let app = spawn_app(backend).await;
    let markup = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let sql = "Robert'); DROP TABLE tips;--";
    let long = "æ".repeat(8000);
    let fields = [
        ("initiative", markup),
        ("agency", sql),
        ("reason", long.as_str()),
        ("tipster_name", "Eve\u{0}\u{7}\r\nBcc: victim@example.com"),
        ("tipster_email", "eve@example.com"),
    ];
    let response = app.submit_form("/tips", &fields).await;
    assert_eq!(response.status(), 200);
    let reference = reference_in(&response.text().await.unwrap());
    let tip = app
        .db
        .read(move |conn| Ok(bedre_stat::db::tips::find_by_reference(conn, &reference)?))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tip.initiative, markup, "markup is stored as typed");
    assert_eq!(tip.agency, sql, "SQL is data");
    assert_eq!(tip.reason.chars().count(), 8000);
    assert_eq!(
        tip.tipster_name.as_deref(),
        Some("Eve Bcc: victim@example.com"),
        "control characters and line breaks removed"
    );

    // Too long is refused with a message, not cut.
    let too_long = "æ".repeat(8001);
    let response = app
        .submit_form(
            "/tips",
            &[
                ("initiative", "a"),
                ("agency", "b"),
                ("reason", too_long.as_str()),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&bedre_stat::i18n::Lang::Nb.text("error-too-long"))
    );

    // Shown back escaped when a form is re-displayed.
    let response = app
        .submit_form("/tips", &[("initiative", markup), ("agency", "")])
        .await;
    let page = response.text().await.unwrap();
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert"));

    // The forwarded mail's HTML part is escaped too.
    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let forward = mails
        .iter()
        .find(|m| m.envelope_to == "bedre-stat@dfo.no")
        .unwrap();
    assert!(!forward.html.as_deref().unwrap().contains("<script>"));
    assert!(
        forward.text.contains(markup),
        "plain text carries the text as typed"
    );
}

async fn header_injection_through_names_is_impossible(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut nomination = bedre_stat_test_support::valid_nomination();
    nomination["contact_name"] = json!("Kari\r\nBcc: victim@example.com\r\nX-Evil: 1");
    nomination["title"] = json!("Tittel\r\nSubject: falsk");
    assert_eq!(
        app.post_json("/api/v1/nominations", &nomination)
            .await
            .status(),
        201
    );
    let mut tip = valid_tip();
    tip["tipster_email"] = json!("ola@example.no\r\nBcc: victim@example.com");
    assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 422);

    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    let raw = &mails[0].raw;
    assert!(
        !raw.contains("\nBcc:") && !raw.contains("\nX-Evil:") && !raw.contains("\nSubject: falsk"),
        "{raw}"
    );
    assert_eq!(
        mails[0].envelope_to, "kari.nordmann@vegvesen.no",
        "only the contact person is a recipient"
    );
}

async fn every_page_has_strict_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/", "/nominer", "/tips", "/health", "/finnes-ikke"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {path}"))
            .to_str()
            .unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "no-referrer");
    }
    let page = app.get_html("/nominer").await;
    // Scripts only from /static (the error summary's focus), never inline; the pages work
    // without them (tests/browser/journeys.rs turns JavaScript off).
    assert_eq!(
        page.matches("<script").count(),
        page.matches("<script src=\"/static/").count(),
        "an inline script"
    );
    assert!(!page.contains("style=\""), "no inline style (CSP)");
    let cookie = app.get("/tips").await;
    let set_cookie = cookie
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    // The cookie store already holds the token from the earlier GET, so no new cookie.
    assert!(
        set_cookie.is_empty()
            || set_cookie
                .iter()
                .all(|c| c.contains("HttpOnly") && c.contains("SameSite=Strict"))
    );
    let fresh = reqwest::get(app.url("/tips")).await.unwrap();
    let csrf_cookie = fresh.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        csrf_cookie.contains("HttpOnly") && csrf_cookie.contains("SameSite=Strict"),
        "{csrf_cookie}"
    );
}

async fn the_language_switch_is_remembered_and_no_open_redirect(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/sprak?lang=en&tilbake=/tips").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/tips");
    let page = app.get_html("/tips").await;
    assert!(page.contains("<html lang=\"en\""));
    let evil = app.get("/sprak?lang=nn&tilbake=//evil.example").await;
    assert_eq!(evil.headers()["location"], "/");
    let health: Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(health["status"], "ok");
}
