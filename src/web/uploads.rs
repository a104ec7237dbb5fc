//! Forms that carry files (the nomination form: issue 9 §2). The body is
//! `multipart/form-data`, read as a stream: the text fields become the same urlencoded
//! body every other form has, so the usual [`PostedForm`] checks (CSRF, honeypot, rate
//! limit) and parsing run unchanged; the files are kept beside it.
//!
//! Limits, all enforced while reading:
//! - the whole body: `max_attachments × max_attachment_mb + 1 MiB` (only here; every other
//!   route keeps `server.max_body_bytes`); past it, reading stops;
//! - a file past `max_attachment_mb` is no longer buffered — its buffer is freed and the
//!   rest of it is read and dropped, so the text after it still arrives; a file past
//!   `max_attachments` likewise;
//! - the text fields together: `server.max_body_bytes`, as for any form;
//! - memory: every buffered byte is taken from one process-wide budget
//!   (`nomination.upload_memory_mb`); an upload that finds no room within
//!   [`BUDGET_WAIT`] gets the form again with "try again shortly" (503), so many large
//!   uploads at once cannot exhaust the memory.
//!
//! A post that is not multipart (a script, an older page) is read as an ordinary form,
//! without files.

use super::AppState;
use super::forms::{PageRequest, PostedForm};
use crate::domain::{AttachmentLimits, ValidationError};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt as _;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The form field of the file input.
pub const FILE_FIELD: &str = "attachments";

/// How long an upload waits for room in the memory budget.
const BUDGET_WAIT: Duration = Duration::from_secs(10);

/// The budget is counted in units of this many bytes.
const BUDGET_UNIT: usize = 64 * 1024;

/// The bytes of uploaded files all requests may hold in memory at once.
#[derive(Clone)]
pub struct UploadBudget(Arc<Semaphore>);

impl UploadBudget {
    pub fn new(megabytes: usize) -> Self {
        let units = megabytes.saturating_mul(1_000_000) / BUDGET_UNIT;
        Self(Arc::new(Semaphore::new(
            units.clamp(1, Semaphore::MAX_PERMITS),
        )))
    }
}

/// A file as it arrived: the name the browser gave and the bytes (not checked yet).
pub struct ReceivedFile {
    pub raw_name: String,
    pub content: Vec<u8>,
}

/// The files of one post, and what was wrong with them while reading.
#[derive(Default)]
pub struct ReceivedFiles {
    pub files: Vec<ReceivedFile>,
    /// Too large, too many (each at most once).
    pub problems: Vec<ValidationError>,
    /// No room in the memory budget: the post should be answered "try again shortly".
    pub busy: bool,
    /// Whether the post carried any file at all (shown again, they must be chosen again).
    pub any_chosen: bool,
    /// The part of the memory budget these files hold, given back when they are dropped.
    _budget: Option<OwnedSemaphorePermit>,
}

impl ReceivedFiles {
    fn problem(&mut self, problem: ValidationError) {
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }
}

/// A posted form that may carry files; derefs to the [`PostedForm`] of its text fields.
pub struct UploadForm {
    form: PostedForm,
    pub files: ReceivedFiles,
}

impl std::ops::Deref for UploadForm {
    type Target = PostedForm;

    fn deref(&self) -> &PostedForm {
        &self.form
    }
}

impl UploadForm {
    /// The files, taken out (the form's text stays).
    pub fn take_files(&mut self) -> ReceivedFiles {
        std::mem::take(&mut self.files)
    }
}

fn is_multipart(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("multipart/form-data"))
}

impl FromRequest for UploadForm {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !is_multipart(req) {
            let form = PostedForm::from_request(req, payload);
            return Box::pin(async move {
                Ok(Self {
                    form: form.await?,
                    files: ReceivedFiles::default(),
                })
            });
        }
        let req = req.clone();
        let payload = payload.take();
        Box::pin(async move {
            let page = PageRequest::of(&req)?;
            let state = page.state.clone();
            let (body, files) = read_multipart(&req, payload, &state).await?;
            Ok(Self {
                form: PostedForm::from_parts(page, body),
                files,
            })
        })
    }
}

