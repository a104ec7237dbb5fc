//! Rows that are stored together, sent to PostgreSQL as one statement.
//!
//! A tip is three rows — the tip, its forward in the outbox and its audit event — and on
//! PostgreSQL every statement is a round trip to the server, each waited for in turn:
//! three inserts cost three. Sent as one statement with data-modifying common table
//! expressions (`WITH along_0 AS (INSERT …), along_1 AS (INSERT …) INSERT … RETURNING …`)
//! they cost one, and the server runs them as one atomic statement (issue 10 §4: the tip
//! on PostgreSQL was bound by round trips).
//!
//! Written by hand because diesel has no `WITH` clause. Only the joining is ours: every
//! INSERT is still built by diesel from the same values the one-at-a-time path uses, and
//! diesel's query builder numbers the binds across the whole statement. SQLite allows no
//! INSERT inside a `WITH`, and has no round trips to save: there the statements run one
//! after another, in the caller's transaction either way.

use super::DbConn;
use diesel::pg::{Pg, PgConnection};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::LoadQuery;
use diesel::query_dsl::methods::ExecuteDsl;

/// An INSERT (without `RETURNING`) stored along with another.
pub trait AlongInsert {
    /// Runs it on its own.
    fn run(self: Box<Self>, conn: &mut DbConn) -> QueryResult<usize>;
    /// The statement, to be put inside another on PostgreSQL.
    fn as_pg(&self) -> &dyn QueryFragment<Pg>;
}

impl<S> AlongInsert for S
where
    S: RunQueryDsl<DbConn> + ExecuteDsl<DbConn> + QueryFragment<Pg>,
{
    fn run(self: Box<Self>, conn: &mut DbConn) -> QueryResult<usize> {
        RunQueryDsl::execute(*self, conn)
    }

    fn as_pg(&self) -> &dyn QueryFragment<Pg> {
        self
    }
}

/// A boxed [`AlongInsert`], as the finders' sibling functions return them
/// (`db::outbox::queue`, `db::audit::event`).
pub type Along<'a> = Box<dyn AlongInsert + 'a>;

/// Runs `main` (an INSERT … RETURNING) and the `along` inserts, all or none, and returns
/// what `main` returns. On PostgreSQL as one statement; on SQLite one after another (the
/// caller's transaction makes them atomic there).
pub fn insert_together<'q, 'a, Main, T>(
    conn: &mut DbConn,
    main: Main,
    along: Vec<Along<'a>>,
) -> QueryResult<T>
where
    Main: LoadQuery<'q, DbConn, T>,
    WithInserts<'a, Main>: LoadQuery<'q, PgConnection, T>,
{
    match conn {
        DbConn::Pg(pg) => WithInserts { along, main }.get_result(pg),
        DbConn::Sqlite(_) => {
            let row = main.get_result(conn)?;
            for insert in along {
                insert.run(conn)?;
            }
            Ok(row)
        }
    }
}

/// `WITH along_0 AS (…), along_1 AS (…) main`.
pub struct WithInserts<'a, Main> {
    along: Vec<Along<'a>>,
    main: Main,
}

impl<Main: QueryFragment<Pg>> QueryFragment<Pg> for WithInserts<'_, Main> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        for (i, insert) in self.along.iter().enumerate() {
            out.push_sql(if i == 0 { "WITH " } else { ", " });
            out.push_sql(&format!("along_{i} AS ("));
            insert.as_pg().walk_ast(out.reborrow())?;
            out.push_sql(")");
        }
        out.push_sql(" ");
        self.main.walk_ast(out.reborrow())
    }
}

impl<Main: Query> Query for WithInserts<'_, Main> {
    type SqlType = Main::SqlType;
}

/// No static id: diesel then caches the prepared statement by its SQL text, which is the
/// same for the same inserts.
impl<Main> QueryId for WithInserts<'_, Main> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Main> RunQueryDsl<PgConnection> for WithInserts<'_, Main> {}
