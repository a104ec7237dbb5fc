//! The secretariat's triage of tips: one tip's page (its likely duplicates beside it) and
//! each step of the triage — review, link to a nomination, invite the agency to nominate
//! (the mail goes through the outbox), close with a reason, reopen. Each step is one
//! transaction with its audit event (ids and codes, never the tip's text); the state
//! machine is `domain::TriageState`, and the database applies a step only if the tip is
//! still in the state it was decided from (`db::tips::transition`).

use crate::db::tips::{Listed, NominationBrief, TipRow, TriageChange};
use crate::db::{self, Database, DbConn};
use crate::domain::{
    Actor, LIKELY_DUPLICATE, TriageAction, TriageRefusal, TriageState, same_agency, similarity,
};
use crate::email::{self, MailIdentity};
use crate::i18n::Lang;
use crate::templates;

/// Most likely duplicates a tip's page shows.
const MAX_DUPLICATES: usize = 5;

/// Something like the tip, with why it looks like a duplicate.
#[derive(Debug, Clone)]
pub struct Duplicate {
    /// `nomination` or `tip`.
    pub kind: &'static str,
    pub id: i32,
    pub reference: String,
    pub agency: String,
    pub text: String,
    pub same_agency: bool,
    /// Text similarity, 0–1.
    pub similarity: f64,
}

/// One tip and what its page shows around it.
pub struct TipDesk {
    pub tip: TipRow,
    /// The nomination it is linked to.
    pub linked: Option<NominationBrief>,
    /// The nominations it could be linked to, newest first.
    pub nominations: Vec<NominationBrief>,
    pub duplicates: Vec<Duplicate>,
}

/// The text of a tip compared with others: what the initiative is and why it deserves it.
fn tip_text(tip: &TipRow) -> String {
    format!("{}\n{}", tip.initiative, tip.reason)
}

/// Whether the agency a tipster named is given by this organisation number (tipsters
/// sometimes write it: "Statens vegvesen (971 032 081)").
fn names_org_number(agency: &str, org_number: &str) -> bool {
    let digits: String = agency.chars().filter(char::is_ascii_digit).collect();
    !org_number.is_empty() && digits == org_number
}

/// The likely duplicates of `tip` among `tips` and `nominations`: the same agency or a
/// similar text, the most similar first.
pub fn likely_duplicates(
    tip: &TipRow,
    tips: &[TipRow],
    nominations: &[NominationBrief],
) -> Vec<Duplicate> {
    let text = tip_text(tip);
    let from_tips = tips.iter().map(|other| Duplicate {
        kind: "tip",
        id: other.id,
        reference: other.reference.clone(),
        agency: other.agency.clone(),
        same_agency: same_agency(&tip.agency, &other.agency),
        similarity: similarity(&text, &tip_text(other)),
        text: other.initiative.clone(),
    });
    let from_nominations = nominations.iter().map(|n| Duplicate {
        kind: "nomination",
        id: n.id,
        reference: n.reference.clone(),
        agency: n.agency_name.clone(),
        same_agency: same_agency(&tip.agency, &n.agency_name)
            || names_org_number(&tip.agency, &n.org_number),
        similarity: similarity(&text, &format!("{}\n{}", n.title, n.summary)),
        text: format!("{}\n\n{}", n.title, n.summary),
    });
    let mut found: Vec<Duplicate> = from_tips
        .chain(from_nominations)
        .filter(|d| d.same_agency || d.similarity >= LIKELY_DUPLICATE)
        .collect();
    found.sort_by(|a, b| {
        (b.same_agency && b.similarity >= LIKELY_DUPLICATE)
            .cmp(&(a.same_agency && a.similarity >= LIKELY_DUPLICATE))
            .then(b.similarity.total_cmp(&a.similarity))
    });
    found.truncate(MAX_DUPLICATES);
    found
}

/// The tip's page (diesel's `NotFound` when there is no such tip).
#[tracing::instrument(skip(db))]
pub async fn desk(db: &Database, tip_id: i32) -> anyhow::Result<TipDesk> {
    db.read(move |conn| {
        let tip = db::tips::find(conn, tip_id)?;
        let nominations = db::tips::nomination_briefs(conn)?;
        let others = db::tips::list(conn, Listed::AllBut(tip_id))?;
        Ok(TipDesk {
            linked: tip
                .nomination_id
                .and_then(|id| nominations.iter().find(|n| n.id == id).cloned()),
            duplicates: likely_duplicates(&tip, &others, &nominations),
            nominations,
            tip,
        })
    })
    .await
}

/// The invitation to the agency, prefilled in `lang`: (subject, body).
pub fn invitation_draft(
    identity: &MailIdentity,
    tip: &TipRow,
    lang: Lang,
) -> anyhow::Result<(String, String)> {
    email::agency_invitation_draft(templates::get(), identity, tip, lang)
}

/// What a triage step came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Triaged {
    Done(TriageState),
    Refused(TriageRefusal),
    /// The nomination to link to does not exist.
    NoSuchNomination,
}

