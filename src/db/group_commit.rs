//! Group commit for SQLite: one thread owns the write connection and runs the write jobs
//! waiting at the same moment in one transaction — each job in its own savepoint — so they
//! share one fsync. With `synchronous=FULL` the fsync is what limits throughput; durability
//! is unchanged, because no job is answered before its transaction has committed.
//!
//! A job that fails rolls back to its savepoint and does not disturb the others. If the
//! commit itself fails, every job of the batch is answered with that error (nothing of
//! theirs was stored, so nothing was acknowledged).
//!
//! A job that *panics* is different: diesel does not roll back a savepoint on a panic, so
//! the connection's transaction depth is off by one and a "commit" would only release
//! the savepoint, leaving the real transaction open (and every later batch nested inside
//! it). So a panic fails its whole batch — every job already run is answered with an
//! error — the connection is dropped (SQLite discards the open transaction when it
//! closes), the writer continues on a fresh one, and the jobs not yet run go first into
//! the next batch.
//!
//! A batch begins with `BEGIN IMMEDIATE`, taking the write lock before its first read.
//! With diesel's plain `BEGIN` (deferred), a job that reads and then writes while another
//! process (the command line's `purge` or `privacy erase` beside a running server) has
//! committed since the read cannot upgrade its snapshot: SQLite answers "database is
//! locked" at once, without waiting `busy_timeout` (found as a flaky retention test).
//! Waiting for the lock up front is what `busy_timeout` can wait for.

use super::{ConnectionManager, DbConn, PoolConn};
use diesel::Connection as _;
use diesel::r2d2::ManageConnection as _;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::oneshot;

/// Most jobs in one transaction; more wait for the next.
const MAX_BATCH: usize = 128;

/// What a job hands back after running: how to answer its caller once the batch's fate
/// is known (`Ok`: committed), and whether it panicked.
type Finisher = Box<dyn FnOnce(Result<(), String>) + Send>;
type Job = Box<dyn FnOnce(&mut DbConn) -> (Finisher, Panicked) + Send>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Panicked(bool);

#[derive(Clone)]
pub struct GroupWriter {
    jobs: mpsc::Sender<Job>,
}

impl GroupWriter {
    /// Starts the writer thread with its own connection.
    pub fn start(manager: ConnectionManager) -> anyhow::Result<Self> {
        let conn = manager
            .connect()
            .map_err(|e| anyhow::anyhow!("opening the SQLite write connection: {e}"))?;
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, manager, queue))
            .map_err(|e| anyhow::anyhow!("starting the SQLite writer thread: {e}"))?;
        Ok(Self { jobs })
    }

    /// Runs `f` in the next batch and answers once that batch has committed.
    pub async fn write<T, F>(&self, f: F) -> anyhow::Result<T>
    where
        F: FnOnce(&mut DbConn) -> anyhow::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let (answer, answered) = oneshot::channel::<anyhow::Result<T>>();
        let span = tracing::Span::current();
        let job: Job = Box::new(move |conn: &mut DbConn| {
            let _entered = span.enter();
            // A savepoint of its own: its failure leaves the rest of the batch alone.
            let (outcome, panicked) =
                match catch_unwind(AssertUnwindSafe(|| conn.transaction(|conn| f(conn)))) {
                    Ok(outcome) => (outcome, Panicked(false)),
                    Err(_) => (
                        Err(anyhow::anyhow!("a database write panicked")),
                        Panicked(true),
                    ),
                };
            let finish: Finisher = Box::new(move |committed: Result<(), String>| {
                let answer_value = match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    (Err(error), _) => Err(error),
                    (Ok(_), Err(commit_error)) => Err(anyhow::anyhow!(
                        "committing the write failed: {commit_error}"
                    )),
                };
                let _ = answer.send(answer_value);
            });
            (finish, panicked)
        });
        self.jobs
            .send(job)
            .map_err(|_| anyhow::anyhow!("the SQLite writer has stopped"))?;
        answered
            .await
            .map_err(|_| anyhow::anyhow!("the SQLite writer dropped a write"))?
    }
}

