//! Records for the archive (`bedre-stat archive export --round YEAR --out DIR`): every
//! nomination and every tip of a round as an incoming document the secretariat can
//! journal in DFØ's archive system — one folder per record, named by its reference, with
//! `metadata.xml` (Noark 5, see [`noark`]), the document itself as PDF/A (see [`pdf`]) and
//! its attachments.
//!
//! A tip's round is decided where the retention rules decide it (`domain::round_of_tip`).
//! The export is written into a hidden folder beside `DIR` and moved into place when
//! whole, so `DIR` holds a complete export or nothing; a `DIR` that exists must be empty.
//! The run is audited with counts; logs and the audit log name the round and the counts,
//! never a person.

mod noark;
mod pdf;

use crate::db::{self, Database, DbConn, nominations::NominationRow, tips::TipRow};
use crate::domain::archive::{folder_name, screen_names};
use crate::domain::{Actor, round_of_tip};
use crate::format;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use diesel::QueryResult;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub use noark::NAMESPACE;

/// What an export wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ExportCounts {
    pub nominations: usize,
    pub tips: usize,
    /// Documents and attachments, not counting `metadata.xml`.
    pub files: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no round has the prize year {0}")]
    NoSuchRound(i32),
    #[error("{0} exists and is not an empty folder: give a new or empty folder")]
    OutNotEmpty(PathBuf),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// A nomination's attached document: its name as uploaded (shown in the metadata, never
/// used as a path), its checked content type and its bytes.
pub use crate::db::attachments::AttachmentFile as Attachment;

/// The documents attached to a nomination, in the order they were added.
fn attachments_of(conn: &mut DbConn, nomination_id: i32) -> QueryResult<Vec<Attachment>> {
    db::attachments::attachments_of_nomination(conn, nomination_id)
}

/// What the export reads, in one read.
struct RoundRecords {
    year: i32,
    /// The round's id, which the audit event names (as every other event on a round).
    round_id: i32,
    nominations: Vec<(NominationRow, Vec<Attachment>)>,
    tips: Vec<TipRow>,
}

fn read(conn: &mut DbConn, year: i32) -> anyhow::Result<Option<RoundRecords>> {
    let Some(round) = db::rounds::find_by_year(conn, year)? else {
        return Ok(None);
    };
    let mut nominations = Vec::new();
    for nomination in db::nominations::in_round(conn, round.id)? {
        let attachments = attachments_of(conn, nomination.id)?;
        nominations.push((nomination, attachments));
    }
    let rounds = db::retention::rounds(conn)?;
    let tips = db::tips::all_with_nomination_round(conn)?
        .into_iter()
        .filter(|(tip, nomination_round)| {
            round_of_tip(tip.created_at, *nomination_round, &rounds)
                .is_some_and(|r| r.id == round.id)
        })
        .map(|(tip, _)| tip)
        .collect();
    Ok(Some(RoundRecords {
        year,
        round_id: round.id,
        nominations,
        tips,
    }))
}

/// Exports the round of prize year `year` into `out`, as of `now`.
#[tracing::instrument(skip(db, out, now))]
pub async fn export(
    db: &Database,
    year: i32,
    out: &Path,
    actor: Actor,
    now: NaiveDateTime,
) -> Result<ExportCounts, ExportError> {
    ensure_usable(out)?;
    let records = db
        .read(move |conn| read(conn, year))
        .await?
        .ok_or(ExportError::NoSuchRound(year))?;
    let round_id = records.round_id;
    let out = out.to_owned();
    let counts = tokio::task::spawn_blocking(move || write_export(&records, &out, now))
        .await
        .map_err(anyhow::Error::from)??;
    let detail = format!(
        "nominations:{} tips:{} files:{}",
        counts.nominations, counts.tips, counts.files
    );
    db.write(move |conn| {
        db::audit::record(
            conn,
            actor,
            "archive.exported",
            &format!("round:{round_id}"),
            Some(&detail),
        )?;
        Ok(())
    })
    .await?;
    tracing::info!(
        year,
        nominations = counts.nominations,
        tips = counts.tips,
        files = counts.files,
        "archive export written"
    );
    Ok(counts)
}

