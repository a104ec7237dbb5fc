//! Taking in nominations and tips: each is stored together with its outgoing e-mails and an
//! audit event in one transaction, so an acknowledged submission always has its mail
//! queued, and a failure leaves nothing half-written.
//!
//! The one mail that may be left out is the receipt: at most
//! `rate_limit.receipts_per_address_per_day` go to one address (counted in the database, in
//! the same transaction, so the cap holds across restarts and instances). Over the cap the
//! submission is stored and acknowledged exactly as usual — the page and the API say
//! nothing different, so they tell nobody whether an address is being flooded — and the
//! audit log records `receipt.withheld` for the secretariat.

use crate::clock::Clock;
use crate::db::attachments::AttachmentInfo;
use crate::db::{
    self, Database, DbConn, Writes, audit, drafts::DraftRow, nominations::NominationRow,
    outbox::NewOutboxMessage, rounds::Round, tips::TipRow, together::Along,
};
use crate::domain::{
    Actor, AttachmentChanges, AttachmentLimits, DraftLifetime, EditWindow, NewAttachment,
    NewNomination, NewTip, NominationDraft, RoundPlan, SubmissionKey,
};
use crate::email::{self, DraftMail, MailIdentity, draft_ref};
use crate::i18n::Lang;
use crate::outbox::OutboxSignal;
use crate::templates;
use anyhow::Context as _;
use chrono::NaiveDate;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Intake {
    db: Database,
    identity: MailIdentity,
    signal: OutboxSignal,
    /// Receipts to one address per day; `None`: no cap (limits turned off).
    receipt_limit: Option<u32>,
    /// How long drafts are kept, counted on `clock`.
    drafts: DraftLifetime,
    clock: Clock,
    /// The open round as the public pages show it, remembered briefly: every view of the
    /// home page and the form needs it, and it changes a few times a year.
    open_round_cache: Arc<Mutex<Option<(Instant, OpenRound)>>>,
}

/// The prize year and nomination deadline of the round taking nominations.
pub type OpenRound = (i32, NaiveDate);

/// How long the public pages may show a round's deadline after the secretariat changed it.
/// Each instance keeps its own copy, so with several instances a change made through one
/// is seen by all of them within this time (the README's "Several instances" says so).
const OPEN_ROUND_CACHE_TTL: Duration = Duration::from_secs(5);

/// A secret token for a private link (a nomination's edit link, an account's password
/// link). Only its hash is stored.
pub struct EditToken(String);

