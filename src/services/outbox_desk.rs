//! The secretariat's desk for what came in and what goes out: the outbox (waiting, sent,
//! failed with the last error), sending a failed message again, and the tips.

use crate::db::outbox::{OutboxMessage, Requeue};
use crate::db::tips::TipRow;
use crate::db::{self, Database};
use crate::domain::Actor;
use diesel::Connection as _;

/// How many of the latest messages and tips the pages list.
pub const LISTED: i64 = 500;

/// The outbox as the secretariat's page shows it.
pub struct OutboxView {
    /// The latest messages, newest first (at most [`LISTED`]).
    pub messages: Vec<OutboxMessage>,
    /// How many failed messages may be sent again, listed or not.
    pub may_be_sent_again: i64,
}

#[tracing::instrument(skip(db))]
pub async fn outbox(db: &Database) -> anyhow::Result<OutboxView> {
    db.read(|conn| {
        Ok(OutboxView {
            messages: db::outbox::latest(conn, LISTED)?,
            may_be_sent_again: db::outbox::count_may_be_sent_again(conn)?,
        })
    })
    .await
}

/// Puts failed messages back in the queue, due now, with their attempts kept in the
/// record, and an audit event for each; returns how many went back (none when there is no
/// such failed message). The caller wakes the outbox worker.
#[tracing::instrument(skip(db))]
pub async fn retry(db: &Database, requeued_by: i32, which: Requeue) -> anyhow::Result<usize> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            let requeued = db::outbox::requeue_failed(conn, which)?;
            for message_id in &requeued {
                db::audit::record(
                    conn,
                    Actor::User(requeued_by),
                    "mail.requeued",
                    &format!("outbox:{message_id}"),
                    None,
                )?;
            }
            Ok(requeued.len())
        })
    })
    .await
}

#[tracing::instrument(skip(db))]
pub async fn latest_tips(db: &Database) -> anyhow::Result<Vec<TipRow>> {
    db.read(|conn| Ok(db::tips::list(conn, db::tips::Listed::Latest(LISTED))?))
        .await
}