/// Takes `action` on the tip (diesel's `NotFound` when there is no such tip). An
/// invitation's mail is enqueued in the same transaction; the caller wakes the outbox.
#[tracing::instrument(skip(db, identity, action, actor), fields(action = action.code()))]
pub async fn triage(
    db: &Database,
    identity: &MailIdentity,
    tip_id: i32,
    action: TriageAction,
    actor: Actor,
) -> anyhow::Result<Triaged> {
    let identity = identity.clone();
    db.write(move |conn| {
        let tip = db::tips::find(conn, tip_id)?;
        let to = match tip.triage_state.next(&action) {
            Ok(to) => to,
            Err(refusal) => return Ok(Triaged::Refused(refusal)),
        };
        let change = match &action {
            TriageAction::Link { nomination_id } => {
                if !nomination_exists(conn, *nomination_id)? {
                    return Ok(Triaged::NoSuchNomination);
                }
                TriageChange {
                    nomination_id: Some(*nomination_id),
                    closed_reason: None,
                }
            }
            TriageAction::Close { reason } => TriageChange {
                nomination_id: None,
                closed_reason: Some(reason.as_ref().to_owned()),
            },
            // An invitation and a review keep what the tip was linked to (nothing).
            _ => TriageChange::default(),
        };
        if !db::tips::transition(conn, tip_id, tip.triage_state, to, &change)? {
            let now = db::tips::find(conn, tip_id)?.triage_state;
            return Ok(Triaged::Refused(TriageRefusal::ChangedMeanwhile { now }));
        }
        let detail = match &action {
            TriageAction::Link { nomination_id } => Some(format!("nomination:{nomination_id}")),
            TriageAction::Invite(invitation) => {
                let message = email::agency_invitation(&identity, &tip, invitation)?;
                let id = db::outbox::enqueue(conn, &message)?;
                Some(format!("outbox:{id} lang:{}", invitation.lang.code()))
            }
            _ => None,
        };
        let event = format!("tip.{}", action.code());
        db::audit::record(conn, actor, &event, &tip.reference, detail.as_deref())?;
        Ok(Triaged::Done(to))
    })
    .await
}

fn nomination_exists(conn: &mut DbConn, nomination_id: i32) -> diesel::QueryResult<bool> {
    use diesel::OptionalExtension as _;
    Ok(db::nominations::find_by_id(conn, nomination_id)
        .optional()?
        .is_some())
}

/// The tips linked to a nomination (for its page).
#[tracing::instrument(skip(db))]
pub async fn linked_to(db: &Database, nomination_id: i32) -> anyhow::Result<Vec<TipRow>> {
    db.read(move |conn| Ok(db::tips::list(conn, Listed::LinkedTo(nomination_id))?))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TipContent;

    fn tip(id: i32, agency: &str, initiative: &str) -> TipRow {
        TipRow {
            id,
            reference: format!("TIPS-2026-{id:04}"),
            content: TipContent {
                initiative: initiative.into(),
                agency: agency.into(),
                reason: String::new(),
                tipster_name: None,
                tipster_email: None,
                may_contact: false,
            },
            triage_state: TriageState::New,
            language: "nb".into(),
            nomination_id: None,
            submission_key: None,
            created_at: chrono::NaiveDateTime::default(),
            closed_reason: None,
            triaged_at: None,
        }
    }

    #[test]
    fn duplicates_are_the_same_agency_or_a_similar_text_most_alike_first() {
        let this = tip(1, "Statens vegvesen", "Vegvesenet digitaliserte innkjøpene");
        let others = [
            tip(2, "statens vegvesen", "Ny kantine"),
            tip(3, "Vegvesenet", "Digitaliserte innkjøpene i Vegvesenet"),
            tip(4, "Skatteetaten", "Enklere skattemelding"),
        ];
        let nominations = [NominationBrief {
            id: 9,
            reference: "BSP-2027-0001".into(),
            agency_name: "Statens vegvesen".into(),
            org_number: "971032081".into(),
            title: "Digitale innkjøp".into(),
            summary: "Vegvesenet digitaliserte innkjøpene sine".into(),
        }];
        let found = likely_duplicates(&this, &others, &nominations);
        let refs: Vec<&str> = found.iter().map(|d| d.reference.as_str()).collect();
        assert_eq!(refs, ["BSP-2027-0001", "TIPS-2026-0003", "TIPS-2026-0002"]);
        assert!(found[0].same_agency && found[0].similarity >= LIKELY_DUPLICATE);
        assert!(!found[1].same_agency);
        assert!(found[2].same_agency && found[2].similarity < LIKELY_DUPLICATE);

        // The agency given by its organisation number.
        let by_number = tip(5, "Vegvesenet, org.nr. 971 032 081", "Ny kantine");
        let found = likely_duplicates(&by_number, &[], &nominations);
        assert_eq!(found.len(), 1);
        assert!(found[0].same_agency);
        assert!(
            likely_duplicates(&tip(6, "Vegvesenet", "Ny kantine"), &[], &nominations).is_empty()
        );
    }
}
