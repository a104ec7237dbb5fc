//! Files on a nomination (issue 9 §2), through the real form as a browser posts it
//! (`multipart/form-data` with the page's CSRF token and form key): stored with the
//! nomination in one transaction, listed on the receipt, downloaded by the secretariat with
//! safe headers; too large, the wrong kind, too many refused on the field with the text
//! kept and nothing stored; added, removed and downloaded through the edit link, and only
//! its own files. (What the jury may download, the conflicted juror included, is in the
//! authorization matrix.)

use bedre_stat::db;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{
    Backend, TestApp, csrf_token_in, hidden_field_in, reference_in, spawn_app,
    valid_nomination_form, valid_nomination_form_with,
};
use std::time::Duration;

on_both_backends!(
    files_go_with_the_nomination_and_come_back_as_safe_downloads,
    too_large_wrong_kind_and_too_many_are_refused_on_the_field_with_the_text_kept,
    the_edit_link_adds_and_removes_only_its_own_files,
    the_nominee_downloads_their_own_files_through_the_link_and_no_others,
    a_persons_export_names_the_files_and_erasing_says_they_were_kept,
);

const PASSWORD: &str = "riktig hest batteri stift";
const MB: usize = 1_000_000;

fn pdf(len: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    bytes.resize(len.max(bytes.len()), b' ');
    bytes
}

/// A file as chosen in the form: its name and bytes.
type NamedFile<'a> = (&'a str, &'a [u8]);

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

