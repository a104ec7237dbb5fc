//! The secretariat triages a tip and searches, in a real browser with JavaScript off.

use crate::accessibility::sign_in;
use crate::seed;
use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretariat_triages_a_tip_and_finds_it_again() {
    let app = spawn_app(Backend::Sqlite).await;
    seed::seed(&app).await;
    let mut tip = bedre_stat_test_support::valid_tip();
    tip["reason"] = "De samlet innkjøpene av fakturaløsninger.".into();
    assert_eq!(app.post_json("/api/v1/tips", &tip).await.status(), 201);
    in_browser(
        "the_secretariat_triages_a_tip_and_finds_it_again",
        Js::Disabled,
        |client| async move {
            sign_in(&client, &app.address, seed::ADMIN).await;
            goto(&client, &app.url("/sekretariat/tips")).await;
            click_and_wait_for_new_page(&client, "#tips tbody a").await;
            assert!(text_of(&client, "#tip-state").await.contains("Nytt"));
            assert!(
                text_of(&client, "#tip-details")
                    .await
                    .contains("De samlet innkjøpene av fakturaløsninger.")
            );

            click_and_wait_for_new_page(&client, "#start-review").await;
            assert!(text_of(&client, "#flash").await.contains("Under vurdering"));

            // Closing without a reason: the field says so; with one, the tip is closed.
            click_and_wait_for_new_page(&client, "form[action$='/lukk'] button").await;
            wait_for(&client, "#error-summary").await;
            type_into(&client, "closed_reason", "Allerede nominert i fjor.").await;
            click_and_wait_for_new_page(&client, "form[action$='/lukk'] button").await;
            assert!(text_of(&client, "#flash").await.contains("«Lukket»"));
            assert!(
                text_of(&client, "#tip-closed-reason")
                    .await
                    .contains("Allerede nominert i fjor.")
            );
            assert!(find_all(&client, "form[action$='/lukk']").await.is_empty());

            // Found again by an inflected form, with the passage marked.
            goto(&client, &app.url("/sekretariat/sok")).await;
            type_into(&client, "q", "innkjøp").await;
            click_and_wait_for_new_page(&client, "form[role=search] button").await;
            assert_eq!(text_of(&client, "#search-results mark").await, "innkjøpene");
            click_and_wait_for_new_page(&client, "#search-results a").await;
            assert!(current_url(&client).await.contains("/sekretariat/tips/"));
            assert!(text_of(&client, "#tip-state").await.contains("Lukket"));
        },
    )
    .await;
}
