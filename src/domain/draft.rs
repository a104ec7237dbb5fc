//! A nomination saved half-done ("Lagre og fortsett senere") and the rule for how long it
//! is kept.

use super::{EmailAddress, FieldErrors, NominationInput};
use chrono::{NaiveDateTime, TimeDelta};

/// A draft: the form as typed, and the one field a draft needs — the address its private
/// link goes to. Nothing else is checked: the form is checked when it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NominationDraft {
    pub contact_email: EmailAddress,
    pub input: NominationInput,
}

impl TryFrom<&NominationInput> for NominationDraft {
    type Error = FieldErrors;

    fn try_from(input: &NominationInput) -> Result<Self, FieldErrors> {
        match EmailAddress::parse(&input.contact_email) {
            Ok(contact_email) => Ok(Self {
                contact_email,
                input: input.clone(),
            }),
            Err(error) => Err(FieldErrors::one("contact_email", error)),
        }
    }
}

/// How long a draft lives: `days` after its last save, with one reminder `reminder_days`
/// before it goes (`nomination.draft_days`, `nomination.draft_reminder_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftLifetime {
    pub days: u32,
    pub reminder_days: u32,
}

/// What is due for a draft at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftDue {
    Nothing,
    /// Send the one reminder.
    Reminder,
    /// Delete it.
    Expiry,
}

impl DraftLifetime {
    /// When a draft saved at `saved_at` is deleted.
    pub fn expires_at(self, saved_at: NaiveDateTime) -> NaiveDateTime {
        saved_at + TimeDelta::days(i64::from(self.days))
    }

    /// When its reminder is due (at save time if the lifetime is shorter than the notice).
    pub fn reminder_at(self, saved_at: NaiveDateTime) -> NaiveDateTime {
        let notice = self.reminder_days.min(self.days);
        self.expires_at(saved_at) - TimeDelta::days(i64::from(notice))
    }

    /// The rule: at `now`, a draft saved at `saved_at` (and reminded or not) is deleted
    /// once its days are up, and reminded once, `reminder_days` before that. No reminder
    /// when `reminder_days` is 0.
    pub fn due(self, saved_at: NaiveDateTime, reminded: bool, now: NaiveDateTime) -> DraftDue {
        if now >= self.expires_at(saved_at) {
            DraftDue::Expiry
        } else if !reminded && self.reminder_days > 0 && now >= self.reminder_at(saved_at) {
            DraftDue::Reminder
        } else {
            DraftDue::Nothing
        }
    }

    /// The same rule as bounds on `saved_at`, for a query: drafts saved at or before the
    /// first are due a reminder, at or before the second are expired.
    pub fn saved_at_bounds(self, now: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
        let days = |n: u32| TimeDelta::days(i64::from(n));
        let remind = now - days(self.days) + days(self.reminder_days.min(self.days));
        (remind, now - days(self.days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ValidationError;
    use crate::domain::nomination::tests::valid_input;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn only_the_address_is_checked() {
        let input = NominationInput {
            contact_email: "kari@dfo.no".into(),
            org_number: "not a number".into(),
            savings_nok: "2 500 000".into(),
            ..NominationInput::default()
        };
        let draft = NominationDraft::try_from(&input).unwrap();
        assert_eq!(draft.input, input, "kept as typed");
        let errors = NominationDraft::try_from(&NominationInput {
            contact_email: "kari@".into(),
            ..valid_input()
        })
        .unwrap_err();
        assert_eq!(errors.iter().count(), 1);
        assert_eq!(
            errors.get("contact_email"),
            Some(&[ValidationError::EmailInvalid][..])
        );
    }

    #[test]
    fn a_draft_is_reminded_once_then_deleted() {
        let life = DraftLifetime {
            days: 10,
            reminder_days: 3,
        };
        let saved = at(1, 12);
        assert_eq!(life.due(saved, false, at(8, 11)), DraftDue::Nothing);
        assert_eq!(life.due(saved, false, at(8, 12)), DraftDue::Reminder);
        assert_eq!(life.due(saved, true, at(8, 12)), DraftDue::Nothing);
        assert_eq!(life.due(saved, true, at(11, 11)), DraftDue::Nothing);
        assert_eq!(life.due(saved, true, at(11, 12)), DraftDue::Expiry);
        assert_eq!(life.due(saved, false, at(20, 0)), DraftDue::Expiry);
        assert_eq!(life.saved_at_bounds(at(8, 12)).0, saved);
        assert_eq!(life.saved_at_bounds(at(11, 12)).1, saved);
    }

    #[test]
    fn the_query_bounds_agree_with_the_rule() {
        let now = at(20, 12);
        for (days, reminder_days) in [(60, 7), (10, 0), (3, 5), (0, 0)] {
            let life = DraftLifetime {
                days,
                reminder_days,
            };
            let (remind, expire) = life.saved_at_bounds(now);
            for hours_ago in 0..(24 * 70) {
                let saved = now - TimeDelta::hours(hours_ago);
                let due = life.due(saved, false, now);
                assert_eq!(
                    due == DraftDue::Expiry,
                    saved <= expire,
                    "{life:?} {hours_ago}"
                );
                if reminder_days > 0 && due != DraftDue::Expiry {
                    assert_eq!(due == DraftDue::Reminder, saved <= remind, "{life:?}");
                }
            }
        }
    }
}
