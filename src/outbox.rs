//! The outbox worker: delivers the e-mails that requests committed to `outbox_messages`.
//!
//! A message is claimed (with a lease) before it is sent and marked sent when the SMTP
//! server said OK, so it goes out once. The one unavoidable exception — a crash between the
//! server's OK and our commit — re-sends it after the lease runs out, under the same
//! Message-ID, so the copy is recognisable. Failures are retried with exponential back-off
//! and every attempt is recorded; after `max_attempts` the message is marked failed and kept.
//! A reply that refuses the message itself for good (RFC 5321's 5xx: an unknown recipient,
//! a message too large, a refused transaction) ends it at once: sending the same message
//! again can only be refused again, and the secretariat sees why straight away. A refused
//! login is a 5xx too, but it is the portal's configuration, which an operator puts right,
//! so those messages keep their retries (`MailErrorClass::is_final`).
//!
//! Any number of instances may run this worker on one PostgreSQL database: each claims
//! rows no other is claiming (`FOR UPDATE SKIP LOCKED`, `db::outbox::claim_due`), renews
//! its lease every third of it while a batch is still sending, so a slow batch is not
//! taken over and sent twice, and stops starting new sends once its lease could no longer
//! be renewed. A dead instance's claims are taken up by the others when their lease runs
//! out.

use crate::config::MailSettings;
use crate::db::{self, Database, outbox::OutboxMessage};
use crate::domain::mail_error::MailErrorClass;
use anyhow::Context as _;
use futures_util::StreamExt as _;
use lettre::message::{Mailbox, MultiPart, header::ContentType};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::time::Instant;

/// Wakes the worker when a request has committed new mail, so it need not wait for its
/// next poll.
#[derive(Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn new_mail(&self) {
        self.0.notify_one();
    }
}

fn lease_std(lease: chrono::TimeDelta) -> Duration {
    lease.to_std().unwrap_or(Duration::from_secs(1))
}

