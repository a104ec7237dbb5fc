//! When a juror is reminded of the jury deadline: `jury.reminder_days` (say 7 and 1) days
//! before it, each reminder once. Pure: the caller brings today's date in Norway (from the
//! clock) and the round's deadline, a Norwegian date.

use chrono::NaiveDate;

/// Whole days from `today` to `deadline`: 0 on the day itself, negative after it.
pub fn days_left(deadline: NaiveDate, today: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

/// The reminder due today, if any: the closest one whose day has come, while the deadline
/// has not passed. A reminder whose day passed unseen (the portal was down) is not sent
/// late when a closer one is due: a juror gets the most urgent one only.
pub fn due_reminder(reminder_days: &[u32], deadline: NaiveDate, today: NaiveDate) -> Option<u32> {
    let left = days_left(deadline, today);
    if left < 0 {
        return None;
    }
    reminder_days
        .iter()
        .copied()
        .filter(|&days| i64::from(days) >= left)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 11, d).unwrap()
    }

    #[test]
    fn days_left_counts_calendar_days() {
        assert_eq!(days_left(day(20), day(13)), 7);
        assert_eq!(days_left(day(20), day(20)), 0);
        assert_eq!(days_left(day(20), day(21)), -1);
    }

    #[test]
    fn the_closest_reminder_whose_day_has_come() {
        let days = [7, 1];
        assert_eq!(due_reminder(&days, day(20), day(12)), None);
        assert_eq!(due_reminder(&days, day(20), day(13)), Some(7));
        assert_eq!(due_reminder(&days, day(20), day(18)), Some(7));
        assert_eq!(due_reminder(&days, day(20), day(19)), Some(1));
        assert_eq!(due_reminder(&days, day(20), day(20)), Some(1));
        assert_eq!(due_reminder(&days, day(20), day(21)), None);
        assert_eq!(due_reminder(&[], day(20), day(19)), None);
    }
}
