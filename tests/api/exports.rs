//! What leaves the portal for other programs and people: the scores export read by
//! outside readers (openpyxl for the xlsx, Python's own csv module for the CSV, as
//! Norwegian Excel reads it), a bad id in a URL, and the tip forwarded to the secretariat.

use crate::decision_support::{PASSWORD, TRICKY, seed};
use bedre_stat::db::{self, schema};
use bedre_stat::format::oslo;
use bedre_stat::i18n::Lang;
use bedre_stat_test_support::fixtures::ScoreFixture;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, spawn_app, valid_tip};
use diesel::prelude::*;
use serde_json::{Value, json};
use std::process::{Command, Stdio};
use std::time::Duration;

on_both_backends!(
    the_xlsx_and_the_csv_list_the_same_typed_scores,
    a_segment_that_is_no_id_is_the_translated_404_page_and_a_bad_query_the_400_page,
    the_forwarded_tip_is_in_bokmaal_to_the_secretariat_the_receipt_in_the_tipsters_language,
);

/// The xlsx and the CSV as outside readers see them: per sheet row, each cell as
/// `[python type, value]` (times in ISO form), and the CSV's records as text, split on `;`.
fn read_with_python(xlsx: &[u8], csv: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx_path, csv_path) = (dir.path().join("poeng.xlsx"), dir.path().join("poeng.csv"));
    std::fs::write(&xlsx_path, xlsx).unwrap();
    std::fs::write(&csv_path, csv).unwrap();
    let script = r#"
import csv, datetime, json, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
def cell(v):
    return [type(v).__name__, v.isoformat() if isinstance(v, datetime.datetime) else v]
