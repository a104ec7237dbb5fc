//! The database: one connection type over SQLite and PostgreSQL, pools, migrations, and
//! the queries of each area.
//!
//! SQLite allows one writer at a time, and pooled connections contending for its lock give
//! a long latency tail; so writes go through a pool of exactly one connection, while reads
//! use a larger pool (WAL lets them run beside the writer). PostgreSQL uses one pool for
//! both.

pub mod attachments;
pub mod audit;
pub mod backup;
pub mod decisions;
pub mod drafts;
mod group_commit;
pub mod jury;
pub mod library;
pub mod nominations;
pub mod outbox;
pub mod phase_changes;
pub mod privacy;
pub mod rate_limits;
pub mod receipts;
pub mod retention;
pub mod rounds;
pub mod schema;
pub mod scoring;
pub mod screening;
pub mod search;
mod sequences;
pub mod sessions;
mod text_enums;
pub mod tips;
pub mod together;
pub mod two_factor;
pub mod users;

use anyhow::Context as _;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::time::{Duration, Instant};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
/// The advisory lock instances hold while migrating a PostgreSQL database (any constant
/// no other code uses; this is "bsp-migr" in ASCII).
const MIGRATION_LOCK: i64 = 0x6273_702d_6d69_6772;

/// `query` selecting the columns of `T`.
type SelectedAs<Q, T> = diesel::dsl::Select<Q, diesel::dsl::AsSelect<T, MultiBackend>>;

/// The one row of `T` that `query` finds, if any: the finders' shared tail
/// (`.select(T::as_select()).first(conn).optional()`), so a finder says only what it
/// filters on.
pub fn first_of<'query, T, Q>(conn: &mut DbConn, query: Q) -> QueryResult<Option<T>>
where
    T: Selectable<MultiBackend>,
    T::SelectExpression: diesel::query_builder::QueryId,
    Q: diesel::query_dsl::methods::SelectDsl<diesel::dsl::AsSelect<T, MultiBackend>>,
    SelectedAs<Q, T>: diesel::query_dsl::methods::LimitDsl + RunQueryDsl<DbConn>,
    diesel::dsl::Limit<SelectedAs<Q, T>>: diesel::query_dsl::LoadQuery<'query, DbConn, T>,
{
    query.select(T::as_select()).first(conn).optional()
}

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which backend a database URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }
}

/// Opens connections of the backend the URL names (diesel's derived `establish` tries
/// each backend in turn and hides the real error), and sets SQLite's per-connection
/// pragmas on each new connection.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: String,
    backend: Backend,
}

impl ConnectionManager {
    pub fn new(url: &str) -> Self {
        Self {
            url: url.to_owned(),
            backend: Backend::from_url(url),
        }
    }
}

/// Set on every new SQLite connection. The busy timeout comes first, so that what follows
/// waits for a lock instead of failing at once ("database is locked"); it also covers the
/// moments a reader checkpoints the WAL. Durability first: `synchronous=FULL` so an
/// acknowledged submission survives power loss. The page cache is capped at 512 KiB (the
/// default is 2 MB a connection): under a tip load the writer's cache grew with the file
/// and added ~2 MiB to the process's peak (issue 10 §4), while the operating system's page
/// cache holds the file anyway. WAL is not here: it is a property of the file, set once by
/// `prepare_sqlite_file` before any pool opens a connection.
const SQLITE_PRAGMAS: &str = concat!(
    "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; ",
    "PRAGMA cache_size = -512;"
);

/// Creates the SQLite file (and its folder) if needed and puts it in WAL mode, on one
/// connection, before the pools open theirs. Pool connections opened side by side on a
/// file still being created used to race for the lock that switching to WAL takes, and
/// r2d2 logged `ERROR database is locked` on a first start.
fn prepare_sqlite_file(url: &str) -> anyhow::Result<()> {
    if let Some(parent) = std::path::Path::new(url)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).with_context(|| {
            format!(
                "creating the folder {} for the SQLite database",
                parent.display()
            )
        })?;
    }
    let mut conn = SqliteConnection::establish(url)
        .with_context(|| format!("opening the SQLite database {url}"))?;
    conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")
        .context("putting the SQLite database in WAL mode")?;
    Ok(())
}

/// How long after a connection last came back to the pool it is handed out again without
/// asking the server whether it is still there.
///
/// r2d2's check on check-out (`SELECT 1`) costs a round trip to PostgreSQL on every
/// request: one of seven for a tip, measured at ~20 % of its throughput. A connection that
/// was working a moment ago is almost surely still working, so only one idle for longer
/// is checked (deadpool-postgres's "fast" recycling draws the same line). What the check
/// guarded against — the server restarted or the network dropped the connection — is
/// still caught: an idle connection is checked before use, and a recently used one that
/// turns out to be dead fails that one request and is then discarded, never reused
/// (diesel marks it broken: libpq reports its state as unknown; `tests/api/round_trips.rs`).
const TRUSTED_AFTER_USE: Duration = Duration::from_secs(1);

