use super::DbConn;
use super::schema::sequences;
use diesel::PgConnection;
use diesel::prelude::*;

/// The next value of the named counter (`BSP-2027`, `TIPS-2026`), starting at 1.
///
/// - SQLite: a row of the `sequences` table, updated in the caller's transaction, so a
///   number is used only when the row it numbers is committed (SQLite has one writer, so
///   the row is never contended).
/// - PostgreSQL: a database sequence per counter. A row updated in every submission's
///   transaction would be locked until that transaction commits, so all submissions
///   queued behind one row; `nextval` never waits. Numbers stay unique and increasing per
///   year; a submission that rolls back leaves a gap (documented in the README). The
///   sequence starts after the `sequences` row's value, so numbers given before stay
///   taken.
pub(crate) fn next_value(conn: &mut DbConn, sequence_name: &str) -> QueryResult<i64> {
    match conn {
        DbConn::Pg(pg) => next_from_sequence(pg, sequence_name),
        DbConn::Sqlite(_) => next_from_row(conn, sequence_name),
    }
}

/// The first use of a name inserts its row; if two transactions race to do so, one fails
/// with a unique violation and is retried by the caller (`Intake::write_retrying`).
fn next_from_row(conn: &mut DbConn, sequence_name: &str) -> QueryResult<i64> {
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

/// `BSP-2027` → `ref_bsp_2027`: only letters, digits and `_`, so it is safe to put in SQL.
fn sequence_identifier(sequence_name: &str) -> String {
    let identifier: String = sequence_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("ref_{identifier}")
}

diesel::define_sql_function! {
    /// PostgreSQL's `to_regclass(text)`: the relation's oid (as `regclass`), or NULL if
    /// there is no such relation.
    fn to_regclass(name: diesel::sql_types::Text) -> diesel::sql_types::Nullable<diesel::sql_types::Oid>;
}

diesel::define_sql_function! {
    /// PostgreSQL's `nextval(regclass)`; NULL for NULL.
    fn nextval(
        sequence: diesel::sql_types::Nullable<diesel::sql_types::Oid>,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::BigInt>;
}

/// The sequence's next value, or `None` if it does not exist yet: one round trip
/// (`nextval` of NULL is NULL, and `to_regclass` is NULL for a missing relation). Built
/// with diesel's DSL rather than `sql_query`, because diesel prepares a `sql_query` anew
/// on every call (parsed and planned by the server each time), and this runs for every
/// submission.
fn next_if_exists(pg: &mut PgConnection, identifier: &str) -> QueryResult<Option<i64>> {
    diesel::select(nextval(to_regclass(identifier))).get_result(pg)
}

fn next_from_sequence(pg: &mut PgConnection, sequence_name: &str) -> QueryResult<i64> {
    let identifier = sequence_identifier(sequence_name);
    if let Some(value) = next_if_exists(pg, &identifier)? {
        return Ok(value);
    }
    let taken: i64 = sequences::table
        .filter(sequences::name.eq(sequence_name))
        .select(sequences::value)
        .first(pg)
        .optional()?
        .unwrap_or(0);
    // Two first submissions of a year racing here: one gets a unique violation on the
    // catalogue and is retried by the caller, then finds the sequence.
    diesel::sql_query(format!(
        "CREATE SEQUENCE IF NOT EXISTS {identifier} START WITH {}",
        taken + 1
    ))
    .execute(pg)?;
    next_if_exists(pg, &identifier)?.ok_or(diesel::result::Error::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_names_become_safe_identifiers() {
        assert_eq!(sequence_identifier("BSP-2027"), "ref_bsp_2027");
        assert_eq!(sequence_identifier("TIPS-2026"), "ref_tips_2026");
        assert_eq!(
            sequence_identifier("x'; DROP TABLE tips; --"),
            "ref_x___drop_table_tips____"
        );
    }
}
