//! The secretariat's triage of a tip: where it stands, what may happen to it next, and the
//! triage forms parsed.
//!
//! ```text
//!            ┌───────────────┬──► linked to a nomination ──┐
//!  new ──► under review ─────┼──► agency invited ──► linked │
//!   └────────────┴───────────┴──► closed with a reason ◄────┤ (invited → closed too)
//!  linked / closed ──► reopened: under review again ◄───────┘
//! ```
//!
//! A tip can be linked, invited or closed straight from `new` (the secretariat need not
//! press "start review" first when the answer is obvious). The database applies a
//! transition only if the tip is still in the state it was decided from, so two members of
//! the secretariat acting at once cannot both win (see `db::tips::transition`).

use super::status::text_enum;
use super::{EmailAddress, FieldErrors, LongText, ShortText, ValidationError};
use crate::i18n::Lang;

text_enum! {
    /// Where a tip stands in the secretariat's triage.
    pub enum TriageState {
        New => "new",
        UnderReview => "under_review",
        /// Linked to a nomination (the initiative was nominated, or is now).
        Linked => "linked",
        /// The agency behind the initiative was invited to nominate it.
        Invited => "invited",
        /// Closed with a reason (out of scope, a duplicate, too little to go on).
        Closed => "closed",
    }
}

/// What the secretariat does with a tip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriageAction {
    StartReview,
    Link { nomination_id: i32 },
    Invite(AgencyInvitation),
    Close { reason: LongText },
    Reopen,
}

impl TriageAction {
    /// The action's name in Fluent messages and audit events.
    pub fn code(&self) -> &'static str {
        match self {
            Self::StartReview => "review",
            Self::Link { .. } => "link",
            Self::Invite(_) => "invite",
            Self::Close { .. } => "close",
            Self::Reopen => "reopen",
        }
    }
}

/// Why a triage action was not taken; each has a message saying what to do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriageRefusal {
    /// The action does not apply to a tip in this state.
    NotFrom {
        state: TriageState,
        action: &'static str,
    },
    /// Someone else changed the tip since the page was shown.
    ChangedMeanwhile { now: TriageState },
}

impl TriageRefusal {
    /// The refusal in the user's language.
    pub fn message(self, lang: Lang) -> String {
        match self {
            Self::NotFrom { state, action } => lang.text_with(
                "tips-refused-not-from",
                &[
                    ("action", &lang.text(&format!("tips-action-{action}"))),
                    ("state", &lang.text(&format!("tips-state-{}", state.code()))),
                ],
            ),
            Self::ChangedMeanwhile { now } => lang.text_with(
                "tips-refused-changed",
                &[("state", &lang.text(&format!("tips-state-{}", now.code())))],
            ),
        }
    }
}

impl TriageState {
    /// The state `action` takes a tip in this state to, or why it may not.
    pub fn next(self, action: &TriageAction) -> Result<Self, TriageRefusal> {
        use TriageState::*;
        let next = match (self, action) {
            (New, TriageAction::StartReview) => UnderReview,
            (New | UnderReview | Invited, TriageAction::Link { .. }) => Linked,
            (New | UnderReview, TriageAction::Invite(_)) => Invited,
            (New | UnderReview | Invited, TriageAction::Close { .. }) => Closed,
            (Linked | Closed, TriageAction::Reopen) => UnderReview,
            (state, action) => {
                return Err(TriageRefusal::NotFrom {
                    state,
                    action: action.code(),
                });
            }
        };
        Ok(next)
    }

    /// The actions the tip page offers in this state.
    pub fn actions(self) -> Vec<&'static str> {
        let probes = [
            TriageAction::StartReview,
            TriageAction::Link { nomination_id: 0 },
            TriageAction::Invite(AgencyInvitation::probe()),
            TriageAction::Close {
                reason: LongText::parse("-").expect("a dash is a text"),
            },
            TriageAction::Reopen,
        ];
        probes
            .iter()
            .filter(|action| self.next(action).is_ok())
            .map(TriageAction::code)
            .collect()
    }
}

/// What the triage forms post (each form sends its own fields).
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TriageInput {
    pub link_nomination: String,
    pub closed_reason: String,
    pub invite_recipient: String,
    pub invite_language: String,
    pub invite_subject: String,
    pub invite_body: String,
}

/// The fields of the tip page in the order it shows them.
pub const TRIAGE_FIELDS: &[&str] = &[
    "link_nomination",
    "invite_recipient",
    "invite_language",
    "invite_subject",
    "invite_body",
    "closed_reason",
];

/// The mail inviting an agency to nominate, as the secretariat edited it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyInvitation {
    pub recipient: EmailAddress,
    pub lang: Lang,
    pub subject: ShortText,
    pub body: LongText,
}

impl AgencyInvitation {
    fn probe() -> Self {
        Self {
            recipient: EmailAddress::parse("a@b.no").expect("an address"),
            lang: Lang::Nb,
            subject: ShortText::parse("-").expect("a text"),
            body: LongText::parse("-").expect("a text"),
        }
    }

