//! The secretariat's work with tips (a page per tip, its triage, the invitation mail,
//! likely duplicates, two members acting at once) and finding anything (full-text search
//! on a small Norwegian corpus, the search index kept in step with every write, the
//! filtered list of nominations), on both backends.

use crate::secretariat_work::{admin_app, nomination};
use bedre_stat::db;
use bedre_stat::domain::{Actor, LongText, TriageAction, TriageState};
use bedre_stat::email::MailIdentity;
use bedre_stat::services::tips::{Triaged, triage};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, valid_nomination, valid_nomination_form};
use std::time::Duration;

on_both_backends!(
    a_tip_is_opened_reviewed_linked_and_shown_on_the_nomination,
    refused_and_invalid_triage_says_why_and_keeps_what_was_typed,
    the_agency_is_invited_with_the_mail_the_secretariat_edited,
    two_members_acting_on_one_tip_at_once_cannot_both_win,
    likely_duplicates_are_shown_side_by_side,
    search_finds_inflected_forms_and_only_what_matches,
    search_text_cannot_break_the_query_or_the_page,
    the_index_follows_the_edit_link_and_erasure,
    nominations_are_filtered_by_round_status_area_and_agency,
);

/// Sends `body` with `fields` over it to the API at `path` (a "true" is the boolean, a
/// category the list of it) and returns the reference it was stored under.
async fn created(
    app: &TestApp,
    path: &str,
    mut body: serde_json::Value,
    fields: &[(&str, &str)],
) -> String {
    for (field, value) in fields {
        body[*field] = match (*field, *value) {
            ("categories", value) => serde_json::json!([value]),
            (_, "true") => true.into(),
            (_, value) => value.into(),
        };
    }
    let response = app.post_json(path, &body).await;
    assert_eq!(response.status(), 201);
    let created: serde_json::Value = response.json().await.unwrap();
    created["reference"].as_str().unwrap().to_owned()
}

/// A tip through the API, with the given fields over the valid one; returns its row.
async fn tip(app: &TestApp, fields: &[(&str, &str)]) -> db::tips::TipRow {
    let body = bedre_stat_test_support::valid_tip();
    let reference = created(app, "/api/v1/tips", body, fields).await;
    app.db
        .read(move |conn| Ok(db::tips::find_by_reference(conn, &reference)?.unwrap()))
        .await
        .unwrap()
}

/// A nomination through the API, with the given fields over the valid one; returns its row.
pub(crate) async fn nomination_with(
    app: &TestApp,
    fields: &[(&str, &str)],
) -> db::nominations::NominationRow {
    let body = valid_nomination();
    let reference = created(app, "/api/v1/nominations", body, fields).await;
    app.db
        .read(move |conn| Ok(db::nominations::find_by_reference(conn, &reference)?.unwrap()))
        .await
        .unwrap()
}

async fn reload(app: &TestApp, tip_id: i32) -> db::tips::TipRow {
    app.db
        .read(move |conn| Ok(db::tips::find(conn, tip_id)?))
        .await
        .unwrap()
}

/// The audit events on a subject: (action, detail).
async fn audit(app: &TestApp, subject: &str) -> Vec<(String, Option<String>)> {
    use bedre_stat::db::schema::audit_events;
    use diesel::prelude::*;
    let subject = subject.to_owned();
    app.db
        .read(move |conn| {
            Ok(audit_events::table
                .filter(audit_events::subject_ref.eq(subject))
                .order(audit_events::id)
                .select((audit_events::action, audit_events::detail))
                .load(conn)?)
        })
        .await
        .unwrap()
}

/// Posts one of the tip page's forms and follows the redirect; returns (status of the
/// post, the page after it).
async fn triage_form(
    app: &TestApp,
    tip_id: i32,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let page = format!("/sekretariat/tips/{tip_id}");
    let response = app
        .submit_form_to(&page, &format!("{page}/{action}"), fields)
        .await;
    let status = response.status().as_u16();
    if status == 303 {
        (status, app.get_html(&page).await)
    } else {
        (status, response.text().await.unwrap())
    }
}