/// A pooled connection, with what the pool needs to know to trust it without a round trip.
pub struct PoolConn {
    conn: DbConn,
    /// When it last came back to the pool.
    returned_at: Option<Instant>,
}

impl std::ops::Deref for PoolConn {
    type Target = DbConn;

    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl std::ops::DerefMut for PoolConn {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

impl PoolConn {
    fn new(conn: DbConn) -> Self {
        Self {
            conn,
            returned_at: None,
        }
    }
}

impl ManageConnection for ConnectionManager {
    type Connection = PoolConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<PoolConn, r2d2::Error> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url)
                .map(|conn| PoolConn::new(DbConn::Pg(conn)))
                .map_err(r2d2::Error::ConnectionError),
            Backend::Sqlite => {
                let mut conn =
                    SqliteConnection::establish(&self.url).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(r2d2::Error::QueryError)?;
                Ok(PoolConn::new(DbConn::Sqlite(conn)))
            }
        }
    }

    /// Called on check-out (PostgreSQL only; see `TRUSTED_AFTER_USE`).
    fn is_valid(&self, conn: &mut PoolConn) -> Result<(), r2d2::Error> {
        if conn
            .returned_at
            .is_some_and(|at| at.elapsed() < TRUSTED_AFTER_USE)
        {
            return Ok(());
        }
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    /// As diesel's own manager decides: a connection left inside a transaction, found gone,
    /// or returned while its thread panics never goes back into the pool. r2d2 calls this
    /// on every return, so it is also where the return is timed for `is_valid`.
    fn has_broken(&self, conn: &mut PoolConn) -> bool {
        conn.returned_at = Some(Instant::now());
        std::thread::panicking() || diesel::r2d2::R2D2Connection::is_broken(&mut conn.conn)
    }
}

/// How the pool's errors reach the log. r2d2's own handler logs each at ERROR, so a
/// PostgreSQL restart printed one ERROR line per pooled connection although every one was
/// replaced at once: an operator's alarm for nothing. A connection that fails its check is
/// a warning; one that cannot be made at all stays an error.
#[derive(Debug)]
struct PoolErrors;

impl r2d2::HandleError<r2d2::Error> for PoolErrors {
    fn handle_error(&self, error: r2d2::Error) {
        match error {
            r2d2::Error::QueryError(error) => tracing::warn!(
                %error,
                "a pooled database connection failed its check and is replaced"
            ),
            r2d2::Error::ConnectionError(error) => {
                tracing::error!(%error, "connecting to the database failed")
            }
        }
    }
}

pub type DbPool = Pool<ConnectionManager>;
pub type PooledConn = PooledConnection<ConnectionManager>;

/// What a write does, so that it is made atomic at the least cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// Any number of statements: one transaction makes them all or nothing.
    Several,
    /// Reads (or a `nextval`, which no transaction rolls back), then exactly one statement
    /// that writes — `db::together::insert_together`, say. That statement is atomic on its
    /// own, and under PostgreSQL's READ COMMITTED a transaction would give the reads before
    /// it nothing more (each statement sees the data committed when it starts either way),
    /// so on PostgreSQL it runs without `BEGIN` and `COMMIT`: two round trips of a tip's
    /// four (issue 10 §4). SQLite's writes always go through the group writer's transaction.
    OneStatement,
}

/// The read and write pools. Cheap to clone.
#[derive(Clone)]
pub struct Database {
    backend: Backend,
    manager: ConnectionManager,
    read: DbPool,
    write: DbPool,
    /// SQLite's writes go through one thread that commits them in groups.
    group_writer: Option<group_commit::GroupWriter>,
}

impl Database {
    /// Connects, creating the SQLite file (in WAL mode) and its folder if needed, and
    /// applies pending migrations.
    pub fn connect(url: &str, read_pool_size: u32) -> anyhow::Result<Self> {
        let backend = Backend::from_url(url);
        if backend == Backend::Sqlite {
            prepare_sqlite_file(url)?;
        }
        let manager = ConnectionManager::new(url);
        let build = |size: u32| {
            Pool::builder()
                .max_size(size)
                // A local SQLite file does not go away between checkouts; a PostgreSQL
                // server connection may, so only that is checked each time.
                .test_on_check_out(backend == Backend::Postgres)
                .connection_timeout(Duration::from_secs(10))
                .error_handler(Box::new(PoolErrors))
                .build(manager.clone())
                .context("opening the database connection pool")
        };
        let write = build(if backend == Backend::Sqlite {
            1
        } else {
            read_pool_size.max(2)
        })?;
        let read = if backend == Backend::Sqlite {
            build(read_pool_size.max(1))?
        } else {
            write.clone()
        };
        let mut database = Self {
            backend,
            manager: manager.clone(),
            read,
            write,
            group_writer: None,
        };
        database.run_migrations()?;
        if backend == Backend::Sqlite {
            database.group_writer = Some(group_commit::GroupWriter::start(manager)?);
        }
        Ok(database)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The migrations of this database's backend, embedded in the binary.
    pub fn migrations(&self) -> EmbeddedMigrations {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        }
    }