impl EditToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(hex(&bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stored form of an edit token.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

impl Intake {
    pub fn new(
        db: Database,
        identity: MailIdentity,
        signal: OutboxSignal,
        receipt_limit: Option<u32>,
        (drafts, clock): (DraftLifetime, Clock),
    ) -> Self {
        Self {
            open_round_cache: Arc::default(),
            db,
            identity,
            signal,
            receipt_limit,
            drafts,
            clock,
        }
    }

    /// Runs a write transaction (`Database::write` makes it one on both backends),
    /// retrying when it lost a race to create a shared row (a reference counter or a
    /// round) with a concurrent PostgreSQL transaction.
    async fn write_retrying<T, F>(&self, f: F) -> anyhow::Result<T>
    where
        F: Fn(&mut DbConn) -> anyhow::Result<T> + Clone + Send + 'static,
        T: Send + 'static,
    {
        self.write_retrying_as(Writes::Several, f).await
    }

    /// `write_retrying`, made atomic as `writes` says (`Database::write_as`).
    async fn write_retrying_as<T, F>(&self, writes: Writes, f: F) -> anyhow::Result<T>
    where
        F: Fn(&mut DbConn) -> anyhow::Result<T> + Clone + Send + 'static,
        T: Send + 'static,
    {
        let mut attempt = 0;
        loop {
            let f = f.clone();
            match self.db.write_as(writes, f).await {
                Err(error) if attempt < 3 && db::is_unique_violation(&error) => attempt += 1,
                result => return result,
            }
        }
    }

    #[tracing::instrument(skip_all)]
    /// Stores a tip with its forward to the secretariat and, when the tipster gave an
    /// address, a receipt. A form sent again with the same key returns the first tip.
    pub async fn submit_tip(
        &self,
        tip: NewTip,
        lang: Lang,
        key: Option<SubmissionKey>,
    ) -> anyhow::Result<TipRow> {
        let identity = self.identity.clone();
        let receipt_limit = self.receipt_limit;
        // Without an address there is no receipt to count, and the tip is written by one
        // statement (below) after reads: no transaction needed around it.
        let writes = match tip.content().tipster_email {
            Some(_) => Writes::Several,
            None => Writes::OneStatement,
        };
        let row = self
            .write_retrying_as(writes, move |conn| {
                if let Some(key) = &key
                    && let Some(first) = db::tips::find_by_submission_key(conn, key)?
                {
                    return Ok(first);
                }
                // The tip, its forward, its audit event and its receipt go in as one
                // statement on PostgreSQL (`db::together`): the mails are written before
                // the row, from the reference and time the row will have.
                let now = db::now();
                let reference = db::tips::next_reference(conn, now)?;
                let templates = templates::get();
                let content = tip.content();
                let forward =
                    email::tip_forward(templates, &identity, (reference.as_ref(), now), content)?;
                let receipt =
                    email::tip_receipt(templates, &identity, reference.as_ref(), content, lang)?;
                let mut along = vec![
                    db::outbox::queue(&forward, now),
                    db::audit::event(
                        Actor::Public,
                        "tip.submitted",
                        reference.as_ref(),
                        None,
                        now,
                    ),
                ];
                if let Some(receipt) = &receipt {
                    along.push(receipt_or_withheld(conn, receipt, receipt_limit, now)?);
                }
                let row =
                    db::tips::insert(conn, &tip, (&reference, now), lang, key.as_ref(), along)
                        .context("storing the tip")?;
                Ok(row)
            })
            .await?;
        tracing::info!(reference = %row.reference, "tip received");
        self.signal.new_mail();
        Ok(row)
    }

    /// Stores a nomination in the round open now with its files (checked already), and
    /// returns it with its round and the secret for its edit link (sent to the contact
    /// person, never stored in clear).
    #[tracing::instrument(skip_all, fields(files = files.len()))]
    pub async fn submit_nomination(
        &self,
        nomination: NewNomination,
        lang: Lang,
        key: Option<SubmissionKey>,
        files: Vec<NewAttachment>,
    ) -> anyhow::Result<(NominationRow, Round)> {
        self.store_nomination(nomination, lang, key, None, files)
            .await?
            .context("a nomination not from a draft is always stored")
    }

    /// Stores a nomination (see `submit_nomination`); with `from_draft`, deletes that draft
    /// in the same transaction, and stores nothing (`None`) if the draft is gone already —
    /// sent from another tab, or expired.
    async fn store_nomination(
        &self,
        nomination: NewNomination,
        lang: Lang,
        key: Option<SubmissionKey>,
        from_draft: Option<i32>,
        files: Vec<NewAttachment>,
    ) -> anyhow::Result<Option<(NominationRow, Round)>> {
        let identity = self.identity.clone();
        let receipt_limit = self.receipt_limit;
        // Shared, not copied, by each attempt of the transaction.
        let files = Arc::new(files);
        let stored = self
            .write_retrying(move |conn| {
                if let Some(key) = &key
                    && let Some(first) = db::nominations::find_by_submission_key(conn, key)?
                {
                    let round = db::rounds::find(conn, first.round_id)?;
                    return Ok(Some((first, round)));
                }
                if let Some(draft_id) = from_draft {
                    if !db::drafts::delete(conn, draft_id)? {
                        return Ok(None);
                    }
                    audit::record(
                        conn,
                        Actor::Public,
                        "draft.sent",
                        &draft_ref(draft_id),
                        None,
                    )?;
                }
                let round = db::rounds::open_for_nominations(conn, db::now())
                    .context("finding the open round")?;
                let token = EditToken::generate();
                let row = db::nominations::insert(
                    conn,
                    &nomination,
                    round.id,
                    round.prize_year,
                    lang,
                    &hash_token(token.as_str()),
                    key.as_ref(),
                )
                .context("storing the nomination")?;
                for file in files.iter() {
                    db::attachments::insert(conn, row.id, file).context("storing an attachment")?;
                }
                // The receipt goes to an address nobody has confirmed, so like every
                // receipt it carries no free text from the form: the files by format and
                // size, not by the names they were uploaded under.
                let listed: Vec<String> = files
                    .iter()
                    .map(|f| {
                        let size = i64::try_from(f.content.len()).unwrap_or(i64::MAX);
                        format!(
                            "{} ({})",
                            f.kind.label(),
                            crate::format::file_size(lang, size)
                        )
                    })
                    .collect();
                let receipt = email::nomination_receipt(
                    templates::get(),
                    &identity,
                    &row,
                    &round,
                    token.as_str(),
                    lang,
                    &listed,
                )?;
                enqueue_receipt(conn, &receipt, receipt_limit)?;
                audit::record(
                    conn,
                    Actor::Public,
                    "nomination.submitted",
                    &row.reference,
                    None,
                )?;
                Ok(Some((row, round)))
            })
            .await?;
        if let Some((row, round)) = &stored {
            tracing::info!(reference = %row.reference, prize_year = round.prize_year, "nomination received");
            self.signal.new_mail();
        }
        Ok(stored)
    }

    /// Sends a draft as a nomination (it passed every rule): stores the nomination and
    /// deletes the draft in one transaction. `None`: the draft was gone.
    #[tracing::instrument(skip_all, fields(draft_id))]
    pub async fn submit_draft(
        &self,
        draft_id: i32,
        nomination: NewNomination,
        lang: Lang,
        key: Option<SubmissionKey>,
        files: Vec<NewAttachment>,
    ) -> anyhow::Result<Option<(NominationRow, Round)>> {
        tracing::Span::current().record("draft_id", draft_id);
        self.store_nomination(nomination, lang, key, Some(draft_id), files)
            .await
    }

    /// When a draft saved now is deleted.
    pub fn draft_expiry(&self, saved_at: chrono::NaiveDateTime) -> NaiveDate {
        crate::format::oslo_date(self.drafts.expires_at(saved_at))
    }

    /// Stores a new draft and mails its private link to the address typed (a receipt: it
    /// counts against the day's cap for the address). The same form saved again with the
    /// same key (a double click) updates that draft and sends no second mail. Returns the
    /// day the draft will be deleted.
    #[tracing::instrument(skip_all)]
    pub async fn save_new_draft(
        &self,
        draft: NominationDraft,
        lang: Lang,
        key: Option<SubmissionKey>,
    ) -> anyhow::Result<NaiveDate> {
        let identity = self.identity.clone();
        let receipt_limit = self.receipt_limit;
        let now = self.clock.now();
        let expires = self.draft_expiry(now);
        let draft_id = self
            .write_retrying(move |conn| {
                if let Some(key) = &key
                    && let Some(first) = db::drafts::find_by_submission_key(conn, key)?
                {
                    db::drafts::update_content(conn, first.id, &draft, now)?;
                    return Ok(first.id);
                }
                let token = EditToken::generate();
                let row = db::drafts::insert(
                    conn,
                    &draft,
                    &hash_token(token.as_str()),
                    lang,
                    key.as_ref(),
                    now,
                )
                .context("storing the draft")?;
                let mail = email::nomination_draft(
                    templates::get(),
                    &identity,
                    &row,
                    token.as_str(),
                    expires,
                    DraftMail::Saved,
                )?;
                enqueue_receipt(conn, &mail, receipt_limit)?;
                audit::record(conn, Actor::Public, "draft.saved", &draft_ref(row.id), None)?;
                Ok(row.id)
            })
            .await?;
        tracing::info!(draft_id, "nomination draft saved");
        self.signal.new_mail();
        Ok(expires)
    }

    /// Saves a draft again from its private link. Returns the day it will now be deleted,
    /// or `None` if it is gone (sent or expired meanwhile).
    #[tracing::instrument(skip_all, fields(draft_id))]
    pub async fn save_draft(
        &self,
        draft_id: i32,
        draft: NominationDraft,
    ) -> anyhow::Result<Option<NaiveDate>> {
        tracing::Span::current().record("draft_id", draft_id);
        let now = self.clock.now();
        let saved = self
            .write_retrying(move |conn| {
                Ok(db::drafts::update_content(conn, draft_id, &draft, now)?)
            })
            .await?;
        Ok(saved.then(|| self.draft_expiry(now)))
    }

    /// The draft a private link points at.
    pub async fn find_draft(&self, token: String) -> anyhow::Result<Option<DraftRow>> {
        self.db
            .read(move |conn| Ok(db::drafts::find_by_token_hash(conn, &hash_token(&token))?))
            .await
    }

    /// The daily sweep of drafts at `now` (by the rule in [`DraftLifetime`]): deletes the
    /// expired ones and sends each draft due a reminder its one reminder, with a new link
    /// (the first one keeps working). Each reminder is claimed by a conditional update in
    /// the transaction that queues it, so two runs or two instances never send it twice.
    /// Returns how many were reminded and how many deleted.
    #[tracing::instrument(skip_all)]
    pub async fn expire_drafts(
        &self,
        now: chrono::NaiveDateTime,
    ) -> anyhow::Result<(usize, usize)> {
        let identity = self.identity.clone();
        let receipt_limit = self.receipt_limit;
        let life = self.drafts;
        let (remind_before, expire_before) = life.saved_at_bounds(now);
        let (reminded, expired) = self
            .write_retrying(move |conn| {
                let expired = db::drafts::delete_saved_before(conn, expire_before)?;
                let mut reminded = 0;
                if life.reminder_days > 0 {
                    for draft in db::drafts::due_for_reminder(conn, remind_before)? {
                        let token = EditToken::generate();
                        let link_hash = hash_token(token.as_str());
                        if !db::drafts::claim_reminder(
                            conn,
                            draft.id,
                            remind_before,
                            &link_hash,
                            now,
                        )? {
                            continue;
                        }
                        let expires = crate::format::oslo_date(life.expires_at(draft.saved_at));
                        let mail = email::nomination_draft(
                            templates::get(),
                            &identity,
                            &draft,
                            token.as_str(),
                            expires,
                            DraftMail::Reminder,
                        )?;
                        enqueue_receipt(conn, &mail, receipt_limit)?;
                        reminded += 1;
                    }
                }
                Ok((reminded, expired))
            })
            .await?;
        if reminded > 0 || expired > 0 {
            tracing::info!(reminded, expired, "nomination drafts swept");
            self.signal.new_mail();
        }
        Ok((reminded, expired))
    }

    /// The prize year and nomination deadline of the round taking nominations now (from
    /// the database if the secretariat has set it up, else from the yearly rule).
    pub async fn open_round(&self) -> anyhow::Result<OpenRound> {
        if let Some((at, open)) = *self
            .open_round_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            && at.elapsed() < OPEN_ROUND_CACHE_TTL
        {
            return Ok(open);
        }
        let now = db::now();
        let open = self
            .db
            .read(move |conn| Ok(db::rounds::find_open(conn, now)?))
            .await?;
        let open = match open {
            Some(round) => (round.prize_year, round.nomination_deadline),
            None => {
                let plan = RoundPlan::open_at(now);
                (plan.prize_year.value(), plan.deadline_date)
            }
        };
        *self
            .open_round_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), open));
        Ok(open)
    }

    /// The addresses and links e-mails are written with.
    pub fn identity(&self) -> &MailIdentity {
        &self.identity
    }

    /// Tells the outbox worker that mail is due now.
    pub fn wake_outbox(&self) {
        self.signal.new_mail();
    }

    /// The nomination an edit link points at, with its round.
    pub async fn find_by_edit_token(
        &self,
        token: String,
    ) -> anyhow::Result<Option<(NominationRow, Round)>> {
        self.db
            .read(move |conn| {
                let Some(row) =
                    db::nominations::find_by_edit_token_hash(conn, &hash_token(&token))?
                else {
                    return Ok(None);
                };
                let round = db::rounds::find(conn, row.round_id)?;
                Ok(Some((row, round)))
            })
            .await
    }

    /// Saves the agency's changes to the text and the files in one transaction, if the
    /// round still takes them (checked inside the transaction, against the stored round,
    /// by [`EditWindow`]) and the files that stay and come fit `limits` (counted inside it
    /// too, so two tabs cannot together pass the limit). Only the nomination's own files
    /// are removed: another nomination's file id is ignored.
    #[tracing::instrument(skip_all, fields(nomination_id))]
    pub async fn update_nomination(
        &self,
        nomination_id: i32,
        nomination: NewNomination,
        changes: AttachmentChanges,
        limits: AttachmentLimits,
    ) -> anyhow::Result<Edited> {
        tracing::Span::current().record("nomination_id", nomination_id);
        let changes = Arc::new(changes);
        self.write_retrying(move |conn| {
            let current = db::nominations::find_by_id(conn, nomination_id)?;
            let round = db::rounds::find(conn, current.round_id)?;
            if EditWindow::of(round.phase, round.closes_at, db::now()) != EditWindow::Open {
                return Ok(Edited::Closed);
            }
            let existing = usize::try_from(db::attachments::count(conn, nomination_id)?)?;
            let removed = db::attachments::delete(conn, nomination_id, &changes.removed)?;
            if !changes.fits(existing, removed, limits) {
                // An error rolls the transaction back, the removal above with it.
                return Err(TooManyFiles.into());
            }
            for file in &changes.added {
                db::attachments::insert(conn, nomination_id, file)
                    .context("storing an attachment")?;
            }
            let row = db::nominations::update_content(conn, nomination_id, &nomination)?;
            audit::record(
                conn,
                Actor::Public,
                "nomination.edited",
                &row.reference,
                None,
            )?;
            if removed > 0 || !changes.added.is_empty() {
                let detail = format!("added:{} removed:{removed}", changes.added.len());
                audit::record(
                    conn,
                    Actor::Public,
                    "nomination.attachments_changed",
                    &row.reference,
                    Some(&detail),
                )?;
            }
            Ok(Edited::Saved(Box::new(row)))
        })
        .await
        .or_else(|error| match error.downcast_ref::<TooManyFiles>() {
            Some(_) => Ok(Edited::TooManyFiles),
            None => Err(error),
        })
    }

    /// The files of a nomination, as listed on its edit page and receipt.
    pub async fn attachments(&self, nomination_id: i32) -> anyhow::Result<Vec<AttachmentInfo>> {
        self.db
            .read(move |conn| Ok(db::attachments::list(conn, nomination_id)?))
            .await
    }
}

