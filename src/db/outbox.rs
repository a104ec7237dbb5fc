//! The outbox table: e-mails committed with the data they belong to, then claimed, sent
//! and recorded by the worker (`crate::outbox`).

use super::DbConn;
use super::schema::{outbox_attempts, outbox_messages};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::OutboxStatus;

/// A message ready to be stored; every header value here was built from typed values.
/// The stored [`OutboxMessage`] embeds it, with its delivery state around it.
#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = outbox_messages, treat_none_as_default_value = false)]
pub struct NewOutboxMessage {
    pub message_id: String,
    pub purpose: String,
    pub subject_ref: String,
    pub recipient: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    /// `address_hash` of the recipient's address; it stays when the recipient is erased.
    pub recipient_hash: Option<String>,
    /// The body holds a one-time link (edit link, invitation, reset): it is erased, with
    /// the recipient, in the transaction that records the delivery (`mark_sent`).
    pub live_link: bool,
}

/// The stored fingerprint of an e-mail address: SHA-256 of the bare address, trimmed and in
/// lower case, its domain in punycode (so `post@bærum.kommune.no` and
/// `post@xn--brum-voa.kommune.no` are one address). Lets a delivered message, a person's
/// data export and the receipt limit find an address without the outbox keeping it in clear.
pub fn address_hash(address: &str) -> String {
    use sha2::{Digest as _, Sha256};
    let address = address.trim();
    let ascii = crate::domain::ascii_address(address).unwrap_or_else(|| address.to_owned());
    Sha256::digest(ascii.to_lowercase().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox_messages)]
pub struct OutboxMessage {
    pub id: i32,
    #[diesel(embed)]
    pub message: NewOutboxMessage,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub claim_token: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl OutboxMessage {
    /// Erased at the person's request before it was delivered (`privacy::erase`): failed,
    /// with no recipient or body left, so it can never be sent (`requeue_failed` leaves
    /// such messages out in SQL). A delivered message with a live link has its recipient
    /// erased too, but it went out.
    pub fn is_erased_undelivered(&self) -> bool {
        self.status == OutboxStatus::Failed && self.message.recipient == ERASED
    }

    /// Whether the secretariat may put it back in the queue: failed, and not erased (the
    /// rule `requeue_failed` and `count_may_be_sent_again` apply in SQL).
    pub fn may_be_sent_again(&self) -> bool {
        self.status == OutboxStatus::Failed && self.message.recipient != ERASED
    }
}

impl std::ops::Deref for OutboxMessage {
    type Target = NewOutboxMessage;

    /// The message's fields read as the row's own (`message.subject`).
    fn deref(&self) -> &NewOutboxMessage {
        &self.message
    }
}

/// Stores a message in the caller's transaction, due at once.
#[tracing::instrument(skip_all, fields(purpose = %message.purpose, subject_ref = %message.subject_ref))]
pub fn enqueue(conn: &mut DbConn, message: &NewOutboxMessage) -> QueryResult<i32> {
    diesel::insert_into(outbox_messages::table)
        .values(queued(message, super::now()))
        .returning(outbox_messages::id)
        .get_result(conn)
}

/// Queues `message` along with another row (`db::together`), as `enqueue` does.
pub fn queue(message: &NewOutboxMessage, now: NaiveDateTime) -> super::together::Along<'_> {
    Box::new(diesel::insert_into(outbox_messages::table).values(queued(message, now)))
}

/// A message as it is queued: waiting, due at once.
type Queued<'a> = (
    &'a NewOutboxMessage,
    diesel::dsl::Eq<outbox_messages::status, OutboxStatus>,
    diesel::dsl::Eq<outbox_messages::attempts, i32>,
    diesel::dsl::Eq<outbox_messages::next_attempt_at, NaiveDateTime>,
    diesel::dsl::Eq<outbox_messages::created_at, NaiveDateTime>,
);

fn queued(message: &NewOutboxMessage, now: NaiveDateTime) -> Queued<'_> {
    (
        message,
        outbox_messages::status.eq(OutboxStatus::Pending),
        outbox_messages::attempts.eq(0),
        outbox_messages::next_attempt_at.eq(now),
        outbox_messages::created_at.eq(now),
    )
}

