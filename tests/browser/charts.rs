//! The results page's pictures as Chromium draws them: every SVG laid out with a size and
//! an accessible name from its title and description, inside the page at a phone's width
//! (scrolling in its own region, so its text stays readable) and at a desktop's, and the numbers behind each picture one click away.

use crate::accessibility::sign_in;
use crate::seed;
use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};
use serde_json::json;

/// Each picture's size and accessible name (title + description, as `aria-labelledby`
/// composes it), and what of the pictures reaches past the page outside a scrolling region.
const PICTURES: &str = r#"
const width = document.documentElement.clientWidth;
return {
  width,
  wide: document.documentElement.scrollWidth,
  past: [...document.querySelectorAll('main *')]
    .filter(e => e.closest('#charts') && !e.closest('.table-scroll'))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)),
  pictures: [...document.querySelectorAll('figure.chart svg')].map(svg => {
    const r = svg.getBoundingClientRect();
    const name = svg.getAttribute('aria-labelledby').split(' ')
      .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    return { id: svg.closest('figure').id, role: svg.getAttribute('role'),
             w: Math.round(r.width), h: Math.round(r.height), right: Math.round(r.right), name };
  }),
};
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_results_page_shows_its_pictures() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    let round = seeded.discussion_round;
    in_browser(
        "the_results_page_shows_its_pictures",
        Js::Enabled,
        |client| async move {
            sign_in(&client, &app.address, seed::ADMIN).await;
            for (width, height) in [(1280, 900), (390, 844)] {
                client
                    .set_window_size(width, height)
                    .await
                    .expect("window size");
                goto(
                    &client,
                    &app.url(&format!("/sekretariat/runder/{round}/resultater")),
                )
                .await;
                wait_for(&client, "#chart-heatmap svg").await;
                let measured = run_js(&client, PICTURES, vec![]).await;
                let pictures = measured["pictures"].as_array().unwrap();
                // The slope chart, the heatmap and a strip plot for each of three nominations.
                assert_eq!(pictures.len(), 5, "{measured}");
                for picture in pictures {
                    assert_eq!(picture["role"], json!("img"), "{picture}");
                    assert!(picture["w"].as_i64().unwrap() > 200, "{picture}");
                    assert!(picture["h"].as_i64().unwrap() > 50, "{picture}");
                    // At a phone's width a picture keeps a readable size and scrolls
                    // inside its region; at a desktop's it is drawn 1:1.
                    if width > 1000 {
                        assert_eq!(picture["w"].as_i64().unwrap(), 640, "{picture}");
                    } else {
                        assert!(picture["w"].as_i64().unwrap() >= 34 * 16, "{picture}");
                    }
                    let name = picture["name"].as_str().unwrap();
                    assert!(name.len() > 40, "a title and a description: {picture}");
                }
                assert!(pictures[0]["name"].as_str().unwrap().contains("Borda"));
                // Nothing of the pictures reaches past the page outside a scrolling region.
                assert_eq!(measured["past"], json!([]), "at {width} px: {measured}");
            }
            // The heatmap's numbers, one click away.
            let table = find(&client, "#heat-table").await;
            assert!(!table.is_displayed().await.unwrap());
            click(&client, "#chart-heatmap details > summary").await;
            assert!(table.is_displayed().await.unwrap());
            assert_eq!(find_all(&client, "#heat-table tbody tr").await.len(), 3);
            // Every juror's score is drawn: two jurors × seven criteria on each strip plot.
            let dots = find_all(&client, "figure.chart-strip circle").await.len();
            assert_eq!(dots, 3 * 2 * 7, "one dot per score");
        },
    )
    .await;
}
