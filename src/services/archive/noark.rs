//! `metadata.xml`: one incoming record (journalpost) in the shape of a Noark 5
//! *arkivmelding* — the message Noark 5 archive systems take to register incoming
//! documents — with Noark 5's element names, order and vocabulary ("Inngående dokument",
//! "Avsender", "Hoveddokument", "Vedlegg"), so an archivist, or the import of DFØ's archive
//! system, recognises every element.
//!
//! Element order follows the standard's object catalogue (registrering, then journalpost;
//! korrespondansepart; dokumentbeskrivelse with dokumentobjekt). The record's own reference
//! (`BSP-2027-0007`) goes where Noark 5 keeps a key from another system
//! (`referanseEksternNoekkel`: fagsystem and noekkel) and names the message (`meldingId`);
//! the archive gives the record its own journal number when it is journalled, which is
//! why the status is "Midlertidig registrering av innkommet dokument".

use chrono::{NaiveDate, NaiveDateTime, TimeZone as _};
use chrono_tz::Europe::Oslo;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io;

pub const NAMESPACE: &str = "http://www.arkivverket.no/standarder/noark5/arkivmelding";
/// Who made the record (`system`, `opprettetAv`, `fagsystem`).
pub const SYSTEM: &str = "Bedre stat-prisen";

/// A sender (Noark 5 korrespondansepart, type "Avsender").
#[derive(Debug, Clone, Default)]
pub struct Sender {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_person: Option<String>,
    /// An organisation's number (only one of a person's or an organisation's id may be given).
    pub organisation_id: Option<String>,
}

/// The role of a document in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Main,
    Attachment,
}

/// A file of the record, described as Noark 5 dokumentbeskrivelse + dokumentobjekt.
#[derive(Debug, Clone)]
pub struct DocumentFile {
    pub role: Role,
    pub title: String,
    /// The file's name in the record's folder.
    pub file_name: String,
    pub mime_type: String,
    /// Noark 5 `format` (e.g. "PDF/A-2b") and what it means.
    pub format: String,
    pub format_details: Option<String>,
    pub sha256: String,
    pub size: u64,
}

/// One incoming record.
#[derive(Debug, Clone)]
pub struct Record {
    pub reference: String,
    pub title: String,
    pub public_title: String,
    pub document_type: &'static str,
    /// When it arrived (UTC).
    pub received_at: NaiveDateTime,
    /// The date of the document's content (its last change), in Norway.
    pub document_date: NaiveDate,
    pub sender: Sender,
    pub files: Vec<DocumentFile>,
    /// When the export ran (UTC).
    pub exported_at: NaiveDateTime,
}

/// A UTC time as Noark 5's "Dato og klokkeslett" (xs:dateTime) in Norwegian time with its
/// offset: `2026-12-05T19:36:00+01:00`.
fn date_time(utc: NaiveDateTime) -> String {
    Oslo.from_utc_datetime(&utc)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Text as XML 1.0 allows it: characters it forbids even escaped (most control
/// characters) are left out; quick-xml escapes the rest.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || !c.is_control())
        .collect()
}

fn element<W: io::Write>(w: &mut Writer<W>, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&xml_text(text)))?;
    Ok(())
}

fn optional<W: io::Write>(w: &mut Writer<W>, name: &str, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(text) if !text.trim().is_empty() => element(w, name, text),
        _ => Ok(()),
    }
}

/// The record's `metadata.xml`.
pub fn write(record: &Record) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let exported = date_time(record.exported_at);
    let received = date_time(record.received_at);
    let attachments = record
        .files
        .iter()
        .filter(|file| file.role == Role::Attachment)
        .count();
    w.create_element("arkivmelding")
        .with_attribute(("xmlns", NAMESPACE))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .write_inner_content(|w| {
            element(w, "system", SYSTEM)?;
            element(w, "meldingId", &record.reference)?;
            element(w, "tidspunkt", &exported)?;
            element(w, "antallFiler", &record.files.len().to_string())?;
            w.create_element("registrering")
                .with_attribute(("xsi:type", "journalpost"))
                .write_inner_content(|w| {
                    element(w, "opprettetDato", &received)?;
                    element(w, "opprettetAv", SYSTEM)?;
                    for (number, file) in record.files.iter().enumerate() {
                        document(w, record, file, number + 1, &exported)?;
                    }
                    element(w, "tittel", &record.title)?;
                    element(w, "offentligTittel", &record.public_title)?;
                    sender(w, &record.sender)?;
                    w.create_element("referanseEksternNoekkel")
                        .write_inner_content(|w| {
                            element(w, "fagsystem", SYSTEM)?;
                            element(w, "noekkel", &record.reference)
                        })?;
                    element(w, "journalposttype", "Inngående dokument")?;
                    element(
                        w,
                        "journalstatus",
                        "Midlertidig registrering av innkommet dokument",
                    )?;
                    element(
                        w,
                        "dokumentetsDato",
                        &record.document_date.format("%Y-%m-%d").to_string(),
                    )?;
                    element(w, "mottattDato", &received)?;
                    element(w, "antallVedlegg", &attachments.to_string())
                })?;
            Ok(())
        })?;
    let mut xml = w.into_inner();
    xml.push(b'\n');
    Ok(xml)
}