async fn a_tip_is_opened_reviewed_linked_and_shown_on_the_nomination(backend: Backend) {
    let app = admin_app(backend).await;
    let nominated = nomination(&app, "971032081", "Felles fakturamottak").await;
    let t = tip(
        &app,
        &[
            ("tipster_name", "Tore Tipser"),
            ("tipster_email", "tore@example.no"),
            ("may_contact", "true"),
        ],
    )
    .await;
    tip(&app, &[("tipster_email", "anna@example.no")]).await;

    // The list links to the tip; its page has the whole tip, in Norwegian time.
    let list = app.get_html("/sekretariat/tips").await;
    assert!(list.contains(&format!("href=\"/sekretariat/tips/{}\"", t.id)));
    let page = app.get_html(&format!("/sekretariat/tips/{}", t.id)).await;
    assert!(page.contains("Sparte tusenvis av timer med manuell registrering."));
    assert!(page.contains("Tore Tipser") && page.contains("mailto:tore@example.no"));
    assert!(!page.contains("UTC"), "times are Norwegian");
    assert!(page.contains(">Nytt<"));

    let (status, page) = triage_form(&app, t.id, "vurder", &[]).await;
    assert_eq!(status, 303);
    assert!(page.contains("Under vurdering"), "{page}");
    let link_to = nominated.id.to_string();
    let (status, page) = triage_form(
        &app,
        t.id,
        "koble",
        &[("link_nomination", link_to.as_str())],
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        page.contains("«Koblet til nominasjon»"),
        "the flash says so"
    );
    assert!(page.contains(&nominated.reference));
    let stored = reload(&app, t.id).await;
    assert_eq!(stored.triage_state, TriageState::Linked);
    assert_eq!(stored.nomination_id, Some(nominated.id));

    // The nomination's page shows the tip.
    let nomination_page = app
        .get_html(&format!("/sekretariat/nominasjoner/{}", nominated.id))
        .await;
    assert!(nomination_page.contains(&format!("href=\"/sekretariat/tips/{}\"", t.id)));
    assert!(nomination_page.contains(&t.reference));

    // Reopened, the link goes; the log has ids only.
    let (status, _) = triage_form(&app, t.id, "gjenapne", &[]).await;
    assert_eq!(status, 303);
    assert_eq!(reload(&app, t.id).await.nomination_id, None);
    let events = audit(&app, &t.reference).await;
    let actions: Vec<&str> = events.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        ["tip.submitted", "tip.review", "tip.link", "tip.reopen"]
    );
    assert_eq!(
        events[2].1.as_deref(),
        Some(&*format!("nomination:{}", nominated.id))
    );

    // An anonymous tip, and one whose tipster gave an address but did not consent.
    let anonymous = tip(&app, &[]).await;
    let page = app
        .get_html(&format!("/sekretariat/tips/{}", anonymous.id))
        .await;
    assert!(page.contains("Tipseren er anonym."));
    let no_consent = tip(&app, &[("tipster_email", "anna@example.no")]).await;
    let page = app
        .get_html(&format!("/sekretariat/tips/{}", no_consent.id))
        .await;
    assert!(
        !page.contains("anna@example.no"),
        "no consent: no contact shown"
    );
    assert!(page.contains("Tipseren ønsker ikke å bli kontaktet."));
}