/// Reads the multipart body within the limits in the module comment.
async fn read_multipart(
    req: &HttpRequest,
    payload: Payload,
    state: &AppState,
) -> Result<(web::Bytes, ReceivedFiles), actix_web::Error> {
    let limits: AttachmentLimits = state.settings.nomination.attachment_limits();
    let max_text = state.settings.server.max_body_bytes;
    let max_body = limits.max_body_bytes();
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > max_body) {
        // Nothing of it can be taken; refused before a byte is read.
        return Err(actix_web::error::ErrorPayloadTooLarge("body too large"));
    }
    let budget = state.upload_budget.0.clone();
    let mut multipart = actix_multipart::Multipart::new(req.headers(), payload);
    let mut text: Vec<(String, String)> = Vec::new();
    let mut text_bytes = 0usize;
    let mut body_bytes = 0usize;
    let mut files = ReceivedFiles::default();
    'fields: while let Some(field) = multipart.next().await {
        let mut field = field.map_err(actix_web::error::ErrorBadRequest)?;
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_owned);
        match file_name {
            Some(raw_name) => {
                if name != FILE_FIELD {
                    return Err(actix_web::error::ErrorBadRequest("unexpected file field"));
                }
                // Once the budget ran out, no later file waits for it again.
                let mut keep = !files.busy && files.files.len() < limits.max_count;
                let mut content = Vec::new();
                let mut any = false;
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(actix_web::error::ErrorBadRequest)?;
                    body_bytes += chunk.len();
                    any |= !chunk.is_empty();
                    if body_bytes > max_body {
                        files.problem(ValidationError::AttachmentTooLarge);
                        files.files.clear();
                        break 'fields;
                    }
                    if !keep {
                        continue;
                    }
                    if content.len() + chunk.len() > limits.max_bytes {
                        // Stop keeping it: free what it held, drop the rest as it comes.
                        files.problem(ValidationError::AttachmentTooLarge);
                        keep = false;
                        content = Vec::new();
                        continue;
                    }
                    if !reserve(&budget, &mut files, content.len(), chunk.len()).await {
                        files.busy = true;
                        keep = false;
                        content = Vec::new();
                        continue;
                    }
                    content.extend_from_slice(&chunk);
                }
                if raw_name.is_empty() && !any {
                    // A file input left empty sends a part with no name and no bytes.
                    continue;
                }
                files.any_chosen = true;
                if files.files.len() >= limits.max_count {
                    files.problem(ValidationError::AttachmentTooMany);
                } else if keep {
                    files.files.push(ReceivedFile { raw_name, content });
                }
            }
            None => {
                let mut value = Vec::new();
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(actix_web::error::ErrorBadRequest)?;
                    body_bytes += chunk.len();
                    text_bytes += chunk.len();
                    if text_bytes > max_text || body_bytes > max_body {
                        return Err(actix_web::error::ErrorPayloadTooLarge("form too large"));
                    }
                    value.extend_from_slice(&chunk);
                }
                let value = String::from_utf8(value)
                    .map_err(|_| actix_web::error::ErrorBadRequest("form field not UTF-8"))?;
                text.push((name, value));
            }
        }
    }
    let body = serde_html_form::to_string(&text).map_err(actix_web::error::ErrorBadRequest)?;
    Ok((web::Bytes::from(body), files))
}

/// Takes room for `adding` more bytes of a file that holds `held` from the budget (in
/// whole units); `false` when there was none within [`BUDGET_WAIT`].
async fn reserve(
    budget: &Arc<Semaphore>,
    files: &mut ReceivedFiles,
    held: usize,
    adding: usize,
) -> bool {
    let units_before = held.div_ceil(BUDGET_UNIT);
    let units_after = (held + adding).div_ceil(BUDGET_UNIT);
    let needed = units_after - units_before;
    if needed == 0 {
        return true;
    }
    let Ok(needed) = u32::try_from(needed) else {
        return false;
    };
    let acquire = budget.clone().acquire_many_owned(needed);
    match tokio::time::timeout(BUDGET_WAIT, acquire).await {
        Ok(Ok(permit)) => {
            match &mut files._budget {
                Some(held) => held.merge(permit),
                None => files._budget = Some(permit),
            }
            true
        }
        _ => false,
    }
}
