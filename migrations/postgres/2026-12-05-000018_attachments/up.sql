-- Files attached to a nomination (issue 9 §2): kept in the database itself, so a backup
-- and several instances need nothing more. content_type is the type found by looking at
-- the bytes (never the one the browser claimed); file_name is the name as uploaded,
-- cleaned of paths and control characters. The files go with their nomination.
CREATE TABLE nomination_attachments (
    id SERIAL PRIMARY KEY,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX nomination_attachments_nomination ON nomination_attachments (nomination_id);
