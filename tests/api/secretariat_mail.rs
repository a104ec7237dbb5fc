use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{
    Backend, SmtpSink, csrf_token_in, free_port, spawn_app_with, valid_tip,
};
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(the_secretariat_sees_failed_mail_and_sends_it_again);

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
