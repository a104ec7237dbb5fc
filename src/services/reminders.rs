//! Reminders to jurors before a round's jury deadline (`jury.reminder_days`): a juror who
//! still has nominations to score and submit gets one e-mail per reminder, through the
//! outbox, in the language they last used the desk in. What is "left" is the jury matrix's
//! answer (`jury_desk::matrix`), so a nomination the juror is conflicted on is not left.
//!
//! "Once per reminder" is the database's decision: each sent reminder is a row with a
//! unique key (round, juror, deadline, days before), written in the transaction that queues
//! the mail, so two runs or two instances at once send it once. The housekeeping loop
//! (`startup.rs`) calls [`Reminders::send_due`] every minute with the clock's time; the
//! secretariat sends one by hand from the dashboard ([`Reminders::send_now`]), audited, at
//! most one per juror a day (`jury_reminders_by_hand`, the same kind of unique key), so a
//! double click or two members of the secretariat at once do not fill jurors' inboxes.

use crate::db::rounds::Round;
use crate::db::schema::{jury_reminders, jury_reminders_by_hand};
use crate::db::{self, Database, DbConn};
use crate::domain::reminder::{days_left, due_reminder};
use crate::domain::{Actor, Phase};
use crate::email::{self, MailIdentity};
use crate::i18n::Lang;
use crate::outbox::OutboxSignal;
use crate::services::jury_desk::{self, JurorProgress, Matrix};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::sync::Arc;

/// Sends the jury's reminders; cheap to clone.
#[derive(Clone)]
pub struct Reminders {
    db: Database,
    identity: MailIdentity,
    signal: OutboxSignal,
    days: Arc<Vec<u32>>,
}

/// What a reminder by hand did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentByHand {
    /// Jurors with nominations left who were reminded now.
    pub sent: usize,
    /// Jurors with nominations left who had a reminder by hand today already.
    pub reminded_today: usize,
}

/// Why a reminder by hand was not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSent {
    NoSuchRound,
    /// Reminders are for a round in scoring with a jury deadline.
    NotScoring,
}

impl Reminders {
    pub fn new(db: Database, identity: MailIdentity, signal: OutboxSignal, days: &[u32]) -> Self {
        Self {
            db,
            identity,
            signal,
            days: Arc::new(days.to_vec()),
        }
    }

    /// Queues every reminder due at `now` (the clock's time) that was not sent before, and
    /// returns how many were queued.
    #[tracing::instrument(skip(self))]
    pub async fn send_due(&self, now: NaiveDateTime) -> anyhow::Result<usize> {
        let today = crate::format::oslo_date(now);
        let (identity, days) = (self.identity.clone(), self.days.clone());
        let sent = self
            .db
            .write(move |conn| {
                let mut sent = 0;
                for round in rounds_to_remind(conn)? {
                    let Some(deadline) = round.jury_deadline else {
                        continue;
                    };
                    let Some(before) = due_reminder(&days, deadline, today) else {
                        continue;
                    };
                    let matrix = jury_desk::matrix(conn, &round, None)?;
                    for row in &matrix.jurors {
                        if matrix.left_for(row).is_empty() {
                            continue;
                        }
                        // A savepoint each: a reminder another run recorded first is skipped.
                        let once = conn.transaction(|conn| {
                            record_once(conn, &round, row.juror.id, deadline, before)?;
                            let mail = Mail::of(&round, deadline, today, &matrix, row);
                            queue(conn, &identity, &mail, None)
                        });
                        match once {
                            Ok(()) => sent += 1,
                            Err(error) if db::is_unique_violation(&error) => {}
                            Err(error) => return Err(error),
                        }
                    }
                }
                Ok(sent)
            })
            .await?;
        if sent > 0 {
            tracing::info!(sent, "jury reminders queued");
            self.signal.new_mail();
        }
        Ok(sent)
    }

