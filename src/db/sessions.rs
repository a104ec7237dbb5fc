//! actix-session's store in our database: sessions live server-side and can be ended by
//! deleting their rows (logout, password change, revocation).

use super::schema::sessions;
use super::{Database, now};
use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use std::collections::HashMap;

/// What actix-session keeps per session (its own alias for this is private).
type SessionState = HashMap<String, String>;
use actix_web::cookie::time::Duration;
use anyhow::Context as _;
use diesel::prelude::*;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

/// The state key holding the logged-in user's id.
pub const USER_ID_KEY: &str = "user_id";

#[derive(Clone)]
pub struct DbSessionStore {
    db: Database,
}

impl DbSessionStore {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn hash_key(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn new_key() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn expiry(ttl: &Duration) -> chrono::NaiveDateTime {
    now() + chrono::TimeDelta::seconds(ttl.whole_seconds())
}

/// The user id in a session's state (actix-session stores values as JSON strings).
fn user_id_of(state: &SessionState) -> Option<i32> {
    state
        .get(USER_ID_KEY)
        .and_then(|value| serde_json::from_str(value).ok())
}

impl SessionStore for DbSessionStore {
    async fn load(&self, session_key: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        let key_hash = hash_key(session_key.as_ref());
        let stored: Option<String> = self
            .db
            .read(move |conn| {
                Ok(sessions::table
                    .filter(sessions::key_hash.eq(key_hash))
                    .filter(sessions::expires_at.gt(now()))
                    .select(sessions::state)
                    .first(conn)
                    .optional()?)
            })
            .await
            .map_err(LoadError::Other)?;
        stored
            .map(|state| {
                serde_json::from_str(&state)
                    .context("session state")
                    .map_err(LoadError::Deserialization)
            })
            .transpose()
    }

    async fn save(
        &self,
        session_state: SessionState,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        let key = new_key();
        let key_hash = hash_key(&key);
        let state = serde_json::to_string(&session_state)
            .context("session state")
            .map_err(SaveError::Serialization)?;
        let (user_id, expires_at) = (user_id_of(&session_state), expiry(ttl));
        self.db
            .write(move |conn| {
                diesel::insert_into(sessions::table)
                    .values((
                        sessions::key_hash.eq(key_hash),
                        sessions::user_id.eq(user_id),
                        sessions::state.eq(state),
                        sessions::expires_at.eq(expires_at),
                        sessions::created_at.eq(now()),
                    ))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .map_err(SaveError::Other)?;
        SessionKey::try_from(key).map_err(|e| SaveError::Other(anyhow::anyhow!(e)))
    }

    async fn update(
        &self,
        session_key: SessionKey,
        session_state: SessionState,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        let key_hash = hash_key(session_key.as_ref());
        let state = serde_json::to_string(&session_state)
            .context("session state")
            .map_err(UpdateError::Serialization)?;
        let (user_id, expires_at) = (user_id_of(&session_state), expiry(ttl));
        let updated = self
            .db
            .write(move |conn| {
                Ok(
                    diesel::update(sessions::table.filter(sessions::key_hash.eq(key_hash)))
                        .set((
                            sessions::state.eq(state),
                            sessions::user_id.eq(user_id),
                            sessions::expires_at.eq(expires_at),
                        ))
                        .execute(conn)?,
                )
            })
            .await
            .map_err(UpdateError::Other)?;
        if updated == 1 {
            Ok(session_key)
        } else {
            // The session was ended meanwhile (logout elsewhere, revocation): start afresh
            // rather than bring it back.
            self.save(session_state, ttl)
                .await
                .map_err(|e| UpdateError::Other(anyhow::anyhow!(e.to_string())))
        }
    }

    async fn update_ttl(
        &self,
        session_key: &SessionKey,
        ttl: &Duration,
    ) -> Result<(), anyhow::Error> {
        let key_hash = hash_key(session_key.as_ref());
        let expires_at = expiry(ttl);
        self.db
            .write(move |conn| {
                diesel::update(sessions::table.filter(sessions::key_hash.eq(key_hash)))
                    .set(sessions::expires_at.eq(expires_at))
                    .execute(conn)?;
                Ok(())
            })
            .await
    }

    async fn delete(&self, session_key: &SessionKey) -> Result<(), anyhow::Error> {
        let key_hash = hash_key(session_key.as_ref());
        self.db
            .write(move |conn| {
                diesel::delete(sessions::table.filter(sessions::key_hash.eq(key_hash)))
                    .execute(conn)?;
                Ok(())
            })
            .await
    }
}

/// Removes expired sessions.
pub fn delete_expired(conn: &mut super::DbConn) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(now()))).execute(conn)
}
