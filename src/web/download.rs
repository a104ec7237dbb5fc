//! A stored file sent as a download: never shown inline, under a safe name, as the type
//! its content was found to be.

use crate::db::attachments::{AttachmentFile, AttachmentInfo};
use crate::services::attachments::Download;
use crate::web::errors::{PageError, PageResult};
use actix_web::HttpResponse;
use actix_web::http::header::{
    self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};

/// `Content-Disposition: attachment` with an ASCII `filename` for old clients and the real
/// name (æ, ø, å) as RFC 6266/8187 `filename*`; `nosniff` and the checked content type, so
/// no browser renders it as a page of ours; not cached by anyone in between.
pub fn attachment(file: AttachmentFile) -> HttpResponse {
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii_fallback(&file.file_name)),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".to_owned()),
                language_tag: None,
                value: file.file_name.into_bytes(),
            }),
        ],
    };
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, file.content_type))
        .insert_header(disposition)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ))
        .body(file.content)
}

/// What a download asked for, as the answer: the file, or the 404 or 403 page.
pub fn answer(download: Download) -> PageResult {
    match download {
        Download::File(file) => Ok(attachment(file)),
        Download::NotFound => Err(PageError::NotFound),
        Download::Refused => Err(PageError::Forbidden),
    }
}

/// The name in ASCII for `filename=`: Norwegian letters spelt out, anything else outside
/// printable ASCII, and the quote and backslash a quoted string would need escaped, as `_`.
/// (Stored names have no control characters: `clean_file_name`.)
fn ascii_fallback(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'æ' => "ae".to_owned(),
            'Æ' => "Ae".to_owned(),
            'ø' => "o".to_owned(),
            'Ø' => "O".to_owned(),
            'å' => "a".to_owned(),
            'Å' => "A".to_owned(),
            ' '..='~' if c != '"' && c != '\\' => c.to_string(),
            _ => "_".to_owned(),
        })
        .collect()
}

/// Files as the pages list them: name, a readable size, and the download link under the
/// nomination's page at `base` (staff pages, or the nominee's private link; the receipt,
/// which has no link to put in its addresses, shows no `href`).
pub fn listed(
    lang: crate::i18n::Lang,
    files: &[AttachmentInfo],
    base: &str,
) -> Vec<serde_json::Value> {
    files
        .iter()
        .map(|file| {
            serde_json::json!({
                "id": file.id,
                "name": file.file_name,
                "size": crate::format::file_size(lang, file.size_bytes),
                "href": format!("{base}/vedlegg/{}", file.id),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_names_the_file_safely_in_both_forms() {
        let response = attachment(AttachmentFile {
            file_name: "Årsrapport \"vår\".pdf".into(),
            content_type: "application/pdf".into(),
            content: b"%PDF-1.7".to_vec(),
        });
        let value = response
            .headers()
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            value,
            "attachment; filename=\"Arsrapport _var_.pdf\"; \
             filename*=UTF-8''%C3%85rsrapport%20%22v%C3%A5r%22.pdf"
        );
        assert_eq!(
            response
                .headers()
                .get(header::X_CONTENT_TYPE_OPTIONS)
                .unwrap(),
            "nosniff"
        );
    }
}
