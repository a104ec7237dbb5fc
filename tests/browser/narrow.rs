//! Issue 8 §9: at 390 px (a phone) no page scrolls sideways. Every public page and, signed
//! in as a juror and as the secretariat (seeded as the accessibility test does), every
//! staff page is opened in a 390 px wide viewport, in bokmål and nynorsk (nynorsk's words
//! are often longer), and the document must be no wider than the viewport. Wide tables
//! either become stacked cards or scroll inside their own labelled region, which does not
//! widen the page.

use crate::accessibility::sign_in;
use crate::seed;
use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};
use fantoccini::Client;
use serde_json::json;

const WIDTH: u32 = 390;

/// Makes the viewport (not the window) 390 px wide, whatever the window's frame takes.
async fn narrow_viewport(client: &Client) {
    client
        .set_window_size(WIDTH, 844)
        .await
        .expect("resizing the window");
    let inner = run_js(client, "return window.innerWidth;", vec![]).await;
    let inner = inner.as_u64().expect("a width") as u32;
    if inner != WIDTH {
        client
            .set_window_size(WIDTH + WIDTH - inner, 844)
            .await
            .expect("resizing the window");
    }
    let inner = run_js(client, "return window.innerWidth;", vec![]).await;
    assert_eq!(inner, json!(WIDTH), "the viewport is {WIDTH} px wide");
}

/// The page's width beyond the viewport, with the elements that stick out, or `None`.
async fn too_wide(client: &Client, page: &str) -> Option<String> {
    let found = run_js(
        client,
        "const width = document.documentElement.scrollWidth;
         const view = document.documentElement.clientWidth;
         if (width <= arguments[0]) { return null; }
         // The outermost elements whose right edge passes the viewport.
         const out = [...document.body.querySelectorAll('*')]
           .filter(e => e.getBoundingClientRect().right > view + 0.5)
           .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= view + 0.5)
           .slice(0, 5)
           .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
                ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
         return width + ' px wide: ' + out.join(', ');",
        vec![json!(WIDTH)],
    )
    .await;
    found.as_str().map(|text| format!("{page}: {text}"))
}

async fn check(client: &Client, url: &str, page: &str) -> Option<String> {
    goto(client, url).await;
    too_wide(client, page).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_scrolls_sideways_at_390_px() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    for _ in 0..2 {
        let tip = bedre_stat_test_support::valid_tip();
        assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 201);
    }
    let (tip, criterion, juror) = app
        .db
        .read(move |conn| {
            use bedre_stat::db;
            let tip = db::tips::list(conn, db::tips::Listed::Latest(1))?[0].id;
            let criterion = db::jury::criteria_for(conn, seeded.scoring_round)?[0].id;
            let juror = db::users::find_by_email(conn, seed::JUROR)?
                .expect("the seeded juror")
                .id;
            Ok((tip, criterion, juror))
        })
        .await
        .unwrap();
    in_browser(
        "no_page_scrolls_sideways",
        Js::Enabled,
        |client| async move {
            narrow_viewport(&client).await;
            let (round, discussion) = (seeded.scoring_round, seeded.discussion_round);
            let nomination = seeded.scoring_nomination;
            let public_pages = [
                "/",
                "/nominer",
                "/tips",
                "/personvern",
                "/tilgjengelighet",
                "/bibliotek",
                "/bibliotek/data",
                "/logg-inn",
                "/glemt-passord",
                "/finnes-ikke",
            ];
            let juror_pages = [
                "/jury".to_owned(),
                "/jury/tilknytninger".to_owned(),
                "/konto/totp".to_owned(),
                format!("/jury/nominasjoner/{nomination}"),
                format!("/jury/runder/{discussion}/resultater"),
            ];
            let admin_pages = [
                "/sekretariat".to_owned(),
                "/sekretariat/runder".to_owned(),
                format!("/sekretariat/runder/{round}"),
                format!("/sekretariat/runder/{round}/kriterier/{criterion}"),
                format!("/sekretariat/runder/{round}/nominasjoner"),
                format!("/sekretariat/nominasjoner/{nomination}"),
                "/sekretariat/habilitet".to_owned(),
                format!("/sekretariat/habilitet/{juror}/{nomination}"),
                "/sekretariat/logg".to_owned(),
                "/sekretariat/epost".to_owned(),
                "/sekretariat/tips".to_owned(),
                format!("/sekretariat/tips/{tip}"),
                "/sekretariat/sok?q=kontrollene".to_owned(),
                "/sekretariat/nominasjoner".to_owned(),
                "/sekretariat/bibliotek".to_owned(),
                "/sekretariat/bibliotek/ny".to_owned(),
                format!("/sekretariat/runder/{discussion}/resultater"),
                format!("/sekretariat/runder/{discussion}/rapport"),
                "/konto/totp".to_owned(),
            ];
            let mut wide = Vec::new();
            for lang in ["nb", "nn"] {
                goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
                for path in public_pages {
                    let page = format!("{path} ({lang})");
                    wide.extend(check(&client, &app.url(path), &page).await);
                }
                for path in ["/nominer", "/tips"] {
                    goto(&client, &app.url(path)).await;
                    submit_form(&client).await;
                    wait_for(&client, "#error-summary").await;
                    wide.extend(too_wide(&client, &format!("{path} with errors ({lang})")).await);
                }
            }
            for (email, pages) in [
                (seed::JUROR, &juror_pages[..]),
                (seed::ADMIN, &admin_pages[..]),
            ] {
                sign_in(&client, &app.address, email).await;
                for lang in ["nb", "nn"] {
                    goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
                    for path in pages {
                        let url = app.url(path);
                        goto(&client, &url).await;
                        let at = current_url(&client).await;
                        assert!(at.ends_with(path.as_str()), "{path} ({lang}) led to {at}");
                        wide.extend(too_wide(&client, &format!("{path} ({lang})")).await);
                    }
                }
            }
            assert!(
                wide.is_empty(),
                "{} pages scroll sideways at {WIDTH} px:\n{}",
                wide.len(),
                wide.join("\n")
            );
            // Control: an element wider than the viewport is found, so "none" means none.
            run_js(
                &client,
                "const wide = document.createElement('div');
             wide.id = 'too-wide';
             wide.style.width = '600px';
             wide.style.height = '1px';
             document.querySelector('main').append(wide);",
                vec![],
            )
            .await;
            let control = too_wide(&client, "control").await;
            assert!(
                control.as_deref().is_some_and(|c| c.contains("too-wide")),
                "a 600 px element was not found: {control:?}"
            );
        },
    )
    .await;
}
