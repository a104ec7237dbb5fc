//! Backups. SQLite: `VACUUM INTO` writes a consistent copy while the server keeps serving
//! (it reads one snapshot), and `restore` puts such a copy in place of the database file.
//! PostgreSQL has its own tool for this, `pg_dump`; we point to it rather than imitate it.

use super::{Backend, Database};
use anyhow::Context as _;
use diesel::connection::SimpleConnection as _;
use diesel::prelude::*;
use std::path::Path;

fn pg_dump_advice() -> anyhow::Error {
    anyhow::anyhow!(
        "this database is PostgreSQL: back it up with pg_dump, e.g. \
         `pg_dump --format=custom --file=bedre-stat.dump \"$DATABASE_URL\"`, \
         and restore with pg_restore"
    )
}

/// Writes a consistent copy of the database to `out` (which must not exist yet).
pub fn backup(db: &Database, out: &Path) -> anyhow::Result<()> {
    if db.backend() == Backend::Postgres {
        return Err(pg_dump_advice());
    }
    anyhow::ensure!(
        !out.exists(),
        "{} exists already: choose a new file",
        out.display()
    );
    let path = out.to_str().context("the backup path is not valid UTF-8")?;
    let mut conn = db.write_conn()?;
    // VACUUM cannot run inside a transaction, so this bypasses the group writer; it only
    // reads the live database.
    conn.batch_execute(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))
        .with_context(|| format!("writing the backup to {}", out.display()))?;
    Ok(())
}

/// Puts the SQLite backup `from` in place of the database at `url`, after checking that it
/// is a whole SQLite database of this portal. Stop the server first: a running server keeps
/// its own handle on the old file.
pub fn restore(url: &str, from: &Path) -> anyhow::Result<()> {
    if Backend::from_url(url) == Backend::Postgres {
        return Err(pg_dump_advice());
    }
    let source = from
        .to_str()
        .context("the backup path is not valid UTF-8")?;
    let mut check = SqliteConnection::establish(source)
        .with_context(|| format!("opening the backup {}", from.display()))?;
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let verdict: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut check)
        .context("checking the backup (is it a SQLite database?)")?;
    anyhow::ensure!(
        verdict.len() == 1 && verdict[0].integrity_check == "ok",
        "the backup {} is damaged: PRAGMA integrity_check did not say ok",
        from.display()
    );
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let migrations: Vec<Count> =
        diesel::sql_query("SELECT count(*) AS n FROM __diesel_schema_migrations")
            .load(&mut check)
            .context("the backup has no migrations table: it is not a database of this portal")?;
    anyhow::ensure!(migrations[0].n > 0, "the backup has no migrations applied");
    drop(check);
    let target = Path::new(url);
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    // Copy beside the target, then rename over it: the target is the old file or the new
    // one, never half of each.
    let staging = target.with_extension("restoring");
    std::fs::copy(from, &staging)
        .with_context(|| format!("copying {} to {}", from.display(), staging.display()))?;
    for stale in ["-wal", "-shm"] {
        let side = format!("{url}{stale}");
        if Path::new(&side).exists() {
            std::fs::remove_file(&side).with_context(|| format!("removing {side}"))?;
        }
    }
    std::fs::rename(&staging, target)
        .with_context(|| format!("moving the restored file to {}", target.display()))?;
    Ok(())
}
