//! A person's rights: everything stored about an address can be exported and erased.

use crate::account_hardening::cli;
use bedre_stat_test_support::fixtures::{
    Affiliation, AssessmentFixture, NominationFixture, RoundFixture,
};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, spawn_app, valid_nomination, valid_tip};
use serde_json::{Value, json};
use std::time::Duration;

on_both_backends!(
    a_person_can_get_their_data_exported_and_erased,
    a_staff_account_is_exported_and_erased_without_losing_the_jurys_record,
);

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
        said.contains("1 tips, 1 nominations and 3 messages; 0 staff accounts"),
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

async fn a_staff_account_is_exported_and_erased_without_losing_the_jurys_record(backend: Backend) {
    let app = spawn_app(backend).await;
    let password = "riktig hest batteri stift";
    let juror = bedre_stat_test_support::fixtures::JurorFixture::new("kari@dfo.no", "Kari Juror")
        .password(password)
        .affiliated_with(Affiliation::with("974760673", "Brønnøysundregistrene"))
        .create(&app)
        .await;
    app.db
        .write(move |conn| {
            let round = RoundFixture::for_year(2099).insert(conn)?;
            let nomination = NominationFixture::in_round(round).insert(conn)?;
            Ok(AssessmentFixture::by(juror, nomination).insert(conn)?)
        })
        .await
        .unwrap();
    let browser = app.browser_logged_in("kari@dfo.no", password).await;
    app.create_user("sekretariat@dfo.no", "Siri", "admin", password)
        .await;
    let admin = app.browser_logged_in("sekretariat@dfo.no", password).await;
    let accounts_page = || async {
        let page = admin.get(app.url("/sekretariat")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        page.text().await.unwrap()
    };
    assert!(accounts_page().await.contains("Kari Juror"));

    let export: Value = serde_json::from_str(&privacy(&app, "export", "Kari@dfo.no")).unwrap();
    let account = &export["account"];
    assert_eq!(account["id"], juror, "{export}");
    assert_eq!(account["name"], "Kari Juror");
    assert_eq!(account["role"], "juror");
    assert_eq!(
        account["affiliations"][0]["organisation"],
        "Brønnøysundregistrene"
    );
    assert_eq!(account["jury_work"]["assessments"], 1);
    // The invitation mailed to her is hers too.
    assert_eq!(export["messages"].as_array().unwrap().len(), 1, "{export}");

    let said = privacy(&app, "erase", "kari@dfo.no");
    assert!(said.contains("1 staff accounts anonymised"), "{said}");
    let export: Value = serde_json::from_str(&privacy(&app, "export", "kari@dfo.no")).unwrap();
    assert_eq!(export["account"], Value::Null);
    assert!(export["messages"].as_array().unwrap().is_empty());

    // Her session has ended, she cannot log in, and her assessment stays under her id.
    let desk = browser.get(app.url("/jury")).send().await.unwrap();
    assert_eq!(desk.status(), 303);
    assert_ne!(app.log_in("kari@dfo.no", password).await.status(), 303);
    let (user, assessments) = app
        .db
        .read(move |conn| {
            use bedre_stat::db::schema::assessments;
            use diesel::prelude::*;
            let user = bedre_stat::db::users::find(conn, juror)?;
            let assessments: i64 = assessments::table
                .filter(assessments::juror_id.eq(juror))
                .count()
                .get_result(conn)?;
            Ok((user, assessments))
        })
        .await
        .unwrap();
    assert_eq!(user.name, bedre_stat::db::outbox::ERASED);
    assert!(user.is_disabled());
    assert_eq!(assessments, 1);
    let actions = app
        .db
        .read(move |conn| {
            Ok(bedre_stat::db::audit::actions_for(
                conn,
                &format!("user:{juror}"),
            )?)
        })
        .await
        .unwrap();
    assert!(actions.contains(&"user.erased".to_owned()), "{actions:?}");
    // The secretariat's account list no longer offers the anonymised account.
    let page = accounts_page().await;
    assert!(
        !page.contains(&format!("/sekretariat/brukere/{juror}/")),
        "{page}"
    );
}
