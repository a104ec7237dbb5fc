//! The privacy and accessibility statements say what the configuration says, and every
//! page links to them.

use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, TestApp, spawn_app_with};

on_both_backends!(
    the_statements_show_the_configured_periods_addresses_and_dates,
    every_page_names_the_favicon_and_it_is_served
);

/// Browsers show the portal's own icon, not a 404 page fetched as one.
async fn every_page_names_the_favicon_and_it_is_served(backend: Backend) {
    let app = bedre_stat_test_support::spawn_app(backend).await;
    for path in ["/", "/nominer", "/tips", "/personvern"] {
        let page = app.get_html(path).await;
        assert!(
            page.contains(r#"<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">"#),
            "{path} names no favicon"
        );
    }
    let icon = app.get("/static/favicon.svg").await;
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    assert!(icon.text().await.unwrap().starts_with("<svg"));
}

async fn the_statements_show_the_configured_periods_addresses_and_dates(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.retention.tip_contact_days = 45;
        settings.retention.nomination_contact_years = 5;
        settings.retention.disabled_account_days = 200;
        settings.mail.tip_recipient = "tips@example.no".into();
        settings.mail.keep_sent_days = 14;
        settings.statements.contact_email = "personvern@example.no".into();
        settings.statements.accessibility_checked_date = "2026-11-30".parse().unwrap();
        settings.statements.accessibility_statement_date = "2026-12-01".parse().unwrap();
    })
    .await;

    let page = shows(
        &app,
        "nb",
        "/personvern",
        &[
            "Personvernerklæring",
            "Direktoratet for forvaltning og økonomistyring (DFØ)",
            "45 dager",
            "5 år",
            "200 dager",
            "14 dager",
            "tips@example.no",
            r#"href="mailto:personvern@example.no""#,
            "artikkel 6 nr. 1 bokstav e",
            // What the nomination form collects includes its attached documents.
            "Dokumenter virksomheten legger ved",
        ],
    )
    .await;
    assert!(
        !page.contains("90 dager"),
        "a default, not the configured period"
    );
    shows(
        &app,
        "en",
        "/personvern",
        &["Privacy statement", "45 days", "5 years", "200 days"],
    )
    .await;
    shows(
        &app,
        "nn",
        "/personvern",
        &["45 dagar", "5 år", "200 dagar", "Rettane dine"],
    )
    .await;
    shows(
        &app,
        "nb",
        "/tilgjengelighet",
        &[
            "Tilgjengelighetserklæring",
            "WCAG 2.1 på nivå AA",
            "Kjente avvik",
            "30. november 2026",
            "1. desember 2026",
            r#"href="mailto:personvern@example.no""#,
            "uutilsynet.no",
        ],
    )
    .await;

    // Every text of both statements exists in every language.
    for lang in ["nb", "nn", "en"] {
        app.choose_language(lang).await;
        for path in ["/personvern", "/tilgjengelighet"] {
            let page = app.get_html(path).await;
            assert!(
                !page.contains("Unknown localization key"),
                "{path} ({lang}) misses a text"
            );
        }
    }

    // Every page's footer links to both statements and to the contact address.
    for path in ["/", "/tips", "/nominer", "/logg-inn", "/finnes-ikke"] {
        let page = app.get(path).await.text().await.unwrap();
        for expected in [r#"href="/personvern""#, r#"href="/tilgjengelighet""#] {
            assert!(page.contains(expected), "{path} lacks {expected}");
        }
        if path != "/finnes-ikke" {
            assert!(
                page.contains(r#"href="mailto:personvern@example.no""#),
                "{path} lacks the contact address"
            );
        }
    }
}

/// The page in the language, after checking it holds every expected text.
async fn shows(app: &TestApp, lang: &str, path: &str, expected: &[&str]) -> String {
    app.choose_language(lang).await;
    let page = app.get_html(path).await;
    for text in expected {
        assert!(page.contains(text), "{path} ({lang}) lacks {text:?}");
    }
    page
}
