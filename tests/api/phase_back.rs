//! Moving a round back from the discussion to scoring: not silently — a reason is
//! required, the move is audited, and the results page says that it happened and why.

use crate::decision_support::{browser_for, seed};
use bedre_stat::db;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, csrf_token_in, spawn_app};

on_both_backends!(moving_a_round_back_needs_a_reason_and_is_shown_on_the_results);

async fn moving_a_round_back_needs_a_reason_and_is_shown_on_the_results(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let round = seeded.round_id;
    let admin = browser_for(&app, &seeded.admin_email).await;
    let page_path = format!("/sekretariat/runder/{round}");
    let page = admin
        .get(app.url(&page_path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("name=\"phase_back_reason\""),
        "the form has the field"
    );
    let token = csrf_token_in(&page);
    let post = |reason: &'static str| {
        let (admin, url, token) = (admin.clone(), app.url(&page_path), token.clone());
        async move {
            admin
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("website", ""),
                    ("nomination_deadline", "2026-10-01"),
                    ("jury_deadline", ""),
                    ("conference_date", ""),
                    ("round_phase", "scoring"),
                    ("phase_back_reason", reason),
                    ("disagreement_threshold", "1,5"),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let phase = || async {
        app.db
            .read(move |conn| Ok(db::rounds::find(conn, round)?.phase.code()))
            .await
            .unwrap()
    };

    let silent = post("   ").await;
    assert_eq!(silent.status(), 422);
    let refused = silent.text().await.unwrap();
    assert!(
        refused.contains("Skriv hvorfor runden flyttes tilbake"),
        "a clear message"
    );
    assert_eq!(phase().await, "discussion", "nothing changed");

    let explained = post("Ett jurymedlem hadde ikke levert alle vurderingene.").await;
    assert_eq!(explained.status(), 303);
    assert_eq!(phase().await, "scoring");
    let actions = app
        .db
        .read(move |conn| Ok(db::audit::actions_for(conn, &format!("round:{round}"))?))
        .await
        .unwrap();
    assert!(
        actions.contains(&"round.phase_moved_back".to_owned()),
        "{actions:?}"
    );

    let results = admin
        .get(app.url(&format!("/sekretariat/runder/{round}/resultater")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        results.contains("Runden ble flyttet tilbake fra fasen «diskusjon»"),
        "{results}"
    );
    assert!(results.contains("Ett jurymedlem hadde ikke levert alle vurderingene."));
    assert!(results.contains("Sara Sekretær"), "who did it");
    let report = admin
        .get(app.url(&format!("/sekretariat/runder/{round}/rapport")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(report.contains("Ett jurymedlem hadde ikke levert alle vurderingene."));
}
