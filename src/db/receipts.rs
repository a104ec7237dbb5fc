//! How many receipts went to one address on one day, so the public forms cannot be used to
//! flood an address with mail from DFØ's sender (`rate_limit.receipts_per_address_per_day`).
//! Addresses are stored as `outbox::address_hash`, never in clear.

use super::DbConn;
use super::schema::receipt_counts;
use chrono::NaiveDate;
use diesel::prelude::*;

/// Counts one more receipt to the address with `recipient_hash` on `day` and returns the
/// count including this one. Must run in the caller's transaction: the count stands only
/// if the submission is committed.
///
/// The update takes the row's lock, so two PostgreSQL transactions for one address count
/// one after the other; if both race to insert the day's first row, one fails with a unique
/// violation and is retried by the caller (`Intake::write_retrying`), as for `sequences`.
pub fn count_one(conn: &mut DbConn, recipient_hash: &str, day: NaiveDate) -> QueryResult<i32> {
    use receipt_counts::dsl as rc;
    let row = || {
        rc::receipt_counts
            .filter(rc::recipient_hash.eq(recipient_hash))
            .filter(rc::day.eq(day))
    };
    let updated = diesel::update(row())
        .set(rc::receipts.eq(rc::receipts + 1))
        .returning(rc::receipts)
        .get_result::<i32>(conn)
        .optional()?;
    match updated {
        Some(count) => Ok(count),
        None => {
            diesel::insert_into(rc::receipt_counts)
                .values((
                    rc::recipient_hash.eq(recipient_hash),
                    rc::day.eq(day),
                    rc::receipts.eq(1),
                ))
                .execute(conn)?;
            Ok(1)
        }
    }
}

/// Forgets the counts of days before `day`. Returns how many rows went.
pub fn forget_before(conn: &mut DbConn, day: NaiveDate) -> QueryResult<usize> {
    diesel::delete(receipt_counts::table.filter(receipt_counts::day.lt(day))).execute(conn)
}
