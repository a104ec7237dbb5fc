-- The public library of good examples (/bibliotek): a reviewed copy of a finalist's or
-- winner's nomination, edited for the public, or an earlier year's winner added by hand
-- (no nomination behind it). What the public sees is this copy, never the live nomination;
-- whether it is shown is decided in one function (src/domain/library.rs): published, and,
-- when it came from a nomination, that nomination's consent_publish still ticked.
-- Rows are never deleted (unpublishing clears `published`), so an id, the entry's stable
-- id in the open data, is never reused.
CREATE TABLE library_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    nomination_id INTEGER UNIQUE REFERENCES nominations (id),
    prize_year INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('winner', 'finalist')),
    title TEXT NOT NULL,
    agency_name TEXT NOT NULL,
    categories TEXT NOT NULL,
    summary TEXT NOT NULL,
    results TEXT,
    user_effects TEXT,
    transfer_value TEXT,
    other_agencies TEXT,
    show_contact BOOLEAN NOT NULL DEFAULT 1,
    published BOOLEAN NOT NULL DEFAULT 0,
    first_published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX library_entries_year ON library_entries (prize_year);