fn sender<W: io::Write>(w: &mut Writer<W>, sender: &Sender) -> io::Result<()> {
    w.create_element("korrespondansepart")
        .write_inner_content(|w| {
            element(w, "korrespondanseparttype", "Avsender")?;
            element(w, "korrespondansepartNavn", &sender.name)?;
            optional(w, "epostadresse", sender.email.as_deref())?;
            optional(w, "telefonnummer", sender.phone.as_deref())?;
            optional(w, "kontaktperson", sender.contact_person.as_deref())?;
            optional(w, "organisasjonsID", sender.organisation_id.as_deref())
        })?;
    Ok(())
}

fn document<W: io::Write>(
    w: &mut Writer<W>,
    record: &Record,
    file: &DocumentFile,
    number: usize,
    exported: &str,
) -> io::Result<()> {
    let received = date_time(record.received_at);
    w.create_element("dokumentbeskrivelse")
        .write_inner_content(|w| {
            let (document_type, role, variant) = match file.role {
                Role::Main => (record.document_type, "Hoveddokument", "Arkivformat"),
                Role::Attachment => ("Vedlegg", "Vedlegg", "Produksjonsformat"),
            };
            element(w, "dokumenttype", document_type)?;
            element(w, "dokumentstatus", "Dokumentet er ferdigstilt")?;
            element(w, "tittel", &file.title)?;
            element(w, "opprettetDato", &received)?;
            element(w, "opprettetAv", SYSTEM)?;
            element(w, "tilknyttetRegistreringSom", role)?;
            element(w, "dokumentnummer", &number.to_string())?;
            element(w, "tilknyttetDato", exported)?;
            element(w, "tilknyttetAv", SYSTEM)?;
            w.create_element("dokumentobjekt")
                .write_inner_content(|w| {
                    element(w, "versjonsnummer", "1")?;
                    element(w, "variantformat", variant)?;
                    element(w, "format", &file.format)?;
                    optional(w, "formatDetaljer", file.format_details.as_deref())?;
                    element(w, "opprettetDato", exported)?;
                    element(w, "opprettetAv", SYSTEM)?;
                    element(w, "referanseDokumentfil", &file.file_name)?;
                    element(w, "sjekksum", &file.sha256)?;
                    element(w, "sjekksumAlgoritme", "SHA256")?;
                    element(w, "filstoerrelse", &file.size.to_string())?;
                    element(w, "mimeType", &file.mime_type)
                })?;
            Ok(())
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::test_time::at;

    #[test]
    fn text_is_escaped_and_times_are_norwegian() {
        let record = Record {
            reference: "BSP-2027-0001".into(),
            title: "Tittel <med> & \u{1}tegn".into(),
            public_title: "Tittel".into(),
            document_type: "Skjema",
            received_at: at(2026, 7, 1, 10, 5),
            document_date: crate::clock::test_time::date(2026, 7, 1),
            sender: Sender {
                name: "Statens vegvesen".into(),
                ..Sender::default()
            },
            files: vec![],
            exported_at: at(2026, 12, 5, 18, 36),
        };
        let xml = String::from_utf8(write(&record).unwrap()).unwrap();
        assert!(
            xml.contains("<tittel>Tittel &lt;med&gt; &amp; tegn</tittel>"),
            "{xml}"
        );
        assert!(xml.contains("<mottattDato>2026-07-01T12:05:00+02:00</mottattDato>"));
        assert!(xml.contains("<tidspunkt>2026-12-05T19:36:00+01:00</tidspunkt>"));
        assert!(xml.contains("<journalposttype>Inngående dokument</journalposttype>"));
        assert!(
            !xml.contains("<epostadresse>"),
            "empty elements are left out"
        );
    }
}
