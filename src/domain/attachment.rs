//! Files attached to a nomination (issue 9 §2): which kinds are taken, told by their bytes
//! and never by their name or the type the browser claims, and the name they are stored
//! and offered for download under.

use super::ValidationError;
use std::io::Cursor;

/// The kinds of file a nomination may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Png,
    Jpeg,
}

impl AttachmentKind {
    /// The content type it is stored with and served as.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    /// The format's short name (the same in every language): `PDF`, `DOCX`, …
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "DOCX",
            Self::Xlsx => "XLSX",
            Self::Pptx => "PPTX",
            Self::Odt => "ODT",
            Self::Ods => "ODS",
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
        }
    }

    /// The file name extensions that belong to the kind; the first is added to a name
    /// that has none of them.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["pdf"],
            Self::Docx => &["docx"],
            Self::Xlsx => &["xlsx"],
            Self::Pptx => &["pptx"],
            Self::Odt => &["odt"],
            Self::Ods => &["ods"],
            Self::Png => &["png"],
            Self::Jpeg => &["jpg", "jpeg"],
        }
    }

    /// What the bytes are, if they are a kind we take.
    ///
    /// `infer` tells PDF, PNG, JPEG, ODT and ODS apart reliably: the first two by their
    /// signature, ODF because the format requires the uncompressed `mimetype` entry first
    /// in the zip, which `infer` reads. It cannot do the same for DOCX, XLSX and PPTX: OOXML
    /// sets no order for the zip's entries, and `infer` only looks at the names of the first
    /// three or four local headers, so files written by other programs than Microsoft Office
    /// (LibreOffice, or the portal's own xlsx writer, whose fourth entry is `docProps/…`) come
    /// out as a plain zip, and a zip whose first entry happens to be `word/x` comes out as
    /// DOCX. So every zip is decided here by its central directory instead (the `zip` crate,
    /// already in the tree for the xlsx export; nothing is decompressed): the package's
    /// `[Content_Types].xml` plus the one main part the format requires.
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        let found = infer::get(bytes)?;
        match found.mime_type() {
            "application/pdf" => Some(Self::Pdf),
            "image/png" => Some(Self::Png),
            "image/jpeg" => Some(Self::Jpeg),
            "application/vnd.oasis.opendocument.text" => Some(Self::Odt),
            "application/vnd.oasis.opendocument.spreadsheet" => Some(Self::Ods),
            _ if bytes.starts_with(b"PK\x03\x04") => office_open_xml(bytes),
            _ => None,
        }
    }
}

/// DOCX, XLSX or PPTX by the parts the zip's central directory lists (see
/// [`AttachmentKind::detect`] for why this is not left to `infer`).
fn office_open_xml(bytes: &[u8]) -> Option<AttachmentKind> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if !has("[Content_Types].xml") {
        return None;
    }
    let main_parts = [
        ("word/document.xml", AttachmentKind::Docx),
        ("xl/workbook.xml", AttachmentKind::Xlsx),
        ("ppt/presentation.xml", AttachmentKind::Pptx),
    ];
    let mut kinds = main_parts
        .iter()
        .filter(|(part, _)| has(part))
        .map(|(_, kind)| *kind);
    match (kinds.next(), kinds.next()) {
        (Some(kind), None) => Some(kind),
        // None of them, or two at once: not a document we can name.
        _ => None,
    }
}

/// The longest file name kept, in characters (before the extension a wrong one gets).
const MAX_NAME_CHARS: usize = 120;

/// The name a file is stored and offered under: the last part of what the browser sent
/// (some send a whole path), without control and direction-changing characters, trimmed,
/// shortened, and ending in an extension of the kind the bytes are — so `rapport.html`
/// that is really a PDF is offered as `rapport.html.pdf`.
pub fn clean_file_name(raw: &str, kind: AttachmentKind) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').trim();
    let name = if cleaned.is_empty() {
        "vedlegg"
    } else {
        cleaned
    };
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_lowercase())
        .unwrap_or_default();
    if kind.extensions().contains(&extension.as_str()) {
        name.to_owned()
    } else {
        format!("{name}.{}", kind.extensions()[0])
    }
}

/// Characters that turn text direction around (`fil` U+202E `fdp.exe` shows as
/// `filexe.pdf`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How many files a nomination may have, and how large each may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentLimits {
    pub max_count: usize,
    pub max_bytes: usize,
}

impl AttachmentLimits {
    /// The largest request body a form with files may send: every file at its largest,
    /// and room for the text fields and the multipart framing.
    pub fn max_body_bytes(self) -> usize {
        const MARGIN: usize = 1024 * 1024;
        self.max_count
            .saturating_mul(self.max_bytes)
            .saturating_add(MARGIN)
    }
}

/// A file that passed every check, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub file_name: String,
    pub kind: AttachmentKind,
    pub content: Vec<u8>,
}

impl NewAttachment {
    /// Checks a received file's content: a kind we take, by its bytes.
    pub fn parse(raw_name: &str, content: Vec<u8>) -> Result<Self, ValidationError> {
        let kind = AttachmentKind::detect(&content).ok_or(ValidationError::AttachmentWrongType)?;
        Ok(Self {
            file_name: clean_file_name(raw_name, kind),
            kind,
            content,
        })
    }
}

