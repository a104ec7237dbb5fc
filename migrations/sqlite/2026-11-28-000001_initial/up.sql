-- Counters behind human-readable references (BSP-2027-0007, TIPS-2026-0012).
CREATE TABLE sequences (
    name TEXT PRIMARY KEY NOT NULL,
    value BIGINT NOT NULL
);

CREATE TABLE rounds (
    id INTEGER PRIMARY KEY NOT NULL,
    prize_year INTEGER NOT NULL UNIQUE,
    nomination_deadline DATE NOT NULL,
    closes_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE nominations (
    id INTEGER PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    agency_name TEXT NOT NULL,
    org_number TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT,
    title TEXT NOT NULL,
    categories TEXT NOT NULL,
    summary TEXT NOT NULL,
    background TEXT NOT NULL,
    what_was_done TEXT NOT NULL,
    results TEXT NOT NULL,
    savings_nok BIGINT,
    savings_hours BIGINT,
    user_effects TEXT NOT NULL,
    transfer_value TEXT NOT NULL,
    other_agencies TEXT,
    leadership_backing BOOLEAN NOT NULL,
    consent_publish BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    edit_token_hash TEXT NOT NULL UNIQUE,
    -- A form's one-time key: sending the same form twice (a refresh, a double click)
    -- finds the first submission instead of storing a copy.
    submission_key TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX nominations_round ON nominations (round_id);

CREATE TABLE tips (
    id INTEGER PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    initiative TEXT NOT NULL,
    agency TEXT NOT NULL,
    reason TEXT NOT NULL,
    tipster_name TEXT,
    tipster_email TEXT,
    may_contact BOOLEAN NOT NULL,
    triage_state TEXT NOT NULL,
    language TEXT NOT NULL,
    nomination_id INTEGER REFERENCES nominations (id),
    submission_key TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL
);

-- E-mails written in the same transaction as the data they belong to; the outbox worker
-- delivers them. Rows are never deleted by the worker.
CREATE TABLE outbox_messages (
    id INTEGER PRIMARY KEY NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL,
    subject_ref TEXT NOT NULL,
    recipient TEXT NOT NULL,
    reply_to TEXT,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    claim_token TEXT,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox_messages (status, next_attempt_at);

CREATE TABLE outbox_attempts (
    id INTEGER PRIMARY KEY NOT NULL,
    outbox_message_id INTEGER NOT NULL REFERENCES outbox_messages (id),
    attempted_at TIMESTAMP NOT NULL,
    succeeded BOOLEAN NOT NULL,
    error TEXT
);
CREATE INDEX outbox_attempts_message ON outbox_attempts (outbox_message_id);

-- Who did what, when: references and ids only, never personal data.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_ref TEXT NOT NULL,
    detail TEXT
);