/// `out` must be a new path or an empty folder.
fn ensure_usable(out: &Path) -> Result<(), ExportError> {
    match std::fs::read_dir(out).map(|mut entries| entries.next().is_none()) {
        Ok(true) => Ok(()),
        Ok(false) => Err(ExportError::OutNotEmpty(out.to_owned())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => Err(ExportError::OutNotEmpty(out.to_owned())),
    }
}

/// Writes everything into a hidden folder beside `out`, then moves it into place.
fn write_export(
    records: &RoundRecords,
    out: &Path,
    now: NaiveDateTime,
) -> Result<ExportCounts, ExportError> {
    use anyhow::Context as _;
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let staging = parent.join(format!(".bedre-stat-archive-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
    let written = write_records(records, &staging, now);
    let counts = match written {
        Ok(counts) => counts,
        Err(error) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(error.into());
        }
    };
    // Replaces `out` only if it does not exist or is an empty folder (rename(2)); a folder
    // that got content meanwhile is left as it is.
    if let Err(error) = std::fs::rename(&staging, out) {
        let _ = std::fs::remove_dir_all(&staging);
        return match error.kind() {
            std::io::ErrorKind::DirectoryNotEmpty | std::io::ErrorKind::AlreadyExists => {
                Err(ExportError::OutNotEmpty(out.to_owned()))
            }
            _ => Err(anyhow::Error::from(error)
                .context(format!("moving the export to {}", out.display()))
                .into()),
        };
    }
    Ok(counts)
}

fn write_records(
    records: &RoundRecords,
    dir: &Path,
    now: NaiveDateTime,
) -> anyhow::Result<ExportCounts> {
    let mut counts = ExportCounts::default();
    for (nomination, attachments) in &records.nominations {
        counts.files += write_record(
            dir,
            &nomination_record(records.year, nomination, attachments, now),
        )?;
        counts.nominations += 1;
    }
    for tip in &records.tips {
        counts.files += write_record(dir, &tip_record(records.year, tip, now))?;
        counts.tips += 1;
    }
    Ok(counts)
}

/// A record ready to write: its metadata and its files' bytes.
struct Prepared {
    reference: String,
    metadata: noark::Record,
    pdf_identity: pdf::Identity,
    pdf_blocks: Vec<pdf::Block>,
    attachments: Vec<Attachment>,
}

/// Writes one record's folder; returns how many documents it holds.
fn write_record(dir: &Path, record: &Prepared) -> anyhow::Result<usize> {
    use anyhow::Context as _;
    let folder_name = folder_name(&record.reference)
        .ok_or_else(|| anyhow::anyhow!("a stored reference is not a reference"))?;
    let folder = dir.join(&folder_name);
    std::fs::create_dir(&folder).with_context(|| format!("creating {}", folder.display()))?;

    let mut metadata = record.metadata.clone();
    let main = pdf::render(&record.pdf_identity, &record.pdf_blocks)
        .with_context(|| format!("the PDF of {folder_name}"))?;
    let main_name = format!("{folder_name}.pdf");
    std::fs::write(folder.join(&main_name), &main)?;
    metadata.files.push(noark::DocumentFile {
        role: noark::Role::Main,
        title: metadata.title.clone(),
        file_name: main_name,
        mime_type: "application/pdf".into(),
        format: "PDF/A-2b".into(),
        format_details: Some("ISO 19005-2:2011, nivå B".into()),
        sha256: sha256(&main),
        size: main.len() as u64,
    });
    for (index, attachment) in record.attachments.iter().enumerate() {
        // The name typed by whoever uploaded it is never a path here: the file is named by
        // its number, with the extension of its (checked) type.
        let file_name = format!(
            "vedlegg-{}.{}",
            index + 1,
            extension(&attachment.content_type)
        );
        std::fs::write(folder.join(&file_name), &attachment.content)?;
        metadata.files.push(noark::DocumentFile {
            role: noark::Role::Attachment,
            title: attachment.file_name.clone(),
            file_name,
            mime_type: attachment.content_type.clone(),
            format: format_name(&attachment.content_type).into(),
            format_details: None,
            sha256: sha256(&attachment.content),
            size: attachment.content.len() as u64,
        });
    }
    std::fs::write(folder.join("metadata.xml"), noark::write(&metadata)?)?;
    Ok(metadata.files.len())
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file extension for an attachment's content type (the types nominations accept).
fn extension(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "pptx",
        "application/vnd.oasis.opendocument.text" => "odt",
        "application/vnd.oasis.opendocument.spreadsheet" => "ods",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => "bin",
    }
}

/// The format's name for Noark 5 `format`.
fn format_name(content_type: &str) -> &'static str {
    match extension(content_type) {
        "pdf" => "PDF",
        "docx" => "DOCX",
        "xlsx" => "XLSX",
        "pptx" => "PPTX",
        "odt" => "ODT",
        "ods" => "ODS",
        "png" => "PNG",
        "jpg" => "JPEG",
        _ => "Ukjent format",
    }
}

/// A person's name as stored, or `None` when there is none or it was erased.
fn person(name: Option<&str>) -> Option<&str> {
    name.map(str::trim)
        .filter(|name| !name.is_empty() && *name != db::outbox::ERASED)
}

fn text(id: &str) -> String {
    Lang::Nb.text(id)
}

fn yes_no(value: bool) -> String {
    text(if value { "archive-yes" } else { "archive-no" })
}

/// Text for a title: the first line, at most `max` characters, cut at a word.
fn title_text(raw: &str, max: usize) -> String {
    let line = raw
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() <= max {
        return line.to_owned();
    }
    let cut: String = line.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end())
}

