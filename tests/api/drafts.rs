//! Nominating made easy: drafts ("Lagre og fortsett senere") saved, opened from the mailed
//! link, saved again and sent; reminded once and deleted on the app's clock; and e-mail
//! addresses with æ, ø, å in the domain, sent in punycode.

use bedre_stat::domain::DraftLifetime;
use bedre_stat::email::MailIdentity;
use bedre_stat::submissions::Intake;
use bedre_stat_test_support::{
    Backend, Mail, TestApp, hidden_field_in, on_both_backends, reference_in, spawn_app,
    valid_nomination, valid_nomination_form, valid_nomination_form_with,
};
use chrono::TimeDelta;
use serde_json::json;
use std::time::Duration;

on_both_backends!(
    a_draft_is_saved_opened_saved_again_and_sent_as_a_nomination,
    saving_a_draft_checks_only_the_address_and_keeps_what_was_typed,
    a_draft_is_reminded_once_and_deleted_when_its_days_are_up,
    a_draft_link_cannot_be_guessed_and_a_draft_is_sent_once,
    a_draft_saved_twice_at_once_is_one_draft,
    draft_mails_count_against_the_receipt_cap,
    norwegian_addresses_are_accepted_and_sent_in_punycode,
);

const PASSWORD: &str = "riktig hest batteri stift";
const WAIT: Duration = Duration::from_secs(20);

/// A half-done nomination: an address, free text that must not reach the mail, an
/// estimate typed with spaces and an organisation number not yet right.
fn half_done() -> Vec<(&'static str, &'static str)> {
    vec![
        ("contact_email", "kari@dfo.no"),
        ("title", "Klikk her: http://evil.example/logg-inn"),
        ("org_number", "123"),
        ("savings_nok", "2 500 000"),
        ("categories", "kontroll"),
    ]
}

/// The path of the first link in `mail` that starts with `prefix`.
fn link_in(mail: &Mail, prefix: &str) -> String {
    let start = mail.text.find(prefix).expect("a link in the mail");
    mail.text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

async fn draft_count(app: &TestApp) -> i64 {
    app.db
        .read(|conn| Ok(bedre_stat::db::drafts::count(conn)?))
        .await
        .unwrap()
}

/// Saves `fields` from `/nominer` as a new draft, and returns the page.
async fn save_draft(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    app.submit_form_to("/nominer", "/nominer/utkast", fields)
        .await
}

/// Saves a draft and returns its link from the mail.
async fn saved_draft_link(app: &TestApp) -> String {
    assert_eq!(save_draft(app, &half_done()).await.status(), 200);
    let mails = app.smtp.wait_for(1, WAIT).await;
    link_in(&mails[0], "/nominer/utkast/")
}

/// The drafts' service, as the app's housekeeping runs it, on the app's clock.
fn sweeper(app: &TestApp) -> Intake {
    let settings = bedre_stat::config::Settings::load(None).unwrap();
    let identity = MailIdentity::new(&settings.mail.from, "bedre-stat@dfo.no", &app.address);
    let lifetime = DraftLifetime {
        days: 60,
        reminder_days: 7,
    };
    Intake::new(
        app.db.clone(),
        identity.unwrap(),
        Default::default(),
        Some(3),
        (lifetime, app.clock.clone()),
    )
}

async fn a_draft_is_saved_opened_saved_again_and_sent_as_a_nomination(backend: Backend) {
    let app = spawn_app(backend).await;
    let saved = save_draft(&app, &half_done()).await;
    assert_eq!(saved.status(), 200);
    let page = saved.text().await.unwrap();
    assert!(page.contains("Utkastet er lagret"), "{page}");
    assert!(page.contains("kari@dfo.no"));
    assert!(!page.contains("NOM-"), "a draft has no reference");

    // The link goes by mail, with fixed text only: nothing typed into the form.
    let mails = app.smtp.wait_for(1, WAIT).await;
    let mail = &mails[0];
    assert_eq!(mail.envelope_to, "kari@dfo.no");
    for part in [&mail.raw, &mail.subject, &mail.text] {
        assert!(!part.contains("evil.example") && !part.contains("Klikk"));
    }
    let link = link_in(mail, "/nominer/utkast/");

    // A draft is not a nomination: the secretariat sees only how many there are.
    app.create_user("siri@dfo.no", "Siri Sekretær", "admin", PASSWORD)
        .await;
    let secretariat = app.browser_logged_in("siri@dfo.no", PASSWORD).await;
    let overview = secretariat
        .get(app.url("/sekretariat"))
        .send()
        .await
        .unwrap();
    let overview = overview.text().await.unwrap();
    assert!(overview.contains("ikke sendt inn; bare antallet vises): 1"));
    assert!(!overview.contains("evil.example"));

    // The link opens the form as it was typed, never cached.
    let opened = app.get(&link).await;
    assert_eq!(opened.status(), 200);
    assert_eq!(opened.headers()["cache-control"], "no-store");
    let form = opened.text().await.unwrap();
    for typed in [
        "value=\"2 500 000\"",
        "value=\"123\"",
        "http://evil.example/logg-inn",
    ] {
        assert!(form.contains(typed), "{typed} kept");
    }
    assert!(form.contains(&format!("formaction=\"{link}?lagre\"")));

    // Saved again from the link: the form, with a note.
    let mut changed = half_done();
    changed[1] = ("title", "Digital kontroll av tungtransport");
    let again = app
        .submit_form_to(&link, &format!("{link}?lagre"), &changed)
        .await;
    assert_eq!(again.status(), 200);
    let again = again.text().await.unwrap();
    assert!(again.contains("Utkastet er lagret. Det slettes"));
    assert!(again.contains("Digital kontroll av tungtransport"));

    // Sent with a field still wrong: checked like any nomination, everything kept.
    let wrong = valid_nomination_form_with("org_number", "123");
    let refused = app.submit_form(&link, &wrong).await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("error-summary") && refused.contains("value=\"123\""));
    assert_eq!(draft_count(&app).await, 1, "still a draft");

    // Sent whole: a nomination with its receipt; the draft is gone.
    let sent = app.submit_form(&link, &valid_nomination_form()).await;
    assert_eq!(sent.status(), 200);
    let receipt = sent.text().await.unwrap();
    let reference = reference_in(&receipt);
    assert!(receipt.contains("Hva skjer nå"));
    assert!(
        receipt.contains("Digital kontroll av tungtransport"),
        "what was sent"
    );
    assert!(receipt.contains("2 500 000"));
    assert_eq!(draft_count(&app).await, 0);
    assert_eq!(app.get(&link).await.status(), 404);
    // The draft's link, the secretariat's invitation, the receipt.
    let mails = app.smtp.wait_for(3, WAIT).await;
    assert!(mails.iter().any(|m| m.subject.contains(&reference)));
}

