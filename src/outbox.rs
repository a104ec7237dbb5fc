//! The outbox worker: delivers the e-mails that requests committed to `outbox_messages`.
//!
//! A message is claimed (with a lease) before it is sent and marked sent when the SMTP
//! server said OK, so it goes out once. The one unavoidable exception — a crash between the
//! server's OK and our commit — re-sends it after the lease runs out, under the same
//! Message-ID, so the copy is recognisable. Failures are retried with exponential back-off
//! and every attempt is recorded; after `max_attempts` the message is marked failed and kept.

use crate::config::MailSettings;
use crate::db::{self, Database, outbox::OutboxMessage};
use anyhow::Context as _;
use futures_util::StreamExt as _;
use lettre::message::{Mailbox, MultiPart, header::ContentType};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// Wakes the worker when a request has committed new mail, so it need not wait for its
/// next poll.
#[derive(Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn new_mail(&self) {
        self.0.notify_one();
    }
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
        futures_util::stream::iter(claimed)
            .map(|message| {
                let claim_token = &claim_token;
                async move {
                    let outcome = self.send(&message).await;
                    self.record(message, outcome, claim_token).await
                }
            })
            .buffer_unordered(self.settings.concurrency.max(1))
            .for_each(|result| async {
                if let Err(error) = result {
                    tracing::error!(error = ?error, "recording an outbox attempt failed");
                }
            })
            .await;
        Ok(count)
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
                Outcome::Failed(error.to_string())
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
            Outcome::Failed(_) => "failed",
        };
        metrics::counter!("mail_delivery_attempts_total", "result" => result).increment(1);
        self.db
            .write(move |conn| {
                let recorded = match outcome {
                    Outcome::Sent => db::outbox::mark_sent(conn, id, &claim)?,
                    Outcome::Unsendable(error) => {
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