fn nomination_record(
    year: i32,
    n: &NominationRow,
    attachments: &[Attachment],
    now: NaiveDateTime,
) -> Prepared {
    let contact = person(Some(&n.contact_name)).filter(|_| !n.contact_email.is_empty());
    let names: Vec<&str> = contact.into_iter().collect();
    let year_text = year.to_string();
    let title_with = |title: &str, agency: &str| {
        Lang::Nb.text_with(
            "archive-title-nomination",
            &[("year", &year_text), ("title", title), ("agency", agency)],
        )
    };
    let title = title_with(&n.title, &n.agency_name);
    let public_title = title_with(
        &screen_names(&n.title, &names),
        &screen_names(&n.agency_name, &names),
    );

    let mut blocks = vec![
        pdf::Block::Title(n.title.clone()),
        fact(
            "archive-pdf-document",
            title_with_kind("archive-pdf-kind-nomination", year),
        ),
        fact("archive-pdf-reference", n.reference.clone()),
        fact("field-agency_name", n.agency_name.clone()),
        fact("field-org_number", n.org_number.clone()),
        fact(
            "archive-pdf-received",
            format::date_time(Lang::Nb, n.created_at),
        ),
        fact(
            "archive-pdf-updated",
            format::date_time(Lang::Nb, n.updated_at),
        ),
        fact(
            "field-categories",
            n.categories
                .as_slice()
                .iter()
                .map(|c| text(&format!("area-{}", c.code())))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        pdf::Block::Heading(text("section-contact")),
    ];
    match contact {
        Some(name) => {
            blocks.push(field("field-contact_name", name));
            blocks.push(field("field-contact_email", &n.contact_email));
            if let Some(phone) = n.contact_phone.as_deref().filter(|p| !p.is_empty()) {
                blocks.push(field("field-contact_phone", phone));
            }
        }
        None => blocks.push(pdf::Block::Field {
            label: text("field-contact_name"),
            text: text("archive-pdf-contact-erased"),
        }),
    }
    blocks.push(pdf::Block::Heading(text("section-initiative")));
    blocks.push(field("field-summary", &n.summary));
    blocks.push(field("field-background", &n.background));
    blocks.push(field("field-what_was_done", &n.what_was_done));
    blocks.push(pdf::Block::Heading(text("section-effects")));
    blocks.push(field("field-results", &n.results));
    if let Some(nok) = n.savings_nok {
        blocks.push(field(
            "field-savings_nok",
            &format::number(Lang::Nb, nok as f64, 0),
        ));
    }
    if let Some(hours) = n.savings_hours {
        blocks.push(field(
            "field-savings_hours",
            &format::number(Lang::Nb, hours as f64, 0),
        ));
    }
    blocks.push(field("field-user_effects", &n.user_effects));
    blocks.push(field("field-transfer_value", &n.transfer_value));
    if let Some(others) = n.other_agencies.as_deref().filter(|o| !o.trim().is_empty()) {
        blocks.push(field("field-other_agencies", others));
    }
    blocks.push(pdf::Block::Heading(text("section-consent")));
    blocks.push(field(
        "field-leadership_backing",
        &yes_no(n.leadership_backing),
    ));
    blocks.push(field("field-consent_publish", &yes_no(n.consent_publish)));
    if !attachments.is_empty() {
        blocks.push(pdf::Block::Heading(text("archive-pdf-attachments")));
        for (index, attachment) in attachments.iter().enumerate() {
            blocks.push(pdf::Block::Fact {
                label: format!("{}", index + 1),
                value: attachment.file_name.clone(),
            });
        }
    }

    Prepared {
        reference: n.reference.clone(),
        metadata: noark::Record {
            reference: n.reference.clone(),
            title: title.clone(),
            public_title,
            document_type: "Nominasjon",
            received_at: n.created_at,
            document_date: format::oslo_date(n.updated_at),
            sender: noark::Sender {
                name: n.agency_name.clone(),
                email: contact.map(|_| n.contact_email.clone()),
                phone: contact.and(n.contact_phone.clone()),
                contact_person: contact.map(str::to_owned),
                organisation_id: Some(n.org_number.clone()),
            },
            files: Vec::new(),
            exported_at: now,
        },
        pdf_identity: pdf::Identity {
            title,
            reference: n.reference.clone(),
            written_at: n.updated_at,
        },
        pdf_blocks: blocks,
        attachments: attachments.to_vec(),
    }
}

fn tip_record(year: i32, tip: &TipRow, now: NaiveDateTime) -> Prepared {
    let tipster = person(tip.tipster_name.as_deref());
    let names: Vec<&str> = tipster.into_iter().collect();
    let initiative = title_text(&tip.initiative, 120);
    let title_with = |initiative: &str, agency: &str| {
        Lang::Nb.text_with(
            "archive-title-tip",
            &[("initiative", initiative), ("agency", agency)],
        )
    };
    let title = title_with(&initiative, &tip.agency);
    let public_title = title_with(
        &screen_names(&initiative, &names),
        &screen_names(&tip.agency, &names),
    );
    let mut blocks = vec![
        pdf::Block::Title(text("archive-pdf-kind-tip")),
        fact("archive-pdf-reference", tip.reference.clone()),
        fact("archive-pdf-round", year.to_string()),
        fact(
            "archive-pdf-received",
            format::date_time(Lang::Nb, tip.created_at),
        ),
        pdf::Block::Heading(text("section-tip")),
        field("field-initiative", &tip.initiative),
        field("field-agency", &tip.agency),
        field("field-reason", &tip.reason),
        pdf::Block::Heading(text("archive-pdf-tipster")),
    ];
    // The form's own labels speak to the tipster ("Navnet ditt"); the archive copy names
    // what the fields hold.
    match (tipster, tip.tipster_email.as_deref()) {
        (None, None) => blocks.push(pdf::Block::Field {
            label: text("field-contact_name"),
            text: text("archive-anonymous"),
        }),
        (name, email) => {
            blocks.push(field(
                "field-contact_name",
                &name.map_or_else(|| text("archive-anonymous"), str::to_owned),
            ));
            if let Some(email) = email {
                blocks.push(field("field-contact_email", email));
            }
            blocks.push(field("archive-pdf-may-contact", &yes_no(tip.may_contact)));
        }
    }
    Prepared {
        reference: tip.reference.clone(),
        metadata: noark::Record {
            reference: tip.reference.clone(),
            title: title.clone(),
            public_title,
            document_type: "Tips",
            received_at: tip.created_at,
            document_date: format::oslo_date(tip.created_at),
            sender: noark::Sender {
                name: tipster.map_or_else(|| text("archive-anonymous"), str::to_owned),
                email: tip.tipster_email.clone(),
                ..noark::Sender::default()
            },
            files: Vec::new(),
            exported_at: now,
        },
        pdf_identity: pdf::Identity {
            title,
            reference: tip.reference.clone(),
            written_at: tip.created_at,
        },
        pdf_blocks: blocks,
        attachments: Vec::new(),
    }
}

fn title_with_kind(id: &str, year: i32) -> String {
    Lang::Nb.text_with(id, &[("year", &year.to_string())])
}

fn fact(label_id: &str, value: String) -> pdf::Block {
    pdf::Block::Fact {
        label: text(label_id),
        value,
    }
}

fn field(label_id: &str, value: &str) -> pdf::Block {
    pdf::Block::Field {
        label: text(label_id),
        text: value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_cut_at_a_word() {
        assert_eq!(title_text("Kort\nmer", 120), "Kort");
        assert_eq!(title_text("ett to tre fire", 9), "ett to…");
        assert_eq!(title_text("\n\n  Andre linje  ", 50), "Andre linje");
    }

    #[test]
    fn attachments_are_named_by_type_not_by_their_name() {
        assert_eq!(extension("application/pdf"), "pdf");
        assert_eq!(extension("text/html"), "bin");
        assert_eq!(format_name("image/jpeg"), "JPEG");
    }
}
