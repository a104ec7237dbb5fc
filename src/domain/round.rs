use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// The year a prize is presented (at Styringskonferansen in January of that year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PrizeYear(i32);

impl PrizeYear {
    pub fn new(year: i32) -> Self {
        Self(year)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn before_the_deadline_belongs_to_next_years_prize() {
        let plan = RoundPlan::open_at(at(2026, 3, 15, 12, 0));
        assert_eq!(plan.prize_year, PrizeYear::new(2027));
        assert_eq!(
            plan.deadline_date,
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
        );
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
        assert_eq!(
            plan.deadline_date,
            NaiveDate::from_ymd_opt(2027, 10, 1).unwrap()
        );
        assert!(plan.is_open_at(at(2027, 10, 1, 21, 0)));
        assert!(!plan.is_open_at(at(2027, 10, 2, 0, 0)));
    }
}
