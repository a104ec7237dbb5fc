//! `bedre-stat archive export --round YEAR --out DIR`: every nomination and tip of a round as
//! a folder the secretariat can journal — Noark 5 metadata.xml and the document as PDF/A —
//! read back by outside programs: qpdf checks each PDF, pdftotext reads its text, pdffonts
//! says its fonts are embedded, and Python's XML parser reads the metadata.

use crate::account_hardening::command;
use bedre_stat::db::{self, schema};
use bedre_stat_test_support::fixtures::RoundFixture;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app, valid_nomination, valid_tip};
use chrono::TimeDelta;
use diesel::prelude::*;
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

on_both_backends!(
    a_round_exports_as_pdf_a_with_noark_metadata_and_nothing_of_other_rounds,
    a_nominations_attachments_go_with_it_named_by_number,
    a_missing_round_and_a_folder_in_use_are_refused,
);

const CONTACT: &str = "Kari Nordmann";
const TIPSTER: &str = "Åse Ærø-Øien";

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run (scripts/test installs it): {e}"))
}

fn stdout_of(program: &str, args: &[&str]) -> String {
    let output = run(program, args);
    assert!(
        output.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

async fn post(app: &TestApp, path: &str, body: &Value) -> String {
    let response = app.post_json(path, body).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    body["reference"].as_str().unwrap().to_owned()
}

/// The round of 2099, open for 30 more days, and the next year's round.
async fn rounds(app: &TestApp) -> (i32, i32) {
    let now = db::now();
    app.db
        .write(move |conn| {
            let this = RoundFixture::for_year(2099)
                .closes_at(now + TimeDelta::days(30))
                .insert(conn)?;
            let next = RoundFixture::for_year(2100)
                .closes_at(now + TimeDelta::days(400))
                .insert(conn)?;
            Ok((this, next))
        })
        .await
        .unwrap()
}

/// What Python's XML parser reads from a metadata.xml, as JSON.
/// `bedre-stat archive export --round YEAR --out OUT` against `database_url`.
fn export_command(database_url: &str, year: i32, out: &Path) -> Command {
    let year = year.to_string();
    command(
        database_url,
        &[
            "archive",
            "export",
            "--round",
            &year,
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

fn read_metadata(path: &Path) -> Value {
    let script = r#"
import json, sys, xml.etree.ElementTree as ET
ns = {"n": "http://www.arkivverket.no/standarder/noark5/arkivmelding"}
root = ET.parse(sys.argv[1]).getroot()
jp = root.find("n:registrering", ns)
def text(el, path):
    found = el.find(path, ns)
    return None if found is None else found.text
part = jp.find("n:korrespondansepart", ns)
docs = []
for d in jp.findall("n:dokumentbeskrivelse", ns):
    o = d.find("n:dokumentobjekt", ns)
    docs.append({
        "role": text(d, "n:tilknyttetRegistreringSom"),
        "title": text(d, "n:tittel"),
        "file": text(o, "n:referanseDokumentfil"),
        "sha256": text(o, "n:sjekksum"),
        "size": int(text(o, "n:filstoerrelse")),
        "format": text(o, "n:format"),
    })
print(json.dumps({
    "root": root.tag,
    "type": jp.get("{http://www.w3.org/2001/XMLSchema-instance}type"),
    "meldingId": text(root, "n:meldingId"),
    "antallFiler": text(root, "n:antallFiler"),
    "tittel": text(jp, "n:tittel"),
    "offentligTittel": text(jp, "n:offentligTittel"),
    "journalposttype": text(jp, "n:journalposttype"),
    "journalstatus": text(jp, "n:journalstatus"),
    "dokumentetsDato": text(jp, "n:dokumentetsDato"),
    "mottattDato": text(jp, "n:mottattDato"),
    "noekkel": text(jp, "n:referanseEksternNoekkel/n:noekkel"),
    "korrespondanseparttype": text(part, "n:korrespondanseparttype"),
    "korrespondansepartNavn": text(part, "n:korrespondansepartNavn"),
    "kontaktperson": text(part, "n:kontaktperson"),
    "organisasjonsID": text(part, "n:organisasjonsID"),
    "documents": docs,
}))
"#;
    let json = stdout_of("/usr/bin/python3", &["-c", script, path.to_str().unwrap()]);
    serde_json::from_str(&json).unwrap()
}

fn sha256_of(path: &Path) -> String {
    let out = stdout_of("sha256sum", &[path.to_str().unwrap()]);
    out.split_whitespace().next().unwrap().to_owned()
}

/// Checks one exported PDF with outside tools; returns its text.
fn check_pdf(path: &Path) -> String {
    let file = path.to_str().unwrap();
    let checked = run("qpdf", &["--check", file]);
    assert!(
        checked.status.success(),
        "qpdf --check {file}: {}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let fonts = stdout_of("pdffonts", &[file]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        // name, type (two words: "CID TrueType"), encoding, emb, sub, uni, object, id.
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "every font is embedded: {fonts}");
    }
    stdout_of("pdftotext", &["-enc", "UTF-8", file, "-"])
}

/// pdftotext breaks lines where the PDF does: compare words, not lines.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn a_round_exports_as_pdf_a_with_noark_metadata_and_nothing_of_other_rounds(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (this_round, next_round) = rounds(&app).await;

    // A nomination whose title names its contact, has path characters, and long texts.
    let long = "Blåbærsyltetøy på ærlig vis gir økt effekt for små og store brukere. ".repeat(110);
    let mut nomination = valid_nomination();
    nomination["title"] = json!("Kari Nordmanns blåbær/../tiltak: <Æ&Ø> \"på\" vei");
    nomination["agency_name"] = json!("Direktoratet for æøå");
    nomination["summary"] = json!(long.clone());
    nomination["results"] = json!(format!("{long}\n\nNytt avsnitt: ÆØÅ æøå."));
    nomination["savings_nok"] = json!(2_500_000);
    let long_one = post(&app, "/api/v1/nominations", &nomination).await;
    let plain = post(&app, "/api/v1/nominations", &valid_nomination()).await;
    let mut tip = valid_tip();
    tip["initiative"] = json!("Åse Ærø-Øiens fangst av ørret");
    tip["reason"] = json!(long);
    tip["tipster_name"] = json!(TIPSTER);
    tip["tipster_email"] = json!("ase@example.no");
    tip["may_contact"] = json!(true);
    let named_tip = post(&app, "/api/v1/tips", &tip).await;
    let anonymous_tip = post(&app, "/api/v1/tips", &valid_tip()).await;
    // Another round's nomination and a tip of the next round stay out.
    let other_nomination = post(&app, "/api/v1/nominations", &valid_nomination()).await;
    let later_tip = post(&app, "/api/v1/tips", &valid_tip()).await;
    let (moved, later, erased) = (other_nomination.clone(), later_tip.clone(), plain.clone());
    app.db
        .write(move |conn| {
            // The plain nomination's contact person is gone (its retention ran out).
            let erased = db::nominations::find_by_reference(conn, &erased)?.unwrap();
            db::retention::erase_nomination_contacts(conn, &[erased.id])?;
            diesel::update(
                schema::nominations::table.filter(schema::nominations::reference.eq(moved)),
            )
            .set(schema::nominations::round_id.eq(next_round))
            .execute(conn)?;
            diesel::update(schema::tips::table.filter(schema::tips::reference.eq(later)))
                .set(schema::tips::created_at.eq(db::now() + TimeDelta::days(60)))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("arkiv 2099");
    let output = export_command(app.database_url(), 2099, &out)
        .env("RUST_LOG", "debug")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout).to_string();
    let logged = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(output.status.success(), "{said}{logged}");
    assert!(
        said.contains("Exported 2 nominations and 2 tips of the 2099 round (4 documents)"),
        "{said}"
    );
    // What the command printed and logged names no one.
    for personal in [
        CONTACT,
        "Nordmann",
        TIPSTER,
        "Ærø",
        "ase@example.no",
        "kari.nordmann",
    ] {
        assert!(
            !said.contains(personal) && !logged.contains(personal),
            "{personal}: {logged}"
        );
    }

    let mut folders: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    folders.sort();
    let mut expected = vec![
        long_one.clone(),
        plain.clone(),
        named_tip.clone(),
        anonymous_tip.clone(),
    ];
    expected.sort();
    assert_eq!(
        folders, expected,
        "one folder per record of the round, named by reference"
    );
    // Nothing is left beside the export.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // The long nomination: its PDF, its text, its pages, its metadata.
    let folder = out.join(&long_one);
    let pdf = folder.join(format!("{long_one}.pdf"));
    let text = words(&check_pdf(&pdf));
    assert!(
        text.contains("Kari Nordmanns blåbær/../tiltak: <Æ&Ø> \"på\" vei"),
        "{text}"
    );
    assert!(text.contains(&long_one), "{text}");
    assert!(text.contains("Direktoratet for æøå"));
    assert!(text.contains("Nytt avsnitt: ÆØÅ æøå."));
    assert!(text.contains("Virksomhetens navn"), "labels in bokmål");
    assert!(text.contains("Resultater og dokumenterte effekter på ressursbruken"));
    assert!(
        text.contains("2 500 000") || text.contains("2\u{a0}500\u{a0}000"),
        "{text}"
    );
    assert!(text.contains("Mottatt"));
    let pages: usize = stdout_of("qpdf", &["--show-npages", pdf.to_str().unwrap()])
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 3, "long text breaks into pages: {pages}");
    assert!(text.contains(&format!("side {pages} av {pages}")), "{text}");
    let info = stdout_of("pdfinfo", &[pdf.to_str().unwrap()]);
    let version = info.lines().find_map(|l| l.strip_prefix("PDF version:"));
    assert_eq!(version.map(str::trim), Some("1.7"), "{info}");
    // The XMP metadata claims PDF/A-2b (krilla checked the rules as it wrote).
    let xmp = words(&stdout_of("pdfinfo", &["-meta", pdf.to_str().unwrap()]));
    assert!(
        xmp.contains("pdfaid:part>2<") || xmp.contains("pdfaid:part=\"2\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("pdfaid:conformance>B<") || xmp.contains("pdfaid:conformance=\"B\""),
        "{xmp}"
    );

    let metadata = read_metadata(&folder.join("metadata.xml"));
    assert_eq!(
        metadata["root"],
        "{http://www.arkivverket.no/standarder/noark5/arkivmelding}arkivmelding"
    );
    assert_eq!(metadata["type"], "journalpost");
    assert_eq!(metadata["meldingId"], long_one);
    assert_eq!(metadata["noekkel"], long_one);
    assert_eq!(metadata["journalposttype"], "Inngående dokument");
    assert_eq!(
        metadata["journalstatus"],
        "Midlertidig registrering av innkommet dokument"
    );
    assert_eq!(metadata["korrespondanseparttype"], "Avsender");
    assert_eq!(metadata["korrespondansepartNavn"], "Direktoratet for æøå");
    assert_eq!(metadata["kontaktperson"], CONTACT);
    assert_eq!(metadata["organisasjonsID"], "971032081");
    let title = metadata["tittel"].as_str().unwrap();
    assert!(
        title.contains("Kari Nordmanns blåbær/../tiltak: <Æ&Ø>"),
        "{title}"
    );
    assert!(
        title.starts_with("Nominasjon til Bedre stat-prisen 2099"),
        "{title}"
    );
    let public = metadata["offentligTittel"].as_str().unwrap();
    assert!(
        !public.contains("Kari"),
        "the contact person is screened: {public}"
    );
    assert_eq!(
        public,
        "Nominasjon til Bedre stat-prisen 2099: ***** Nordmanns blåbær/../tiltak: <Æ&Ø> \"på\" vei – Direktoratet for æøå"
    );
    assert!(
        metadata["dokumentetsDato"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| *c == '-')
            .count()
            == 2
    );
    assert!(metadata["mottattDato"].as_str().unwrap().contains('T'));
    assert_eq!(metadata["antallFiler"], "1");
    let document = &metadata["documents"][0];
    assert_eq!(document["role"], "Hoveddokument");
    assert_eq!(document["file"], format!("{long_one}.pdf"));
    assert_eq!(document["format"], "PDF/A-2b");
    assert_eq!(document["sha256"], sha256_of(&pdf));
    assert_eq!(
        document["size"].as_u64().unwrap(),
        std::fs::metadata(&pdf).unwrap().len()
    );

    // An erased contact person is in neither the document nor the metadata.
    let erased = read_metadata(&out.join(&plain).join("metadata.xml"));
    assert_eq!(erased["kontaktperson"], Value::Null);
    assert_eq!(erased["korrespondansepartNavn"], "Statens vegvesen");
    let erased_text = words(&check_pdf(&out.join(&plain).join(format!("{plain}.pdf"))));
    assert!(
        erased_text.contains("Slettet etter at oppbevaringstiden løp ut"),
        "{erased_text}"
    );
    assert!(
        !erased_text.contains("Kari") && !erased_text.contains("vegvesen.no"),
        "{erased_text}"
    );

    // Every record's PDF passes the outside checks and reads its reference.
    for reference in [&plain, &named_tip, &anonymous_tip] {
        let folder = out.join(reference);
        let text = words(&check_pdf(&folder.join(format!("{reference}.pdf"))));
        assert!(text.contains(reference.as_str()), "{text}");
        let metadata = read_metadata(&folder.join("metadata.xml"));
        assert_eq!(metadata["noekkel"], reference.as_str());
        assert_eq!(metadata["journalposttype"], "Inngående dokument");
    }
    let tip_text = words(&check_pdf(
        &out.join(&named_tip).join(format!("{named_tip}.pdf")),
    ));
    assert!(
        tip_text.contains("Tips til Bedre stat-prisen"),
        "{tip_text}"
    );
    assert!(
        tip_text.contains("Åse Ærø-Øiens fangst av ørret"),
        "{tip_text}"
    );
    assert!(
        tip_text.contains(TIPSTER),
        "the archive copy names the sender"
    );
    let tip_metadata = read_metadata(&out.join(&named_tip).join("metadata.xml"));
    assert_eq!(tip_metadata["korrespondansepartNavn"], TIPSTER);
    assert_eq!(
        tip_metadata["offentligTittel"],
        // "Øiens" (genitive) is another word than the name "Øien".
        "Tips til Bedre stat-prisen: ***** *****-Øiens fangst av ørret – Direktoratet for forvaltning og økonomistyring"
    );
    let anonymous = read_metadata(&out.join(&anonymous_tip).join("metadata.xml"));
    assert_eq!(anonymous["korrespondansepartNavn"], "Anonym");

    // The export is audited with counts, by the command line.
    let audit: Vec<(String, String, Option<String>)> = app
        .db
        .read(|conn| {
            use schema::audit_events as events;
            Ok(events::table
                .filter(events::action.eq("archive.exported"))
                .select((events::actor, events::subject_ref, events::detail))
                .load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(
        audit,
        [(
            "cli".to_owned(),
            format!("round:{this_round}"),
            Some("nominations:2 tips:2 files:4".to_owned())
        )]
    );
}

async fn a_missing_round_and_a_folder_in_use_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    rounds(&app).await;
    post(&app, "/api/v1/nominations", &valid_nomination()).await;
    let dir = tempfile::tempdir().unwrap();
    let url = app.database_url();

    let out = dir.path().join("eksport");
    let missing = export_command(url, 1999, &out).output().unwrap();
    assert!(!missing.status.success());
    let error = String::from_utf8_lossy(&missing.stderr);
    assert!(
        error.contains("no round has the prize year 1999"),
        "{error}"
    );
    assert!(
        !out.exists(),
        "nothing is written for a round that does not exist"
    );

    // A folder with something in it is left alone.
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("viktig.txt"), "ikke rør").unwrap();
    let in_use = export_command(url, 2099, &out).output().unwrap();
    assert!(!in_use.status.success());
    let error = String::from_utf8_lossy(&in_use.stderr);
    assert!(error.contains("not an empty folder"), "{error}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    assert_eq!(
        std::fs::read_to_string(out.join("viktig.txt")).unwrap(),
        "ikke rør"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no half export beside it"
    );

    // An empty folder is used; a round without tips exports what it has.
    let empty = dir.path().join("tom");
    std::fs::create_dir(&empty).unwrap();
    let done = export_command(url, 2099, &empty).output().unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 1);
    // A round with nothing in it gives an empty folder.
    let none = dir.path().join("ingenting");
    let done = export_command(url, 2100, &none).output().unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(std::fs::read_dir(&none).unwrap().count(), 0);
}

/// A nomination's uploaded files go into its folder as `vedlegg-N.<type>` with the bytes as
/// stored; the name the nominee gave them (never a path) is only the document's title in
/// the metadata, with its checksum and size.
async fn a_nominations_attachments_go_with_it_named_by_number(backend: Backend) {
    let app = spawn_app(backend).await;
    rounds(&app).await;
    let reference = post(&app, "/api/v1/nominations", &valid_nomination()).await;
    let pdf = b"%PDF-1.4\n% a report\n%%EOF\n".to_vec();
    let png = [
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
        &[0; 32][..],
    ]
    .concat();
    let files = [
        ("../Rapport om æøå.pdf", pdf.clone()),
        ("diagram.png", png.clone()),
    ];
    let stored = reference.clone();
    app.db
        .write(move |conn| {
            let nomination = db::nominations::find_by_reference(conn, &stored)?.unwrap();
            for (name, content) in files {
                let file = bedre_stat::domain::NewAttachment::parse(name, content).unwrap();
                db::attachments::insert(conn, nomination.id, &file)?;
            }
            Ok(())
        })
        .await
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("arkiv");
    let output = export_command(app.database_url(), 2099, &out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let folder = out.join(&reference);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            format!("{reference}.pdf"),
            "metadata.xml".to_owned(),
            "vedlegg-1.pdf".to_owned(),
            "vedlegg-2.png".to_owned(),
        ]
    );
    assert_eq!(std::fs::read(folder.join("vedlegg-1.pdf")).unwrap(), pdf);
    assert_eq!(std::fs::read(folder.join("vedlegg-2.png")).unwrap(), png);
    let metadata = read_metadata(&folder.join("metadata.xml"));
    let documents = metadata["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3, "{metadata}");
    let attachment = &documents[1];
    assert_eq!(attachment["file"], "vedlegg-1.pdf");
    assert_eq!(
        attachment["title"], "Rapport om æøå.pdf",
        "the name without its path"
    );
    assert_eq!(
        attachment["sha256"],
        sha256_of(&folder.join("vedlegg-1.pdf"))
    );
    assert_eq!(attachment["size"], pdf.len());
    assert_eq!(documents[2]["file"], "vedlegg-2.png");
}