/// A `multipart/form-data` body as a browser builds it from the form: the text fields,
/// then the files of the file input (`attachments`).
fn multipart(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----bedrestat7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (file_name, content) in files {
        // A quote and a backslash as quoted-pairs; anything else raw (UTF-8, as browsers
        // send it).
        let escaped = file_name.replace('\\', "\\\\").replace('"', "\\\"");
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; \
                 filename=\"{escaped}\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Opens `page` (its CSRF cookie, token and form key) and posts the form to it with files.
async fn post_with_files(
    app: &TestApp,
    page: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> reqwest::Response {
    let html = app.get_html(page).await;
    assert!(
        html.contains("enctype=\"multipart/form-data\""),
        "{page} posts files"
    );
    assert!(html.contains("type=\"file\""), "{page} has a file input");
    let token = csrf_token_in(&html);
    let key = hidden_field_in(&html, "submission_key");
    let mut all = vec![
        ("csrf_token", token.as_str()),
        ("submission_key", key.as_str()),
        ("website", ""),
    ];
    all.extend_from_slice(fields);
    let (content_type, body) = multipart(&all, files);
    app.client
        .post(app.url(page))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn nominations(app: &TestApp) -> i64 {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            Ok(db::schema::nominations::table.count().get_result(conn)?)
        })
        .await
        .unwrap()
}

async fn stored_files(app: &TestApp) -> Vec<(i32, i32, String, String)> {
    app.db
        .read(|conn| {
            use db::schema::nomination_attachments as a;
            use diesel::prelude::*;
            Ok(a::table
                .order(a::id)
                .select((a::id, a::nomination_id, a::file_name, a::content_type))
                .load(conn)?)
        })
        .await
        .unwrap()
}

/// Two nominations with a file each: "mine" (min@example.no) with `my_file`, then another
/// agency's. Returns my form's fields, my edit link, and the ids of my file and theirs.
async fn mine_and_another_agencys(
    app: &TestApp,
    my_file: (&str, &[u8]),
) -> (Vec<(&'static str, &'static str)>, String, [i32; 2]) {
    let mine = valid_nomination_form_with("contact_email", "min@example.no");
    let theirs = valid_nomination_form_with("contact_email", "andre@example.no");
    let response = post_with_files(app, "/nominer", &mine, &[my_file]).await;
    assert_eq!(response.status(), 200);
    let response = post_with_files(app, "/nominer", &theirs, &[("andres.pdf", &pdf(500))]).await;
    assert_eq!(response.status(), 200);
    let files = stored_files(app).await;
    let link = edit_link(app, "min@example.no", 2).await;
    (mine, link, [files[0].0, files[1].0])
}

/// A stored file sent as every download must be: 200, its checked type, not sniffed, not
/// cached. Returns its `Content-Disposition` and its bytes.
async fn safe_download(response: reqwest::Response, content_type: &str) -> (String, Vec<u8>) {
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(header("content-type"), content_type);
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("cache-control").contains("no-store"));
    let disposition = header("content-disposition");
    (disposition, response.bytes().await.unwrap().to_vec())
}

/// The edit link from the receipt mailed to `address`.
async fn edit_link(app: &TestApp, address: &str, mails: usize) -> String {
    let mails = app.smtp.wait_for(mails, Duration::from_secs(20)).await;
    let mail = mails
        .iter()
        .find(|m| m.envelope_to == address)
        .expect("a receipt");
    let start = mail.text.find("/nominasjon/").expect("edit link");
    mail.text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

async fn files_go_with_the_nomination_and_come_back_as_safe_downloads(backend: Backend) {
    let app = spawn_app(backend).await;
    let form = valid_nomination_form();
    let response = post_with_files(
        &app,
        "/nominer",
        &form,
        &[
            ("../../Årsrapport \"2026\"\t.pdf", &pdf(3000)),
            // A PNG named as a PDF is a PNG: named and served as one.
            ("C:\\Users\\kari\\bilde.pdf", PNG),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let receipt = response.text().await.unwrap();
    let reference = reference_in(&receipt);
    assert!(
        receipt.contains("id=\"attachments\""),
        "the receipt lists the files"
    );
    assert!(
        receipt.contains("Årsrapport &quot;2026&quot;.pdf"),
        "{receipt}"
    );
    assert!(receipt.contains("bilde.pdf.png"));

    let files = stored_files(&app).await;
    let nomination = app.nomination(&reference).await;
    assert_eq!(files.len(), 2);
    assert!(files.iter().all(|f| f.1 == nomination.id));
    assert_eq!(
        files[0].2, "Årsrapport \"2026\".pdf",
        "no path, no control character"
    );
    assert_eq!(files[0].3, "application/pdf");
    assert_eq!(
        (files[1].2.as_str(), files[1].3.as_str()),
        ("bilde.pdf.png", "image/png")
    );

    // The mailed receipt lists them by format and size, never by the name typed.
    let mails = app.smtp.wait_for(1, Duration::from_secs(20)).await;
    let text = &mails[0].text;
    assert!(text.contains("PDF (3") && text.contains("PNG (1"), "{text}");
    assert!(!text.contains("Årsrapport"));

    // The secretariat sees them on the nomination's page and downloads them.
    app.create_user("sekretariat@dfo.no", "Sara", "admin", PASSWORD)
        .await;
    let admin = app.browser_logged_in("sekretariat@dfo.no", PASSWORD).await;
    let page = app
        .get_html_as(
            &admin,
            &format!("/sekretariat/nominasjoner/{}", nomination.id),
        )
        .await;
    let href = format!(
        "/sekretariat/nominasjoner/{}/vedlegg/{}",
        nomination.id, files[0].0
    );
    assert!(
        page.contains(&href),
        "the secretariat's page links the file"
    );
    let download = admin.get(app.url(&href)).send().await.unwrap();
    let (disposition, bytes) = safe_download(download, "application/pdf").await;
    assert_eq!(
        disposition,
        "attachment; filename=\"Arsrapport _2026_.pdf\"; \
         filename*=UTF-8''%C3%85rsrapport%20%222026%22.pdf"
    );
    assert_eq!(bytes, pdf(3000));
    // Another nomination's id with this file's id: nothing.
    let other = format!("/sekretariat/nominasjoner/999999/vedlegg/{}", files[0].0);
    assert_eq!(
        admin.get(app.url(&other)).send().await.unwrap().status(),
        404
    );
}

async fn too_large_wrong_kind_and_too_many_are_refused_on_the_field_with_the_text_kept(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let form = valid_nomination_form_with("title", "Tiltaket vårt med et særpreget navn");
    let zip_not_office = b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x05\0\0\0a.txt";
    let html = b"<!doctype html><html><script>alert(1)</script></html>";
    let one_too_many: Vec<Vec<u8>> = (0..6).map(|_| pdf(100)).collect();
    let six: Vec<(&str, &[u8])> = one_too_many
        .iter()
        .map(|f| ("fil.pdf", f.as_slice()))
        .collect();
    let too_large = pdf(10 * MB + 1);
    let cases: [(&str, Vec<NamedFile>, &str); 4] = [
        (
            "10 MB + 1 byte",
            vec![("stor.pdf", too_large.as_slice())],
            "større enn det som er tillatt",
        ),
        (
            "HTML named .pdf",
            vec![("side.pdf", html.as_slice())],
            "ikke en type vi tar imot",
        ),
        (
            "a zip that is no office file",
            vec![("ark.xlsx", zip_not_office.as_slice())],
            "ikke en type vi tar imot",
        ),
        ("6 files", six, "for mange filer"),
    ];
    for (case, files, message) in cases {
        let response = post_with_files(&app, "/nominer", &form, &files).await;
        assert_eq!(response.status(), 422, "{case}");
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "{case}: the field says why");
        assert!(
            page.contains("id=\"error-attachments-1\""),
            "{case}: on the file field"
        );
        assert!(
            page.contains("href=\"#field-attachments\""),
            "{case}: in the summary"
        );
        assert!(
            page.contains("Tiltaket vårt med et særpreget navn"),
            "{case}: text kept"
        );
        assert!(
            page.contains("id=\"attachments-choose-again\""),
            "{case}: choose again"
        );
        assert_eq!(nominations(&app).await, 0, "{case}: nothing stored");
        assert!(
            stored_files(&app).await.is_empty(),
            "{case}: no file stored"
        );
    }
    // Exactly at the limit: taken.
    let at_limit = pdf(10 * MB);
    let response = post_with_files(&app, "/nominer", &form, &[("grense.pdf", &at_limit)]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(stored_files(&app).await.len(), 1);
    // A body larger than any the form may send is refused before it is read.
    let html = app.get_html("/nominer").await;
    let response = app
        .client
        .post(app.url("/nominer"))
        .header("Content-Type", "multipart/form-data; boundary=x")
        .header("Content-Length", (60 * MB).to_string())
        .body(format!("csrf_token={}", csrf_token_in(&html)))
        .send()
        .await;
    if let Ok(response) = response {
        assert_eq!(response.status(), 413);
    }
}

async fn the_edit_link_adds_and_removes_only_its_own_files(backend: Backend) {
    let app = spawn_app(backend).await;
    let (mine, link, [my_file, their_file]) =
        mine_and_another_agencys(&app, ("min.pdf", &pdf(500))).await;

    let page = app.get_html(&link).await;
    assert!(page.contains("min.pdf") && !page.contains("andres.pdf"));
    assert!(page.contains(&format!("name=\"remove_attachment\" value=\"{my_file}\"")));

    // The other nomination's file id through this link: ignored, theirs stays.
    let their_id = their_file.to_string();
    let mut fields = mine.clone();
    fields.push(("remove_attachment", their_id.as_str()));
    let response = post_with_files(&app, &link, &fields, &[("ny.png", PNG)]).await;
    assert_eq!(response.status(), 200);
    let files = stored_files(&app).await;
    assert!(
        files.iter().any(|f| f.0 == their_file),
        "another nomination's file stays"
    );
    assert!(
        files.iter().any(|f| f.2 == "ny.png"),
        "a file added through the link"
    );
    assert_eq!(files.len(), 3);

    // Too many through the link: 2 + 4 > 5, nothing changes, the field says why.
    let four: Vec<(&str, &[u8])> = vec![
        ("a.png", PNG),
        ("b.png", PNG),
        ("c.png", PNG),
        ("d.png", PNG),
    ];
    let my_id = my_file.to_string();
    let mut fields = mine.clone();
    fields.push(("remove_attachment", "0"));
    let response = post_with_files(&app, &link, &fields, &four).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("for mange filer"));
    assert_eq!(stored_files(&app).await.len(), 3, "nothing half-written");

    // Removing its own file: gone, and no longer downloadable.
    let mut fields = mine.clone();
    fields.push(("remove_attachment", my_id.as_str()));
    let response = post_with_files(&app, &link, &fields, &[]).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(!page.contains("min.pdf") && page.contains("ny.png"));
    let files = stored_files(&app).await;
    assert!(files.iter().all(|f| f.0 != my_file));
    app.create_user("sekretariat@dfo.no", "Sara", "admin", PASSWORD)
        .await;
    let admin = app.browser_logged_in("sekretariat@dfo.no", PASSWORD).await;
    let nomination = files.iter().find(|f| f.2 == "ny.png").unwrap().1;
    let removed = format!("/sekretariat/nominasjoner/{nomination}/vedlegg/{my_file}");
    assert_eq!(
        admin.get(app.url(&removed)).send().await.unwrap().status(),
        404
    );
    assert!(app.audit_count("nomination.attachments_changed").await >= 2);
}

async fn the_nominee_downloads_their_own_files_through_the_link_and_no_others(backend: Backend) {
    let app = spawn_app(backend).await;
    let my_pdf = pdf(1200);
    let (_, link, [my_file, their_file]) =
        mine_and_another_agencys(&app, ("Vår rapport.pdf", &my_pdf)).await;

    // The link's page links its own file, under the link.
    let href = format!("{link}/vedlegg/{my_file}");
    let page = app.get_html(&link).await;
    assert!(page.contains(&format!("href=\"{href}\"")), "{page}");

    let download = app.client.get(app.url(&href)).send().await.unwrap();
    let (disposition, bytes) = safe_download(download, "application/pdf").await;
    assert_eq!(
        disposition,
        "attachment; filename=\"Var rapport.pdf\"; filename*=UTF-8''V%C3%A5r%20rapport.pdf"
    );
    assert_eq!(bytes, my_pdf);

    // Another nomination's file through this link, and a file id that is no file: nothing.
    for id in [their_file, 999_999] {
        let other = format!("{link}/vedlegg/{id}");
        let response = app.client.get(app.url(&other)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{other}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("%PDF"), "no file's bytes");
    }
    // A link that is no link, with a real file id: the invalid-link page, no file.
    let forged = format!("/nominasjon/{}/vedlegg/{my_file}", "A".repeat(43));
    let response = app.client.get(app.url(&forged)).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert!(!response.text().await.unwrap().contains("%PDF"));
}

async fn a_persons_export_names_the_files_and_erasing_says_they_were_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, _, [my_file, their_file]) =
        mine_and_another_agencys(&app, ("Vår rapport.pdf", &pdf(1200))).await;
    let privacy = |action: &str| {
        crate::account_hardening::cli(
            app.database_url(),
            &["privacy", action, "--email", "min@example.no"],
        )
    };
    let export: serde_json::Value = serde_json::from_str(&privacy("export")).unwrap();
    let files = &export["nominations"][0]["attachments"];
    assert_eq!(files.as_array().unwrap().len(), 1, "{export}");
    assert_eq!(files[0]["id"], my_file);
    assert_eq!(files[0]["file_name"], "Vår rapport.pdf");
    assert_eq!(files[0]["size_bytes"], 1200);

    let said = privacy("erase");
    assert!(
        said.contains("Files kept on those nominations: 1."),
        "{said}"
    );
    // The files stay with their nominations, the other agency's untouched.
    let stored: Vec<i32> = stored_files(&app).await.iter().map(|f| f.0).collect();
    assert_eq!(stored, [my_file, their_file]);
}