async fn saving_a_draft_checks_only_the_address_and_keeps_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut fields = half_done();
    fields[0] = ("contact_email", "kari@");
    let refused = save_draft(&app, &fields).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("error-contact_email-1"),
        "a message on the field"
    );
    assert!(
        !page.contains("error-org_number-1"),
        "nothing else is checked"
    );
    for typed in ["value=\"kari@\"", "value=\"2 500 000\"", "value=\"123\""] {
        assert!(page.contains(typed), "{typed} kept");
    }
    assert_eq!(draft_count(&app).await, 0);
    // Nothing but the address is needed.
    let saved = save_draft(&app, &[("contact_email", "kari@dfo.no")]).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(draft_count(&app).await, 1);

    // The person's own copy has the draft, and erasing the address deletes it.
    let (exported, erased) = app
        .db
        .write(|conn| {
            let exported = bedre_stat::db::privacy::export(conn, "Kari@dfo.no")?;
            let erased = bedre_stat::db::privacy::erase(
                conn,
                "kari@dfo.no",
                bedre_stat::domain::Actor::Cli,
            )?;
            Ok((exported.drafts, erased.drafts))
        })
        .await
        .unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["content"]["contact_email"], "kari@dfo.no");
    assert_eq!(erased, 1);
    assert_eq!(draft_count(&app).await, 0);
}

async fn a_draft_is_reminded_once_and_deleted_when_its_days_are_up(backend: Backend) {
    let app = spawn_app(backend).await;
    let link = saved_draft_link(&app).await;
    let sweeper = sweeper(&app);

    // 52 days on: nothing due yet.
    app.clock.advance(TimeDelta::days(52));
    sweeper.expire_drafts(app.clock.now()).await.unwrap();
    assert_eq!(draft_count(&app).await, 1);

    // 53 days on (7 before the 60): one reminder, though two sweeps run at once.
    app.clock.advance(TimeDelta::days(1) + TimeDelta::hours(1));
    let now = app.clock.now();
    let (first, second) = tokio::join!(sweeper.expire_drafts(now), sweeper.expire_drafts(now));
    let reminded = first.unwrap().0 + second.unwrap().0;
    assert!(reminded <= 1, "{reminded} reminders");
    sweeper.expire_drafts(now).await.unwrap();
    let mails = app.smtp.wait_for(2, WAIT).await;
    app.wait_for_outbox_drained(WAIT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let reminders: Vec<Mail> = app
        .smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject.contains("slettes snart"))
        .collect();
    assert_eq!(reminders.len(), 1, "{mails:?}");
    assert!(!reminders[0].raw.contains("evil.example"));
    // Its link and the first one both open the draft.
    let reminder_link = link_in(&reminders[0], "/nominer/utkast/");
    assert_ne!(reminder_link, link);
    assert_eq!(app.get(&reminder_link).await.status(), 200);
    assert_eq!(app.get(&link).await.status(), 200);

    // 60 days after the save: gone, and both links with it.
    app.clock.advance(TimeDelta::days(7));
    let (_, expired) = sweeper.expire_drafts(app.clock.now()).await.unwrap();
    assert!(expired <= 1);
    assert_eq!(draft_count(&app).await, 0);
    assert_eq!(app.get(&link).await.status(), 404);
    assert_eq!(app.get(&reminder_link).await.status(), 404);
}