/// How long to wait before the attempt after `failed_attempts` failures: `base`, doubled
/// each time, never more than `max`.
pub fn backoff(failed_attempts: i32, base: Duration, max: Duration) -> Duration {
    let exponent = u32::try_from(failed_attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(30);
    base.saturating_mul(2u32.saturating_pow(exponent)).min(max)
}

pub struct OutboxWorker {
    db: Database,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    settings: MailSettings,
    signal: OutboxSignal,
}

enum Outcome {
    Sent,
    /// The message itself is broken (cannot be built); retrying would not help.
    Unsendable(String),
    /// The server refused this message for good; retrying would not help.
    Refused(String),
    Failed(String),
}

impl OutboxWorker {
    pub fn new(db: Database, settings: MailSettings, signal: OutboxSignal) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
            .context("mail.smtp_url is not a valid SMTP URL")?
            .timeout(Some(Duration::from_secs(settings.smtp_timeout_secs)))
            .pool_config(PoolConfig::new().max_size(settings.concurrency.max(1) as u32))
            .build();
        let from = settings
            .from
            .parse()
            .context("mail.from is not a valid address")?;
        Ok(Self {
            db,
            transport,
            from,
            settings,
            signal,
        })
    }

    /// Delivers due messages until `shutdown` turns true; finishes the batch in hand first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let poll = Duration::from_millis(self.settings.poll_interval_ms);
        tracing::info!("outbox worker started");
        loop {
            if *shutdown.borrow() {
                break;
            }
            match self.deliver_due_batch().await {
                Ok(0) => {}
                Ok(_) => continue,
                Err(error) => tracing::error!(error = ?error, "outbox batch failed"),
            }
            tokio::select! {
                _ = self.signal.0.notified() => {}
                _ = tokio::time::sleep(poll) => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("outbox worker stopped");
    }

    /// Claims and sends one batch of due messages; returns how many it handled.
    pub async fn deliver_due_batch(&self) -> anyhow::Result<usize> {
        let lease = chrono::TimeDelta::seconds(self.settings.claim_lease_secs as i64);
        let claim_token = uuid::Uuid::new_v4().to_string();
        let batch_size = (self.settings.concurrency.max(1) * 16) as i64;
        let token = claim_token.clone();
        // Before the claim's own clock reading: what we think we hold never outlasts it.
        let claimed_at = Instant::now();
        let claimed = self
            .db
            .write(move |conn| {
                let now = db::now();
                db::outbox::claim_due(conn, now, now + lease, &token, batch_size)
                    .context("claiming due messages")
            })
            .await?;
        let count = claimed.len();
        if count == 0 {
            return Ok(0);
        }
        tracing::debug!(count, "claimed outbox messages");
        let held_until = std::sync::Mutex::new(claimed_at + lease_std(lease));
        let sending = futures_util::stream::iter(claimed)
            .map(|message| {
                let (claim_token, held_until) = (&claim_token, &held_until);
                async move {
                    if Instant::now() >= *held_until.lock().unwrap_or_else(|e| e.into_inner()) {
                        // The lease may have run out and another worker may hold the
                        // message now: leave it to the next claim.
                        tracing::warn!(outbox_id = message.id, "lease not renewed; not sending");
                        return Ok(());
                    }
                    let outcome = self.send(&message).await;
                    self.record(message, outcome, claim_token).await
                }
            })
            .buffer_unordered(self.settings.concurrency.max(1))
            .for_each(|result| async {
                if let Err(error) = result {
                    tracing::error!(error = ?error, "recording an outbox attempt failed");
                }
            });
        tokio::select! {
            () = sending => {}
            never = self.renew_while_sending(&claim_token, lease, &held_until) => match never {},
        }
        Ok(count)
    }

    /// Extends the batch's lease every third of it, for as long as the batch is sending
    /// (the caller drops this future when the batch is done); `held_until` is how long the
    /// claims are surely ours.
    async fn renew_while_sending(
        &self,
        claim_token: &str,
        lease: chrono::TimeDelta,
        held_until: &std::sync::Mutex<Instant>,
    ) -> std::convert::Infallible {
        let every = lease_std(lease) / 3;
        loop {
            tokio::time::sleep(every).await;
            let asked_at = Instant::now();
            let token = claim_token.to_owned();
            let renewed = self
                .db
                .write(move |conn| Ok(db::outbox::renew_claim(conn, &token, db::now() + lease)?))
                .await;
            match renewed {
                Ok(count) => {
                    tracing::debug!(count, "renewed the outbox lease");
                    *held_until.lock().unwrap_or_else(|e| e.into_inner()) =
                        asked_at + lease_std(lease);
                }
                Err(error) => tracing::warn!(error = ?error, "renewing the outbox lease failed"),
            }
        }
    }

    #[tracing::instrument(skip_all, fields(outbox_id = message.id, purpose = %message.purpose, subject_ref = %message.subject_ref))]
    async fn send(&self, message: &OutboxMessage) -> Outcome {
        let email = match self.build(message) {
            Ok(email) => email,
            Err(error) => return Outcome::Unsendable(format!("{error:#}")),
        };
        match self.transport.send(email).await {
            Ok(_) => Outcome::Sent,
            Err(error) => {
                // The server's text may quote the address: it goes to the database for the
                // secretariat, not to the log.
                tracing::warn!(
                    transient = error.is_transient(),
                    permanent = error.is_permanent(),
                    "SMTP delivery failed"
                );
                let text = error.to_string();
                if MailErrorClass::of(&text).is_final() {
                    Outcome::Refused(text)
                } else {
                    Outcome::Failed(text)
                }
            }
        }
    }

    fn build(&self, message: &OutboxMessage) -> anyhow::Result<Message> {
        let mut builder = Message::builder()
            .message_id(Some(message.message_id.clone()))
            .from(self.from.clone())
            .to(message.recipient.parse().context("recipient")?)
            .subject(message.subject.clone());
        if let Some(reply_to) = &message.reply_to {
            builder = builder.reply_to(reply_to.parse().context("reply-to")?);
        }
        let email = match &message.body_html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                message.body_text.clone(),
                html.clone(),
            )),
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(message.body_text.clone()),
        };
        email.context("building the message")
    }

    async fn record(
        &self,
        message: OutboxMessage,
        outcome: Outcome,
        claim_token: &str,
    ) -> anyhow::Result<()> {
        let claim = claim_token.to_owned();
        let (base, max) = (
            Duration::from_secs(self.settings.retry_base_secs),
            Duration::from_secs(self.settings.retry_max_secs),
        );
        let max_attempts = self.settings.max_attempts;
        let id = message.id;
        let result = match &outcome {
            Outcome::Sent => "sent",
            Outcome::Unsendable(_) => "unsendable",
            Outcome::Refused(_) => "refused",
            Outcome::Failed(_) => "failed",
        };
        metrics::counter!("mail_delivery_attempts_total", "result" => result).increment(1);
        self.db
            .write(move |conn| {
                let recorded = match outcome {
                    Outcome::Sent => db::outbox::mark_sent(conn, id, &claim)?,
                    Outcome::Unsendable(error) | Outcome::Refused(error) => {
                        db::outbox::mark_attempt_failed(conn, id, &claim, &error, db::now(), true)?
                    }
                    Outcome::Failed(error) => {
                        let failed_attempts = message.attempts + 1;
                        let wait = backoff(failed_attempts, base, max);
                        let retry_at = db::now()
                            + chrono::TimeDelta::from_std(wait).unwrap_or(chrono::TimeDelta::MAX);
                        db::outbox::mark_attempt_failed(
                            conn,
                            id,
                            &claim,
                            &error,
                            retry_at,
                            failed_attempts >= max_attempts,
                        )?
                    }
                };
                if !recorded {
                    tracing::warn!(
                        outbox_id = id,
                        "claim was lost before the outcome was recorded"
                    );
                }
                Ok(())
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let base = Duration::from_secs(30);
        let max = Duration::from_secs(3600);
        let waits: Vec<u64> = (1..=9).map(|n| backoff(n, base, max).as_secs()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(backoff(0, base, max), base);
        assert_eq!(backoff(i32::MAX, base, max), max);
    }
}
