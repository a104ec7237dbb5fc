//! Rate limits shared by every instance on one PostgreSQL database: GCRA (a burst, then one
//! per period), decided by one atomic statement per request. SQLite, where one process
//! serves, keeps its limits in memory (`crate::web::rate_limit`).

use super::DbConn;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

/// The database's clock in milliseconds since the Unix epoch: one clock for all instances.
const NOW_MS: &str = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

#[derive(QueryableByName)]
struct Millis {
    #[diesel(sql_type = BigInt)]
    ms: i64,
}

/// Takes one unit of `client`'s allowance in `bucket`, where the allowance is `burst`
/// units, one coming back every `period_ms`. `Ok(None)`: taken; `Ok(Some(ms))`: refused,
/// try again in `ms`.
///
/// The row holds GCRA's theoretical arrival time (TAT). A request is allowed when
/// `max(TAT, now) + period ≤ now + burst · period`, and then that becomes the new TAT. The
/// upsert decides and records in one statement, on the row's lock, so requests reaching
/// several instances at once never take more than the burst between them. PostgreSQL only
/// (SQLite limits are in memory); asked on SQLite it refuses nothing.
pub fn take(
    conn: &mut DbConn,
    bucket: &str,
    client: &str,
    period_ms: i64,
    burst: i64,
) -> QueryResult<Option<i64>> {
    let DbConn::Pg(pg) = conn else {
        return Ok(None);
    };
    let window = period_ms.saturating_mul(burst);
    let taken = diesel::sql_query(format!(
        "INSERT INTO rate_limits AS r (bucket, client, tat_ms) VALUES ($1, $2, {NOW_MS} + $3) \
         ON CONFLICT (bucket, client) DO UPDATE \
         SET tat_ms = GREATEST(r.tat_ms + $3, excluded.tat_ms) \
         WHERE GREATEST(r.tat_ms + $3, excluded.tat_ms) <= excluded.tat_ms - $3 + $4 \
         RETURNING tat_ms AS ms"
    ))
    .bind::<Text, _>(bucket)
    .bind::<Text, _>(client)
    .bind::<BigInt, _>(period_ms)
    .bind::<BigInt, _>(window)
    .load::<Millis>(pg)?;
    if !taken.is_empty() {
        return Ok(None);
    }
    // Refused: how long until one unit is back. Only for the Retry-After header, so it
    // need not be read in the deciding statement.
    let wait = diesel::sql_query(format!(
        "SELECT GREATEST(tat_ms + $3 - $4 - {NOW_MS}, 0) AS ms FROM rate_limits \
         WHERE bucket = $1 AND client = $2"
    ))
    .bind::<Text, _>(bucket)
    .bind::<Text, _>(client)
    .bind::<BigInt, _>(period_ms)
    .bind::<BigInt, _>(window)
    .get_result::<Millis>(pg)
    .optional()?;
    Ok(Some(wait.map_or(period_ms, |w| w.ms)))
}

/// Deletes the rows whose allowance is full again (a passed TAT counts as no row), so the
/// table holds only clients limited right now. Returns how many.
pub fn forget_idle(conn: &mut DbConn) -> QueryResult<usize> {
    match conn {
        DbConn::Pg(pg) => {
            diesel::sql_query(format!("DELETE FROM rate_limits WHERE tat_ms < {NOW_MS}"))
                .execute(pg)
        }
        DbConn::Sqlite(_) => Ok(0),
    }
}