rows = [[cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
with open(sys.argv[2], newline="", encoding="utf-8-sig") as f:
    records = list(csv.reader(f, delimiter=";"))
json.dump({"title": sheet.title, "freeze": sheet.freeze_panes, "filter": sheet.auto_filter.ref,
           "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
           "xlsx": rows, "csv": records}, sys.stdout)
"#;
    let child = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(&xlsx_path)
        .arg(&csv_path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with openpyxl (scripts/test installs it)");
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the outside readers refused the exports: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

async fn the_xlsx_and_the_csv_list_the_same_typed_scores(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let round_id = seeded.round_id;
    let (juror, nomination) = (
        seeded.conflicted_juror().0,
        seeded.conflicted_nomination().0,
    );
    // A weight with decimals, and a score from a juror the policy leaves out.
    let score_times = app
        .db
        .write(move |conn| {
            let criterion = db::jury::criteria_for(conn, round_id)?[0].id;
            diesel::update(schema::criteria::table.find(criterion))
                .set(schema::criteria::weight.eq(1.5))
                .execute(conn)?;
            ScoreFixture::by(juror, nomination, criterion)
                .value(5)
                .justification("Gitt før inhabiliteten")
                .insert(conn)?;
            Ok(schema::scores::table
                .select(schema::scores::updated_at)
                .load::<chrono::NaiveDateTime>(conn)?)
        })
        .await
        .unwrap();
    // Each score's time as the exports write it: Norwegian time, to the minute.
    let times: Vec<String> = score_times
        .iter()
        .map(|t| oslo(*t).format("%Y-%m-%dT%H:%M").to_string())
        .collect();

    let response = app
        .get(&format!("/sekretariat/runder/{round_id}/poeng.xlsx"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        response.headers()["content-disposition"],
        format!("attachment; filename=\"poeng-2031-runde-{round_id}.xlsx\"").as_str()
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let xlsx = response.bytes().await.unwrap();
    let csv = app
        .get(&format!("/sekretariat/runder/{round_id}/poeng.csv"))
        .await
        .bytes()
        .await
        .unwrap();
    assert!(csv.starts_with("\u{feff}".as_bytes()), "a byte-order mark");
    let read = read_with_python(&xlsx, &csv);

    assert_eq!(read["title"], Lang::Nb.text("exports-sheet-scores"));
    assert_eq!(read["freeze"], "A2", "the header row stays in view");
    assert_eq!(read["filter"], format!("A1:J{}", score_times.len() + 1));
    assert!(
        read["widths"]["G"].as_f64().unwrap() > 50.0,
        "{}",
        read["widths"]
    );
    let (sheet, records) = (
        read["xlsx"].as_array().unwrap(),
        read["csv"].as_array().unwrap(),
    );
    assert_eq!(
        sheet.len(),
        score_times.len() + 1,
        "a header and every score"
    );
    assert_eq!(records.len(), sheet.len(), "the CSV lists the same rows");
    let header: Vec<&Value> = sheet[0].as_array().unwrap().iter().map(|c| &c[1]).collect();
    assert_eq!(json!(header), records[0]);
    assert_eq!(records[0][9], Lang::Nb.text("decisions-csv-excluded"));

    let (yes, no) = (
        Lang::Nb.text("decisions-yes"),
        Lang::Nb.text("decisions-no"),
    );
    let mut seen = (false, false);
    for (cells, record) in sheet[1..].iter().zip(&records[1..]) {
        let text = |i: usize| record[i].as_str().unwrap();
        // The names and flags as text, the same in both.
        for i in [0, 1, 2, 3, 8, 9] {
            assert_eq!(cells[i], json!(["str", text(i)]), "column {i}");
        }
        // The weight and the score as numbers; the CSV with a decimal comma.
        assert!(["int", "float"].contains(&cells[4][0].as_str().unwrap()));
        let weight = cells[4][1].as_f64().unwrap();
        assert_eq!(text(4).replace(',', ".").parse::<f64>().unwrap(), weight);
        assert_eq!(cells[5][0], "int", "{cells:?}");
        assert_eq!(cells[5][1].as_i64().unwrap().to_string(), text(5));
        if cells[3][1] == "Styring" {
            assert_eq!((weight, text(4)), (1.5, "1,5"));
        }
        // The xlsx keeps the text as it is (a text cell is never a formula); the CSV
        // defuses it.
        let justification = cells[6][1].as_str().unwrap();
        if justification.starts_with('=') {
            assert_eq!(justification, TRICKY);
            assert_eq!(text(6), format!("'{TRICKY}"));
            seen.0 = true;
        } else {
            assert_eq!(justification, text(6));
        }
        // The time as a date and time, in Norwegian time.
        assert_eq!(cells[7][0], "datetime");
        let time = &cells[7][1].as_str().unwrap()[..16];
        assert!(times.iter().any(|t| t == time), "{time} not in {times:?}");
        assert_eq!(text(7), time.replace('T', " "));
        // Left out of the figures exactly where the policy says so.
        let conflicted = justification == "Gitt før inhabiliteten";
        assert_eq!(text(9), if conflicted { &yes } else { &no });
        seen.1 |= conflicted;
    }
    assert_eq!(seen, (true, true), "the tricky and the conflicted score");

    // The default criteria's names in the reader's language.
    app.choose_language("en").await;
    let english = app
        .get(&format!("/sekretariat/runder/{round_id}/poeng.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(english.contains("Governance") && !english.contains("Styring"));
    app.choose_language("nb").await;

    // Another round's number: nothing.
    assert_eq!(
        app.get("/sekretariat/runder/9999/poeng.xlsx")
            .await
            .status(),
        404
    );
}

async fn a_segment_that_is_no_id_is_the_translated_404_page_and_a_bad_query_the_400_page(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let r = seeded.round_id;
    let juror = app.browser_logged_in(&seeded.jurors[0].1, PASSWORD).await;
    for (lang, code) in [(Lang::Nb, "nb"), (Lang::Nn, "nn")] {
        app.choose_language(code).await;
        for path in [
            "/sekretariat/runder/abc".to_owned(),
            "/sekretariat/runder/abc/poeng.xlsx".to_owned(),
            "/sekretariat/runder/1.5/rapport".to_owned(),
            format!("/sekretariat/runder/{r}9999999999/resultater"),
            format!("/sekretariat/runder/{r}/poeng.exe"),
            "/sekretariat/nominasjoner/xyz".to_owned(),
        ] {
            assert_the_not_found_page(app.get(&path).await, lang, &path).await;
        }
        // A query string that does not parse: the translated 400 page.
        for path in [
            "/bibliotek?aar=2026&aar=2027",
            "/bibliotek/nye.atom?lang=nn&lang=en",
            "/sprak?tilbake=/",
        ] {
            let response = app.get(path).await;
            assert_the_error_page(response, (400, "error-bad-request"), lang, path).await;
        }
    }
    let response = juror
        .get(app.url("/jury/nominasjoner/xyz"))
        .send()
        .await
        .unwrap();
    assert_the_not_found_page(response, Lang::Nb, "/jury/nominasjoner/xyz").await;
}

/// The 404 page, as HTML in the language chosen (never actix's plain text).
async fn assert_the_not_found_page(response: reqwest::Response, lang: Lang, path: &str) {
    assert_the_error_page(response, (404, "error-not-found"), lang, path).await;
}

/// An error page with `status`, as HTML with the text of `message_id` in the language
/// chosen (never actix's plain text).
async fn assert_the_error_page(
    response: reqwest::Response,
    (status, message_id): (u16, &str),
    lang: Lang,
    path: &str,
) {
    assert_eq!(response.status(), status, "{path}");
    let content_type = response.headers()["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("text/html"),
        "{path}: {content_type}"
    );
    let body = response.text().await.unwrap();
    let message = lang.text(message_id);
    assert!(body.contains(&message), "{path} ({lang:?}):\n{body}");
}

async fn the_forwarded_tip_is_in_bokmaal_to_the_secretariat_the_receipt_in_the_tipsters_language(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let mut tip = valid_tip();
    tip["tipster_name"] = json!("Kari Tipsar");
    tip["tipster_email"] = json!("kari.tipsar@example.no");
    tip["may_contact"] = json!(true);
    let response = app.post_json_lang("/api/v1/tips", &tip, "nn").await;
    assert_eq!(response.status(), 201);
    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let to = |address: &str| {
        mails
            .iter()
            .find(|m| m.envelope_to == address)
            .unwrap_or_else(|| panic!("a mail to {address}"))
    };
    let created_at = app
        .db
        .read(|conn| {
            Ok(schema::tips::table
                .select(schema::tips::created_at)
                .first::<chrono::NaiveDateTime>(conn)?)
        })
        .await
        .unwrap();

    let forward = to("bedre-stat@dfo.no");
    let html = forward.html.as_deref().unwrap();
    for body in [forward.text.as_str(), html] {
        // Bokmål, about the tipster (not "your name" as the form asks it).
        assert!(
            body.contains(&Lang::Nb.text("email-tip-forward-intro")),
            "{body}"
        );
        assert!(body.contains("Tipserens navn: Kari Tipsar"), "{body}");
        assert!(body.contains("Tipserens e-postadresse: kari.tipsar@example.no"));
        assert!(body.contains(&Lang::Nb.text("email-tip-may-contact-yes")));
        for form_label in [
            "field-tipster_name",
            "field-tipster_email",
            "field-initiative",
        ] {
            for lang in [Lang::Nb, Lang::Nn] {
                assert!(
                    !body.contains(&lang.text(form_label)),
                    "{form_label}: {body}"
                );
            }
        }
        assert!(!body.contains("Namnet ditt") && !body.contains("UTC"));
        // The time in Norwegian time, written the Norwegian way.
        let received = bedre_stat::format::date_time(Lang::Nb, created_at);
        assert!(body.contains(&received), "{received} in {body}");
    }
    assert!(
        forward
            .subject
            .starts_with("Nytt tips til Bedre stat-prisen")
    );
    assert_eq!(
        forward.reply_to.as_deref(),
        Some("kari.tipsar@example.no"),
        "answerable straight to the tipster"
    );

    // The receipt stays in the tipster's language.
    let receipt = to("kari.tipsar@example.no");
    assert!(
        receipt
            .text
            .contains(&Lang::Nn.text("email-tip-receipt-body")),
        "{}",
        receipt.text
    );
}
