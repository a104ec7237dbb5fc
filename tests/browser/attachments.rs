//! Attaching files to a nomination in a real browser (issue 9 §2): chosen through the file
//! input, listed on the receipt; a file over the limit refused on its field with the text
//! kept; and, with JavaScript off, the same form still posts its files.

use crate::journeys::NOMINATION;
use crate::support::*;
use bedre_stat_test_support::{Backend, spawn_app};
use fantoccini::Client;
use std::path::PathBuf;

/// A PDF of `len` bytes written to `dir` as `name`; its path.
pub(crate) fn pdf_file(dir: &tempfile::TempDir, name: &str, len: usize) -> PathBuf {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    bytes.resize(len.max(bytes.len()), b' ');
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Fills in the nomination form as a person would and chooses `files` in its file input.
pub(crate) async fn fill_nomination_with(client: &Client, files: &[PathBuf]) {
    for (name, value) in NOMINATION {
        type_into(client, name, value).await;
    }
    // A form shown again keeps the area ticked.
    let area = find(client, "#field-categories-kontroll").await;
    if !area.is_selected().await.unwrap() {
        area.click().await.unwrap();
    }
    let input = find(client, "#field-attachments").await;
    // Several files in one input: chromedriver takes the paths one per line.
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    input
        .send_keys(&paths.join("\n"))
        .await
        .expect("choosing the files");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_attaches_files_and_sees_them_on_the_receipt() {
    let app = spawn_app(Backend::Sqlite).await;
    for js in [Js::Enabled, Js::Disabled] {
        let app = &app;
        let dir = tempfile::tempdir().unwrap();
        let report = pdf_file(&dir, "Årsrapport 2026.pdf", 20_000);
        let appendix = pdf_file(&dir, "vedlegg-b.pdf", 2_000);
        let too_large = pdf_file(&dir, "for-stor.pdf", 10_000_001);
        let address = app.address.clone();
        in_browser("a_person_attaches_files", js, move |client| async move {
            goto(&client, &format!("{address}/nominer")).await;
            // Too large: the field says so, what was typed stays.
            fill_nomination_with(&client, &[too_large]).await;
            submit_form(&client).await;
            wait_for(&client, "#error-summary").await;
            let error = text_of(&client, "#error-attachments-1").await;
            assert!(error.contains("større enn det som er tillatt"), "{error}");
            assert_eq!(
                find(&client, "#field-attachments")
                    .await
                    .attr("aria-invalid")
                    .await
                    .unwrap()
                    .as_deref(),
                Some("true")
            );
            assert!(
                find(&client, "#error-summary a[href='#field-attachments']")
                    .await
                    .is_displayed()
                    .await
                    .unwrap()
            );
            assert_eq!(
                value_of(&client, "#field-title").await,
                "Digital kontroll av tungtransport",
                "the text is kept"
            );
            assert!(
                text_of(&client, "#attachments-choose-again")
                    .await
                    .contains("på nytt")
            );

            // Two files that fit: the receipt lists them.
            fill_nomination_with(&client, &[report, appendix]).await;
            submit_form(&client).await;
            wait_for(&client, "#next-steps").await;
            let listed = text_of(&client, "#attachments").await;
            assert!(
                listed.contains("Årsrapport 2026.pdf") && listed.contains("vedlegg-b.pdf"),
                "{listed}"
            );
            assert!(listed.contains("kB"), "sizes shown: {listed}");
        })
        .await;
    }
    let stored = app
        .db
        .read(|conn| {
            use bedre_stat::db::schema::nomination_attachments as a;
            use diesel::prelude::*;
            Ok(a::table.count().get_result::<i64>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(stored, 4, "two files each, with and without JavaScript");
}
