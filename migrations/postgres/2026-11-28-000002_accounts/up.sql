-- People who log in: the secretariat (admin) and jurors.
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT,
    failed_logins INTEGER NOT NULL,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

-- Server-side sessions (actix-session's store): the cookie holds a random key, the
-- database only its hash. Deleting the rows of a user ends all of that user's sessions.
CREATE TABLE sessions (
    key_hash TEXT PRIMARY KEY NOT NULL,
    user_id INTEGER REFERENCES users (id),
    state TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time links to set a password (new account or reset).
CREATE TABLE account_tokens (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
