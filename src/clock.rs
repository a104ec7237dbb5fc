//! The portal's clock for rules that depend on the date: deadlines and days left,
//! reminders, retention periods, draft expiry. It reads the system clock, but a test (or
//! an operator trying a purge "as of" a date) can set or advance it, so those rules are
//! tested without waiting. Records' own timestamps (`created_at`, audit events) keep
//! using `db::now()`: they say when something really happened.
//!
//! A clock is cheap to clone; clones share one setting, so a test that holds the
//! application's clock moves the time every page and background job sees.

use chrono::{NaiveDateTime, TimeDelta};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Microseconds added to the system clock (0 for the real time).
    offset_micros: Arc<AtomicI64>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// Now, in UTC (as the database stores it), to the microsecond.
    pub fn now(&self) -> NaiveDateTime {
        crate::db::now() + TimeDelta::microseconds(self.offset_micros.load(Ordering::Relaxed))
    }

    /// From now on, time reads as `at` plus whatever time passes after this call.
    pub fn set(&self, at: NaiveDateTime) {
        let offset = at - crate::db::now();
        self.offset_micros
            .store(offset.num_microseconds().unwrap_or(0), Ordering::Relaxed);
    }

    /// Moves the clock forward (or back, with a negative delta).
    pub fn advance(&self, by: TimeDelta) {
        self.offset_micros
            .fetch_add(by.num_microseconds().unwrap_or(0), Ordering::Relaxed);
    }
}

/// Dates and times written briefly in tests: `date(2026, 10, 1)`, `at(2026, 10, 1, 21, 59)`.
#[cfg(test)]
pub mod test_time {
    use chrono::{NaiveDate, NaiveDateTime};

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    /// A time of day (hours and minutes) on a date, as the database stores it (UTC).
    pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).expect("a valid time")
    }
}

#[cfg(test)]
mod tests {
    use super::test_time::at;
    use super::*;

    #[test]
    fn a_set_clock_reads_the_set_time_and_moves_on() {
        let clock = Clock::system();
        let set = at(2030, 1, 15, 9, 0);
        clock.set(set);
        let read = clock.now();
        assert!(read >= set && read - set < TimeDelta::seconds(5), "{read}");
        clock.advance(TimeDelta::days(2));
        assert!(clock.now() - set >= TimeDelta::days(2));
    }

    #[test]
    fn clones_share_the_setting() {
        let clock = Clock::system();
        let shared = clock.clone();
        clock.advance(TimeDelta::days(400));
        assert!(shared.now() - crate::db::now() > TimeDelta::days(399));
    }

    #[test]
    fn the_system_clock_is_the_real_time() {
        let gap = Clock::system().now() - crate::db::now();
        assert!(gap.abs() < TimeDelta::seconds(5));
    }
}