/// What changes to a nomination's files one post asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachmentChanges {
    pub added: Vec<NewAttachment>,
    /// Ids of the nomination's files to remove (ids of other nominations' files are
    /// ignored where they are applied).
    pub removed: Vec<i32>,
}

impl AttachmentChanges {
    /// Whether the nomination may have `existing` files, less those removed (of its own:
    /// `removed_own`), plus those added.
    pub fn fits(&self, existing: usize, removed_own: usize, limits: AttachmentLimits) -> bool {
        existing.saturating_sub(removed_own) + self.added.len() <= limits.max_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn zip_with(entries: &[&str]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for name in entries {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(b"<x/>").unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn office_files_are_told_apart_by_their_main_part_whatever_the_entry_order() {
        let docx = zip_with(&[
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "[Content_Types].xml",
            "word/document.xml",
        ]);
        assert_eq!(AttachmentKind::detect(&docx), Some(AttachmentKind::Docx));
        let xlsx = zip_with(&["[Content_Types].xml", "xl/workbook.xml"]);
        assert_eq!(AttachmentKind::detect(&xlsx), Some(AttachmentKind::Xlsx));
        let pptx = zip_with(&["[Content_Types].xml", "ppt/presentation.xml"]);
        assert_eq!(AttachmentKind::detect(&pptx), Some(AttachmentKind::Pptx));
    }

    #[test]
    fn infer_alone_misses_a_docx_written_in_another_order() {
        // Why the central directory is read by hand (see `detect`).
        let docx = zip_with(&[
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/document.xml",
        ]);
        assert!(!infer::doc::is_docx(&docx));
        assert_eq!(AttachmentKind::detect(&docx), Some(AttachmentKind::Docx));
    }

    #[test]
    fn a_zip_that_is_not_an_office_file_is_refused() {
        assert_eq!(AttachmentKind::detect(&zip_with(&["a.txt"])), None);
        // A first entry named like Word's, but no package around it.
        assert_eq!(AttachmentKind::detect(&zip_with(&["word/x.xml"])), None);
        let both = zip_with(&[
            "[Content_Types].xml",
            "word/document.xml",
            "xl/workbook.xml",
        ]);
        assert_eq!(AttachmentKind::detect(&both), None);
        assert_eq!(AttachmentKind::detect(b"PK\x03\x04 broken"), None);
    }

    #[test]
    fn open_document_files_are_told_apart() {
        let odf = |mime: &str| {
            let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            writer.start_file("mimetype", stored).unwrap();
            writer.write_all(mime.as_bytes()).unwrap();
            writer.finish().unwrap().into_inner()
        };
        let odt = odf("application/vnd.oasis.opendocument.text");
        let ods = odf("application/vnd.oasis.opendocument.spreadsheet");
        let odp = odf("application/vnd.oasis.opendocument.presentation");
        assert_eq!(AttachmentKind::detect(&odt), Some(AttachmentKind::Odt));
        assert_eq!(AttachmentKind::detect(&ods), Some(AttachmentKind::Ods));
        assert_eq!(AttachmentKind::detect(&odp), None);
    }

    #[test]
    fn images_and_pdf_by_signature_and_html_refused_whatever_its_name() {
        assert_eq!(
            AttachmentKind::detect(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
            Some(AttachmentKind::Pdf)
        );
        assert_eq!(
            AttachmentKind::detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(AttachmentKind::Png)
        );
        assert_eq!(
            AttachmentKind::detect(b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
            Some(AttachmentKind::Jpeg)
        );
        assert_eq!(
            NewAttachment::parse("x.pdf", b"<html><script>alert(1)</script>".to_vec()),
            Err(ValidationError::AttachmentWrongType)
        );
        assert_eq!(AttachmentKind::detect(b"GIF89a\x01\0\x01\0"), None);
        assert_eq!(AttachmentKind::detect(b""), None);
    }

    #[test]
    fn names_lose_paths_controls_and_get_the_right_extension() {
        use AttachmentKind::*;
        assert_eq!(clean_file_name("../../x.pdf", Pdf), "x.pdf");
        assert_eq!(
            clean_file_name("C:\\Users\\a\\Årsrapport.PDF", Pdf),
            "Årsrapport.PDF"
        );
        assert_eq!(clean_file_name("a\"b\r\nc.pdf", Pdf), "a\"bc.pdf");
        assert_eq!(clean_file_name("side.html", Pdf), "side.html.pdf");
        assert_eq!(clean_file_name("fil\u{202e}fdp.exe", Png), "filfdp.exe.png");
        assert_eq!(clean_file_name("..", Jpeg), "vedlegg.jpg");
        assert_eq!(clean_file_name("bilde.jpeg", Jpeg), "bilde.jpeg");
        assert_eq!(clean_file_name(&"å".repeat(500), Pdf).chars().count(), 124);
    }

    #[test]
    fn limits_count_what_stays_and_what_comes() {
        let limits = AttachmentLimits {
            max_count: 5,
            max_bytes: 10,
        };
        let file = NewAttachment {
            file_name: "a.pdf".into(),
            kind: AttachmentKind::Pdf,
            content: vec![],
        };
        let changes = AttachmentChanges {
            added: vec![file.clone(), file],
            removed: vec![1],
        };
        assert!(changes.fits(3, 0, limits));
        assert!(!changes.fits(4, 0, limits));
        assert!(changes.fits(4, 1, limits));
        assert_eq!(limits.max_body_bytes(), 50 + 1024 * 1024);
    }
}
