//! A person's rights: everything stored about an address can be exported and erased.

use crate::account_hardening::cli;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, spawn_app, valid_nomination, valid_tip};
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(a_person_can_get_their_data_exported_and_erased);

fn privacy(app: &bedre_stat_test_support::TestApp, action: &str, email: &str) -> String {
    cli(app.database_url(), &["privacy", action, "--email", email])
}

async fn a_person_can_get_their_data_exported_and_erased(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut tip = valid_tip();
    tip["tipster_name"] = json!("Ola Nordmann");
    tip["tipster_email"] = json!("Ola@Example.no");
    let tip_ref: Value = app
        .post_json("/api/v1/tips", &tip)
        .await
        .json()
        .await
        .unwrap();
    let mut nomination = valid_nomination();
    nomination["contact_email"] = json!("ola@example.no");
    nomination["contact_name"] = json!("Ola Nordmann");
    let nomination_ref: Value = app
        .post_json("/api/v1/nominations", &nomination)
        .await
        .json()
        .await
        .unwrap();
    app.post_json("/api/v1/tips", &valid_tip()).await; // someone else's, anonymous
    app.smtp.wait_for(4, Duration::from_secs(20)).await;

    let export: Value = serde_json::from_str(&privacy(&app, "export", "ola@example.no")).unwrap();
    assert_eq!(export["tips"].as_array().unwrap().len(), 1);
    assert_eq!(export["tips"][0]["reference"], tip_ref["reference"]);
    assert_eq!(export["tips"][0]["name"], "Ola Nordmann");
    assert_eq!(
        export["nominations"][0]["reference"],
        nomination_ref["reference"]
    );
    // The receipt to Ola, the tip's forward (Reply-To Ola), the nomination receipt.
    assert_eq!(export["messages"].as_array().unwrap().len(), 3, "{export}");

    let said = privacy(&app, "erase", "OLA@example.no");
    assert!(
        said.contains("1 tips, 1 nominations and 3 messages"),
        "{said}"
    );
    let export: Value = serde_json::from_str(&privacy(&app, "export", "ola@example.no")).unwrap();
    assert!(export["tips"].as_array().unwrap().is_empty());
    assert!(export["nominations"].as_array().unwrap().is_empty());
    assert!(export["messages"].as_array().unwrap().is_empty());

    // The tip and the nomination stay, without the person.
    let reference = tip_ref["reference"].as_str().unwrap().to_owned();
    let stored = app
        .db
        .read(move |conn| Ok(bedre_stat::db::tips::find_by_reference(conn, &reference)?))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.tipster_email, None);
    assert_eq!(stored.tipster_name, None);
    assert_eq!(stored.initiative, "Felles fakturamottak for hele staten");
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 4);
    assert!(
        outbox
            .iter()
            .all(|m| !m.body_text.contains("Ola") && m.reply_to.is_none())
    );
    assert_eq!(
        outbox
            .iter()
            .filter(|m| m.recipient == "bedre-stat@dfo.no")
            .count(),
        1,
        "the anonymous tip's forward is untouched"
    );
    let actions = app
        .db
        .read(|conn| Ok(bedre_stat::db::audit::actions_for(conn, "person")?))
        .await
        .unwrap();
    assert_eq!(actions, ["privacy.erased"]);
}
