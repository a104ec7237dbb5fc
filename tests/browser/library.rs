//! The secretariat publishes a finalist to the library of good examples, in a real browser
//! with JavaScript off, and the public finds it there and on the home page.

use crate::accessibility::sign_in;
use crate::seed;
use crate::support::*;
use bedre_stat::db::decisions::{DecisionKind, NewDecision};
use bedre_stat::db::{self, schema};
use bedre_stat_test_support::{Backend, TestApp, spawn_app};
use diesel::prelude::*;

/// Makes every nomination of the round a finalist and the first the winner; returns the
/// nominations' ids, the winner first.
pub(crate) async fn decide(app: &TestApp, round_id: i32) -> Vec<i32> {
    let admin = app.user_id(seed::ADMIN).await;
    app.db
        .write(move |conn| {
            let ids: Vec<i32> = schema::nominations::table
                .filter(schema::nominations::round_id.eq(round_id))
                .order(schema::nominations::id)
                .select(schema::nominations::id)
                .load(conn)?;
            for (kind, chosen) in [
                (DecisionKind::Finalists, ids.clone()),
                (DecisionKind::Winner, vec![ids[0]]),
            ] {
                db::decisions::insert(
                    conn,
                    &NewDecision {
                        round_id,
                        kind,
                        rationale: "Begrunnelse.",
                        departs_from_ranking: false,
                        decided_by: admin,
                        nomination_ids: &chosen,
                        absences: &[],
                    },
                )?;
            }
            Ok(ids)
        })
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretariat_publishes_a_winner_to_the_library() {
    let app = spawn_app(Backend::Sqlite).await;
    let seeded = seed::seed(&app).await;
    decide(&app, seeded.scoring_round).await;
    in_browser(
        "the_secretariat_publishes_a_winner_to_the_library",
        Js::Disabled,
        |client| async move {
            sign_in(&client, &app.address, seed::ADMIN).await;
            goto(&client, &app.url("/sekretariat")).await;
            click_and_wait_for_new_page(&client, "#work-links a[href='/sekretariat/bibliotek']")
                .await;
            assert_eq!(
                find_all(&client, "#library-candidates tbody tr")
                    .await
                    .len(),
                2
            );
            click_and_wait_for_new_page(&client, "#library-candidates tbody tr button").await;
            assert!(
                text_of(&client, "#flash")
                    .await
                    .contains("Utkastet er laget")
            );
            assert!(
                text_of(&client, "#library-state")
                    .await
                    .contains("Ikke publisert")
            );

            // Edited for the public; a required field left empty is said on the field.
            type_into(&client, "library_summary", "").await;
            submit_form(&client).await;
            wait_for(&client, "#error-summary").await;
            type_into(
                &client,
                "library_title",
                "Kontroll med sensorer langs veien",
            )
            .await;
            type_into(
                &client,
                "library_summary",
                "Sensorer velger ut hvem som kontrolleres.",
            )
            .await;
            submit_form(&client).await;
            assert!(text_of(&client, "#flash").await.contains("lagret"));

            click_and_wait_for_new_page(&client, "form[action$='/publiser'] button").await;
            assert!(text_of(&client, "#flash").await.contains("publisert"));
            assert!(
                text_of(&client, "#library-state")
                    .await
                    .contains("Publisert")
            );

            // The public: the home page names the winner and leads to the library.
            client.delete_all_cookies().await.unwrap();
            goto(&client, &app.url("/")).await;
            assert!(
                text_of(&client, "#showcase-heading")
                    .await
                    .contains("Vinner og finalister")
            );
            click_and_wait_for_new_page(&client, ".library-showcase a").await;
            assert_eq!(
                text_of(&client, "main h1").await,
                "Kontroll med sensorer langs veien"
            );
            assert!(text_of(&client, "main").await.contains("Vinner"));

            // Found by a search in the library.
            goto(&client, &app.url("/bibliotek")).await;
            type_into(&client, "sok", "sensoren").await;
            click_and_wait_for_new_page(&client, "form[role=search] button").await;
            assert_eq!(find_all(&client, ".library-list li").await.len(), 1);
            type_into(&client, "sok", "vindmølle").await;
            click_and_wait_for_new_page(&client, "form[role=search] button").await;
            assert!(find_all(&client, ".library-list li").await.is_empty());
        },
    )
    .await;
}
