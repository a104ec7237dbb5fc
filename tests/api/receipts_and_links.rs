//! Mail the public can make the portal send, and mail that carries a one-time link.
//!
//! Receipts go to addresses nobody has confirmed, from DFØ's sender: they carry no free
//! text from the form, and only `rate_limit.receipts_per_address_per_day` go to one address
//! a day. A delivered message with a live link (edit link, invitation, reset) keeps no body
//! and no clear recipient in the outbox.

use bedre_stat::db::outbox::{ERASED, address_hash};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, Mail, spawn_app, valid_nomination, valid_tip};
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(
    receipts_to_a_new_address_carry_no_free_text_from_the_form,
    the_fourth_receipt_to_one_address_in_a_day_is_not_sent_but_the_submission_is_stored,
    delivered_mail_with_a_live_link_keeps_no_body_and_no_clear_recipient,
);

const EVIL: &str = "evil.example";
const PASSWORD: &str = "riktig hest batteri stift";

fn everything_in(mail: &Mail) -> String {
    format!(
        "{}\n{}\n{}\n{}\n{}",
        mail.to,
        mail.subject,
        mail.text,
        mail.html.as_deref().unwrap_or_default(),
        mail.raw
    )
}

async fn created(app: &bedre_stat_test_support::TestApp, path: &str, body: &Value) -> String {
    let response = app.post_json(path, body).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    body["reference"].as_str().unwrap().to_owned()
}

async fn receipts_to_a_new_address_carry_no_free_text_from_the_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut nomination = valid_nomination();
    nomination["title"] = json!("Klikk her: http://evil.example/logg-inn");
    nomination["contact_name"] = json!("DFØ sier: gå til http://evil.example");
    nomination["summary"] = json!("Logg inn på http://evil.example for å se prisen.");
    nomination["contact_email"] = json!("offer@example.no");
    let nomination_ref = created(&app, "/api/v1/nominations", &nomination).await;
    let mut tip = valid_tip();
    tip["initiative"] = json!("Klikk her: http://evil.example/logg-inn");
    tip["reason"] = json!("Se http://evil.example");
    tip["tipster_name"] = json!("Kundeservice http://evil.example");
    tip["tipster_email"] = json!("offer2@example.no");
    let tip_ref = created(&app, "/api/v1/tips", &tip).await;

    let mails = app.smtp.wait_for(3, Duration::from_secs(20)).await;
    app.wait_for_outbox_drained(Duration::from_secs(20)).await;
    let receipt_of = |address: &str| {
        mails
            .iter()
            .find(|m| m.envelope_to == address)
            .unwrap_or_else(|| panic!("a receipt to {address}"))
    };
    let nomination_receipt = receipt_of("offer@example.no");
    let tip_receipt = receipt_of("offer2@example.no");
    for receipt in [nomination_receipt, tip_receipt] {
        let all = everything_in(receipt);
        assert!(!all.contains(EVIL), "free text in a receipt:\n{all}");
        assert!(!all.contains("Klikk her") && !all.contains("Kundeservice"));
        // What it does say: fixed text and the reference.
        assert!(receipt.text.contains("Takk for"), "{}", receipt.text);
        assert!(receipt.text.contains("se bort fra denne e-posten"));
    }
    assert_eq!(nomination_receipt.to, "offer@example.no", "no display name");
    assert!(nomination_receipt.text.contains(&nomination_ref));
    assert!(nomination_receipt.subject.contains(&nomination_ref));
    // The private link is there, and works.
    let start = nomination_receipt
        .text
        .find("/nominasjon/")
        .expect("edit link");
    let path: String = nomination_receipt.text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let edit = app.get(&path).await;
    assert_eq!(edit.status(), 200);
    assert!(edit.text().await.unwrap().contains("evil.example/logg-inn"));
    assert!(tip_receipt.text.contains(&tip_ref));

    // The forward goes to the secretariat, not to a typed address: it keeps the whole tip.
    let forward = receipt_of("bedre-stat@dfo.no");
    assert!(
        forward
            .text
            .contains("Klikk her: http://evil.example/logg-inn")
    );
    assert!(forward.text.contains("Kundeservice http://evil.example"));
}