    /// A reminder now, by the secretariat's hand, to every juror of the round with
    /// nominations left who has not had one by hand today (Norwegian date). Audited per
    /// juror.
    #[tracing::instrument(skip(self, actor))]
    pub async fn send_now(
        &self,
        round_id: i32,
        now: NaiveDateTime,
        actor: Actor,
    ) -> anyhow::Result<Result<SentByHand, NotSent>> {
        let today = crate::format::oslo_date(now);
        let identity = self.identity.clone();
        let sent = self
            .db
            .write(move |conn| {
                let Some(round) = db::rounds::find(conn, round_id).optional()? else {
                    return Ok(Err(NotSent::NoSuchRound));
                };
                let Some(deadline) = round
                    .jury_deadline
                    .filter(|_| round.phase == Phase::Scoring)
                else {
                    return Ok(Err(NotSent::NotScoring));
                };
                let matrix = jury_desk::matrix(conn, &round, None)?;
                let mut outcome = SentByHand::default();
                for row in &matrix.jurors {
                    if matrix.left_for(row).is_empty() {
                        continue;
                    }
                    // A savepoint each: a juror reminded by hand today is skipped.
                    let once = conn.transaction(|conn| {
                        record_by_hand_once(conn, &round, row.juror.id, today)?;
                        let mail = Mail::of(&round, deadline, today, &matrix, row);
                        queue(conn, &identity, &mail, Some(actor))
                    });
                    match once {
                        Ok(()) => outcome.sent += 1,
                        Err(error) if db::is_unique_violation(&error) => {
                            outcome.reminded_today += 1;
                        }
                        Err(error) => return Err(error),
                    }
                }
                Ok(Ok(outcome))
            })
            .await?;
        if sent.is_ok_and(|outcome| outcome.sent > 0) {
            self.signal.new_mail();
        }
        Ok(sent)
    }
}

/// The rounds whose jurors may be reminded: scoring, with a jury deadline.
fn rounds_to_remind(conn: &mut DbConn) -> QueryResult<Vec<Round>> {
    Ok(db::scoring::rounds_at_work(conn)?
        .into_iter()
        .filter(|round| round.phase == Phase::Scoring && round.jury_deadline.is_some())
        .collect())
}

/// Records the reminder; a unique violation when it was recorded before.
fn record_once(
    conn: &mut DbConn,
    round: &Round,
    juror_id: i32,
    deadline: NaiveDate,
    before: u32,
) -> QueryResult<()> {
    diesel::insert_into(jury_reminders::table)
        .values((
            jury_reminders::round_id.eq(round.id),
            jury_reminders::juror_id.eq(juror_id),
            jury_reminders::jury_deadline.eq(deadline),
            jury_reminders::days_before.eq(i32::try_from(before).unwrap_or(i32::MAX)),
            jury_reminders::sent_at.eq(db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a reminder by hand; a unique violation when the juror had one today.
fn record_by_hand_once(
    conn: &mut DbConn,
    round: &Round,
    juror_id: i32,
    today: NaiveDate,
) -> QueryResult<()> {
    diesel::insert_into(jury_reminders_by_hand::table)
        .values((
            jury_reminders_by_hand::round_id.eq(round.id),
            jury_reminders_by_hand::juror_id.eq(juror_id),
            jury_reminders_by_hand::sent_on.eq(today),
            jury_reminders_by_hand::sent_at.eq(db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// What one reminder says.
pub struct Mail<'a> {
    pub round: &'a Round,
    pub deadline: NaiveDate,
    pub days_left: i64,
    pub juror: &'a JurorProgress,
    pub left: Vec<db::nominations::NominationRow>,
}

impl<'a> Mail<'a> {
    fn of(
        round: &'a Round,
        deadline: NaiveDate,
        today: NaiveDate,
        matrix: &Matrix,
        juror: &'a JurorProgress,
    ) -> Self {
        Self {
            round,
            deadline,
            days_left: days_left(deadline, today),
            left: matrix.left_for(juror),
            juror,
        }
    }
}

/// Queues the reminder in the juror's language; one sent by hand is audited (an automatic
/// one is recorded in `jury_reminders`).
fn queue(
    conn: &mut DbConn,
    identity: &MailIdentity,
    mail: &Mail<'_>,
    by_hand: Option<Actor>,
) -> anyhow::Result<()> {
    let juror = &mail.juror.juror;
    let lang = db::users::language_of(conn, juror.id)?
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let message = email::jury_reminder(crate::templates::get(), identity, mail, lang)?;
    db::outbox::enqueue(conn, &message)?;
    if let Some(actor) = by_hand {
        db::audit::record(
            conn,
            actor,
            "jury.reminder_sent",
            &Actor::User(juror.id).to_string(),
            Some(&format!("round:{} left:{}", mail.round.id, mail.left.len())),
        )?;
    }
    Ok(())
}
