use super::DbConn;
use super::schema::sequences;
use diesel::prelude::*;

/// The next value of the named counter, starting at 1. Must run inside the caller's
/// transaction, so a number is used only when the row it numbers is committed.
///
/// The first use of a name inserts its row; if two PostgreSQL transactions race to do so,
/// one fails with a unique violation and is retried by `Database::write_retrying`.
pub(crate) fn next_value(conn: &mut DbConn, sequence_name: &str) -> QueryResult<i64> {
    let updated = diesel::update(sequences::table.filter(sequences::name.eq(sequence_name)))
        .set(sequences::value.eq(sequences::value + 1))
        .returning(sequences::value)
        .get_result::<i64>(conn)
        .optional()?;
    match updated {
        Some(value) => Ok(value),
        None => {
            diesel::insert_into(sequences::table)
                .values((sequences::name.eq(sequence_name), sequences::value.eq(1i64)))
                .execute(conn)?;
            Ok(1)
        }
    }
}