async fn the_fourth_receipt_to_one_address_in_a_day_is_not_sent_but_the_submission_is_stored(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let address = "kari.nordmann@vegvesen.no";
    let mut references = Vec::new();
    // Two nominations and a tip (the address typed differently) use the day's three.
    references.push(created(&app, "/api/v1/nominations", &valid_nomination()).await);
    let mut tip = valid_tip();
    tip["tipster_email"] = json!("Kari.Nordmann@Vegvesen.NO");
    references.push(created(&app, "/api/v1/tips", &tip).await);
    references.push(created(&app, "/api/v1/nominations", &valid_nomination()).await);
    // The fourth is acknowledged like the others.
    let fourth = created(&app, "/api/v1/nominations", &valid_nomination()).await;
    // Another address still gets its receipt.
    let mut other = valid_nomination();
    other["contact_email"] = json!("ola@example.no");
    let others = created(&app, "/api/v1/nominations", &other).await;

    // 3 receipts to Kari, 1 forward, 1 receipt to Ola.
    app.smtp.wait_for(5, Duration::from_secs(20)).await;
    app.wait_for_outbox_drained(Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mails = app.smtp.messages();
    assert_eq!(
        mails.len(),
        5,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let to_kari: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.envelope_to.eq_ignore_ascii_case(address))
        .collect();
    assert_eq!(to_kari.len(), 3);
    for reference in &references {
        assert!(
            to_kari
                .iter()
                .any(|m| m.subject.contains(reference.as_str()))
        );
    }
    assert!(!mails.iter().any(|m| m.subject.contains(&fourth)));
    assert!(
        mails
            .iter()
            .any(|m| m.envelope_to == "ola@example.no" && m.subject.contains(&others))
    );
    assert!(mails.iter().any(|m| m.envelope_to == "bedre-stat@dfo.no"));
    assert!(
        !app.outbox().await.iter().any(|m| m.subject_ref == fourth),
        "no receipt queued for the fourth"
    );

    // The fourth nomination is stored, and the withheld receipt is in the audit log.
    let wanted = fourth.clone();
    let (stored, actions) = app
        .db
        .read(move |conn| {
            Ok((
                bedre_stat::db::nominations::find_by_reference(conn, &wanted)?,
                bedre_stat::db::audit::actions_for(conn, &wanted)?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(stored.expect("stored").contact_email, address);
    assert_eq!(actions, ["receipt.withheld", "nomination.submitted"]);
}

async fn delivered_mail_with_a_live_link_keeps_no_body_and_no_clear_recipient(backend: Backend) {
    let app = spawn_app(backend).await;
    let reference = created(&app, "/api/v1/nominations", &valid_nomination()).await;
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    app.submit_form("/glemt-passord", &[("email", "siri@dfo.no")])
        .await;
    let mails = app.smtp.wait_for(3, Duration::from_secs(20)).await;
    app.wait_for_outbox_drained(Duration::from_secs(20)).await;

    let outbox = app.outbox().await;
    for (purpose, address) in [
        ("nomination_receipt", "kari.nordmann@vegvesen.no"),
        ("account_invite", "siri@dfo.no"),
        ("account_reset", "siri@dfo.no"),
    ] {
        let row = outbox
            .iter()
            .find(|m| m.purpose == purpose)
            .unwrap_or_else(|| panic!("a {purpose} in the outbox"));
        assert_eq!(row.status.code(), "sent");
        assert!(row.live_link);
        assert!(
            row.body_text.is_empty() && row.body_html.is_none(),
            "{purpose}: the body is erased on delivery"
        );
        assert_eq!(row.recipient, ERASED, "{purpose}");
        assert_eq!(row.reply_to, None);
        assert_eq!(
            row.recipient_hash.as_deref(),
            Some(address_hash(address).as_str())
        );
        // What stays: subject, Message-ID and the attempt log, the same as what went out.
        let delivered = mails
            .iter()
            .find(|m| m.envelope_to == address && m.subject == row.subject)
            .unwrap_or_else(|| panic!("{purpose} delivered"));
        assert!(!row.subject.is_empty());
        assert_eq!(
            delivered.message_id.trim_matches(['<', '>']),
            row.message_id.trim_matches(['<', '>'])
        );
        assert_eq!(row.attempts, 1);
        let id = row.id;
        let logged = app
            .db
            .read(move |conn| Ok(bedre_stat::db::outbox::attempts_of(conn, id)?))
            .await
            .unwrap();
        assert_eq!(logged, 1);
        assert!(
            delivered.text.contains("http"),
            "the mail itself had the link"
        );
    }

    // The secretariat's outbox page and the health check still work.
    assert_eq!(app.log_in("siri@dfo.no", PASSWORD).await.status(), 303);
    let page = app.get_html("/sekretariat/epost").await;
    assert!(page.contains(&reference));
    assert!(!page.contains("kari.nordmann@vegvesen.no"));
    let health: Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(health["outbox_waiting"], 0);
    assert_eq!(health["outbox_failed"], 0);
}
