//! The secretariat's and the jury's desk in a real browser: the scoring page is compact
//! enough to use in an evening (its height measured at 1280 px wide) and nothing scrolls
//! sideways on a phone (390 px); the dashboard shows the round at a glance.

use crate::accessibility::sign_in;
use crate::seed;
use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};
use fantoccini::Client;
use serde_json::json;

/// The page's full height and whether it is wider than the window, in CSS pixels.
async fn page_size(client: &Client) -> (u64, bool) {
    let size = run_js(
        client,
        "const root = document.documentElement;
         return [root.scrollHeight, root.scrollWidth > root.clientWidth];",
        vec![],
    )
    .await;
    (
        size[0].as_u64().unwrap_or_default(),
        size[1].as_bool().unwrap_or(true),
    )
}

/// Before issue 8 the page was about 6,500 px tall at 1280 px wide (7 criteria, each with
/// six long radio labels, below the nomination as an unstyled list).
const MAX_SCORING_HEIGHT: u64 = 3_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scoring_page_fits_an_evening_and_a_phone() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    in_browser("scoring_page_size", Js::Enabled, |client| async move {
        sign_in(&client, &app.address, seed::JUROR).await;
        let scoring = app.url(&format!("/jury/nominasjoner/{}", seeded.scoring_nomination));
        client.set_window_size(1280, 900).await.unwrap();
        goto(&client, &scoring).await;
        wait_for(&client, "form.form input[type=radio]").await;
        let (height, sideways) = page_size(&client).await;
        eprintln!("scoring page at 1280 px: {height} px tall");
        assert!(!sideways, "the scoring page scrolls sideways at 1280 px");
        assert!(
            height < MAX_SCORING_HEIGHT,
            "the scoring page is {height} px tall at 1280 px (at most {MAX_SCORING_HEIGHT})"
        );
        client.set_window_size(390, 844).await.unwrap();
        goto(&client, &scoring).await;
        let (height, sideways) = page_size(&client).await;
        eprintln!("scoring page at 390 px: {height} px tall");
        assert!(!sideways, "the scoring page scrolls sideways at 390 px");
        // With errors, each says what to do.
        client.set_window_size(1280, 900).await.unwrap();
        goto(&client, &scoring).await;
        click_and_wait_for_new_page(&client, "form.form button[name=action][value=submit]").await;
        wait_for(&client, "#error-summary").await;
        let summary = text_of(&client, "#error-summary").await;
        assert!(
            summary.contains("Velg en poengsum for Styring"),
            "the error says what to do: {summary}"
        );
        let (height, _) = page_size(&client).await;
        eprintln!("scoring page with errors at 1280 px: {height} px tall");
        assert_eq!(run_js(&client, "return 1", vec![]).await, json!(1));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_shows_the_round_and_takes_the_next_step() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    in_browser("dashboard", Js::Disabled, |client| async move {
        sign_in(&client, &app.address, seed::ADMIN).await;
        goto(&client, &app.url("/sekretariat")).await;
        let round = seeded.scoring_round;
        let matrix = text_of(&client, &format!("#jury-matrix-{round}")).await;
        // Anne's affiliation flags the first nomination; Bjørn declared a conflict on it.
        assert!(matrix.contains("Inhabil"), "{matrix}");
        assert!(matrix.contains("Ikke påbegynt"), "{matrix}");
        client.set_window_size(390, 844).await.unwrap();
        goto(&client, &app.url("/sekretariat")).await;
        let (_, sideways) = page_size(&client).await;
        let wide = run_js(
            &client,
            "return [...document.querySelectorAll('body *')]
               .filter(e => !e.parentElement.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth)
               .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)
               .concat([document.documentElement.scrollWidth, document.documentElement.clientWidth,
                 ...[...document.querySelectorAll('body *')].filter(e => e.scrollWidth > 380 && !e.parentElement.closest('.table-scroll')).map(e => e.tagName + '.' + e.className + ':' + e.scrollWidth + '/' + e.clientWidth)]);",
            vec![],
        )
        .await;
        assert!(!sideways, "the dashboard scrolls sideways at 390 px: {wide}");
        client.set_window_size(1280, 900).await.unwrap();
        // The next step, without JavaScript: the round moves on to the discussion.
        let button = format!("form[action='/sekretariat/runder/{round}/fase/scoring'] button");
        click_and_wait_for_new_page(&client, &button).await;
        let flash = text_of(&client, "main").await;
        assert!(flash.contains("Runden er flyttet til neste fase."), "{flash}");
        assert!(
            find_all(&client, &format!("form[action='/sekretariat/runder/{round}/fase/discussion']"))
                .await
                .len()
                == 1
        );
    })
    .await;
}
