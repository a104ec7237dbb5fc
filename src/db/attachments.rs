//! A nomination's files (`nomination_attachments`). Every query names the nomination, so a
//! file id from another nomination finds nothing.

use super::DbConn;
use super::schema::nomination_attachments;
use crate::domain::NewAttachment;
use diesel::prelude::*;

/// A file as listed: everything but its bytes.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = nomination_attachments)]
pub struct AttachmentInfo {
    pub id: i32,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

/// A file with its bytes, as downloaded (and as the archive export takes it).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = nomination_attachments)]
pub struct AttachmentFile {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[derive(Insertable)]
#[diesel(table_name = nomination_attachments)]
struct NewRow<'a> {
    nomination_id: i32,
    file_name: &'a str,
    content_type: &'a str,
    size_bytes: i64,
    content: &'a [u8],
    created_at: chrono::NaiveDateTime,
}

/// Stores a checked file on a nomination (in the caller's transaction).
pub fn insert(conn: &mut DbConn, nomination_id: i32, file: &NewAttachment) -> QueryResult<()> {
    diesel::insert_into(nomination_attachments::table)
        .values(NewRow {
            nomination_id,
            file_name: &file.file_name,
            content_type: file.kind.content_type(),
            size_bytes: i64::try_from(file.content.len()).unwrap_or(i64::MAX),
            content: &file.content,
            created_at: super::now(),
        })
        .execute(conn)
        .map(|_| ())
}

/// The nomination's files, oldest first, without their bytes.
pub fn list(conn: &mut DbConn, nomination_id: i32) -> QueryResult<Vec<AttachmentInfo>> {
    nomination_attachments::table
        .filter(nomination_attachments::nomination_id.eq(nomination_id))
        .order(nomination_attachments::id)
        .select(AttachmentInfo::as_select())
        .load(conn)
}

/// One of the nomination's files with its bytes; `NotFound` for a file of another
/// nomination, or one removed.
pub fn find(
    conn: &mut DbConn,
    nomination_id: i32,
    attachment_id: i32,
) -> QueryResult<AttachmentFile> {
    nomination_attachments::table
        .filter(nomination_attachments::id.eq(attachment_id))
        .filter(nomination_attachments::nomination_id.eq(nomination_id))
        .select(AttachmentFile::as_select())
        .first(conn)
}

/// Removes those of `attachment_ids` that belong to the nomination; returns how many went.
pub fn delete(conn: &mut DbConn, nomination_id: i32, attachment_ids: &[i32]) -> QueryResult<usize> {
    if attachment_ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(
        nomination_attachments::table
            .filter(nomination_attachments::nomination_id.eq(nomination_id))
            .filter(nomination_attachments::id.eq_any(attachment_ids)),
    )
    .execute(conn)
}

/// How many files the nomination has.
pub fn count(conn: &mut DbConn, nomination_id: i32) -> QueryResult<i64> {
    nomination_attachments::table
        .filter(nomination_attachments::nomination_id.eq(nomination_id))
        .count()
        .get_result(conn)
}

/// The attachments of a nomination with their bytes (name, content type, bytes), oldest
/// first: for the archive export, which puts them beside the nomination's own document.
pub fn attachments_of_nomination(
    conn: &mut DbConn,
    nomination_id: i32,
) -> QueryResult<Vec<AttachmentFile>> {
    nomination_attachments::table
        .filter(nomination_attachments::nomination_id.eq(nomination_id))
        .order(nomination_attachments::id)
        .select(AttachmentFile::as_select())
        .load(conn)
}
