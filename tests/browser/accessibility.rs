//! Automated accessibility checks with axe-core (vendor/axe.min.js, MPL-2.0, see
//! vendor/README.md) on every public page and, signed in as a juror and as the secretariat,
//! on every page of the jury and secretariat, in bokmål and nynorsk, with and without errors.
//! axe finds only part of what WCAG asks; it does not replace testing with people.

use crate::seed;
use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};
use fantoccini::Client;
use serde_json::{Value, json};

const AXE: &str = include_str!("vendor/axe.min.js");

/// WCAG 2.1 level A and AA, the level Norwegian law (likestillings- og
/// diskrimineringsloven, WAD) requires.
const WCAG_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const RUN_AXE: &str = r#"
const [tags, done] = arguments;
axe.run(document, { runOnly: { type: 'tag', values: tags } })
  .then(result => done({
    version: axe.version,
    passes: result.passes.length,
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    })),
    incomplete: result.incomplete.map(v => ({
      id: v.id, help: v.help,
      nodes: v.nodes.map(n => ({ target: n.target, summary: n.failureSummary })),
    })),
  }))
  .catch(error => done({ error: String(error) }));
"#;

/// Runs axe on the current page: its violations, described for a person to fix.
async fn axe_violations(client: &Client, page: &str) -> Vec<String> {
    // Contrast is only judged right with the real styles: every stylesheet has loaded.
    let styles = run_js(
        client,
        "const links = [...document.querySelectorAll('link[rel=stylesheet]')];
         return links.length > 0 && links.every(l => l.sheet && l.sheet.cssRules.length > 0);",
        vec![],
    )
    .await;
    assert_eq!(
        styles,
        json!(true),
        "the stylesheets of {page} did not load"
    );
    // WebDriver scripts run outside the page's Content-Security-Policy (script-src 'self'),
    // so axe can be injected into the page as it is served.
    let loaded = run_js(
        client,
        &format!("{AXE}\n;return typeof window.axe === 'object' ? window.axe.version : null;"),
        vec![],
    )
    .await;
    assert!(
        loaded.is_string(),
        "axe-core did not load into {page}: {loaded}"
    );
    let result = client
        .execute_async(RUN_AXE, vec![json!(WCAG_TAGS)])
        .await
        .unwrap_or_else(|e| panic!("running axe on {page}: {e}"));
    assert!(
        result.get("error").is_none(),
        "axe failed on {page}: {result}"
    );
    let passes = result["passes"].as_u64().unwrap_or_default();
    assert!(
        passes >= 10,
        "axe checked next to nothing on {page}: {result}"
    );
    for item in result["incomplete"].as_array().into_iter().flatten() {
        eprintln!(
            "axe needs review on {page}: {} ({}) at {}",
            item["id"],
            item["help"].as_str().unwrap_or_default(),
            targets(&item["nodes"])
        );
    }
    let mut found = Vec::new();
    for violation in result["violations"].as_array().into_iter().flatten() {
        let mut text = format!(
            "{page}: {} [{}] {} ({})",
            violation["id"].as_str().unwrap_or_default(),
            violation["impact"].as_str().unwrap_or_default(),
            violation["help"].as_str().unwrap_or_default(),
            violation["helpUrl"].as_str().unwrap_or_default(),
        );
        for node in violation["nodes"].as_array().into_iter().flatten() {
            text.push_str(&format!(
                "\n    at {}: {}\n      {}",
                node["target"],
                node["html"].as_str().unwrap_or_default(),
                node["summary"]
                    .as_str()
                    .unwrap_or_default()
                    .replace('\n', "\n      "),
            ));
        }
        found.push(text);
    }
    found
}