fn run(mut conn: PoolConn, manager: ConnectionManager, queue: mpsc::Receiver<Job>) {
    // Jobs not yet run when a job of their batch panicked: they go first next time.
    let mut held_back: VecDeque<Job> = VecDeque::new();
    loop {
        let first = match held_back.pop_front() {
            Some(job) => job,
            None => match queue.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        let mut batch: VecDeque<Job> = VecDeque::from([first]);
        while batch.len() < MAX_BATCH {
            match held_back
                .pop_front()
                .map(Ok)
                .unwrap_or_else(|| queue.try_recv())
            {
                Ok(job) => batch.push_back(job),
                Err(_) => break,
            }
        }
        let mut finishers = Vec::with_capacity(batch.len());
        let mut panicked = false;
        let committed = immediate_transaction(&mut conn, |conn| {
            while let Some(job) = batch.pop_front() {
                let (finish, job_panicked) = job(conn);
                finishers.push(finish);
                if job_panicked.0 {
                    panicked = true;
                    break;
                }
            }
            if panicked {
                // Rolled back, or at worst left open on a connection about to close.
                Err(diesel::result::Error::RollbackTransaction)
            } else {
                Ok(())
            }
        })
        .map_err(|error| {
            if panicked {
                "a write in the same batch panicked; nothing of the batch was stored".to_owned()
            } else {
                error.to_string()
            }
        });
        if let Err(error) = &committed {
            tracing::error!(%error, jobs = finishers.len(), "group commit failed");
        }
        if committed.is_err() {
            // Drop this connection before answering anyone (closing it discards whatever
            // transaction is still open) and go on from a fresh one.
            conn = reconnect(&manager);
        }
        for finish in finishers {
            finish(committed.clone());
        }
        held_back.extend(batch);
    }
}

/// `f` in one transaction begun with `BEGIN IMMEDIATE` on SQLite (see the module comment);
/// committed when it returns `Ok`, rolled back when it returns `Err`. The jobs' own
/// `transaction` calls inside become savepoints, as diesel counts the depth on the inner
/// connection. Written here because diesel offers `immediate_transaction` only on
/// `SqliteConnection`, and the jobs take the backend-neutral `DbConn`.
fn immediate_transaction<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> diesel::QueryResult<T>,
) -> diesel::QueryResult<T> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let DbConn::Sqlite(inner) = conn else {
        return conn.transaction(f);
    };
    AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
    let outcome = f(conn);
    let DbConn::Sqlite(inner) = conn else {
        unreachable!("the connection's backend does not change");
    };
    match outcome {
        Ok(value) => {
            <AnsiTransactionManager as TransactionManager<_>>::commit_transaction(inner)?;
            Ok(value)
        }
        Err(error) => {
            // A failed rollback leaves the transaction open; the caller drops the
            // connection on any error, which discards it.
            let _ = <AnsiTransactionManager as TransactionManager<_>>::rollback_transaction(inner);
            Err(error)
        }
    }
}

