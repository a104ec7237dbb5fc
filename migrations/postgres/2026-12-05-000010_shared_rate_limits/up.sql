-- Rate limits every instance shares (used on PostgreSQL, where several `serve` processes
-- may run on one database; SQLite, with one process, keeps them in memory). One row per
-- limit and client: the "theoretical arrival time" of GCRA in milliseconds since the Unix
-- epoch. A row whose time has passed means a full allowance, as no row does, so
-- housekeeping may delete it whenever it likes.
CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    client TEXT NOT NULL,
    tat_ms BIGINT NOT NULL,
    PRIMARY KEY (bucket, client)
);
