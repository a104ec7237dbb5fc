//! The secretariat's oversight: decisions on jurors' conflicts of interest
//! (forvaltningsloven §§ 6 and 8) and the audit log.

use crate::db::nominations::NominationRow;
use crate::db::screening::{self, AuditEvent, ConflictCase};
use crate::db::{self, Database};
use crate::domain::ConflictStatus;
use crate::domain::audit_sentence::{self, Event, Names};
use crate::domain::{ConflictDecision, Role};
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use diesel::OptionalExtension as _;
use std::collections::HashMap;

/// Every case: declared conflicts, flags by affiliation, and those decided.
#[tracing::instrument(skip(db))]
pub async fn conflict_cases(db: &Database) -> anyhow::Result<Vec<ConflictCase>> {
    db.read(|conn| Ok(screening::conflict_cases(conn)?)).await
}

/// Whether a case still waits for the secretariat's decision.
pub fn is_open(case: &ConflictCase) -> bool {
    matches!(
        case.status,
        None | Some(ConflictStatus::Declared | ConflictStatus::Flagged)
    )
}

/// A juror and a nomination the secretariat decides on, with the case if there is one.
pub struct Pair {
    pub juror_name: String,
    pub nomination: NominationRow,
    pub case: Option<ConflictCase>,
}

/// The pair, or `None` when there is no such juror (a user with the juror role) or
/// nomination.
#[tracing::instrument(skip(db))]
pub async fn pair(
    db: &Database,
    juror_id: i32,
    nomination_id: i32,
) -> anyhow::Result<Option<Pair>> {
    db.read(move |conn| {
        let Some(juror) = db::users::find(conn, juror_id).optional()? else {
            return Ok(None);
        };
        let Some(nomination) = db::nominations::find_by_id(conn, nomination_id).optional()? else {
            return Ok(None);
        };
        if juror.role() != Role::Juror {
            return Ok(None);
        }
        let case = screening::conflict_cases(conn)?
            .into_iter()
            .find(|c| c.juror_id == juror_id && c.nomination_id == nomination_id);
        Ok(Some(Pair {
            juror_name: juror.name,
            nomination,
            case,
        }))
    })
    .await
}

/// Records the secretariat's decision on the pair, with its audit event, in one
/// transaction (`db::screening::decide_conflict`).
#[tracing::instrument(skip(db, nomination, decision), fields(nomination_id = nomination.id))]
pub async fn decide_conflict(
    db: &Database,
    decided_by: i32,
    juror_id: i32,
    nomination: NominationRow,
    decision: ConflictDecision,
) -> anyhow::Result<()> {
    db.write(move |conn| {
        Ok(screening::decide_conflict(
            conn,
            juror_id,
            &nomination,
            decision.upheld,
            &decision.note,
            decided_by,
        )?)
    })
    .await
}

/// Events per page of the audit log.
pub const PER_PAGE: i64 = 100;

/// The page asked for by `?side=`: a number from 1, else the first.
pub fn page_number(raw: Option<&str>) -> i64 {
    raw.and_then(|s| s.trim().parse::<i64>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// One event as the log shows it: when, and what happened as a sentence in the page's
/// language, with staff, rounds and criteria named (`domain::audit_sentence`).
pub struct LoggedEvent {
    pub occurred_at: NaiveDateTime,
    pub sentence: String,
}

/// One page of the audit log, newest first.
pub struct AuditPage {
    pub events: Vec<LoggedEvent>,
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

/// The page's events, with the names they point at looked up now (events store ids).
#[tracing::instrument(skip(db))]
pub async fn audit_page(db: &Database, page: i64, lang: Lang) -> anyhow::Result<AuditPage> {
    let (events, total, names) = db
        .read(move |conn| {
            let (events, total) = screening::audit_page(conn, page, PER_PAGE)?;
            let nomination_ids: Vec<i32> = events
                .iter()
                .filter_map(|e| e.detail.as_deref())
                .flat_map(str::split_whitespace)
                .filter_map(|w| w.strip_prefix("nomination:")?.parse().ok())
                .collect();
            let names = Names {
                users: screening::user_names(conn)?,
                rounds: screening::round_years(conn)?,
                criteria: screening::criterion_names(conn)?,
                criteria_by_code: HashMap::new(),
                nominations: screening::references_of(conn, &nomination_ids)?,
                erased_marker: db::outbox::ERASED.to_owned(),
            };
            Ok((events, total, names))
        })
        .await?;
    let mut names = names;
    names.criteria_by_code = names.criteria.values().cloned().collect();
    let events = events
        .into_iter()
        .map(|e: AuditEvent| {
            let event = Event {
                actor: &e.actor,
                action: &e.action,
                subject: &e.subject_ref,
                detail: e.detail.as_deref(),
            };
            LoggedEvent {
                occurred_at: e.occurred_at,
                sentence: audit_sentence::sentence(lang, &event, &names),
            }
        })
        .collect();
    Ok(AuditPage {
        events,
        page,
        pages: ((total + PER_PAGE - 1) / PER_PAGE).max(1),
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_number_is_one_unless_a_later_one_is_asked_for() {
        assert_eq!(page_number(None), 1);
        assert_eq!(page_number(Some(" 3 ")), 3);
        assert_eq!(page_number(Some("0")), 1);
        assert_eq!(page_number(Some("-2")), 1);
        assert_eq!(page_number(Some("to")), 1);
    }
}