fn reconnect(manager: &ConnectionManager) -> PoolConn {
    loop {
        match manager.connect() {
            Ok(fresh) => return fresh,
            Err(error) => {
                tracing::error!(%error, "reconnecting the SQLite writer");
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::db::{Database, schema::sequences};
    use diesel::prelude::*;

    /// A fresh database in a temporary folder (kept while the folder is).
    fn temp_database(file: &str) -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join(file).to_string_lossy().into_owned();
        let db = Database::connect(&url, 2).unwrap();
        (dir, db)
    }

    /// Two processes on one file (two `Database`s stand for the server and the command
    /// line): a write that reads, then writes after the other has committed in between,
    /// waits for the lock instead of failing with "database is locked" (with a deferred
    /// `BEGIN` its stale snapshot could not be upgraded, and SQLite does not wait then).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_that_reads_first_waits_for_another_process_instead_of_failing() {
        let (dir, server) = temp_database("two.db");
        let url = dir.path().join("two.db").to_string_lossy().into_owned();
        let command_line = Database::connect(&url, 1).unwrap();
        let (read_done, read_seen) = std::sync::mpsc::channel::<()>();
        let (other_done, other_seen) = std::sync::mpsc::channel::<()>();
        let reader_first = tokio::spawn(async move {
            server
                .write(move |conn| {
                    let before: i64 = sequences::table.count().get_result(conn)?;
                    read_done.send(()).unwrap();
                    // The other process tries its write now; give it time to commit if
                    // it could (it cannot: this transaction holds the write lock).
                    let _ = other_seen.recv_timeout(std::time::Duration::from_millis(300));
                    insert_job(conn, 1)?;
                    Ok(before)
                })
                .await
        });
        read_seen.recv().unwrap();
        let other = tokio::spawn(async move {
            let written = command_line.write(|conn| Ok(insert_job(conn, 2)?)).await;
            let _ = other_done.send(());
            written
        });
        assert_eq!(reader_first.await.unwrap().unwrap(), 0);
        assert_eq!(other.await.unwrap().unwrap(), 1);
    }

    /// Stores the sequence `job-<n>`, as one test write.
    fn insert_job(conn: &mut crate::db::DbConn, n: usize) -> QueryResult<usize> {
        diesel::insert_into(sequences::table)
            .values((
                sequences::name.eq(format!("job-{n}")),
                sequences::value.eq(n as i64),
            ))
            .execute(conn)
    }

    /// Writes `job-0` … `job-<count - 1>` at once, each in its own task and write; after
    /// storing its job, each runs `then(n)` in the same write, which may fail or panic.
    fn write_jobs_at_once(
        db: &Database,
        count: usize,
        then: fn(usize) -> anyhow::Result<()>,
    ) -> Vec<tokio::task::JoinHandle<anyhow::Result<usize>>> {
        (0..count)
            .map(|n| {
                let db = db.clone();
                tokio::spawn(async move {
                    db.write(move |conn| {
                        insert_job(conn, n)?;
                        then(n)?;
                        Ok(n)
                    })
                    .await
                })
            })
            .collect()
    }

    /// The names of the sequences committed, read through another connection.
    async fn stored_names(db: &Database) -> Vec<String> {
        db.read(|conn| Ok(sequences::table.select(sequences::name).load(conn)?))
            .await
            .unwrap()
    }

    /// Many writes at once, every third failing: the others are stored, the failing ones
    /// leave nothing behind, and every caller gets its own answer.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_write_leaves_the_rest_of_its_batch_alone() {
        let (_dir, db) = temp_database("group.db");
        let tasks = write_jobs_at_once(&db, 300, |n| {
            anyhow::ensure!(n % 3 != 0, "job {n} fails on purpose");
            Ok(())
        });
        let mut succeeded = 0;
        for (n, task) in tasks.into_iter().enumerate() {
            match task.await.unwrap() {
                Ok(value) => {
                    assert_eq!(value, n);
                    succeeded += 1;
                }
                Err(error) => {
                    assert_eq!(n % 3, 0);
                    assert!(error.to_string().contains("on purpose"), "{error}");
                }
            }
        }
        assert_eq!(succeeded, 200);
        let stored = stored_names(&db).await;
        assert_eq!(stored.len(), 200);
        assert!(
            stored
                .iter()
                .all(|name| name.trim_start_matches("job-").parse::<usize>().unwrap() % 3 != 0)
        );
    }

    /// A write that panics fails its whole batch: no caller is told a write was stored
    /// unless it was, and the writer goes on committing for real afterwards (before, the
    /// batch's "commit" only released the panicking job's savepoint and every later write
    /// stayed inside a transaction that never committed).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_panicking_write_fails_its_batch_and_the_writer_goes_on() {
        let (_dir, db) = temp_database("panic.db");
        let tasks = write_jobs_at_once(&db, 60, |n| {
            if n == 30 {
                panic!("job {n} panics on purpose");
            }
            Ok(())
        });
        let mut acknowledged = Vec::new();
        for task in tasks {
            if let Ok(n) = task.await.unwrap() {
                acknowledged.push(format!("job-{n}"));
            }
        }
        db.write(|conn| {
            diesel::insert_into(sequences::table)
                .values((sequences::name.eq("after"), sequences::value.eq(0i64)))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
        // Read through another connection: only what was committed is there.
        let stored = stored_names(&db).await;
        for name in &acknowledged {
            assert!(
                stored.contains(name),
                "{name} was acknowledged but not stored"
            );
        }
        assert!(!stored.contains(&"job-30".to_owned()));
        assert!(stored.contains(&"after".to_owned()), "later writes commit");
    }
}
