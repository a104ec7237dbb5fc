use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{
    Backend, SmtpSink, csrf_token_in, free_port, spawn_app_with, valid_tip,
};
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(
    the_secretariat_sees_failed_mail_and_sends_it_again,
    all_failed_mail_goes_again_at_one_press_but_never_an_erased_message,
);

const PASSWORD: &str = "riktig hest batteri stift";

async fn the_secretariat_sees_failed_mail_and_sends_it_again(backend: Backend) {
    let smtp = SmtpSink::stopped_on(free_port());
    let mut app = spawn_app_with(backend, smtp, |settings| settings.mail.max_attempts = 1).await;
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    let mut tip = valid_tip();
    tip["tipster_email"] = json!("ola@example.no");
    let created: Value = app
        .post_json("/api/v1/tips", &tip)
        .await
        .json()
        .await
        .unwrap();
    let reference = created["reference"].as_str().unwrap().to_owned();

    // With one attempt allowed and no SMTP server, every message fails.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while app
        .outbox()
        .await
        .iter()
        .any(|m| m.status.code() != "failed")
    {
        assert!(std::time::Instant::now() < deadline, "not failed yet");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    assert_eq!(app.log_in("siri@dfo.no", PASSWORD).await.status(), 303);
    let page = app.get_html("/sekretariat/epost").await;
    assert!(page.contains(&reference));
    assert!(page.contains("Feilet") && page.contains("Send på nytt"));
    assert!(
        !page.contains("ola@example.no"),
        "no recipients on the page"
    );
    let tips = app.get_html("/sekretariat/tips").await;
    assert!(tips.contains(&reference) && tips.contains("Felles fakturamottak for hele staten"));

    let failed: Vec<i32> = app
        .outbox()
        .await
        .iter()
        .filter(|m| m.purpose == "tip_forward")
        .map(|m| m.id)
        .collect();
    let action = format!("/sekretariat/epost/{}/send-igjen", failed[0]);
    assert_eq!(
        app.post_form(&action, &[("csrf_token", "feil")])
            .await
            .status(),
        403
    );
    app.smtp.resume();
    let token = csrf_token_in(&page);
    let response = app
        .post_form(&action, &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(response.status(), 303);
    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    assert!(mails[0].subject.contains(&reference));
    assert_eq!(mails[0].envelope_to, "bedre-stat@dfo.no");
    // Only the one sent again went out; the receipt stays failed.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.smtp.messages().len(), 1);
    assert_eq!(
        app.post_form(&action, &[("csrf_token", token.as_str())])
            .await
            .status(),
        404,
        "not failed any more"
    );
    let subject = format!("outbox:{}", failed[0]);
    let actions = app
        .db
        .read(move |conn| Ok(bedre_stat::db::audit::actions_for(conn, &subject)?))
        .await
        .unwrap();
    assert_eq!(actions, ["mail.requeued"]);
}

/// Tips with an address from three tipsters while the mail server is down, one attempt
/// each allowed: seven failed messages (a forward and a receipt per tip, and the
/// secretariat account's invitation). Returns the app, signed in as the secretariat.
async fn seven_failed_messages(backend: Backend) -> bedre_stat_test_support::TestApp {
    let smtp = SmtpSink::stopped_on(free_port());
    let app = spawn_app_with(backend, smtp, |settings| settings.mail.max_attempts = 1).await;
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    for address in ["a@example.no", "b@example.no", "c@example.no"] {
        let mut tip = valid_tip();
        tip["tipster_email"] = json!(address);
        assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 201);
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let outbox = app.outbox().await;
        if outbox.len() == 7 && outbox.iter().all(|m| m.status.code() == "failed") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not failed yet");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.log_in("siri@dfo.no", PASSWORD).await.status(), 303);
    app
}

async fn all_failed_mail_goes_again_at_one_press_but_never_an_erased_message(backend: Backend) {
    let mut app = seven_failed_messages(backend).await;
    // One tipster has their address erased: their receipt and the forward that carried it
    // (as Reply-To) stay failed, with nothing left to send.
    crate::account_hardening::cli(
        app.database_url(),
        &["privacy", "erase", "--email", "c@example.no"],
    );
    let erased: Vec<i32> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.message.recipient == bedre_stat::db::outbox::ERASED)
        .map(|m| m.id)
        .collect();
    assert_eq!(erased.len(), 2);
    let erased = erased[0];

    let page = app.get_html("/sekretariat/epost").await;
    assert!(page.contains("Send alle som feilet, på nytt (5)"), "{page}");
    assert!(
        page.contains("slettet fordi mottakeren ba om det"),
        "{page}"
    );
    assert!(
        !page.contains(&format!("/sekretariat/epost/{erased}/send-igjen")),
        "no button to send the erased message"
    );
    let token = csrf_token_in(&page);
    assert_eq!(
        app.post_form("/sekretariat/epost/send-igjen", &[("csrf_token", "feil")])
            .await
            .status(),
        403
    );
    assert!(app.smtp.messages().is_empty());

    app.smtp.resume();
    // Pressed: redirected to the page, which says what happened.
    let press_send_all_again = async || {
        let pressed = [("csrf_token", token.as_str())];
        let response = app
            .post_form("/sekretariat/epost/send-igjen", &pressed)
            .await;
        assert_eq!(response.status(), 303);
        app.get_html("/sekretariat/epost").await
    };
    let page = press_send_all_again().await;
    assert!(page.contains("E-poster lagt i køen igjen: 5."), "{page}");
    let mails = app.smtp.wait_for(5, Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.smtp.messages().len(), 5);
    assert!(mails.iter().all(|m| !m.text.contains("c@example.no")));

    // The erased one is not sent through its own button either; pressed again, the
    // bulk button finds nothing left.
    let single = format!("/sekretariat/epost/{erased}/send-igjen");
    assert_eq!(
        app.post_form(&single, &[("csrf_token", token.as_str())])
            .await
            .status(),
        404
    );
    let page = press_send_all_again().await;
    assert!(page.contains("Ingen e-poster hadde feilet"), "{page}");
    // The invitation went out and its link was erased from the store on delivery, as
    // every live link is: that is not an erasure at the person's request.
    let erased_text = "slettet fordi mottakeren ba om det";
    assert_eq!(page.matches(erased_text).count(), 2, "{page}");
    let requeued = app.audit_count("mail.requeued").await;
    assert_eq!(requeued, 5, "one audit event per message sent again");
}
