//! The printable jury report on A4 portrait: laid out as Chromium prints it (print media,
//! the width of an A4 page inside its margins), no table or text reaches past the page,
//! however long a nomination's title or a juror's words.

use crate::accessibility::sign_in;
use crate::seed;
use crate::support::*;
use bedre_stat::db::schema::nominations;
use bedre_stat_test_support::{Backend, spawn_app};
use diesel::prelude::*;
use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::json;

/// A Chrome DevTools command through chromedriver (`goog/cdp/execute`): WebDriver itself
/// cannot switch a page to print media.
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &reqwest::Url,
        session_id: Option<&str>,
    ) -> Result<reqwest::Url, <reqwest::Url as std::str::FromStr>::Err> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &reqwest::Url) -> (reqwest::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (reqwest::Method::POST, Some(body.to_string()))
    }
}

/// A4 is 210 mm wide; the report's `@page` leaves 12 mm on each side: 186 mm at 96 px/in.
const A4_CONTENT_WIDTH_PX: u32 = 703;

/// What reaches past the right edge of the page, and the report's `@page` size.
const OVERFLOW: &str = r#"
const width = document.documentElement.clientWidth;
const past = [...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1
               && getComputedStyle(e).overflowX !== 'visible' && e.clientWidth > 0)
  .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right));
const pages = [...document.styleSheets].flatMap(s => [...s.cssRules])
  .filter(r => r instanceof CSSPageRule).map(r => r.style.getPropertyValue('size'));
return { width, past, pages, wide: document.documentElement.scrollWidth };
"#;

async fn print_media(client: &Client) {
    client
        .issue_cmd(Cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": "print" }),
        ))
        .await
        .expect("print media through chromedriver");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_printed_report_fits_a4_portrait() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    let round = seeded.discussion_round;
    // A title as long as a real one can get, with a word longer than a column.
    app.db
        .write(move |conn| {
            diesel::update(nominations::table.filter(nominations::round_id.eq(round)))
                .set(
                    nominations::title.eq("Digitaliseringsdirektoratets fellesløsning for \
                     saksbehandlingssystemintegrasjonsplattformer med Altinn og ID-porten"),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    in_browser(
        "the_printed_report_fits_a4",
        Js::Enabled,
        |client| async move {
            sign_in(&client, &app.address, seed::ADMIN).await;
            client
                .set_window_size(A4_CONTENT_WIDTH_PX, 1100)
                .await
                .expect("window size");
            goto(
                &client,
                &app.url(&format!("/sekretariat/runder/{round}/rapport")),
            )
            .await;
            wait_for(&client, "#figures tbody tr").await;
            // The pictures are in the report too, within the page.
            wait_for(&client, "#chart-heatmap svg").await;
            assert_eq!(find_all(&client, "figure.chart-strip svg").await.len(), 3);
            print_media(&client).await;
            let measured = run_js(&client, OVERFLOW, vec![]).await;
            let width = measured["width"].as_u64().unwrap();
            assert!(
                (600..=A4_CONTENT_WIDTH_PX as u64).contains(&width),
                "the page is laid out {width} px wide"
            );
            // (Chromium writes `A4 portrait` as `a4`: portrait is A4's own orientation.)
            assert_eq!(measured["pages"], json!(["a4"]), "{measured}");
            assert_eq!(measured["past"], json!([]), "cut off on A4: {measured}");
            assert!(measured["wide"].as_u64().unwrap() <= width, "{measured}");
        },
    )
    .await;
}
