use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, free_port, spawn_app, spawn_app_with, valid_tip};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::Duration;

on_both_backends!(
    a_tip_is_forwarded_to_the_secretariat_with_reply_to_the_tipster,
    an_anonymous_tip_is_forwarded_without_reply_to,
    tips_sent_while_smtp_is_down_are_delivered_exactly_once_when_it_returns,
    a_message_that_keeps_failing_is_marked_failed_and_kept,
    a_recipient_refused_for_good_is_not_tried_again,
    delivered_mail_is_erased_after_the_retention_period,
);

async fn a_tip_is_forwarded_to_the_secretariat_with_reply_to_the_tipster(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut tip = valid_tip();
    tip["tipster_name"] = json!("Ola Nordmann");
    tip["tipster_email"] = json!("ola@example.no");
    tip["may_contact"] = json!(true);
    tip["reason"] = json!("Første avsnitt.\n\nAndre avsnitt med æøå.");
    let body: Value = app
        .post_json("/api/v1/tips", &tip)
        .await
        .json()
        .await
        .unwrap();
    let reference = body["reference"].as_str().unwrap();

    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let forward = mails
        .iter()
        .find(|m| m.envelope_to == "bedre-stat@dfo.no")
        .expect("forwarded to the secretariat");
    assert_eq!(forward.to, "bedre-stat@dfo.no");
    assert_eq!(forward.reply_to.as_deref(), Some("ola@example.no"));
    assert!(forward.subject.contains(reference));
    assert!(
        forward.is_multipart_alternative,
        "multipart with a plain-text part"
    );
    for content in [
        reference,
        "Felles fakturamottak for hele staten",
        "Direktoratet for forvaltning og økonomistyring",
        "Første avsnitt.\n\nAndre avsnitt med æøå.",
        "Ola Nordmann",
        "ola@example.no",
    ] {
        assert!(
            forward.text.contains(content),
            "plain text lacks {content:?}:\n{}",
            forward.text
        );
    }
    assert!(
        forward
            .html
            .as_deref()
            .unwrap()
            .contains("Andre avsnitt med æøå.")
    );
    assert!(forward.message_id.contains('@'));

    let receipt = mails
        .iter()
        .find(|m| m.envelope_to == "ola@example.no")
        .expect("a receipt to the tipster");
    assert!(receipt.subject.contains(reference));
    assert_ne!(receipt.message_id, forward.message_id);

    app.wait_for_outbox_drained(Duration::from_secs(10)).await;
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 2);
    assert!(
        outbox
            .iter()
            .all(|m| m.status.code() == "sent" && m.attempts == 1 && m.sent_at.is_some())
    );
}

async fn an_anonymous_tip_is_forwarded_without_reply_to(backend: Backend) {
    let app = spawn_app(backend).await;
    app.post_json("/api/v1/tips", &valid_tip()).await;
    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    assert_eq!(mails.len(), 1, "no receipt without an address");
    assert_eq!(mails[0].reply_to, None);
    assert!(
        mails[0]
            .text
            .contains(&bedre_stat::i18n::Lang::Nb.text("email-tip-anonymous"))
    );
}

async fn tips_sent_while_smtp_is_down_are_delivered_exactly_once_when_it_returns(backend: Backend) {
    let smtp = SmtpSink::stopped_on(free_port());
    let mut app = spawn_app_with(backend, smtp, |_| {}).await;
    let mut references = Vec::new();
    for n in 0..5 {
        let mut tip = valid_tip();
        tip["initiative"] = json!(format!("Tiltak nummer {n}"));
        let response = app.post_json("/api/v1/tips", &tip).await;
        assert_eq!(
            response.status(),
            201,
            "acknowledged even though mail cannot go out"
        );
        let body: Value = response.json().await.unwrap();
        references.push(body["reference"].as_str().unwrap().to_owned());
    }
    // Let the worker fail at least once on each.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 5);
    assert!(
        outbox
            .iter()
            .all(|m| m.status.code() == "pending" && m.sent_at.is_none())
    );
    assert!(
        outbox
            .iter()
            .any(|m| m.attempts >= 1 && m.last_error.is_some()),
        "failed attempts are recorded"
    );

    app.smtp.resume();
    app.wait_for_outbox_drained(Duration::from_secs(30)).await;
    // Give a duplicate, if there were one, time to arrive.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = app.smtp.messages();
    let mut per_reference: HashMap<&str, usize> = HashMap::new();
    for reference in &references {
        per_reference.insert(
            reference,
            mails
                .iter()
                .filter(|m| m.subject.contains(reference.as_str()))
                .count(),
        );
    }
    assert!(
        per_reference.values().all(|count| *count == 1),
        "each exactly once: {per_reference:?}"
    );
    assert_eq!(mails.len(), 5);
    for message in app.outbox().await {
        let attempts = app
            .db
            .read(move |conn| Ok(bedre_stat::db::outbox::attempts_of(conn, message.id)?))
            .await
            .unwrap();
        assert_eq!(
            attempts,
            i64::from(message.attempts),
            "every attempt has a record"
        );
        assert!(message.attempts >= 2);
    }
}