async fn refused_and_invalid_triage_says_why_and_keeps_what_was_typed(backend: Backend) {
    let app = admin_app(backend).await;
    let t = tip(&app, &[]).await;

    // Closing needs a reason; what was typed elsewhere stays.
    let (status, page) = triage_form(&app, t.id, "lukk", &[("closed_reason", "  ")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"error-summary\""));
    assert_eq!(reload(&app, t.id).await.triage_state, TriageState::New);

    let (status, page) = triage_form(
        &app,
        t.id,
        "lukk",
        &[("closed_reason", "Utenfor ordningen")],
    )
    .await;
    assert_eq!(status, 303);
    assert!(page.contains("Utenfor ordningen"));
    let stored = reload(&app, t.id).await;
    assert_eq!(stored.triage_state, TriageState::Closed);
    assert_eq!(stored.closed_reason.as_deref(), Some("Utenfor ordningen"));
    let events = audit(&app, &t.reference).await;
    assert_eq!(
        events.last().unwrap(),
        &("tip.close".to_owned(), None),
        "no text logged"
    );

    // A closed tip cannot be reviewed (an old tab): refused with the reason, unchanged.
    let (status, page) = triage_form(&app, t.id, "vurder", &[]).await;
    assert_eq!(status, 303);
    assert!(
        page.contains("Kan ikke starte vurderingen: tipset har status «Lukket»."),
        "{page}"
    );
    assert_eq!(reload(&app, t.id).await.triage_state, TriageState::Closed);

    // Linking to a nomination that does not exist: a message on the field.
    let other = tip(&app, &[]).await;
    let (status, page) =
        triage_form(&app, other.id, "koble", &[("link_nomination", "999999")]).await;
    assert_eq!(status, 422, "{page}");
    assert_eq!(reload(&app, other.id).await.triage_state, TriageState::New);

    // Unknown tips are 404, on the page and on every action.
    assert_eq!(app.get("/sekretariat/tips/999999").await.status(), 404);
    assert_eq!(app.get("/sekretariat/tips/abc").await.status(), 404);
}

async fn the_agency_is_invited_with_the_mail_the_secretariat_edited(backend: Backend) {
    let app = admin_app(backend).await;
    let t = tip(&app, &[("agency", "Statens vegvesen")]).await;

    // The template is prefilled in the chosen language.
    let nynorsk = app
        .get_html(&format!("/sekretariat/tips/{}?sprak=nn", t.id))
        .await;
    assert!(nynorsk.contains("har fått eit tips om eit tiltak hos Statens vegvesen"));
    assert!(nynorsk.contains("name=\"invite_language\" value=\"nn\""));
    let bokmaal = app.get_html(&format!("/sekretariat/tips/{}", t.id)).await;
    assert!(bokmaal.contains("har fått et tips om et tiltak hos Statens vegvesen"));

    // A bad address: shown again with everything typed, nothing sent.
    let mut fields = vec![
        ("invite_recipient", "ikke-en-adresse"),
        ("invite_language", "nn"),
        ("invite_subject", "Nominer tiltaket dykkar"),
        (
            "invite_body",
            "Hei!\n\nVi høyrde om tiltaket dykkar. Nominer det!",
        ),
    ];
    let (status, page) = triage_form(&app, t.id, "inviter", &fields).await;
    assert_eq!(status, 422);
    assert!(page.contains("Vi høyrde om tiltaket dykkar"));
    assert!(page.contains("value=\"ikke-en-adresse\""));
    let before = app.outbox().await.len();

    fields[0] = ("invite_recipient", "postmottak@vegvesen.no");
    let (status, page) = triage_form(&app, t.id, "inviter", &fields).await;
    assert_eq!(status, 303);
    assert!(page.contains("«Virksomheten invitert»"));
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), before + 1);
    let invitation = outbox
        .iter()
        .find(|m| m.purpose == "agency_invitation")
        .unwrap();
    assert_eq!(invitation.recipient, "postmottak@vegvesen.no");
    assert_eq!(invitation.subject_ref, t.reference);
    assert_eq!(invitation.reply_to.as_deref(), Some("bedre-stat@dfo.no"));

    // It goes out as edited.
    let mails = app.smtp.wait_for(before + 1, Duration::from_secs(20)).await;
    let mail = mails
        .iter()
        .find(|m| m.to.contains("postmottak@vegvesen.no"))
        .expect("the invitation was delivered");
    assert_eq!(mail.subject, "Nominer tiltaket dykkar");
    assert!(
        mail.text
            .contains("Vi høyrde om tiltaket dykkar. Nominer det!")
    );

    assert_eq!(reload(&app, t.id).await.triage_state, TriageState::Invited);
    let outbox_page = app.get_html("/sekretariat/epost").await;
    assert!(outbox_page.contains("Invitasjon til virksomhet om å nominere"));
    let events = audit(&app, &t.reference).await;
    let (action, detail) = events.last().unwrap();
    assert_eq!(action, "tip.invite");
    let detail = detail.as_deref().unwrap();
    assert!(
        detail.starts_with("outbox:") && detail.ends_with("lang:nn"),
        "{detail}"
    );
    assert!(!detail.contains("vegvesen"), "ids only, no addresses");

    // A second invitation is refused and sends nothing.
    let (status, page) = triage_form(&app, t.id, "inviter", &fields).await;
    assert_eq!(status, 303);
    assert!(page.contains("Kan ikke invitere virksomheten"));
    assert_eq!(app.outbox().await.len(), before + 1);
}