/// Claims up to `limit` messages that are due — pending and past their next attempt, or
/// claimed by a process whose lease ran out (it crashed) — for `lease_until`, under
/// `claim_token`, and returns them. The claim conditions are repeated on the row being
/// updated, so two workers never both claim one message.
///
/// Several instances may claim at once on PostgreSQL: there the candidates are read
/// `FOR UPDATE SKIP LOCKED` (in the caller's transaction), so each worker takes rows no
/// other is claiming at this moment instead of queueing behind their locks and coming away
/// empty. SQLite has one writer, so the portable query suffices.
#[tracing::instrument(skip(conn, token))]
pub fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    token: &str,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    use super::schema::outbox_messages::dsl::*;
    let due = || {
        status
            .eq(OutboxStatus::Pending)
            .and(next_attempt_at.le(now))
            .or(status.eq(OutboxStatus::Sending).and(claimed_until.lt(now)))
    };
    let due_first = outbox_messages
        .filter(due())
        .order(next_attempt_at)
        .limit(limit)
        .select(id);
    let candidates: Vec<i32> = match conn {
        DbConn::Pg(pg) => due_first.for_update().skip_locked().load(pg)?,
        DbConn::Sqlite(_) => due_first.load(conn)?,
    };
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(outbox_messages.filter(id.eq_any(&candidates)).filter(due()))
        .set((
            status.eq(OutboxStatus::Sending),
            claimed_until.eq(lease_until),
            claim_token.eq(token),
        ))
        .execute(conn)?;
    outbox_messages
        .filter(id.eq_any(&candidates))
        .filter(status.eq(OutboxStatus::Sending))
        .filter(claim_token.eq(token))
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// Extends the lease of the messages `token` still holds (claimed, not yet recorded) to
/// `lease_until`, while a long batch is sending; returns how many. A message whose lease
/// already ran out and that another worker claimed has another token and is not touched.
pub fn renew_claim(
    conn: &mut DbConn,
    token: &str,
    lease_until: NaiveDateTime,
) -> QueryResult<usize> {
    use super::schema::outbox_messages::dsl::*;
    diesel::update(
        outbox_messages
            .filter(claim_token.eq(token))
            .filter(status.eq(OutboxStatus::Sending)),
    )
    .set(claimed_until.eq(lease_until))
    .execute(conn)
}

