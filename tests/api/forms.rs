use bedre_stat::i18n::Lang;
use bedre_stat_test_support::fixtures::RoundFixture;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{
    Backend, reference_in, spawn_app, valid_nomination_form, valid_nomination_form_with,
};
use std::time::Duration;

pub fn nb(id: &str) -> String {
    Lang::Nb.text(id)
}

pub fn nn(id: &str) -> String {
    Lang::Nn.text(id)
}

/// How the page shows a text: Tera escapes HTML.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

on_both_backends!(
    the_home_page_explains_the_prize_in_bokmaal,
    a_nomination_through_the_form_gets_a_receipt_and_an_edit_link,
    an_invalid_nomination_shows_every_error_and_keeps_what_was_typed,
    errors_are_shown_in_nynorsk_when_nynorsk_is_chosen,
    a_tip_through_the_form_gets_a_receipt,
    an_invalid_tip_keeps_what_was_typed,
    an_unknown_edit_link_is_refused,
    sending_the_same_form_twice_stores_one_tip,
    after_the_deadline_the_edit_link_shows_the_nomination_read_only,
    a_round_set_up_by_the_secretariat_takes_nominations_until_its_own_deadline,
);

async fn the_home_page_explains_the_prize_in_bokmaal(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get_html("/").await;
    assert!(page.contains("<html lang=\"nb\""));
    for id in [
        "home-lead",
        "area-styring",
        "area-kontroll",
        "area-innsparing",
        "area-kvalitetsforbedring",
        "home-jury-heading",
    ] {
        assert!(page.contains(&html(&nb(id))), "{id}");
    }
    let plan = bedre_stat::domain::RoundPlan::open_at(bedre_stat::db::now());
    assert!(
        page.contains(&Lang::Nb.long_date(plan.deadline_date)),
        "the deadline is shown"
    );
    assert!(page.contains("href=\"/nominer\"") && page.contains("href=\"/tips\""));
}

async fn a_nomination_through_the_form_gets_a_receipt_and_an_edit_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.submit_form("/nominer", &valid_nomination_form()).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains(&html(&nb("receipt-nomination-title"))));
    let reference = reference_in(&page);
    assert!(reference.starts_with("BSP-"), "{reference}");

    // The receipt reaches the contact person, with the private edit link.
    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    let receipt = &mails[0];
    assert_eq!(receipt.envelope_to, "kari.nordmann@vegvesen.no");
    assert!(receipt.subject.contains(&reference));
    assert!(receipt.is_multipart_alternative);
    let link_start = receipt
        .text
        .find("/nominasjon/")
        .expect("edit link in the receipt");
    let path: String = receipt.text[link_start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();

    // The link opens the nomination for editing, with the stored values.
    let edit_page = app.get_html(&path).await;
    assert!(edit_page.contains(&reference));
    assert!(edit_page.contains("value=\"Digital kontroll av tungtransport\""));
    assert!(edit_page.contains("value=\"kontroll\" checked"));

    let changed = valid_nomination_form_with("title", "Digital kontroll av tungtransport, fase 2");
    let response = app.submit_form(&path, &changed).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains(&html(&nb("receipt-nomination-updated"))));
    let stored = app.nomination(&reference).await;
    assert_eq!(stored.title, "Digital kontroll av tungtransport, fase 2");
    assert_eq!(stored.savings_nok, Some(2_500_000));
}

async fn an_invalid_nomination_shows_every_error_and_keeps_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let fields = [
        ("agency_name", "Skatteetaten"),
        ("org_number", "974 761 077"),
        ("contact_email", "kari@"),
        ("contact_phone", "12ab"),
        ("title", ""),
        ("categories", "innsparing"),
        ("summary", "Første linje\nandre linje"),
        ("savings_nok", "mange"),
    ];
    let response = app.submit_form("/nominer", &fields).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("id=\"error-summary\""));
    assert!(page.contains(&html(&nb("error-summary-heading"))));
    for id in [
        "error-org-number-checksum",
        "error-email-invalid",
        "error-phone-invalid",
        "error-required",
        "error-number-invalid",
    ] {
        assert!(page.contains(&html(&nb(id))), "{id}");
    }
    // The summary links to the fields, and the fields point at their messages.
    assert!(page.contains("href=\"#field-org_number\""));
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(page.contains("aria-describedby=\"hint-org_number error-org_number-1\""));
    // Everything typed is still there.
    assert!(page.contains("value=\"Skatteetaten\""));
    assert!(page.contains("value=\"974 761 077\""));
    assert!(page.contains("value=\"kari@\""));
    assert!(page.contains(">Første linje\nandre linje</textarea>"));
    assert!(page.contains("value=\"innsparing\" checked"));
    assert!(!page.contains("value=\"styring\" checked"));
    assert!(app.outbox().await.is_empty());
}

async fn errors_are_shown_in_nynorsk_when_nynorsk_is_chosen(backend: Backend) {
    let app = spawn_app(backend).await;
    app.choose_language("nn").await;
    let form = app.get_html("/nominer").await;
    assert!(form.contains("<html lang=\"nn\""));
    assert!(form.contains(&html(&nn("nominate-title"))));
    let response = app.submit_form("/nominer", &[("org_number", "123")]).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    for id in [
        "error-summary-heading",
        "error-org-number-format",
        "error-required",
        "error-category-required",
    ] {
        assert!(page.contains(&html(&nn(id))), "{id}");
        assert_ne!(nn(id), nb(id), "{id} is translated");
    }
    let tip_page = app
        .submit_form("/tips", &[("agency", "NAV")])
        .await
        .text()
        .await
        .unwrap();
    assert!(tip_page.contains(&html(&nn("error-required"))));
}