async fn two_members_acting_on_one_tip_at_once_cannot_both_win(backend: Backend) {
    let app = admin_app(backend).await;
    let identity =
        MailIdentity::new("noreply@dfo.no", "bedre-stat@dfo.no", "http://localhost").unwrap();
    for _ in 0..5 {
        let t = tip(&app, &[]).await;
        let close = TriageAction::Close {
            reason: LongText::parse("Duplikat").unwrap(),
        };
        let (a, b) = tokio::join!(
            triage(&app.db, &identity, t.id, close, Actor::User(1)),
            triage(
                &app.db,
                &identity,
                t.id,
                TriageAction::StartReview,
                Actor::User(2)
            ),
        );
        let outcomes = [a.unwrap(), b.unwrap()];
        let done = outcomes
            .iter()
            .filter(|o| matches!(o, Triaged::Done(_)))
            .count();
        let stored = reload(&app, t.id).await;
        // Either both ran one after the other (review, then close from review is allowed,
        // or close, then review refused), or one lost the race: never a mixed state.
        match stored.triage_state {
            TriageState::Closed => {
                assert_eq!(stored.closed_reason.as_deref(), Some("Duplikat"))
            }
            TriageState::UnderReview => assert_eq!(done, 1, "{outcomes:?}"),
            other => panic!("{other:?}"),
        }
        let transitions = audit(&app, &t.reference).await.len() - 1;
        assert_eq!(transitions, done, "one audit event per applied step");
    }

    // The database's own check: a step decided from a state the tip has left is not taken.
    let t = tip(&app, &[]).await;
    let id = t.id;
    let applied = app
        .db
        .write(move |conn| {
            let change = db::tips::TriageChange::default();
            let first = db::tips::transition(
                conn,
                id,
                TriageState::New,
                TriageState::UnderReview,
                &change,
            )?;
            let second =
                db::tips::transition(conn, id, TriageState::New, TriageState::Invited, &change)?;
            Ok((first, second))
        })
        .await
        .unwrap();
    assert_eq!(applied, (true, false));
}

async fn likely_duplicates_are_shown_side_by_side(backend: Backend) {
    let app = admin_app(backend).await;
    let first = tip(
        &app,
        &[
            ("agency", "Statens vegvesen"),
            ("initiative", "Vegvesenet digitaliserte innkjøpene sine"),
        ],
    )
    .await;
    let second = tip(
        &app,
        &[
            ("agency", "statens  vegvesen"),
            ("initiative", "Digitale innkjøp i Vegvesenet"),
        ],
    )
    .await;
    let unrelated = tip(
        &app,
        &[
            ("agency", "Skatteetaten"),
            ("initiative", "Enklere skattemelding for pensjonister"),
            ("reason", "Færre feil og raskere svar."),
        ],
    )
    .await;
    let page = app
        .get_html(&format!("/sekretariat/tips/{}", first.id))
        .await;
    let duplicates = &page[page.find("id=\"duplicates\"").unwrap()..];
    assert!(duplicates.contains(&format!("href=\"/sekretariat/tips/{}\"", second.id)));
    assert!(duplicates.contains("samme virksomhet"));
    assert!(duplicates.contains("Digitale innkjøp i Vegvesenet"));
    assert!(
        duplicates.contains("Vegvesenet digitaliserte innkjøpene sine"),
        "side by side"
    );
    assert!(!duplicates.contains(&unrelated.reference));
    let page = app
        .get_html(&format!("/sekretariat/tips/{}", unrelated.id))
        .await;
    assert!(page.contains("id=\"no-duplicates\""));
}

