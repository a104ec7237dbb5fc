-- Nominations saved half-done ("Lagre og fortsett senere"). A draft is not a nomination:
-- no reference, no round; the form's fields as typed (JSON), the contact address the
-- private link went to, and the hashes of its links (the first mail's, and the reminder's).
-- saved_at is the portal clock's time of the last save: the draft expires
-- nomination.draft_days after it, with one reminder nomination.draft_reminder_days before.
CREATE TABLE nomination_drafts (
    id SERIAL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    reminder_token_hash TEXT UNIQUE,
    contact_email TEXT NOT NULL,
    content TEXT NOT NULL,
    language TEXT NOT NULL,
    submission_key TEXT UNIQUE,
    saved_at TIMESTAMP NOT NULL,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX nomination_drafts_saved_at ON nomination_drafts (saved_at);