async fn a_message_that_keeps_failing_is_marked_failed_and_kept(backend: Backend) {
    let smtp = SmtpSink::stopped_on(free_port());
    let app = spawn_app_with(backend, smtp, |settings| settings.mail.max_attempts = 2).await;
    app.post_json("/api/v1/tips", &valid_tip()).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let outbox = app.outbox().await;
        if outbox[0].status.code() == "failed" {
            assert_eq!(outbox[0].attempts, 2);
            assert!(outbox[0].last_error.is_some());
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "not marked failed: {:?}",
            outbox[0].status
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let health: Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(health["outbox_failed"], 1);
    assert_eq!(health["outbox_waiting"], 0);
}

/// A 550 for the tipster's address ends that receipt at once (retrying can only be refused
/// again), while the forward to the secretariat goes out as usual. With quick retries
/// allowed, a receipt still being retried would show more than one attempt.
async fn a_recipient_refused_for_good_is_not_tried_again(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::refusing_unknown_users(), |settings| {
        settings.mail.max_attempts = 5;
        settings.mail.retry_base_secs = 1;
    })
    .await;
    let mut tip = valid_tip();
    tip["tipster_email"] = json!("ukjent@example.no");
    assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 201);

    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let receipt = loop {
        let outbox = app.outbox().await;
        let receipt = outbox.iter().find(|m| m.purpose == "tip_receipt").cloned();
        if let Some(receipt) = receipt.filter(|r| r.status.code() == "failed") {
            break receipt;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "receipt not given up: {outbox:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(receipt.attempts, 1, "tried again after a 550");
    assert!(receipt.last_error.as_deref().unwrap_or("").contains("550"));

    // Longer than two retries would have taken: still one attempt.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let outbox = app.outbox().await;
    let receipt = outbox.iter().find(|m| m.purpose == "tip_receipt").unwrap();
    assert_eq!(receipt.attempts, 1);
    let forward = outbox.iter().find(|m| m.purpose == "tip_forward").unwrap();
    assert_eq!(forward.status.code(), "sent");
    assert_eq!(
        app.smtp.messages().len(),
        1,
        "only the forward was delivered"
    );
}

async fn delivered_mail_is_erased_after_the_retention_period(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut tip = valid_tip();
    tip["tipster_email"] = json!("ola@example.no");
    app.post_json("/api/v1/tips", &tip).await;
    app.wait_for_outbox_drained(Duration::from_secs(20)).await;

    // Within the period nothing is erased.
    let erased = app
        .db
        .write(|conn| {
            Ok(bedre_stat::db::outbox::erase_delivered_before(
                conn,
                bedre_stat::db::now() - chrono::TimeDelta::days(30),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(erased, 0);
    // After it, the copies lose recipient and body but keep their metadata.
    let erased = app
        .db
        .write(|conn| {
            Ok(bedre_stat::db::outbox::erase_delivered_before(
                conn,
                bedre_stat::db::now() + chrono::TimeDelta::seconds(1),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(erased, 2);
    for message in app.outbox().await {
        assert_eq!(message.recipient, bedre_stat::db::outbox::ERASED);
        assert_eq!(message.reply_to, None);
        assert!(message.body_text.is_empty() && message.body_html.is_none());
        assert!(message.subject.contains("TIPS-"), "the reference stays");
        assert_eq!(message.status.code(), "sent");
    }
}
