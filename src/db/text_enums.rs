//! The domain's coded values stored as text: each is written as its `code()` and read back
//! through its `parse`, so rows carry the type, not a string. A value the database holds
//! that no code matches is an error when the row is read, never a silent default.
//!
//! The impls are generic over the backend: SQLite, PostgreSQL and the `MultiBackend` of
//! `DbConn` all store `str` as `Text`. `Categories` (a list written as one comma-separated
//! text) has no `&'static str` to hand over and is written per backend below.

use super::MultiBackend;
use crate::domain::{
    Categories, ConflictStatus, NominationStatus, OutboxStatus, Phase, TriageState,
};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

fn unknown(what: &str, stored: &str) -> Box<dyn std::error::Error + Send + Sync> {
    format!("the database holds {stored:?}, which is no {what}").into()
}

macro_rules! stored_as_code {
    ($($ty:ty => $parse:expr),+ $(,)?) => {$(
        impl<DB: Backend> ToSql<Text, DB> for $ty
        where
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                self.code().to_sql(out)
            }
        }

        impl<DB: Backend> FromSql<Text, DB> for $ty
        where
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                let stored = String::from_sql(bytes)?;
                let parse: fn(&str) -> Option<$ty> = $parse;
                parse(&stored).ok_or_else(|| unknown(stringify!($ty), &stored))
            }
        }
    )+};
}

stored_as_code!(
    Phase => |stored| Phase::parse(stored).ok(),
    NominationStatus => NominationStatus::parse,
    ConflictStatus => ConflictStatus::parse,
    OutboxStatus => OutboxStatus::parse,
    TriageState => TriageState::parse,
);

impl<DB: Backend> FromSql<Text, DB> for Categories
where
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let stored = String::from_sql(bytes)?;
        Categories::from_stored(&stored).map_err(|_| unknown("list of categories", &stored))
    }
}

impl ToSql<Text, Sqlite> for Categories {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.to_stored());
        Ok(IsNull::No)
    }
}

impl ToSql<Text, Pg> for Categories {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        let stored = self.to_stored();
        <str as ToSql<Text, Pg>>::to_sql(&stored, &mut out.reborrow())
    }
}

impl ToSql<Text, MultiBackend> for Categories {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(IsNull::No)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{ConnectionManager, DbConn};
    use diesel::prelude::*;
    use diesel::r2d2::ManageConnection as _;

    /// A value written through `ToSql` and read back through `FromSql`; and the text
    /// that was stored.
    macro_rules! round_trip {
        ($conn:expr, $value:expr, $ty:ty) => {{
            let read: $ty = diesel::select($value.into_sql::<Text>())
                .get_result($conn)
                .unwrap();
            let stored: String = diesel::select($value.into_sql::<Text>())
                .get_result($conn)
                .unwrap();
            (read, stored)
        }};
    }

    fn backends() -> Vec<DbConn> {
        let postgres = std::env::var("TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        vec![
            ConnectionManager::new(":memory:").connect().unwrap().conn,
            ConnectionManager::new(&postgres)
                .connect()
                .unwrap_or_else(|e| panic!("PostgreSQL must run for the tests: {e}"))
                .conn,
        ]
    }

    #[test]
    fn every_code_reads_back_as_written_on_both_backends() {
        for mut conn in backends() {
            let conn = &mut conn;
            // Every code of every coded type reads back as itself.
            macro_rules! every_code {
                ($($ty:ident),+) => {$(
                    for value in $ty::ALL {
                        let expected = (value, value.code().into());
                        assert_eq!(round_trip!(conn, value, $ty), expected);
                    }
                )+};
            }
            every_code!(
                Phase,
                NominationStatus,
                ConflictStatus,
                OutboxStatus,
                TriageState
            );
            let categories = Categories::parse(&["kvalitetsforbedring", "styring"]).unwrap();
            assert_eq!(
                round_trip!(conn, categories.clone(), Categories),
                (categories, "styring,kvalitetsforbedring".into())
            );
        }
    }

    #[test]
    fn text_that_is_no_code_is_an_error_when_read() {
        for mut conn in backends() {
            let read = diesel::select("Scoring".into_sql::<Text>()).get_result::<Phase>(&mut conn);
            assert!(read.is_err(), "{read:?}");
            let read = diesel::select("styring,økonomi".into_sql::<Text>())
                .get_result::<Categories>(&mut conn);
            assert!(read.is_err(), "{read:?}");
        }
    }
}