impl Intake {
    /// Gives or withdraws the agency's consent to publish (GDPR art. 7(3): at any time,
    /// also after the deadline, through the private link). Withdrawn, the nomination's
    /// library entry leaves every public page, the feed and the open data at once (they
    /// read the consent live: `domain::library::is_public`).
    #[tracing::instrument(skip_all, fields(nomination_id))]
    pub async fn set_consent(&self, nomination_id: i32, consent: bool) -> anyhow::Result<()> {
        tracing::Span::current().record("nomination_id", nomination_id);
        self.write_retrying(move |conn| {
            use db::schema::nominations;
            use diesel::prelude::*;
            let reference: String = diesel::update(nominations::table.find(nomination_id))
                .set(nominations::consent_publish.eq(consent))
                .returning(nominations::reference)
                .get_result(conn)?;
            let action = if consent {
                "nomination.consent_given"
            } else {
                "nomination.consent_withdrawn"
            };
            audit::record(conn, Actor::Public, action, &reference, None)?;
            Ok(())
        })
        .await
    }
}

/// What became of an edit through the private link.
#[derive(Debug)]
pub enum Edited {
    Saved(Box<NominationRow>),
    /// The round has closed or left the nominations phase: nothing changed.
    Closed,
    /// The files that would stay and come are more than the limit: nothing changed.
    TooManyFiles,
}

