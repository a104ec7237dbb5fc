//! The purge: removes the personal data whose retention period has run out (the rules are
//! `domain::RetentionPeriods`, pure functions of the clock and the records). It runs once a
//! day inside `serve` and on demand (`bedre-stat purge`, `--dry-run` to see the counts
//! first). One transaction; the audit event carries counts, never who.

use crate::db::{self, Database, DbConn};
use crate::domain::{Actor, RetentionPeriods, round_of_tip};
use chrono::NaiveDateTime;
use diesel::QueryResult;

/// How many records of each kind lose their personal data.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PurgeCounts {
    /// Tips whose tipster's name and address go.
    pub tip_contacts: usize,
    /// Nominations whose contact person goes.
    pub nomination_contacts: usize,
    /// Disabled staff accounts anonymised.
    pub accounts: usize,
}

impl PurgeCounts {
    pub fn total(&self) -> usize {
        self.tip_contacts + self.nomination_contacts + self.accounts
    }
}

impl std::fmt::Display for PurgeCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "tip_contacts:{} nomination_contacts:{} accounts:{}",
            self.tip_contacts, self.nomination_contacts, self.accounts
        )
    }
}

/// Whether a nomination is in the public library of good examples, where its page may
/// show the contact person (with the nominee's consent), so the contact is kept: it has a
/// published entry the public may see (the library's one rule, which a withdrawn consent
/// fails — then the contact goes on time like any other). The one place the purge learns it.
fn is_in_library(conn: &mut DbConn, nomination_id: i32) -> QueryResult<bool> {
    super::library::is_in_library(conn, nomination_id)
}

/// The ids whose personal data is due to go at `now`.
struct Due {
    tips: Vec<i32>,
    nominations: Vec<i32>,
    accounts: Vec<i32>,
}

fn due(conn: &mut DbConn, periods: RetentionPeriods, now: NaiveDateTime) -> QueryResult<Due> {
    let rounds = db::retention::rounds(conn)?;
    let tips = db::retention::tips_with_contact(conn)?
        .into_iter()
        .filter(|(_, received, nomination_round)| {
            let round = round_of_tip(*received, *nomination_round, &rounds);
            periods.tip_contact_due(*received, round, now)
        })
        .map(|(id, _, _)| id)
        .collect();
    let mut nominations = Vec::new();
    for (id, round_id) in db::retention::nominations_with_contact(conn)? {
        let Some(round) = rounds.iter().find(|r| r.id == round_id) else {
            continue;
        };
        if periods.nomination_contact_due(round, is_in_library(conn, id)?, now) {
            nominations.push(id);
        }
    }
    let accounts = db::retention::disabled_accounts(conn)?
        .into_iter()
        .filter(|(_, disabled_at)| periods.account_due(*disabled_at, now))
        .map(|(id, _)| id)
        .collect();
    Ok(Due {
        tips,
        nominations,
        accounts,
    })
}

/// What a purge at `now` would remove, changing nothing.
#[tracing::instrument(skip(db))]
pub async fn preview(
    db: &Database,
    periods: RetentionPeriods,
    now: NaiveDateTime,
) -> anyhow::Result<PurgeCounts> {
    db.read(move |conn| {
        let due = due(conn, periods, now)?;
        Ok(PurgeCounts {
            tip_contacts: due.tips.len(),
            nomination_contacts: due.nominations.len(),
            accounts: due.accounts.len(),
        })
    })
    .await
}

/// Removes what is due at `now`, in one transaction, and records it in the audit log
/// (`retention.purged`, with the counts) when anything went or an operator asked.
#[tracing::instrument(skip(db))]
pub async fn purge(
    db: &Database,
    periods: RetentionPeriods,
    now: NaiveDateTime,
    actor: Actor,
) -> anyhow::Result<PurgeCounts> {
    let counts = db
        .write(move |conn| {
            let due = due(conn, periods, now)?;
            let mut counts = PurgeCounts {
                tip_contacts: db::retention::erase_tip_contacts(conn, &due.tips)?,
                nomination_contacts: db::retention::erase_nomination_contacts(
                    conn,
                    &due.nominations,
                )?,
                accounts: 0,
            };
            for id in due.accounts {
                counts.accounts +=
                    usize::from(db::retention::anonymise_user(conn, id, actor, db::now())?);
            }
            if counts.total() > 0 || actor == Actor::Cli {
                db::audit::record(
                    conn,
                    actor,
                    "retention.purged",
                    "retention",
                    Some(&counts.to_string()),
                )?;
            }
            Ok(counts)
        })
        .await?;
    tracing::info!(
        tip_contacts = counts.tip_contacts,
        nomination_contacts = counts.nomination_contacts,
        accounts = counts.accounts,
        "retention purge"
    );
    Ok(counts)
}