    /// Applies pending migrations. Several instances starting at once on one PostgreSQL
    /// database take turns: each holds an advisory lock while it migrates, so one applies
    /// them and the others wait, then find nothing to do. The lock is held by a connection
    /// of its own, closed afterwards, so it is released even if migrating fails. (On SQLite
    /// the write lock on the file does the same.)
    pub fn run_migrations(&self) -> anyhow::Result<()> {
        let migrate = |conn: &mut DbConn| {
            conn.run_pending_migrations(self.migrations())
                .map(|_| ())
                .map_err(|e| anyhow::anyhow!("applying database migrations: {e}"))
        };
        match self.backend {
            Backend::Sqlite => {
                let mut conn = self
                    .write
                    .get()
                    .context("getting a connection for migrations")?;
                migrate(&mut conn)
            }
            Backend::Postgres => {
                let mut conn = self
                    .manager
                    .connect()
                    .context("connecting for migrations")?;
                conn.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
                    .context("waiting for the migration lock")?;
                migrate(&mut conn)
            }
        }
    }

    /// Runs `f` with a read connection on a blocking thread.
    pub async fn read<T, F>(&self, f: F) -> anyhow::Result<T>
    where
        F: FnOnce(&mut DbConn) -> anyhow::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.read.clone();
        run_blocking(pool, f).await
    }

    /// Runs `f` as one transaction on a write connection, on a blocking thread: all of it
    /// is stored, or none of it (an `Err` from `f` rolls back), on both backends. On
    /// SQLite the group-commit writer runs it in a savepoint of its batch's transaction.
    pub async fn write<T, F>(&self, f: F) -> anyhow::Result<T>
    where
        F: FnOnce(&mut DbConn) -> anyhow::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        self.write_as(Writes::Several, f).await
    }

    /// Runs `f` as `write` does, or, for `Writes::OneStatement` on PostgreSQL, without a
    /// transaction around it (see [`Writes`]).
    pub async fn write_as<T, F>(&self, writes: Writes, f: F) -> anyhow::Result<T>
    where
        F: FnOnce(&mut DbConn) -> anyhow::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        match (&self.group_writer, writes) {
            (Some(writer), _) => writer.write(f).await,
            (None, Writes::Several) => {
                run_blocking(self.write.clone(), move |conn| conn.transaction(f)).await
            }
            (None, Writes::OneStatement) => run_blocking(self.write.clone(), f).await,
        }
    }

    /// The outbox by state, for monitoring (`/health`, `/metrics`).
    pub async fn outbox_counts(&self) -> anyhow::Result<OutboxCounts> {
        self.read(|conn| {
            Ok(OutboxCounts {
                waiting: outbox::count_waiting(conn)?,
                failed: outbox::count_failed(conn)?,
                sent: outbox::count_sent(conn)?,
            })
        })
        .await
    }

    /// Each pool's connections (open, idle), for monitoring.
    pub fn pool_states(&self) -> Vec<(&'static str, r2d2::State)> {
        if self.backend == Backend::Postgres {
            vec![("shared", self.write.state())]
        } else {
            vec![("read", self.read.state()), ("write", self.write.state())]
        }
    }

    /// A write connection for synchronous code (command-line tools, tests).
    pub fn write_conn(&self) -> anyhow::Result<PooledConn> {
        self.write.get().context("getting a database connection")
    }
}

async fn run_blocking<T, F>(pool: DbPool, f: F) -> anyhow::Result<T>
where
    F: FnOnce(&mut DbConn) -> anyhow::Result<T> + Send + 'static,
    T: Send + 'static,
{
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || {
        let _entered = span.enter();
        let mut conn = pool.get().context("getting a database connection")?;
        f(&mut conn)
    })
    .await
    .context("database task panicked")?
}

/// How many messages the outbox holds in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: i64,
    pub failed: i64,
    pub sent: i64,
}

/// Whether a write failed on a unique key: the database decided that what was to be
/// written once had been written already.
pub fn is_unique_violation(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<diesel::result::Error>(),
            Some(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    })
}

/// The current time as stored: UTC, whole microseconds (PostgreSQL's precision), so a
/// value reads back equal to what was written on both backends.
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    chrono::DurationRound::duration_trunc(now, chrono::TimeDelta::microseconds(1)).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A log written into memory, to read back.
    #[derive(Clone, Default)]
    struct Written(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Written {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_connection_that_fails_its_check_is_a_warning_and_one_never_made_an_error() {
        use r2d2::HandleError as _;
        let written = Written::default();
        let writer = written.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            PoolErrors.handle_error(r2d2::Error::QueryError(
                diesel::result::Error::BrokenTransactionManager,
            ));
            PoolErrors.handle_error(r2d2::Error::ConnectionError(
                diesel::ConnectionError::BadConnection("connection refused".into()),
            ));
        });
        let log = String::from_utf8(written.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = log.lines().collect();
        assert_eq!(lines.len(), 2, "{log}");
        assert!(
            lines[0].contains(" WARN ") && lines[0].contains("is replaced"),
            "{log}"
        );
        assert!(
            lines[1].contains(" ERROR ") && lines[1].contains("connection refused"),
            "{log}"
        );
    }
}
