//! Issue 8 §7: the staff pages say things in the user's words — the audit log as
//! sentences with names, the outbox's errors explained — in the page's language.

use crate::decision_support::PASSWORD;
use crate::secretariat_work::{admin_app, juror_with_a_submitted_assessment, reopen_assessment};
use bedre_stat_test_support::{
    Backend, SmtpSink, free_port, on_both_backends, spawn_app_with, valid_tip,
};
use std::time::Duration;

on_both_backends!(
    the_audit_log_reads_as_sentences_with_staff_names_in_the_pages_language,
    a_failed_mail_is_explained_in_the_pages_language_with_the_raw_text_kept,
);

async fn the_audit_log_reads_as_sentences_with_staff_names_in_the_pages_language(backend: Backend) {
    let app = admin_app(backend).await;
    let (jon, nomination) =
        juror_with_a_submitted_assessment(&app, "jon@example.no", "Jon Jurysen").await;
    let response = reopen_assessment(&app, nomination.id, jon).await;
    assert_eq!(response.status(), 303);
    let reference = &nomination.reference;

    let log = app.get_html("/sekretariat/logg").await;
    for sentence in [
        format!("Siri Sekretær åpnet vurderingen av {reference} igjen for Jon Jurysen."),
        format!("En virksomhet sendte inn nominasjonen {reference}."),
        "Siri Sekretær logget inn med passord.".to_owned(),
        "Siri Sekretær valgte et nytt passord.".to_owned(),
    ] {
        assert!(log.contains(&sentence), "missing {sentence:?}");
    }
    // No stored codes, ids or UTC times; never the nominee's contact person.
    for raw in [
        "user:",
        "assessment.reopened",
        "nomination.submitted",
        "UTC",
        "Kari Nordmann",
    ] {
        assert!(!log.contains(raw), "the log shows {raw:?}");
    }
    assert!(
        log.contains(" kl. "),
        "times in Norwegian time, written out"
    );

    app.choose_language("nn").await;
    let log = app.get_html("/sekretariat/logg").await;
    assert!(log.contains(&format!(
        "Siri Sekretær opna vurderinga av {reference} att for Jon Jurysen."
    )));
    assert!(log.contains(&format!("Ei verksemd sende inn nominasjonen {reference}.")));

    app.choose_language("en").await;
    let log = app.get_html("/sekretariat/logg").await;
    // The apostrophe is HTML-escaped.
    assert!(log.contains("Siri Sekretær reopened Jon Jurysen"));
    assert!(log.contains(&format!("s assessment of {reference}.")));
}

async fn a_failed_mail_is_explained_in_the_pages_language_with_the_raw_text_kept(backend: Backend) {
    // Nothing listens on the SMTP port: every attempt fails to connect.
    let smtp = SmtpSink::stopped_on(free_port());
    let app = spawn_app_with(backend, smtp, |settings| settings.mail.max_attempts = 1).await;
    app.post_json("/api/v1/tips", &valid_tip()).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let raw = loop {
        let outbox = app.outbox().await;
        if let Some(failed) = outbox.iter().find(|m| m.status.code() == "failed") {
            break failed.last_error.clone().expect("the error is kept");
        }
        assert!(std::time::Instant::now() < deadline, "no message failed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    app.create_user("siri@dfo.no", "Siri Sekretær", "admin", PASSWORD)
        .await;
    assert_eq!(app.log_in("siri@dfo.no", PASSWORD).await.status(), 303);

    let page = app.get_html("/sekretariat/epost").await;
    assert!(
        page.contains("Portalen fikk ikke kontakt med e-postserveren."),
        "explained in bokmål"
    );
    // A message the portal gave up on does not promise another try: it says what to do.
    assert!(
        page.contains("Portalen har gitt opp etter 1 forsøk. Trykk «Send på nytt»"),
        "what became of it"
    );
    assert!(!page.contains("prøver igjen av seg selv"));
    // The library's own text, for the operator, inside a details element.
    let details = &page[page.find("<details>").expect("a details element")..];
    assert!(details.contains("Teknisk beskrivelse"));
    let escaped = raw
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let raw_at = page.find(&escaped).expect("the raw text is on the page");
    assert!(
        raw_at > page.find("<details>").unwrap(),
        "behind the details element"
    );
    assert!(!page.contains("UTC"));

    app.choose_language("nn").await;
    let page = app.get_html("/sekretariat/epost").await;
    assert!(page.contains("Portalen fekk ikkje kontakt med e-postserveren."));
    assert!(page.contains("Teknisk skildring"));
}
