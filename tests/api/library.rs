//! The library of good examples, on both backends: the secretariat publishes a reviewed
//! copy of a finalist or winner (never the live nomination), edits and unpublishes it, and
//! adds earlier winners by hand; nothing is public without the nominee's consent, and a
//! withdrawn consent removes the entry from every page, the feed and the open data at
//! once; the JSON, CSV and Atom feed are read by outside parsers; the retention purge keeps
//! a library entry's contact person. And what an attacker tries: unpublished entries, ids
//! of other nominations, markup in the edited text, a huge body.

use crate::secretariat_work::admin_app;
use bedre_stat::config::Settings;
use bedre_stat::db::decisions::{DecisionKind, NewDecision};
use bedre_stat::db::{self, schema};
use bedre_stat::domain::Actor;
use bedre_stat::services::retention;
use bedre_stat_test_support::fixtures::{NominationFixture, ScoringRound};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp};
use chrono::TimeDelta;
use diesel::prelude::*;
use std::process::{Command, Stdio};

on_both_backends!(
    a_published_entry_is_the_reviewed_copy_with_the_contact_consented_to,
    withdrawing_consent_removes_the_entry_at_once_everywhere,
    unpublishing_and_earlier_winners_added_by_hand,
    what_may_not_be_published_is_refused,
    the_json_csv_and_feed_are_read_by_outside_parsers,
    the_purge_keeps_the_contact_of_a_nomination_in_the_library,
    hostile_input_is_escaped_or_refused,
    two_drafts_at_once_make_one_entry,
);

/// The private edit link of the winner in [`decided`].
const TOKEN: &str = "bibliotek-lenke-0123456789abcdef";