fn record_attempt(
    conn: &mut DbConn,
    message: i32,
    at: NaiveDateTime,
    error: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(outbox_attempts::table)
        .values((
            outbox_attempts::outbox_message_id.eq(message),
            outbox_attempts::attempted_at.eq(at),
            outbox_attempts::succeeded.eq(error.is_none()),
            outbox_attempts::error.eq(error),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records that the SMTP server accepted the message. Only the holder of the claim may.
///
/// A message with a live link loses its body and clear recipient in the same transaction
/// (its subject, recipient hash, Message-ID and attempts stay): a copy of the database then
/// holds no usable link. Until this commits the body is still there, so a crash between the
/// server's OK and the commit re-sends the same message.
pub fn mark_sent(conn: &mut DbConn, message: i32, claim: &str) -> QueryResult<bool> {
    use super::schema::outbox_messages::dsl::*;
    conn.transaction(|conn| {
        let now = super::now();
        let mine = || outbox_messages.find(message).filter(claim_token.eq(claim));
        let updated = diesel::update(mine())
            .set((
                status.eq(OutboxStatus::Sent),
                sent_at.eq(now),
                attempts.eq(attempts + 1),
                claimed_until.eq(None::<NaiveDateTime>),
                last_error.eq(None::<String>),
            ))
            .execute(conn)?;
        diesel::update(mine().filter(live_link.eq(true)))
            .set((
                recipient.eq(ERASED),
                reply_to.eq(None::<String>),
                body_text.eq(""),
                body_html.eq(None::<String>),
            ))
            .execute(conn)?;
        record_attempt(conn, message, now, None)?;
        Ok(updated == 1)
    })
}

/// Records a failed attempt: the message waits until `retry_at`, or, when `give_up`, is
/// marked failed (kept, and shown to the secretariat).
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    message: i32,
    claim: &str,
    error_text: &str,
    retry_at: NaiveDateTime,
    give_up: bool,
) -> QueryResult<bool> {
    use super::schema::outbox_messages::dsl::*;
    conn.transaction(|conn| {
        let now = super::now();
        let updated = diesel::update(outbox_messages.find(message).filter(claim_token.eq(claim)))
            .set((
                status.eq(if give_up {
                    OutboxStatus::Failed
                } else {
                    OutboxStatus::Pending
                }),
                attempts.eq(attempts + 1),
                next_attempt_at.eq(retry_at),
                claimed_until.eq(None::<NaiveDateTime>),
                last_error.eq(error_text),
            ))
            .execute(conn)?;
        record_attempt(conn, message, now, Some(error_text))?;
        Ok(updated == 1)
    })
}

/// Messages not yet delivered and not given up on.
pub fn count_waiting(conn: &mut DbConn) -> QueryResult<i64> {
    outbox_messages::table
        .filter(outbox_messages::status.eq_any([OutboxStatus::Pending, OutboxStatus::Sending]))
        .count()
        .get_result(conn)
}

pub fn count_sent(conn: &mut DbConn) -> QueryResult<i64> {
    outbox_messages::table
        .filter(outbox_messages::status.eq(OutboxStatus::Sent))
        .count()
        .get_result(conn)
}

pub fn count_failed(conn: &mut DbConn) -> QueryResult<i64> {
    outbox_messages::table
        .filter(outbox_messages::status.eq(OutboxStatus::Failed))
        .count()
        .get_result(conn)
}

/// The earliest time a waiting message falls due, to know how long the worker may sleep.
pub fn next_due(conn: &mut DbConn) -> QueryResult<Option<NaiveDateTime>> {
    outbox_messages::table
        .filter(outbox_messages::status.eq(OutboxStatus::Pending))
        .select(diesel::dsl::min(outbox_messages::next_attempt_at))
        .first(conn)
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<OutboxMessage>> {
    outbox_messages::table
        .order(outbox_messages::id)
        .select(OutboxMessage::as_select())
        .load(conn)
}

pub fn attempts_of(conn: &mut DbConn, message: i32) -> QueryResult<i64> {
    outbox_attempts::table
        .filter(outbox_attempts::outbox_message_id.eq(message))
        .count()
        .get_result(conn)
}

/// What an erased message's recipient reads.
pub const ERASED: &str = "(slettet)";

/// Erases the recipient (and its hash), Reply-To and bodies of messages delivered before
/// `sent_before` (privacy by design: a delivered copy is not kept for ever). Returns how
/// many. Messages with a live link lost their body on delivery; here they lose the hash.
pub fn erase_delivered_before(conn: &mut DbConn, sent_before: NaiveDateTime) -> QueryResult<usize> {
    use super::schema::outbox_messages::dsl::*;
    diesel::update(
        outbox_messages
            .filter(status.eq(OutboxStatus::Sent))
            .filter(sent_at.lt(sent_before))
            .filter(recipient.ne(ERASED).or(recipient_hash.is_not_null())),
    )
    .set((
        recipient.eq(ERASED),
        recipient_hash.eq(None::<String>),
        reply_to.eq(None::<String>),
        body_text.eq(""),
        body_html.eq(None::<String>),
    ))
    .execute(conn)
}

/// The newest messages first, at most `limit`.
pub fn latest(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox_messages::table
        .order(outbox_messages::id.desc())
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// Failed, and not erased at a person's request: a message the secretariat may put back
/// in the queue (`OutboxMessage::may_be_sent_again` says the same of a loaded one).
#[diesel::dsl::auto_type]
fn may_be_sent_again() -> _ {
    let failed: OutboxStatus = OutboxStatus::Failed;
    let erased: &'static str = ERASED;
    outbox_messages::status
        .eq(failed)
        .and(outbox_messages::recipient.ne(erased))
}

/// How many messages may be sent again, all of them (the page lists only the latest).
pub fn count_may_be_sent_again(conn: &mut DbConn) -> QueryResult<i64> {
    outbox_messages::table
        .filter(may_be_sent_again())
        .count()
        .get_result(conn)
}

/// Which failed messages to put back in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requeue {
    One(i32),
    /// Every failed message (a relay that refused everything until it was set up right).
    AllFailed,
}

/// Puts failed messages back in the queue, due now; returns their ids. Their past
/// attempts stay recorded; the count starts over so each gets the full number of tries
/// again. A message erased at a person's request is failed too, but has no recipient or
/// body left to send: it is never put back.
pub fn requeue_failed(conn: &mut DbConn, which: Requeue) -> QueryResult<Vec<i32>> {
    use super::schema::outbox_messages::dsl::*;
    let failed = outbox_messages.filter(may_be_sent_again());
    let requeued = (
        status.eq(OutboxStatus::Pending),
        attempts.eq(0),
        next_attempt_at.eq(super::now()),
    );
    match which {
        Requeue::One(message) => diesel::update(failed.filter(id.eq(message)))
            .set(requeued)
            .returning(id)
            .get_results(conn),
        Requeue::AllFailed => diesel::update(failed)
            .set(requeued)
            .returning(id)
            .get_results(conn),
    }
}