/// The references the search for `q` finds, in order.
async fn found(app: &TestApp, q: &str) -> Vec<String> {
    let response = app
        .client
        .get(app.url("/sekretariat/sok"))
        .query(&[("q", q)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "searching {q:?}");
    let page = response.text().await.unwrap();
    page.split("class=\"search-hit\" data-reference=\"")
        .skip(1)
        .map(|hit| hit.split('"').next().unwrap().to_owned())
        .collect()
}

async fn search_finds_inflected_forms_and_only_what_matches(backend: Backend) {
    let app = admin_app(backend).await;
    let purchases = nomination_with(
        &app,
        &[
            ("title", "Felles avtaler"),
            ("results", "Innkjøpene ble samlet i én avtale."),
        ],
    )
    .await;
    let digital = nomination_with(
        &app,
        &[
            ("title", "Selvbetjening"),
            ("user_effects", "Digitaliseringen ga kortere ventetid."),
        ],
    )
    .await;
    let bikes = tip(
        &app,
        &[("reason", "De bygde sykkelparkering ved alle kontorene.")],
    )
    .await;

    assert_eq!(found(&app, "innkjøp").await, [purchases.reference.as_str()]);
    assert_eq!(
        found(&app, "INNKJØPENE").await,
        [purchases.reference.as_str()]
    );
    assert_eq!(
        found(&app, "digitalisering").await,
        [digital.reference.as_str()]
    );
    assert_eq!(
        found(&app, "sykkelparkering").await,
        [bikes.reference.as_str()]
    );
    assert_eq!(
        found(&app, "sykkelparkering innkjøp").await,
        Vec::<String>::new()
    );
    assert_eq!(found(&app, "xqzzyvorp").await, Vec::<String>::new());
    // A word in both nominations, and not in the tip.
    let both = found(&app, "sensorer").await;
    assert_eq!(both.len(), 2, "{both:?}");

    // The passage that matched, with the match marked.
    let page = app.get_html("/sekretariat/sok?q=innkj%C3%B8p").await;
    assert!(page.contains("<mark>Innkjøpene</mark>"), "{page}");
    let page = app.get_html("/sekretariat/sok?q=xqzzyvorp").await;
    assert!(page.contains("id=\"no-results\""));
}

async fn search_text_cannot_break_the_query_or_the_page(backend: Backend) {
    let app = admin_app(backend).await;
    let hostile = nomination_with(
        &app,
        &[(
            "summary",
            "<script>alert(1)</script> Innkjøpene <b>fet</b> \u{E000}merket\u{E001}",
        )],
    )
    .await;
    for q in [
        "\"",
        "*",
        "(",
        ")",
        "OR",
        "innkjøp OR (",
        "\"innkjøp",
        "innkjøp*",
        "NEAR(a b)",
        "-innkjøp",
        "a:b",
        "^",
        "'",
        "\\",
        "&",
        "!",
        "innkjøp & !",
        "<mark>",
    ] {
        found(&app, q).await;
    }
    assert_eq!(
        found(&app, "\"innkjøp*").await,
        [hostile.reference.as_str()]
    );
    let page = app.get_html("/sekretariat/sok?q=innkj%C3%B8p").await;
    assert!(page.contains("<mark>Innkjøpene</mark>"), "{page}");
    assert!(!page.contains("<script>alert(1)"), "escaped");
    assert!(!page.contains("<b>fet</b>"), "escaped");
}

async fn the_index_follows_the_edit_link_and_erasure(backend: Backend) {
    let app = admin_app(backend).await;
    // A nomination through the public form, edited through its link.
    let response = app.submit_form("/nominer", &valid_nomination_form()).await;
    assert_eq!(response.status(), 200);
    // (The first mail is the secretary's account invitation.)
    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let receipt = mails
        .iter()
        .find(|m| m.text.contains("/nominasjon/"))
        .unwrap();
    let start = receipt.text.find("/nominasjon/").unwrap();
    let path: String = receipt.text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert!(found(&app, "vindmøllepark").await.is_empty());
    assert_eq!(found(&app, "dobbelt").await.len(), 1);
    let mut edited = valid_nomination_form();
    for (field, value) in edited.iter_mut() {
        if *field == "results" {
            *value = "Vindmølleparken sparte strøm.";
        }
    }
    let response = app.submit_form(&path, &edited).await;
    assert!(response.status().is_success() || response.status() == 303);
    assert_eq!(
        found(&app, "vindmøllepark").await.len(),
        1,
        "the edit is found"
    );
    assert!(
        found(&app, "dobbelt").await.is_empty(),
        "the old text is gone"
    );

    // A tipster's name is found until the tipster's data is erased.
    tip(
        &app,
        &[
            ("tipster_name", "Gunnhild Tipsersen"),
            ("tipster_email", "gunnhild@example.no"),
        ],
    )
    .await;
    assert_eq!(found(&app, "Tipsersen").await.len(), 1);
    app.db
        .write(|conn| {
            Ok(db::privacy::erase(
                conn,
                "gunnhild@example.no",
                bedre_stat::domain::Actor::Cli,
            )?)
        })
        .await
        .unwrap();
    assert!(
        found(&app, "Tipsersen").await.is_empty(),
        "erased from the index"
    );
}

async fn nominations_are_filtered_by_round_status_area_and_agency(backend: Backend) {
    let app = admin_app(backend).await;
    let roads = nomination_with(&app, &[("title", "Veiene")]).await;
    let tax = nomination_with(
        &app,
        &[
            ("title", "Skatten"),
            ("agency_name", "Økokrim"),
            ("org_number", "974760673"),
            ("categories", "innsparing"),
        ],
    )
    .await;
    let listed = |page: &str, n: &db::nominations::NominationRow| {
        page.contains(&format!("href=\"/sekretariat/nominasjoner/{}\"", n.id))
    };
    let page = app.get_html("/sekretariat/nominasjoner").await;
    assert!(listed(&page, &roads) && listed(&page, &tax));
    let page = app
        .get_html("/sekretariat/nominasjoner?virksomhet=%C3%B8kokrim")
        .await;
    assert!(
        !listed(&page, &roads) && listed(&page, &tax),
        "Unicode lower case"
    );
    let page = app
        .get_html("/sekretariat/nominasjoner?virksomhet=974760673")
        .await;
    assert!(!listed(&page, &roads) && listed(&page, &tax));
    let page = app
        .get_html("/sekretariat/nominasjoner?omrade=kontroll")
        .await;
    assert!(listed(&page, &roads) && !listed(&page, &tax));
    let page = app
        .get_html(&format!(
            "/sekretariat/nominasjoner?runde={}&status=submitted",
            roads.round_id
        ))
        .await;
    assert!(listed(&page, &roads) && listed(&page, &tax));
    let page = app
        .get_html("/sekretariat/nominasjoner?status=eligible")
        .await;
    assert!(!listed(&page, &roads) && !listed(&page, &tax));
    let page = app.get_html("/sekretariat/nominasjoner?runde=999999").await;
    assert!(!listed(&page, &roads));
    // Unknown values are "any", never an error.
    let page = app
        .get_html("/sekretariat/nominasjoner?runde=x&status=y&omrade=z&virksomhet=")
        .await;
    assert!(listed(&page, &roads) && listed(&page, &tax));
}