    pub fn parse(input: &TriageInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let recipient = errors.check(
            "invite_recipient",
            EmailAddress::parse(&input.invite_recipient),
        );
        let lang = errors.check(
            "invite_language",
            Lang::from_code(input.invite_language.trim()).ok_or(ValidationError::Required),
        );
        let subject = errors.check("invite_subject", ShortText::parse(&input.invite_subject));
        let body = errors.check("invite_body", LongText::parse(&input.invite_body));
        match (recipient, lang, subject, body) {
            (Some(recipient), Some(lang), Some(subject), Some(body)) => Ok(Self {
                recipient,
                lang,
                subject,
                body,
            }),
            _ => Err(errors),
        }
    }
}

/// The reason a tip is closed: required.
pub fn parse_close(input: &TriageInput) -> Result<TriageAction, FieldErrors> {
    LongText::parse(&input.closed_reason)
        .map(|reason| TriageAction::Close { reason })
        .map_err(|error| FieldErrors::one("closed_reason", error))
}

/// The nomination chosen to link the tip to (whether it exists, the service decides).
pub fn parse_link(input: &TriageInput) -> Result<TriageAction, FieldErrors> {
    input
        .link_nomination
        .trim()
        .parse()
        .map(|nomination_id| TriageAction::Link { nomination_id })
        .map_err(|_| FieldErrors::one("link_nomination", ValidationError::Required))
}

#[cfg(test)]
mod tests {
    use super::*;
    use TriageState::*;

    fn close() -> TriageAction {
        TriageAction::Close {
            reason: LongText::parse("Utenfor ordningen").unwrap(),
        }
    }

    fn invite() -> TriageAction {
        TriageAction::Invite(AgencyInvitation::probe())
    }

    #[test]
    fn the_happy_paths() {
        assert_eq!(New.next(&TriageAction::StartReview), Ok(UnderReview));
        let link = TriageAction::Link { nomination_id: 7 };
        assert_eq!(UnderReview.next(&link), Ok(Linked));
        assert_eq!(UnderReview.next(&invite()), Ok(Invited));
        assert_eq!(Invited.next(&link), Ok(Linked));
        assert_eq!(UnderReview.next(&close()), Ok(Closed));
        assert_eq!(Closed.next(&TriageAction::Reopen), Ok(UnderReview));
        assert_eq!(Linked.next(&TriageAction::Reopen), Ok(UnderReview));
    }

    #[test]
    fn refused_transitions_say_which() {
        assert_eq!(
            Closed.next(&invite()),
            Err(TriageRefusal::NotFrom {
                state: Closed,
                action: "invite"
            })
        );
        assert!(UnderReview.next(&TriageAction::StartReview).is_err());
        assert!(Invited.next(&invite()).is_err(), "no second invitation");
        assert!(Linked.next(&close()).is_err());
        assert!(New.next(&TriageAction::Reopen).is_err());
        assert!(
            Closed
                .next(&TriageAction::Link { nomination_id: 1 })
                .is_err()
        );
    }

    #[test]
    fn the_page_offers_exactly_the_allowed_actions() {
        assert_eq!(New.actions(), ["review", "link", "invite", "close"]);
        assert_eq!(UnderReview.actions(), ["link", "invite", "close"]);
        assert_eq!(Invited.actions(), ["link", "close"]);
        assert_eq!(Linked.actions(), ["reopen"]);
        assert_eq!(Closed.actions(), ["reopen"]);
    }

    #[test]
    fn the_codes_are_stored_as_before() {
        assert_eq!(TriageState::parse("new"), Some(New));
        assert_eq!(
            TriageState::ALL.map(TriageState::code).join(","),
            "new,under_review,linked,invited,closed"
        );
    }

    #[test]
    fn refusals_are_sentences_in_each_language() {
        let refusal = TriageRefusal::NotFrom {
            state: Closed,
            action: "invite",
        };
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let message = refusal.message(lang);
            assert!(!message.contains("tips-"), "{message}");
        }
        assert!(refusal.message(Lang::Nb).contains("«Lukket»"));
    }

    #[test]
    fn an_invitation_needs_every_field() {
        let errors = AgencyInvitation::parse(&TriageInput {
            invite_recipient: "ikke en adresse".into(),
            invite_language: "de".into(),
            ..TriageInput::default()
        })
        .unwrap_err();
        for field in [
            "invite_recipient",
            "invite_language",
            "invite_subject",
            "invite_body",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let ok = AgencyInvitation::parse(&TriageInput {
            invite_recipient: " post@vegvesen.no ".into(),
            invite_language: "nn".into(),
            invite_subject: "Nominer tiltaket".into(),
            invite_body: "Hei!\n\nVi fekk eit tips.".into(),
            ..TriageInput::default()
        })
        .unwrap();
        assert_eq!(ok.lang, Lang::Nn);
        assert_eq!(ok.recipient.as_ref(), "post@vegvesen.no");
    }

    #[test]
    fn closing_needs_a_reason_and_linking_a_nomination() {
        assert!(parse_close(&TriageInput::default()).is_err());
        assert!(parse_link(&TriageInput::default()).is_err());
        assert_eq!(
            parse_link(&TriageInput {
                link_nomination: "12".into(),
                ..TriageInput::default()
            }),
            Ok(TriageAction::Link { nomination_id: 12 })
        );
    }
}