async fn a_draft_link_cannot_be_guessed_and_a_draft_is_sent_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let unknown = format!("/nominer/utkast/{}", "0".repeat(64));
    assert_eq!(app.get(&unknown).await.status(), 404);
    let response = app
        .submit_form_to("/nominer", &unknown, &valid_nomination_form())
        .await;
    assert_eq!(response.status(), 404);

    // The draft open in two tabs, both sent at the same moment: one nomination.
    let link = saved_draft_link(&app).await;
    let whole = valid_nomination_form();
    let one = tab_form(&app, &link, &whole).await;
    let two = tab_form(&app, &link, &whole).await;
    assert_ne!(one[1], two[1], "two tabs, two keys");
    let mut statuses = both_at_once(&app, &link, one, two).await;
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 404]);
    let nominations = app
        .db
        .read(|conn| {
            Ok(bedre_stat::db::audit::actions_for(conn, "draft:1")?
                .into_iter()
                .filter(|action| action == "draft.sent")
                .count())
        })
        .await
        .unwrap();
    assert_eq!(nominations, 1);
}

/// A new draft saved twice at the same moment (a double click): one draft, one mail.
async fn a_draft_saved_twice_at_once_is_one_draft(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = tab_form(&app, "/nominer", &half_done()).await;
    let statuses = both_at_once(&app, "/nominer/utkast", body.clone(), body).await;
    assert_eq!(statuses, [200, 200]);
    assert_eq!(draft_count(&app).await, 1);
    app.smtp.wait_for(1, WAIT).await;
    app.wait_for_outbox_drained(WAIT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.smtp.messages().len(), 1);
}

/// Posts `one` and `two` to `path` at the same moment; their statuses.
async fn both_at_once(
    app: &TestApp,
    path: &str,
    one: Vec<(String, String)>,
    two: Vec<(String, String)>,
) -> [u16; 2] {
    let post = |body: Vec<(String, String)>| {
        app.client
            .post(app.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(serde_html_form::to_string(&body).unwrap())
            .send()
    };
    let (one, two) = tokio::join!(post(one), post(two));
    [
        one.unwrap().status().as_u16(),
        two.unwrap().status().as_u16(),
    ]
}

/// `page` opened in a tab, and `fields` as that tab would post them.
async fn tab_form(app: &TestApp, page: &str, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let page = app.get(page).await.text().await.unwrap();
    let mut body = vec![
        (
            "csrf_token".to_owned(),
            hidden_field_in(&page, "csrf_token"),
        ),
        (
            "submission_key".to_owned(),
            hidden_field_in(&page, "submission_key"),
        ),
        ("website".to_owned(), String::new()),
    ];
    body.extend(
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    body
}

async fn draft_mails_count_against_the_receipt_cap(backend: Backend) {
    let app = spawn_app(backend).await;
    for _ in 0..4 {
        assert_eq!(save_draft(&app, &half_done()).await.status(), 200);
    }
    assert_eq!(draft_count(&app).await, 4, "every draft is stored");
    app.smtp.wait_for(3, WAIT).await;
    app.wait_for_outbox_drained(WAIT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        app.smtp.messages().len(),
        3,
        "three mails to one address a day"
    );
}

async fn norwegian_addresses_are_accepted_and_sent_in_punycode(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut nomination = valid_nomination();
    nomination["contact_email"] = json!("post@bærum.kommune.no");
    let response = app.post_json("/api/v1/nominations", &nomination).await;
    assert_eq!(response.status(), 201);
    let body: serde_json::Value = response.json().await.unwrap();
    let reference = body["reference"].as_str().unwrap().to_owned();
    let form = valid_nomination_form_with("contact_email", "kari@ås.kommune.no");
    let receipt = app.submit_form("/nominer", &form).await;
    assert_eq!(receipt.status(), 200);
    assert!(receipt.text().await.unwrap().contains("kari@ås.kommune.no"));

    let mails = app.smtp.wait_for(2, WAIT).await;
    let mut envelopes: Vec<&str> = mails.iter().map(|m| m.envelope_to.as_str()).collect();
    envelopes.sort_unstable();
    assert_eq!(
        envelopes,
        ["kari@xn--s-1fa.kommune.no", "post@xn--brum-voa.kommune.no"]
    );
    assert!(mails.iter().all(|m| m.to.is_ascii()));
    // Stored as typed.
    let stored = app.nomination(&reference).await;
    assert_eq!(stored.contact_email, "post@bærum.kommune.no");
}