/// A round in scoring with two nominations (Statens vegvesen's, then
/// Brønnøysundregistrene's), both finalists and the first the winner; the first's private
/// link is [`TOKEN`]. Returns the nominations' ids.
async fn decided(app: &TestApp) -> [i32; 2] {
    let round = ScoringRound::with_two_nominations(app).await;
    let admin = app.user_id("sekretariat@dfo.no").await;
    let [winner, finalist] = round.nominations;
    app.db
        .write(move |conn| {
            for (kind, ids) in [
                (DecisionKind::Finalists, vec![winner, finalist]),
                (DecisionKind::Winner, vec![winner]),
            ] {
                db::decisions::insert(
                    conn,
                    &NewDecision {
                        round_id: round.round_id,
                        kind,
                        rationale: "Begrunnelse.",
                        departs_from_ranking: false,
                        decided_by: admin,
                        nomination_ids: &ids,
                        absences: &[],
                    },
                )?;
            }
            diesel::update(schema::nominations::table.find(winner))
                .set(
                    schema::nominations::edit_token_hash
                        .eq(bedre_stat::submissions::hash_token(TOKEN)),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    round.nominations
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Presses a button on `page` (a POST with its CSRF token) and returns the redirect.
async fn press(app: &TestApp, page: &str, action: &str) -> String {
    let response = app.submit_form_to(page, action, &[]).await;
    assert_eq!(response.status(), 303, "POST {action}");
    location(&response)
}

/// Drafts the nomination's entry and returns its id.
async fn draft(app: &TestApp, nomination_id: i32) -> i32 {
    let to = press(
        app,
        "/sekretariat/bibliotek",
        &format!("/sekretariat/bibliotek/fra/{nomination_id}"),
    )
    .await;
    to.trim_start_matches("/sekretariat/bibliotek/")
        .parse()
        .unwrap_or_else(|_| panic!("drafted: {to}"))
}

async fn publish(app: &TestApp, entry: i32) {
    let page = format!("/sekretariat/bibliotek/{entry}");
    press(app, &page, &format!("{page}/publiser")).await;
}

/// The edit form's fields, with this title and summary.
fn edited<'a>(title: &'a str, summary: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("library_title", title),
        ("library_agency", "Statens vegvesen"),
        ("library_categories", "kontroll"),
        ("library_summary", summary),
        ("library_results", "Dobbelt så mange kontroller."),
        ("library_user_effects", "Tryggere veier."),
        (
            "library_transfer_value",
            "Alle kontrolletater kan bruke metoden.",
        ),
        ("library_other_agencies", "Politiet"),
        ("library_show_contact", "true"),
    ]
}

async fn status(app: &TestApp, path: &str) -> u16 {
    app.get(path).await.status().as_u16()
}

async fn open_data(app: &TestApp) -> serde_json::Value {
    let response = app.get("/bibliotek/bibliotek.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn a_published_entry_is_the_reviewed_copy_with_the_contact_consented_to(backend: Backend) {
    let app = admin_app(backend).await;
    let [winner, finalist] = decided(&app).await;
    assert!(!app.get_html("/bibliotek").await.contains("Redigert"));
    let desk = app.get_html("/sekretariat/bibliotek").await;
    assert_eq!(
        desk.matches("/sekretariat/bibliotek/fra/").count(),
        2,
        "{desk}"
    );

    let entry = draft(&app, winner).await;
    // Drafting again finds the same entry.
    assert_eq!(draft(&app, winner).await, entry);
    // A draft is not public.
    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
    assert_eq!(open_data(&app).await["entries"], serde_json::json!([]));

    let path = format!("/sekretariat/bibliotek/{entry}");
    let response = app
        .submit_form(&path, &edited("Redigert tittel", "Redigert sammendrag."))
        .await;
    assert_eq!(response.status(), 303);
    publish(&app, entry).await;

    // The live nomination changes afterwards: the public sees the reviewed copy.
    app.db
        .write(move |conn| {
            diesel::update(schema::nominations::table.find(winner))
                .set(schema::nominations::title.eq("Levende tittel"))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let page = app.get_html(&format!("/bibliotek/{entry}")).await;
    for shown in [
        "Redigert tittel",
        "Redigert sammendrag.",
        "Statens vegvesen",
        "Vinner",
        "Kontroll",
        "Dobbelt så mange kontroller.",
        "Tryggere veier.",
        "Alle kontrolletater kan bruke metoden.",
        "Politiet",
        "Kari Nordmann",
        "kari.nordmann@vegvesen.no",
    ] {
        assert!(page.contains(shown), "{shown} in {page}");
    }
    assert!(!page.contains("Levende tittel"));
    assert!(!page.contains("+47"), "the phone is never shown");

    // The list, its filters and search.
    let list = app.get_html("/bibliotek").await;
    assert!(list.contains(&format!("href=\"/bibliotek/{entry}\"")));
    for (query, found) in [
        ("?sok=redigerte+tittelen", true),
        ("?sok=vindm%C3%B8lle", false),
        ("?omrade=kontroll", true),
        ("?omrade=styring", false),
        ("?aar=1999", false),
        ("?aar=abc&omrade=%3Cx%3E", true),
    ] {
        let page = app.get_html(&format!("/bibliotek{query}")).await;
        assert_eq!(page.contains("Redigert tittel"), found, "{query}");
    }
    // The home page shows the latest winner; the other finalist is not published.
    let home = app.get_html("/").await;
    assert!(home.contains("Redigert tittel"), "{home}");
    assert!(!home.contains("Sammenhengende tjenester"));
    assert_eq!(app.audit_count("library.published").await, 1);
    assert_eq!(app.audit_count("library.drafted").await, 1);

    // Unticking "show the contact" keeps the entry but not the contact.
    let mut fields = edited("Redigert tittel", "Redigert sammendrag.");
    fields.retain(|(name, _)| *name != "library_show_contact");
    assert_eq!(app.submit_form(&path, &fields).await.status(), 303);
    let page = app.get_html(&format!("/bibliotek/{entry}")).await;
    assert!(page.contains("Redigert tittel") && !page.contains("Kari Nordmann"));

    // The other finalist's nomination id names no public entry.
    assert_eq!(status(&app, &format!("/bibliotek/{finalist}")).await, 404);
}

async fn withdraw_consent(app: &TestApp) {
    let page = format!("/nominasjon/{TOKEN}");
    let browser = app.other_browser();
    let response = app
        .submit_form_as(
            &browser,
            &page,
            &format!("{page}/samtykke"),
            &[("consent_publish", "false")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), page);
}

async fn withdrawing_consent_removes_the_entry_at_once_everywhere(backend: Backend) {
    let app = admin_app(backend).await;
    let [winner, _] = decided(&app).await;
    let entry = draft(&app, winner).await;
    publish(&app, entry).await;
    let title = "Digital kontroll av tungtransport";
    assert!(app.get_html("/").await.contains(title));
    assert_eq!(
        open_data(&app).await["entries"].as_array().unwrap().len(),
        1
    );

    // The round is past its deadline: the nomination is read-only, its consent is not.
    let link = app.get_html(&format!("/nominasjon/{TOKEN}")).await;
    assert!(link.contains("/samtykke"), "{link}");
    withdraw_consent(&app).await;

    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
    assert!(!app.get_html("/bibliotek").await.contains(title));
    assert!(!app.get_html("/").await.contains(title));
    assert_eq!(open_data(&app).await["entries"], serde_json::json!([]));
    let csv = app
        .get("/bibliotek/bibliotek.csv")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
    let feed = app.get("/bibliotek/nye.atom").await;
    assert_eq!(feed.status(), 200);
    let feed = feed.text().await.unwrap();
    assert!(feed.contains("<feed") && !feed.contains("<entry>") && !feed.contains(title));
    assert_eq!(app.audit_count("nomination.consent_withdrawn").await, 1);
    // The secretariat sees why, and cannot publish it again.
    let desk = app.get_html("/sekretariat/bibliotek").await;
    assert!(desk.contains("trukket samtykket"), "{desk}");
    let page = format!("/sekretariat/bibliotek/{entry}");
    press(&app, &page, &format!("{page}/publiser")).await;
    let shown = app.get_html(&page).await;
    assert!(shown.contains("ikke sagt ja til publisering"), "{shown}");
    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
}

async fn unpublishing_and_earlier_winners_added_by_hand(backend: Backend) {
    let app = admin_app(backend).await;
    let manual = [
        ("library_title", "Felles fakturamottak"),
        ("library_agency", "DFØ"),
        ("library_year", "2015"),
        ("library_outcome", "winner"),
        ("library_categories", "innsparing"),
        ("library_categories", "styring"),
        ("library_summary", "Ett mottak for alle fakturaer i staten."),
    ];
    let response = app.submit_form("/sekretariat/bibliotek/ny", &manual).await;
    assert_eq!(response.status(), 303);
    let to = location(&response);
    let entry: i32 = to
        .trim_start_matches("/sekretariat/bibliotek/")
        .parse()
        .unwrap();
    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
    publish(&app, entry).await;
    let page = app.get_html(&format!("/bibliotek/{entry}")).await;
    assert!(page.contains("Felles fakturamottak") && page.contains("2015"));
    assert!(page.contains("Innsparing") && page.contains("Styring"));
    let data = open_data(&app).await;
    assert_eq!(data["entries"][0]["id"], entry);
    assert_eq!(data["entries"][0]["year"], 2015);
    assert_eq!(data["entries"][0]["outcome"], "winner");
    assert_eq!(data["entries"][0]["contact"], serde_json::Value::Null);
    assert_eq!(
        data["entries"][0]["areas"],
        serde_json::json!(["styring", "innsparing"])
    );
    assert!(app.get_html("/").await.contains("Felles fakturamottak"));

    // Its year can be corrected by hand.
    let mut fields = manual.to_vec();
    fields.retain(|(name, _)| *name != "library_year");
    fields.push(("library_year", "2016"));
    assert_eq!(
        app.submit_form(&format!("/sekretariat/bibliotek/{entry}"), &fields)
            .await
            .status(),
        303
    );
    assert_eq!(open_data(&app).await["entries"][0]["year"], 2016);

    let page = format!("/sekretariat/bibliotek/{entry}");
    press(&app, &page, &format!("{page}/avpubliser")).await;
    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
    assert_eq!(open_data(&app).await["entries"], serde_json::json!([]));
    assert_eq!(app.audit_count("library.unpublished").await, 1);
    assert_eq!(app.audit_count("library.added").await, 1);

    // A form with what is missing or wrong says so and keeps what was typed.
    let response = app
        .submit_form(
            "/sekretariat/bibliotek/ny",
            &[("library_title", "Bare en tittel"), ("library_year", "15")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Bare en tittel") && page.contains("error-summary"));
    assert!(page.contains("href=\"#field-library_year\""));
}

async fn what_may_not_be_published_is_refused(backend: Backend) {
    let app = admin_app(backend).await;
    let [winner, _] = decided(&app).await;
    // A nomination in the round that no decision names.
    let other = app
        .db
        .write(move |conn| {
            let round_id = db::nominations::find_by_id(conn, winner)?.round_id;
            Ok(NominationFixture::in_round(round_id)
                .eligible()
                .insert(conn)?)
        })
        .await
        .unwrap();
    let to = press(
        &app,
        "/sekretariat/bibliotek",
        &format!("/sekretariat/bibliotek/fra/{other}"),
    )
    .await;
    assert_eq!(to, "/sekretariat/bibliotek");
    assert!(
        app.get_html("/sekretariat/bibliotek")
            .await
            .contains("ikke finalist eller vinner")
    );
    assert_eq!(app.audit_count("library.drafted").await, 0);
    let response = app
        .submit_form_to(
            "/sekretariat/bibliotek",
            "/sekretariat/bibliotek/fra/999999",
            &[],
        )
        .await;
    assert_eq!(response.status(), 404);

    // No consent: drafted, but never published.
    app.db
        .write(move |conn| {
            diesel::update(schema::nominations::table.find(winner))
                .set(schema::nominations::consent_publish.eq(false))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let entry = draft(&app, winner).await;
    publish(&app, entry).await;
    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
    assert_eq!(app.audit_count("library.published").await, 0);

    // A nomination dropped from the decisions in force can no longer be published.
    let round_id = app
        .db
        .read(move |conn| Ok(db::nominations::find_by_id(conn, winner)?.round_id))
        .await
        .unwrap();
    let admin = app.user_id("sekretariat@dfo.no").await;
    app.db
        .write(move |conn| {
            diesel::update(schema::nominations::table.find(winner))
                .set(schema::nominations::consent_publish.eq(true))
                .execute(conn)?;
            for kind in [DecisionKind::Finalists, DecisionKind::Winner] {
                db::decisions::insert(
                    conn,
                    &NewDecision {
                        round_id,
                        kind,
                        rationale: "Ny vurdering.",
                        departs_from_ranking: false,
                        decided_by: admin,
                        nomination_ids: &[other],
                        absences: &[],
                    },
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    publish(&app, entry).await;
    assert_eq!(status(&app, &format!("/bibliotek/{entry}")).await, 404);
}

async fn the_json_csv_and_feed_are_read_by_outside_parsers(backend: Backend) {
    let app = admin_app(backend).await;
    let [winner, finalist] = decided(&app).await;
    let hostile = "=HYPERLINK(\"x\"), «sitat» & <b>fet</b>\nny linje; semikolon";
    for nomination in [winner, finalist] {
        let entry = draft(&app, nomination).await;
        let path = format!("/sekretariat/bibliotek/{entry}");
        let title = format!("Tiltak {nomination} <script>alert(1)</script> & «Ø»");
        assert_eq!(
            app.submit_form(&path, &edited(&title, hostile))
                .await
                .status(),
            303
        );
        publish(&app, entry).await;
    }
    let json = app.get("/bibliotek/bibliotek.json").await;
    assert!(
        json.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let json = json.bytes().await.unwrap();
    let csv = app.get("/bibliotek/bibliotek.csv").await;
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = csv.bytes().await.unwrap();
    let feed = app.get("/bibliotek/nye.atom").await;
    let feed_type = feed.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(feed_type.starts_with("application/atom+xml"), "{feed_type}");
    let feed = feed.bytes().await.unwrap();
    // The feed in nynorsk: its address names the language (a reader sends no cookie).
    let feed_nn = app.get("/bibliotek/nye.atom?lang=nn").await;
    let feed_nn = feed_nn.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let paths = ["bibliotek.json", "bibliotek.csv", "nye.atom", "nye-nn.atom"]
        .map(|name| dir.path().join(name));
    for (path, body) in paths.iter().zip([&json, &csv, &feed, &feed_nn]) {
        std::fs::write(path, body).unwrap();
    }
    let script = r#"
import csv, json, sys, feedparser
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
feed = feedparser.parse(sys.argv[3])
assert not feed.bozo, feed.bozo_exception
feed_nn = feedparser.parse(sys.argv[4])
assert not feed_nn.bozo, feed_nn.bozo_exception
print(json.dumps({
    "licence": data["licence"],
    "json": [[e["id"], e["url"], e["title"], e["summary"], e["outcome"], e["contact"]["name"]] for e in data["entries"]],
    "csv_fields": list(rows[0].keys()),
    "csv": [[int(r["id"]), r["url"], r["title"], r["summary"], r["outcome"], r["contact_name"], r["areas"]] for r in rows],
    "feed_title": feed.feed.title,
    "feed_rights": feed.feed.get("rights", ""),
    "feed": [[e.id, e.link, e.title, e.summary] for e in feed.entries],
    "feed_labels": sorted(t.label for e in feed.entries for t in e.tags if t.label),
    "feed_nn": {
        "title": feed_nn.feed.title,
        "language": feed_nn.feed.get("language", ""),
        "labels": sorted(t.label for e in feed_nn.entries for t in e.tags if t.label),
        "entries": len(feed_nn.entries),
    },
}))
"#;
    let output = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .args(&paths)
        .stdin(Stdio::null())
        .output()
        .expect("python3 with feedparser (scripts/test installs it)");
    assert!(
        output.status.success(),
        "the outside parsers refused the open data: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let licence = Settings::load(None).unwrap().library;
    assert_eq!(read["licence"]["name"], licence.licence_name.as_str());
    assert!(licence.licence_name.contains("NLOD") && licence.licence_url.ends_with("/nlod/no/2.0"));
    assert_eq!(read["licence"]["url"], licence.licence_url.as_str());
    assert_eq!(read["feed_rights"], licence.licence_name.as_str());
    assert!(read["feed_title"].as_str().unwrap().contains("Bedre stat"));
    assert_eq!(
        read["feed_labels"],
        serde_json::json!(["Finalist", "Vinner"])
    );
    let nn = &read["feed_nn"];
    assert!(nn["title"].as_str().unwrap().contains("gode døme"), "{nn}");
    assert_eq!(nn["language"], "nn");
    assert_eq!(nn["labels"], serde_json::json!(["Finalist", "Vinnar"]));
    assert_eq!(nn["entries"], 2);
    assert_eq!(
        read["csv_fields"],
        serde_json::json!(bedre_stat::services::library::OPEN_DATA_FIELDS)
    );
    let json_entries = read["json"].as_array().unwrap();
    let csv_entries = read["csv"].as_array().unwrap();
    let feed_entries = read["feed"].as_array().unwrap();
    assert_eq!(json_entries.len(), 2);
    assert_eq!(csv_entries.len(), 2);
    assert_eq!(feed_entries.len(), 2);
    for (j, c) in json_entries.iter().zip(csv_entries) {
        // The same stable id and address in both; the text as written (the CSV's cells
        // that a spreadsheet would run as a formula start with an apostrophe).
        assert_eq!(j[0], c[0]);
        assert_eq!(j[1], c[1]);
        assert!(
            j[1].as_str()
                .unwrap()
                .ends_with(&format!("/bibliotek/{}", j[0]))
        );
        assert!(
            j[2].as_str()
                .unwrap()
                .contains("<script>alert(1)</script> & «Ø»")
        );
        assert_eq!(j[2], c[2]);
        assert_eq!(j[3], hostile);
        assert_eq!(c[3], format!("'{hostile}"));
        assert_eq!(c[5], "Kari Nordmann");
        assert_eq!(c[6], "kontroll");
        assert!(
            feed_entries
                .iter()
                .any(|f| f[0] == j[1] && f[1] == j[1] && f[2] == j[2] && f[3] == hostile)
        );
    }
    let outcomes: Vec<&str> = json_entries
        .iter()
        .map(|j| j[4].as_str().unwrap())
        .collect();
    assert!(outcomes.contains(&"winner") && outcomes.contains(&"finalist"));
}

/// The contact addresses of these nominations as stored.
async fn contacts(app: &TestApp, ids: [i32; 2]) -> [String; 2] {
    app.db
        .read(move |conn| {
            let mut out = [String::new(), String::new()];
            for (slot, id) in out.iter_mut().zip(ids) {
                *slot = db::nominations::find_by_id(conn, id)?.content.contact_email;
            }
            Ok(out)
        })
        .await
        .unwrap()
}

async fn the_purge_keeps_the_contact_of_a_nomination_in_the_library(backend: Backend) {
    let app = admin_app(backend).await;
    let [winner, finalist] = decided(&app).await;
    let entry = draft(&app, winner).await;
    publish(&app, entry).await;
    // A draft the secretariat never published keeps nothing.
    draft(&app, finalist).await;
    let periods = Settings::load(None).unwrap().retention;
    let later = db::now() + TimeDelta::days(365 * 10);
    let purged = retention::purge(&app.db, periods, later, Actor::System)
        .await
        .unwrap();
    assert_eq!(purged.nomination_contacts, 1);
    let [kept, gone] = contacts(&app, [winner, finalist]).await;
    assert_eq!(kept, "kari.nordmann@vegvesen.no");
    assert_eq!(gone, "");
    assert!(
        app.get_html(&format!("/bibliotek/{entry}"))
            .await
            .contains("Kari Nordmann")
    );

    // With the consent withdrawn the entry is not in the library: the contact goes.
    withdraw_consent(&app).await;
    let purged = retention::purge(&app.db, periods, later, Actor::System)
        .await
        .unwrap();
    assert_eq!(purged.nomination_contacts, 1);
    let [kept, _] = contacts(&app, [winner, finalist]).await;
    assert_eq!(kept, "");
}

async fn hostile_input_is_escaped_or_refused(backend: Backend) {
    let app = admin_app(backend).await;
    let [winner, _] = decided(&app).await;
    let entry = draft(&app, winner).await;
    let path = format!("/sekretariat/bibliotek/{entry}");
    let title = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    assert_eq!(
        app.submit_form(
            &path,
            &edited(title, "<a href=\"javascript:alert(3)\">x</a>")
        )
        .await
        .status(),
        303
    );
    publish(&app, entry).await;
    for page in [
        format!("/bibliotek/{entry}"),
        "/bibliotek".into(),
        "/".into(),
        path.clone(),
    ] {
        let html = app.get_html(&page).await;
        assert!(!html.contains("<script>alert(1)"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("<a href=\"javascript"), "{page}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
    }
    let feed = app.get("/bibliotek/nye.atom").await.text().await.unwrap();
    assert!(feed.contains("<entry>"), "{feed}");
    assert!(
        !feed.contains("<script>") && !feed.contains("<img"),
        "{feed}"
    );
    let search = app
        .get_html("/bibliotek?sok=%22%3E%3Cscript%3Ealert(9)%3C/script%3E")
        .await;
    assert!(!search.contains("<script>alert(9)"));

    // A field longer than allowed is refused on the field; a body beyond the server's
    // limit is refused before it is read.
    let long = "x".repeat(8_001);
    let response = app.submit_form(&path, &edited("Tittel", &long)).await;
    assert_eq!(response.status(), 422);
    let huge = "x".repeat(2 * 1024 * 1024);
    let response = app.submit_form(&path, &edited("Tittel", &huge)).await;
    assert_eq!(response.status(), 413);
    let page = app.get_html(&format!("/bibliotek/{entry}")).await;
    assert!(page.contains("alert(1)"), "the entry is unchanged");
}

async fn two_drafts_at_once_make_one_entry(backend: Backend) {
    use bedre_stat::services::library;
    let app = admin_app(backend).await;
    let [winner, _] = decided(&app).await;
    let drafts = (0..4).map(|_| library::draft_from_nomination(&app.db, winner, Actor::Cli));
    let ids: Vec<i32> = futures_util::future::join_all(drafts)
        .await
        .into_iter()
        .map(|drafted| drafted.unwrap().unwrap())
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    assert_eq!(app.audit_count("library.drafted").await, 1);
}
