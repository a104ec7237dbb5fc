-- Two-factor login (TOTP, RFC 6238) for staff. totp_secret is the authenticator's secret,
-- encrypted (AES-256-GCM, key derived from auth.session_secret, bound to the user id); set
-- when enrolment starts, in use once totp_enrolled_at is set. totp_last_step is the last
-- time step a code was accepted for: a code of that step or an earlier one is refused, so
-- an overheard code cannot be replayed.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enrolled_at TIMESTAMP;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- One-time recovery codes, for a lost authenticator: only a salted SHA-256 of each is kept.
CREATE TABLE recovery_codes (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
