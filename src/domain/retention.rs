//! How long personal data is kept (GDPR art. 5(1)(e)): pure rules of the clock and the
//! records, which `services::retention` applies daily and on demand. Each rule answers one
//! question — "is this record's personal data due to go now?" — so the purge, its dry run
//! and the privacy statement all read the same decision.

use chrono::{Months, NaiveDate, NaiveDateTime, TimeDelta};
use serde::Deserialize;

/// The retention periods (`[retention]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct RetentionPeriods {
    /// Days after the tip's round's conference that a tipster's name and address go.
    pub tip_contact_days: u32,
    /// Years after the round that a nomination's contact person goes, unless the
    /// nomination is in the public library.
    pub nomination_contact_years: u32,
    /// Days an account stays disabled before it is anonymised.
    pub disabled_account_days: u32,
}

/// What the rules read of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundSpan {
    pub id: i32,
    pub closes_at: NaiveDateTime,
    pub conference_date: Option<NaiveDate>,
}

impl RoundSpan {
    /// When the round is over: the conference where the prize is presented, or, while no
    /// conference date is set, the day it closed for nominations.
    pub fn end(&self) -> NaiveDate {
        self.conference_date.unwrap_or(self.closes_at.date())
    }
}

/// The round a tip belongs to: the round of the nomination it led to, if any; else the
/// first round (by closing time) that closed after the tip arrived — the round it was a
/// tip for. `None` when no such round exists (yet).
pub fn round_of_tip(
    received: NaiveDateTime,
    nomination_round: Option<i32>,
    rounds: &[RoundSpan],
) -> Option<&RoundSpan> {
    if let Some(round) = nomination_round.and_then(|id| rounds.iter().find(|r| r.id == id)) {
        return Some(round);
    }
    rounds
        .iter()
        .filter(|r| r.closes_at > received)
        .min_by_key(|r| r.closes_at)
}

impl RetentionPeriods {
    /// The day a tipster's name and address go: `tip_contact_days` after the end of the
    /// tip's round (its conference, or its closing day without one); a tip that belongs to
    /// no round counts from the day it arrived.
    pub fn tip_contact_until(
        &self,
        received: NaiveDateTime,
        round: Option<&RoundSpan>,
    ) -> NaiveDate {
        let from = round.map_or(received.date(), RoundSpan::end);
        from.checked_add_signed(TimeDelta::days(i64::from(self.tip_contact_days)))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn tip_contact_due(
        &self,
        received: NaiveDateTime,
        round: Option<&RoundSpan>,
        now: NaiveDateTime,
    ) -> bool {
        now.date() >= self.tip_contact_until(received, round)
    }

    /// Whether a nomination's contact person (name, address, phone) is due to go:
    /// `nomination_contact_years` after the end of its round, unless the nomination is in
    /// the public library of good examples (whose page may show the contact, with the
    /// nominee's consent).
    pub fn nomination_contact_due(
        &self,
        round: &RoundSpan,
        in_library: bool,
        now: NaiveDateTime,
    ) -> bool {
        let until = round
            .end()
            .checked_add_months(Months::new(12 * self.nomination_contact_years))
            .unwrap_or(NaiveDate::MAX);
        !in_library && now.date() >= until
    }

    /// Whether an account disabled at `disabled_at` is due to be anonymised.
    pub fn account_due(&self, disabled_at: NaiveDateTime, now: NaiveDateTime) -> bool {
        disabled_at
            .checked_add_signed(TimeDelta::days(i64::from(self.disabled_account_days)))
            .is_some_and(|until| now >= until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERIODS: RetentionPeriods = RetentionPeriods {
        tip_contact_days: 90,
        nomination_contact_years: 3,
        disabled_account_days: 365,
    };

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn round(id: i32, closes: NaiveDateTime, conference: Option<NaiveDate>) -> RoundSpan {
        RoundSpan {
            id,
            closes_at: closes,
            conference_date: conference,
        }
    }

    fn rounds() -> Vec<RoundSpan> {
        vec![
            round(1, at(2025, 10, 1), Some(at(2026, 1, 20).date())),
            round(2, at(2026, 10, 1), None),
        ]
    }

    #[test]
    fn a_tip_belongs_to_the_round_it_arrived_before_or_to_its_nominations() {
        let rounds = rounds();
        assert_eq!(round_of_tip(at(2025, 3, 1), None, &rounds).unwrap().id, 1);
        assert_eq!(round_of_tip(at(2025, 11, 1), None, &rounds).unwrap().id, 2);
        assert_eq!(
            round_of_tip(at(2025, 11, 1), Some(1), &rounds).unwrap().id,
            1
        );
        assert_eq!(round_of_tip(at(2026, 11, 1), None, &rounds), None);
    }

    /// The day the contact of a tip received then goes, with the test's rounds.
    fn tip_contact_until(received: NaiveDateTime) -> NaiveDate {
        PERIODS.tip_contact_until(received, round_of_tip(received, None, &rounds()))
    }

    #[test]
    fn a_tipsters_contact_goes_90_days_after_the_conference() {
        // Conference 20 January 2026 + 90 days = 20 April 2026.
        let received = at(2025, 3, 1);
        assert_eq!(tip_contact_until(received), at(2026, 4, 20).date());
        let rounds = rounds();
        let of = round_of_tip(received, None, &rounds);
        assert!(!PERIODS.tip_contact_due(received, of, at(2026, 4, 19)));
        assert!(PERIODS.tip_contact_due(received, of, at(2026, 4, 20)));
    }

    #[test]
    fn without_a_conference_date_the_round_counts_from_its_closing_day() {
        // Closing 1 October 2026 + 90 days = 30 December 2026.
        assert_eq!(tip_contact_until(at(2025, 11, 1)), at(2026, 12, 30).date());
    }

    #[test]
    fn a_tip_of_no_round_counts_from_the_day_it_arrived() {
        let received = at(2027, 2, 1);
        assert_eq!(
            PERIODS.tip_contact_until(received, None),
            at(2027, 5, 2).date()
        );
        assert!(PERIODS.tip_contact_due(received, None, at(2027, 5, 2)));
    }

    #[test]
    fn a_nominees_contact_goes_three_years_after_the_round_unless_in_the_library() {
        let with_conference = rounds()[0];
        assert!(!PERIODS.nomination_contact_due(&with_conference, false, at(2029, 1, 19)));
        assert!(PERIODS.nomination_contact_due(&with_conference, false, at(2029, 1, 20)));
        assert!(!PERIODS.nomination_contact_due(&with_conference, true, at(2040, 1, 1)));
        let without = rounds()[1];
        assert!(!PERIODS.nomination_contact_due(&without, false, at(2029, 9, 30)));
        assert!(PERIODS.nomination_contact_due(&without, false, at(2029, 10, 1)));
    }

    #[test]
    fn an_account_disabled_a_year_is_due() {
        let disabled = at(2026, 3, 1);
        assert!(!PERIODS.account_due(disabled, at(2027, 2, 28)));
        assert!(PERIODS.account_due(disabled, at(2027, 3, 1)));
    }

    #[test]
    fn huge_periods_never_overflow() {
        let forever = RetentionPeriods {
            tip_contact_days: u32::MAX,
            nomination_contact_years: u32::MAX / 12,
            disabled_account_days: u32::MAX,
        };
        assert!(!forever.tip_contact_due(at(2026, 1, 1), None, at(2100, 1, 1)));
        assert!(!forever.account_due(at(2026, 1, 1), at(2100, 1, 1)));
        assert!(!forever.nomination_contact_due(&rounds()[0], false, at(2100, 1, 1)));
    }
}