fn targets(nodes: &Value) -> String {
    nodes
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["target"].to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_in_bokmaal_and_nynorsk() {
    let app = spawn_app(Backend::Sqlite).await;
    in_browser("every_page_passes_axe", Js::Enabled, |client| async move {
        // The pages' Content-Security-Policy is in force (an inline script added to the
        // page does not run), yet scripts sent over WebDriver, such as axe, do run.
        goto(&client, &app.url("/")).await;
        let inline_ran = run_js(
            &client,
            "const script = document.createElement('script');
             script.textContent = 'window.inlineRan = true;';
             document.body.append(script);
             return window.inlineRan === true;",
            vec![],
        )
        .await;
        assert_eq!(
            inline_ran,
            json!(false),
            "an inline script ran despite the CSP"
        );

        let mut violations = Vec::new();
        for lang in ["nb", "nn"] {
            goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
            for path in ["/", "/nominer", "/tips", "/personvern", "/tilgjengelighet"] {
                goto(&client, &app.url(path)).await;
                assert_eq!(page_lang(&client).await, lang, "{path}");
                violations.extend(axe_violations(&client, &format!("{path} ({lang})")).await);
            }
            for path in ["/nominer", "/tips"] {
                goto(&client, &app.url(path)).await;
                submit_form(&client).await;
                wait_for(&client, "#error-summary").await;
                assert_eq!(page_lang(&client).await, lang, "{path} with errors");
                let page = format!("{path} with errors ({lang})");
                violations.extend(axe_violations(&client, &page).await);
            }
        }
        assert_no_violations(&violations);
        // Control: axe does report a violation that is there, so "none" above means none.
        run_js(
            &client,
            "const input = document.createElement('input');
             input.id = 'axe-control';
             document.querySelector('main').append(input);",
            vec![],
        )
        .await;
        let control = axe_violations(&client, "control").await;
        assert!(
            control
                .iter()
                .any(|v| v.starts_with("control: label ") && v.contains("#axe-control")),
            "axe missed an input without a label: {control:?}"
        );
    })
    .await;
}

/// A draft in a real browser, in bokmål and nynorsk: saved from the form with only an
/// address, opened from the mailed link with everything as typed, then sent; axe on the
/// draft's pages and on the receipt.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn draft_pages_pass_axe_in_bokmaal_and_nynorsk() {
    let app = spawn_app(Backend::Sqlite).await;
    in_browser("draft_pages_pass_axe", Js::Enabled, |client| async move {
        let mut violations = Vec::new();
        for lang in ["nb", "nn"] {
            goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
            goto(&client, &app.url("/nominer")).await;
            let address = format!("kari.{lang}@dfo.no");
            type_into(&client, "contact_email", &address).await;
            type_into(&client, "savings_nok", "2 500 000").await;
            click_and_wait_for_new_page(&client, "#save-draft").await;
            wait_for(&client, "#draft-email-note").await;
            assert_eq!(page_lang(&client).await, lang);
            violations.extend(axe_violations(&client, &format!("draft saved ({lang})")).await);

            let link = draft_link_to(&app, &address).await;
            goto(&client, &app.url(&link)).await;
            assert_eq!(value_of(&client, "#field-savings_nok").await, "2 500 000");
            assert_eq!(value_of(&client, "#field-contact_email").await, address);
            violations.extend(axe_violations(&client, &format!("draft ({lang})")).await);

            for (name, value) in crate::journeys::NOMINATION {
                type_into(&client, name, value).await;
            }
            click(&client, "#field-categories-kontroll").await;
            submit_form(&client).await;
            wait_for(&client, "#next-steps").await;
            assert!(text_of(&client, "#sent").await.contains("2 500 000"));
            violations.extend(axe_violations(&client, &format!("receipt ({lang})")).await);
        }
        assert_no_violations(&violations);
    })
    .await;
}

