//! People using the forms in a real browser: with mistakes first, in nynorsk, and with
//! JavaScript turned off.

use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};
use fantoccini::Client;
use serde_json::json;
use std::time::Duration;

/// The nomination form's fields a person fills in (all but the category and consents).
pub(crate) const NOMINATION: &[(&str, &str)] = &[
    ("agency_name", "Statens vegvesen"),
    ("org_number", "971 032 081"),
    ("contact_name", "Kari Nordmann"),
    ("contact_email", "kari.nordmann@vegvesen.no"),
    ("title", "Digital kontroll av tungtransport"),
    ("summary", "Automatisk kontroll ved veien."),
    ("background", "Manuell kontroll var tidkrevende."),
    (
        "what_was_done",
        "Sensorer og automatisk utvalg av kjøretøy.",
    ),
    (
        "results",
        "Dobbelt så mange kontroller med samme bemanning.",
    ),
    ("user_effects", "Færre ulykker og mindre kø."),
    ("transfer_value", "Alle kontrolletater kan bruke metoden."),
];

/// Where the summary's links point, in order.
async fn summary_targets(client: &Client) -> Vec<String> {
    let mut targets = Vec::new();
    for link in find_all(client, "#error-summary a").await {
        targets.push(link.attr("href").await.unwrap().unwrap_or_default());
    }
    targets
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_nominates_after_correcting_mistakes() {
    let app = spawn_app(Backend::Sqlite).await;
    in_browser(
        "a_person_nominates_after_correcting_mistakes",
        Js::Enabled,
        |client| async move {
            goto(&client, &app.url("/")).await;
            assert_eq!(page_lang(&client).await, "nb");
            click_and_wait_for_new_page(&client, "a[href='/nominer']").await;
            assert!(current_url(&client).await.ends_with("/nominer"));
            assert!(find_all(&client, "#error-summary").await.is_empty());

            // The empty form: the summary lists what is missing, each linked to its field.
            submit_form(&client).await;
            let summary = wait_for(&client, "#error-summary").await;
            assert!(
                summary.is_displayed().await.unwrap(),
                "the error summary is not shown"
            );
            // The page's script (/static/forms.js) moved the focus to the summary.
            let focused = run_js(&client, "return document.activeElement.id;", vec![]).await;
            assert_eq!(
                focused,
                json!("error-summary"),
                "focus is not on the summary"
            );
            let targets = summary_targets(&client).await;
            assert!(
                targets.len() >= 5,
                "only {} errors listed: {targets:?}",
                targets.len()
            );
            for target in &targets {
                assert!(target.starts_with("#field-"), "summary link to {target}");
                assert_eq!(
                    find_all(&client, target).await.len(),
                    1,
                    "the summary links to {target}, which is not (exactly once) in the page"
                );
            }
            assert_eq!(
                targets[0], "#field-agency_name",
                "the first error is the first field"
            );
            let invalid = find_all(&client, "[aria-invalid=true]").await;
            assert!(
                invalid.len() >= 5,
                "{} fields marked invalid",
                invalid.len()
            );
            assert!(
                client.title().await.unwrap().contains(':'),
                "the title does not say the page has errors"
            );

            // Following the first link goes to its field (fragment navigation, no script).
            let first = find(&client, "#error-summary a").await;
            first.click().await.unwrap();
            let moved = run_js(
            &client,
            "const el = document.querySelector(arguments[0]); const r = el.getBoundingClientRect();
             return { hash: location.hash, active: document.activeElement.id,
                      top: r.top, bottom: r.bottom, height: innerHeight };",
            vec![json!(targets[0])],
        )
        .await;
            assert_eq!(moved["hash"], json!(targets[0]), "{moved}");
            let (top, bottom, height) = (
                moved["top"].as_f64().unwrap(),
                moved["bottom"].as_f64().unwrap(),
                moved["height"].as_f64().unwrap(),
            );
            // Chromium scrolls the field's top edge to the viewport's, give or take a subpixel.
            assert!(
                top >= -1.0 && bottom <= height,
                "the field is not in view: {moved}"
            );
            assert_eq!(
                moved["active"],
                json!(targets[0].trim_start_matches('#')),
                "focus did not move to the field: {moved}"
            );
            // The last link leads far down the page: the page scrolls to it.
            let last = targets.last().unwrap().clone();
            let links = find_all(&client, "#error-summary a").await;
            links.last().unwrap().click().await.unwrap();
            let moved = run_js(
                &client,
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();
             return { hash: location.hash, top: r.top, bottom: r.bottom, height: innerHeight,
                      scrolled: scrollY };",
                vec![json!(last)],
            )
            .await;
            assert_eq!(moved["hash"], json!(last), "{moved}");
            assert!(
                moved["scrolled"].as_f64().unwrap() > 0.0,
                "did not scroll: {moved}"
            );
            assert!(
                moved["top"].as_f64().unwrap() >= -1.0
                    && moved["bottom"].as_f64().unwrap() <= moved["height"].as_f64().unwrap(),
                "{last} is not in view: {moved}"
            );

            // Everything filled in but one mistake: what was typed comes back.
            for (name, value) in NOMINATION {
                let value = if *name == "contact_email" {
                    "kari.nordmann@"
                } else {
                    value
                };
                type_into(&client, name, value).await;
            }
            click(&client, "#field-categories-kontroll").await;
            assert_eq!(value_of(&client, "#field-website").await, "", "honeypot");
            submit_form(&client).await;
            wait_for(&client, "#error-summary").await;
            assert_eq!(summary_targets(&client).await, ["#field-contact_email"]);
            assert_eq!(
                value_of(&client, "#field-agency_name").await,
                "Statens vegvesen"
            );
            assert_eq!(value_of(&client, "#field-org_number").await, "971 032 081");
            assert_eq!(
                value_of(&client, "#field-user_effects").await,
                "Færre ulykker og mindre kø."
            );
            assert_eq!(
                value_of(&client, "#field-contact_email").await,
                "kari.nordmann@"
            );
            assert!(
                find(&client, "#field-categories-kontroll")
                    .await
                    .is_selected()
                    .await
                    .unwrap()
            );
            assert_eq!(
                find(&client, "#field-contact_email")
                    .await
                    .attr("aria-invalid")
                    .await
                    .unwrap(),
                Some("true".into())
            );

            // Corrected: the receipt.
            type_into(&client, "contact_email", "kari.nordmann@vegvesen.no").await;
            submit_form(&client).await;
            wait_for(&client, "#reference").await;
            assert!(find_all(&client, "#error-summary").await.is_empty());
            assert!(
                find_all(&client, "form.form").await.is_empty(),
                "still on the form"
            );
            let reference = receipt_reference(&client, "BSP").await;
            let heading = text_of(&client, "h1").await;
            assert_eq!(heading, "Takk for nominasjonen");

            let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
            let receipt = mails
                .iter()
                .find(|m| m.envelope_to.contains("kari.nordmann@vegvesen.no"))
                .unwrap_or_else(|| panic!("no receipt to the contact among {mails:#?}"));
            assert!(receipt.subject.contains(&reference), "{}", receipt.subject);
            // The receipt goes to an address nobody has confirmed: the reference, no
            // free text from the form.
            assert!(receipt.text.contains(&reference), "{}", receipt.text);
            assert!(
                !receipt.text.contains("Digital kontroll av tungtransport"),
                "{}",
                receipt.text
            );
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_tips_in_nynorsk() {
    let app = spawn_app(Backend::Sqlite).await;
    in_browser(
        "a_person_tips_in_nynorsk",
        Js::Enabled,
        |client| async move {
            goto(&client, &app.url("/tips")).await;
            assert_eq!(page_lang(&client).await, "nb");
            let switch = find(&client, "nav.lang-switch a[hreflang=nn]").await;
            assert_eq!(switch.text().await.unwrap(), "Nynorsk");
            click_and_wait_for_new_page(&client, "nav.lang-switch a[hreflang=nn]").await;
            assert!(
                current_url(&client).await.ends_with("/tips"),
                "not back on /tips"
            );
            assert_eq!(page_lang(&client).await, "nn");
            assert_eq!(text_of(&client, "h1").await, "Tips oss om eit tiltak");
            assert_eq!(
                find(&client, "nav.lang-switch a[aria-current]")
                    .await
                    .attr("hreflang")
                    .await
                    .unwrap(),
                Some("nn".into())
            );

            type_into(
                &client,
                "initiative",
                "Felles fakturamottak for heile staten",
            )
            .await;
            type_into(
                &client,
                "agency",
                "Direktoratet for forvaltning og økonomistyring",
            )
            .await;
            type_into(
                &client,
                "reason",
                "Sparte tusenvis av timar med manuell registrering.",
            )
            .await;
            submit_form(&client).await;
            wait_for(&client, "#reference").await;
            assert_eq!(
                page_lang(&client).await,
                "nn",
                "the receipt is not in nynorsk"
            );
            assert_eq!(text_of(&client, "h1").await, "Takk for tipset");
            let reference = receipt_reference(&client, "TIPS").await;

            let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
            assert_eq!(
                mails.len(),
                1,
                "an anonymous tip sends only the forward: {mails:#?}"
            );
            let forward = &mails[0];
            assert_eq!(forward.envelope_to, "bedre-stat@dfo.no");
            assert!(forward.subject.contains(&reference), "{}", forward.subject);
            assert!(forward.text.contains(&reference), "{}", forward.text);
            assert!(
                forward
                    .text
                    .contains("Felles fakturamottak for heile staten"),
                "{}",
                forward.text
            );
            // The forward is written to the secretariat, in bokmål, whatever language the
            // tipster used (issue 8 §7); the receipt page above stays in nynorsk.
            assert!(
                forward
                    .text
                    .contains("Et nytt tips er kommet inn gjennom nettsiden."),
                "the forward is not in bokmål: {}",
                forward.text
            );
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tip_form_works_without_javascript() {
    let app = spawn_app(Backend::Sqlite).await;
    in_browser(
        "the_tip_form_works_without_javascript",
        Js::Disabled,
        |client| async move {
            // Scripts really are off in this browser: a page's own script does not run.
            goto(
                &client,
                "data:text/html,<title>off</title><script>document.title='on'</script>",
            )
            .await;
            assert_eq!(
                client.title().await.unwrap(),
                "off",
                "JavaScript is still enabled"
            );

            goto(&client, &app.url("/tips")).await;
            wait_for(&client, "form.form").await;
            submit_form(&client).await;
            wait_for(&client, "#error-summary").await;
            assert_eq!(
                summary_targets(&client).await,
                ["#field-initiative", "#field-agency", "#field-reason"]
            );

            type_into(
                &client,
                "initiative",
                "Felles fakturamottak for hele staten",
            )
            .await;
            type_into(
                &client,
                "agency",
                "Direktoratet for forvaltning og økonomistyring",
            )
            .await;
            type_into(
                &client,
                "reason",
                "Sparte tusenvis av timer med manuell registrering.",
            )
            .await;
            type_into(&client, "tipster_email", "ola@example.no").await;
            click(&client, "#field-may_contact").await;
            submit_form(&client).await;
            wait_for(&client, "#reference").await;
            assert_eq!(text_of(&client, "h1").await, "Takk for tipset");
            let reference = receipt_reference(&client, "TIPS").await;

            let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
            assert!(
                mails.iter().all(|m| m.subject.contains(&reference)),
                "{mails:#?}"
            );
            let forward = mails
                .iter()
                .find(|m| m.envelope_to == "bedre-stat@dfo.no")
                .unwrap();
            assert_eq!(forward.reply_to.as_deref(), Some("ola@example.no"));
        },
    )
    .await;
}