async fn a_tip_through_the_form_gets_a_receipt(backend: Backend) {
    let app = spawn_app(backend).await;
    let fields = [
        ("initiative", "Felles innkjøp av skyløsninger"),
        ("agency", "Digdir"),
        ("reason", "Stor besparelse."),
        ("tipster_name", "Ola Nordmann"),
        ("tipster_email", "ola@example.no"),
        ("may_contact", "true"),
    ];
    let response = app.submit_form("/tips", &fields).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains(&html(&nb("receipt-tip-title"))));
    let reference = reference_in(&page);
    assert!(reference.starts_with("TIPS-"));
    assert!(
        page.contains("ola@example.no"),
        "the receipt page says where the receipt went"
    );
    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let receipt = mails
        .iter()
        .find(|m| m.envelope_to == "ola@example.no")
        .expect("a receipt to the tipster");
    assert!(receipt.subject.contains(&reference));
    assert!(receipt.text.contains(&reference));
}

async fn an_invalid_tip_keeps_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let fields = [
        ("initiative", "Noe bra"),
        ("agency", ""),
        ("reason", "Fordi"),
        ("may_contact", "true"),
    ];
    let response = app.submit_form("/tips", &fields).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains(">Noe bra</textarea>"));
    assert!(page.contains("name=\"may_contact\" value=\"true\" checked"));
    assert!(page.contains(&html(&nb("error-email-required-for-contact"))));
    assert!(page.contains(&html(&nb("error-required"))));
}

async fn an_unknown_edit_link_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get(&format!("/nominasjon/{}", "0".repeat(64))).await;
    assert_eq!(response.status(), 404);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&html(&nb("error-link-invalid")))
    );
}

async fn sending_the_same_form_twice_stores_one_tip(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get_html("/tips").await;
    let token = bedre_stat_test_support::csrf_token_in(&page);
    let key = bedre_stat_test_support::hidden_field_in(&page, "submission_key");
    assert_eq!(key.len(), 32);
    let body = [
        ("csrf_token", token.as_str()),
        ("submission_key", key.as_str()),
        ("initiative", "Samme tips"),
        ("agency", "NAV"),
        ("reason", "To ganger sendt"),
    ];
    let first = reference_in(&app.post_form("/tips", &body).await.text().await.unwrap());
    // The browser's "send again" on the receipt page.
    let second = reference_in(&app.post_form("/tips", &body).await.text().await.unwrap());
    assert_eq!(first, second);
    let stored = app
        .db
        .read(|conn| Ok(bedre_stat::db::tips::count(conn)?))
        .await
        .unwrap();
    assert_eq!(stored, 1);
    assert_eq!(app.outbox().await.len(), 1, "one forward, not two");
    // A new form page has a new key.
    let next =
        bedre_stat_test_support::hidden_field_in(&app.get_html("/tips").await, "submission_key");
    assert_ne!(next, key);
}

async fn after_the_deadline_the_edit_link_shows_the_nomination_read_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.submit_form("/nominer", &valid_nomination_form()).await;
    let reference = reference_in(&response.text().await.unwrap());
    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    let link_start = mails[0].text.find("/nominasjon/").unwrap();
    let path: String = mails[0].text[link_start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let edit_page = app.get_html(&path).await;
    let token = bedre_stat_test_support::csrf_token_in(&edit_page);

    // The round closes.
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            diesel::update(bedre_stat::db::schema::rounds::table)
                .set(
                    bedre_stat::db::schema::rounds::closes_at
                        .eq(bedre_stat::db::now() - chrono::TimeDelta::hours(1)),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let page = app.get_html(&path).await;
    assert!(
        !page.contains("<form class=\"form\""),
        "no edit form after the deadline"
    );
    assert!(
        page.contains("Digital kontroll av tungtransport"),
        "the nomination is shown"
    );
    assert!(
        page.contains(&html(&nb("answer-yes"))),
        "yes/no answers are written out"
    );

    // A form kept open from before the deadline cannot change it.
    let changed = valid_nomination_form_with("title", "Endret etter fristen");
    let mut body = vec![("csrf_token", token.as_str())];
    body.extend_from_slice(&changed);
    let response = app.post_form(&path, &body).await;
    assert_eq!(response.status(), 200);
    let stored = app.nomination(&reference).await;
    assert_eq!(stored.title, "Digital kontroll av tungtransport");
}

async fn a_round_set_up_by_the_secretariat_takes_nominations_until_its_own_deadline(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let deadline = (bedre_stat::db::now() + chrono::TimeDelta::days(2)).date();
    app.db
        .write(move |conn| {
            Ok(RoundFixture::for_year(2031)
                .nomination_deadline(deadline)
                .insert(conn)?)
        })
        .await
        .unwrap();
    let form = app.get_html("/nominer").await;
    assert!(
        form.contains("2031"),
        "the form names the round's prize year"
    );
    assert!(
        form.contains(&Lang::Nb.long_date(deadline)),
        "and its deadline"
    );
    let response = app.submit_form("/nominer", &valid_nomination_form()).await;
    assert_eq!(
        reference_in(&response.text().await.unwrap()),
        "BSP-2031-0001"
    );
}