/// The library's pages, public and the secretariat's, in bokmål and nynorsk: the list
/// (with and without matches), an entry, the open data page, the home page with its
/// showcase, the desk, an entry's edit page, the form for an earlier winner (also with
/// errors), and a closed nomination's page with its consent form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn library_pages_pass_axe_in_bokmaal_and_nynorsk() {
    use bedre_stat::domain::Actor;
    use bedre_stat::services::library;
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    let ids = crate::library::decide(&app, seeded.scoring_round).await;
    // The winner published; the finalist left for the desk to show.
    let entry = library::draft_from_nomination(&app.db, ids[0], Actor::Cli)
        .await
        .unwrap()
        .unwrap();
    library::publish(&app.db, entry, Actor::Cli)
        .await
        .unwrap()
        .unwrap();
    let token = "tilgjengelig-lenke-0123456789";
    let winner = ids[0];
    app.db
        .write(move |conn| {
            use bedre_stat::db::schema::nominations;
            use diesel::prelude::*;
            diesel::update(nominations::table.find(winner))
                .set(nominations::edit_token_hash.eq(bedre_stat::submissions::hash_token(token)))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    in_browser("library_pages_pass_axe", Js::Enabled, |client| async move {
        let public = [
            ("/bibliotek".to_owned(), ".library-list li"),
            (
                "/bibliotek?sok=ingenting".to_owned(),
                "main form[role=search]",
            ),
            (format!("/bibliotek/{entry}"), "main article h1"),
            ("/bibliotek/data".to_owned(), "main table tbody tr"),
            ("/".to_owned(), ".library-showcase li"),
            (format!("/nominasjon/{token}"), "#consent-state"),
        ];
        let staff = [
            (
                "/sekretariat/bibliotek".to_owned(),
                "#library-candidates tbody tr",
            ),
            (format!("/sekretariat/bibliotek/{entry}"), "main form.form"),
            ("/sekretariat/bibliotek/ny".to_owned(), "main form.form"),
        ];
        let mut violations = Vec::new();
        sign_in(&client, &app.address, seed::ADMIN).await;
        for lang in ["nb", "nn"] {
            goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
            for page in public.iter().chain(staff.iter()) {
                let url = app.url(&page.0);
                violations.extend(check_page(&client, &url, page, lang).await);
            }
            goto(&client, &app.url("/sekretariat/bibliotek/ny")).await;
            submit_form(&client).await;
            wait_for(&client, "#error-summary").await;
            let page = format!("/sekretariat/bibliotek/ny with errors ({lang})");
            violations.extend(axe_violations(&client, &page).await);
        }
        assert_no_violations(&violations);
    })
    .await;
}

/// The nomination form with a file refused on its field, the receipt that lists the
/// files, and the edit link that lists them with their remove boxes: axe in bokmål and
/// nynorsk.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachment_pages_pass_axe_in_bokmaal_and_nynorsk() {
    use crate::attachments::{fill_nomination_with, pdf_file};
    let app = spawn_app(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let fits = pdf_file(&dir, "Årsrapport.pdf", 5_000);
    let too_large = pdf_file(&dir, "stor.pdf", 10_000_001);
    in_browser(
        "attachment_pages_pass_axe",
        Js::Enabled,
        |client| async move {
            let mut violations = Vec::new();
            for lang in ["nb", "nn"] {
                goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
                goto(&client, &app.url("/nominer")).await;
                fill_nomination_with(&client, std::slice::from_ref(&too_large)).await;
                submit_form(&client).await;
                wait_for(&client, "#error-attachments-1").await;
                assert_eq!(page_lang(&client).await, lang);
                let page = format!("/nominer with a file refused ({lang})");
                violations.extend(axe_violations(&client, &page).await);

                let address = format!("vedlegg.{lang}@dfo.no");
                fill_nomination_with(&client, std::slice::from_ref(&fits)).await;
                type_into(&client, "contact_email", &address).await;
                submit_form(&client).await;
                wait_for(&client, "#attachments").await;
                let page = format!("receipt with files ({lang})");
                violations.extend(axe_violations(&client, &page).await);

                let link = mailed_link_to(&app, &address, "/nominasjon/").await;
                goto(&client, &app.url(&link)).await;
                wait_for(&client, "input[name=remove_attachment]").await;
                let page = format!("edit link with files ({lang})");
                violations.extend(axe_violations(&client, &page).await);
            }
            assert_no_violations(&violations);
        },
    )
    .await;
}

/// The path of the first link under `prefix` mailed to `address`.
async fn mailed_link_to(
    app: &bedre_stat_test_support::TestApp,
    address: &str,
    prefix: &str,
) -> String {
    for _ in 0..400 {
        if let Some(mail) = app
            .smtp
            .messages()
            .iter()
            .find(|m| m.envelope_to == address)
        {
            let start = mail.text.find(prefix).expect("the link");
            return mail.text[start..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect();
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no link mailed to {address}");
}

fn assert_no_violations(violations: &[String]) {
    assert!(
        violations.is_empty(),
        "{} accessibility violations (WCAG 2.1 A/AA, axe-core):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// The path of the draft link mailed to `address`.
async fn draft_link_to(app: &bedre_stat_test_support::TestApp, address: &str) -> String {
    for _ in 0..400 {
        if let Some(mail) = app
            .smtp
            .messages()
            .iter()
            .find(|m| m.envelope_to == address)
        {
            let start = mail
                .text
                .find("/nominer/utkast/")
                .expect("the draft's link");
            return mail.text[start..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect();
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no draft link mailed to {address}");
}

/// Opens `path` (signed in, in `lang`), checks that it shows `expected` (so axe judges the
/// seeded content, not an empty page) and runs axe on it.
async fn check_page(
    client: &Client,
    url: &str,
    (path, expected): &(String, &str),
    lang: &str,
) -> Vec<String> {
    goto(client, url).await;
    let at = current_url(client).await;
    assert!(at.ends_with(path.as_str()), "{path} ({lang}) led to {at}");
    assert_eq!(page_lang(client).await, lang, "{path}");
    assert!(
        !find_all(client, expected).await.is_empty(),
        "{path} ({lang}) shows no {expected}"
    );
    axe_violations(client, &format!("{path} ({lang})")).await
}

/// Signs in through the real login form, so the browser holds the session cookie.
pub(crate) async fn sign_in(client: &Client, app_url: &str, email: &str) {
    client.delete_all_cookies().await.expect("clearing cookies");
    goto(client, &format!("{app_url}/logg-inn")).await;
    type_into(client, "email", email).await;
    type_into(client, "password", seed::PASSWORD).await;
    submit_form(client).await;
    let at = current_url(client).await;
    assert!(!at.contains("/logg-inn"), "{email} did not get in: {at}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_in_pages_pass_axe_in_bokmaal_and_nynorsk() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    // Two tips alike, so the tip's page shows a likely duplicate beside it.
    for _ in 0..2 {
        let tip = bedre_stat_test_support::valid_tip();
        assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 201);
    }
    let tip = app
        .db
        .read(|conn| {
            Ok(bedre_stat::db::tips::list(conn, bedre_stat::db::tips::Listed::Latest(1))?[0].id)
        })
        .await
        .unwrap();
    // One message refused by the recipient's server: the outbox page explains it, with the
    // server's own text behind a details element. (Set once the worker is done with every
    // message, so that no delivery in flight marks it sent after.)
    app.wait_for_outbox_drained(std::time::Duration::from_secs(30))
        .await;
    app.db
        .write(|conn| {
            use bedre_stat::db::schema::outbox_messages::dsl::*;
            use diesel::prelude::*;
            let first: i32 = outbox_messages
                .filter(live_link.eq(false))
                .select(id)
                .order(id)
                .first(conn)?;
            // Failed for good: the page offers to send it, and all failed, again.
            diesel::update(outbox_messages.find(first))
                .set((
                    last_error.eq(Some("permanent error (550): 5.1.1 user unknown")),
                    status.eq(bedre_stat::domain::OutboxStatus::Failed),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    in_browser(
        "signed_in_pages_pass_axe",
        Js::Enabled,
        |client| async move {
            let scoring = format!("/jury/nominasjoner/{}", seeded.scoring_nomination);
            let (round, discussion) = (seeded.scoring_round, seeded.discussion_round);
            let nomination = seeded.scoring_nomination;
            // The results pages and the report with their pictures (SVG with role="img").
            let figures = "#chart-heatmap svg[role=img]";
            let juror_pages = [
                ("/jury".to_owned(), ".progress-summary"),
                ("/jury/tilknytninger".to_owned(), "#affiliations tbody tr"),
                // Enrolling an authenticator: the QR code (inline SVG) and the code form.
                ("/konto/totp".to_owned(), "main svg[role=img]"),
                (scoring.clone(), "form.form input[type=radio]"),
                (format!("/jury/runder/{discussion}/resultater"), figures),
            ];
            let admin_pages = [
                // The round at a glance: the jury matrix of the round in scoring.
                ("/sekretariat".to_owned(), "table.jury-matrix tbody tr"),
                ("/sekretariat/runder".to_owned(), "main table"),
                (format!("/sekretariat/runder/{round}"), "main form"),
                (
                    format!("/sekretariat/runder/{round}/nominasjoner"),
                    "main table",
                ),
                (
                    format!("/sekretariat/nominasjoner/{nomination}"),
                    "#attachments a",
                ),
                ("/sekretariat/habilitet".to_owned(), "#open-cases tbody tr"),
                ("/sekretariat/logg".to_owned(), "#audit-log tbody tr"),
                // The seed's nominations were sent through the API, so their receipts
                // are in the outbox.
                ("/sekretariat/epost".to_owned(), "#retry-all"),
                ("/sekretariat/tips".to_owned(), "#tips"),
                (format!("/sekretariat/tips/{tip}"), "table.duplicate"),
                (
                    "/sekretariat/sok?q=kontrollene".to_owned(),
                    "#search-results mark",
                ),
                (
                    "/sekretariat/nominasjoner".to_owned(),
                    "#nominations tbody tr",
                ),
                (
                    format!("/sekretariat/runder/{discussion}/resultater"),
                    figures,
                ),
                (format!("/sekretariat/runder/{discussion}/rapport"), figures),
            ];
            let mut violations = Vec::new();
            for (email, pages) in [
                (seed::JUROR, &juror_pages[..]),
                (seed::ADMIN, &admin_pages[..]),
            ] {
                sign_in(&client, &app.address, email).await;
                for lang in ["nb", "nn"] {
                    goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
                    for page in pages {
                        let url = app.url(&page.0);
                        violations.extend(check_page(&client, &url, page, lang).await);
                    }
                    if email == seed::JUROR {
                        // The scoring form sent empty: every criterion in error.
                        goto(&client, &app.url(&scoring)).await;
                        click_and_wait_for_new_page(
                            &client,
                            "form.form button[name=action][value=submit]",
                        )
                        .await;
                        wait_for(&client, "#error-summary").await;
                        assert_eq!(page_lang(&client).await, lang, "{scoring} with errors");
                        let page = format!("{scoring} with errors ({lang})");
                        violations.extend(axe_violations(&client, &page).await);
                    }
                }
            }
            assert_no_violations(&violations);
        },
    )
    .await;
}
