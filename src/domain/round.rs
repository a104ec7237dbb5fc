use super::ValidationError;
use super::errors::required;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use std::fmt;

/// The year a prize is presented (at Styringskonferansen in January of that year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PrizeYear(i32);

impl PrizeYear {
    /// The years a round can be made for: four digits, from 2000.
    pub const VALID: std::ops::RangeInclusive<i32> = 2000..=2999;

    /// A year computed from a date (the rule in `RoundPlan`), not typed by anyone.
    pub fn new(year: i32) -> Self {
        Self(year)
    }

    /// A prize year as typed in a form.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        match required(raw)?.parse::<i32>() {
            Ok(year) if Self::VALID.contains(&year) => Ok(Self(year)),
            _ => Err(ValidationError::NumberInvalid),
        }
    }

    pub fn value(self) -> i32 {
        self.0
    }
}

/// Which round a submission belongs to, derived from the moment it arrives. DFØ accepts
/// nominations all year: the round for prize year Y+1 closes at the end of 1 October of
/// year Y, and whatever arrives later belongs to the round after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundPlan {
    pub prize_year: PrizeYear,
    /// The last day nominations are taken (Norwegian time).
    pub deadline_date: NaiveDate,
    /// The first instant (UTC) after the deadline.
    pub closes_at_utc: NaiveDateTime,
}

impl RoundPlan {
    /// The round that is open at `now_utc`.
    pub fn open_at(now_utc: NaiveDateTime) -> Self {
        let this_year = Self::for_prize_year(PrizeYear(now_utc.year() + 1));
        if now_utc < this_year.closes_at_utc {
            this_year
        } else {
            Self::for_prize_year(PrizeYear(now_utc.year() + 2))
        }
    }

    pub fn for_prize_year(prize_year: PrizeYear) -> Self {
        let deadline_date =
            NaiveDate::from_ymd_opt(prize_year.0 - 1, 10, 1).expect("1 October exists");
        // 1 October always falls in Norwegian summer time (CEST, UTC+2; it ends on the last
        // Sunday of October), so the end of that day in Oslo is 22:00 UTC.
        let closes_at_utc =
            deadline_date.and_time(NaiveTime::from_hms_opt(22, 0, 0).expect("valid time"));
        Self {
            prize_year,
            deadline_date,
            closes_at_utc,
        }
    }

    pub fn is_open_at(&self, now_utc: NaiveDateTime) -> bool {
        now_utc < self.closes_at_utc
    }
}

impl fmt::Display for PrizeYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Whether the agency may still change its nomination through the private link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditWindow {
    Open,
    /// The round's deadline has passed.
    PastDeadline,
    /// The round has left the nominations phase: the jury works on what was nominated,
    /// so it no longer changes under them (even if the deadline was moved later).
    JuryAtWork,
}

impl EditWindow {
    /// Open only while the round takes nominations and before it closes.
    pub fn of(phase: super::Phase, closes_at: NaiveDateTime, now: NaiveDateTime) -> Self {
        if phase != super::Phase::Nominations {
            Self::JuryAtWork
        } else if now >= closes_at {
            Self::PastDeadline
        } else {
            Self::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::test_time::{at, date};

    #[test]
    fn a_typed_prize_year_has_four_digits_from_2000() {
        assert_eq!(PrizeYear::parse(" 2027 ").map(PrizeYear::value), Ok(2027));
        assert_eq!(PrizeYear::parse(""), Err(ValidationError::Required));
        assert_eq!(PrizeYear::parse("27"), Err(ValidationError::NumberInvalid));
        assert_eq!(
            PrizeYear::parse("1999"),
            Err(ValidationError::NumberInvalid)
        );
        assert_eq!(
            PrizeYear::parse("3000"),
            Err(ValidationError::NumberInvalid)
        );
        assert_eq!(
            PrizeYear::parse("2027a"),
            Err(ValidationError::NumberInvalid)
        );
    }

    #[test]
    fn before_the_deadline_belongs_to_next_years_prize() {
        let plan = RoundPlan::open_at(at(2026, 3, 15, 12, 0));
        assert_eq!(plan.prize_year, PrizeYear::new(2027));
        assert_eq!(plan.deadline_date, date(2026, 10, 1));
    }

    #[test]
    fn the_last_minute_of_1_october_oslo_time_still_counts() {
        // 23:59 in Oslo on 1 October is 21:59 UTC.
        assert_eq!(
            RoundPlan::open_at(at(2026, 10, 1, 21, 59)).prize_year,
            PrizeYear::new(2027)
        );
        assert_eq!(
            RoundPlan::open_at(at(2026, 10, 1, 22, 0)).prize_year,
            PrizeYear::new(2028)
        );
    }

    #[test]
    fn after_the_deadline_belongs_to_the_round_after() {
        let plan = RoundPlan::open_at(at(2026, 11, 28, 9, 0));
        assert_eq!(plan.prize_year, PrizeYear::new(2028));
        assert_eq!(plan.deadline_date, date(2027, 10, 1));
        assert!(plan.is_open_at(at(2027, 10, 1, 21, 0)));
        assert!(!plan.is_open_at(at(2027, 10, 2, 0, 0)));
    }

    #[test]
    fn a_nomination_is_edited_only_while_the_round_takes_nominations() {
        use super::super::Phase;
        let closes = at(2031, 9, 1, 0, 0);
        let before = closes - chrono::Duration::days(1);
        assert_eq!(
            EditWindow::of(Phase::Nominations, closes, before),
            EditWindow::Open
        );
        assert_eq!(
            EditWindow::of(Phase::Nominations, closes, closes),
            EditWindow::PastDeadline
        );
        for phase in [Phase::Scoring, Phase::Discussion, Phase::Decided] {
            assert_eq!(
                EditWindow::of(phase, closes, before),
                EditWindow::JuryAtWork
            );
        }
    }
}