/// The error that rolls an edit back when its files would be too many.
#[derive(Debug, thiserror::Error)]
#[error("too many attachments")]
struct TooManyFiles;

/// Queues a receipt in the caller's transaction, unless the address has had `limit`
/// receipts today (UTC); then records `receipt.withheld` instead. Returns whether it was
/// queued.
fn enqueue_receipt(
    conn: &mut DbConn,
    receipt: &NewOutboxMessage,
    limit: Option<u32>,
) -> anyhow::Result<()> {
    receipt_or_withheld(conn, receipt, limit, db::now())?
        .run(conn)
        .context("queueing the receipt")?;
    Ok(())
}

/// The receipt queued, or, when the address has had `limit` receipts today, an audit event
/// saying it was withheld: to be stored along with what it is a receipt for.
fn receipt_or_withheld<'a>(
    conn: &mut DbConn,
    receipt: &'a NewOutboxMessage,
    limit: Option<u32>,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<Along<'a>> {
    if let Some(limit) = limit {
        let hash = receipt
            .recipient_hash
            .as_deref()
            .context("a receipt without a recipient hash")?;
        let count = db::receipts::count_one(conn, hash, now.date())
            .context("counting today's receipts to the address")?;
        if i64::from(count) > i64::from(limit) {
            tracing::warn!(subject_ref = %receipt.subject_ref, "receipt withheld: the address has had its receipts today");
            return Ok(db::audit::event(
                Actor::Public,
                "receipt.withheld",
                &receipt.subject_ref,
                Some("receipts per address per day reached"),
                now,
            ));
        }
    }
    Ok(db::outbox::queue(receipt, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_tokens_are_long_random_and_hashed() {
        let a = EditToken::generate();
        let b = EditToken::generate();
        assert_eq!(a.as_str().len(), 64);
        assert_ne!(a.as_str(), b.as_str());
        assert_eq!(hash_token(a.as_str()).len(), 64);
        assert_ne!(hash_token(a.as_str()), a.as_str());
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
