//! People, their sessions (sessions.rs) and their API tokens (tokens.rs). The store keeps
//! only hashes: a password as its Argon2id PHC string (hashed by the application layer), a
//! session id and an API token as SHA-256, so neither a copy of the database nor its logs let
//! anyone in. A new password ends the person's other sessions and revokes their tokens in the
//! same transaction: whoever stole one of them loses it with the old password.

mod sessions;
mod tokens;

pub use sessions::SessionRecord;
pub use tokens::ApiToken;

use sqlx::Row;

use crate::{Stamp, Store, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    /// styr_domain::access::RoleKind's key.
    pub role: String,
    pub scope_unit: Option<String>,
    pub created_at: String,
}

pub(crate) const USER_COLUMNS: &str =
    "users.id, users.username, users.password_hash, users.role, users.scope_unit, users.created_at";

pub(crate) fn user(row: &sqlx::any::AnyRow) -> Result<UserRecord, StoreError> {
    Ok(UserRecord {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        password_hash: row.try_get("password_hash")?,
        role: row.try_get("role")?,
        scope_unit: row.try_get("scope_unit")?,
        created_at: row.try_get("created_at")?,
    })
}

impl Store {
    pub async fn users(&self) -> Result<Vec<UserRecord>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users ORDER BY username"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user).collect()
    }

    pub async fn user_named(&self, username: &str) -> Result<Option<UserRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users WHERE username = $1"
        )))
        .bind(username)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user).transpose()
    }

    /// Adds a person; `None` when the username is taken.
    pub async fn add_user(
        &self,
        username: &str,
        password_hash: &str,
        role: &str,
        scope_unit: Option<&str>,
        stamp: &Stamp,
    ) -> Result<Option<i64>, StoreError> {
        let mut transaction = self.begin_write().await?;
        let taken = sqlx::query("SELECT id FROM users WHERE username = $1")
            .bind(username)
            .fetch_optional(&mut *transaction)
            .await?;
        if taken.is_some() {
            return Ok(None);
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM users")
            .fetch_one(&mut *transaction)
            .await?
            .try_get("next")?;
        sqlx::query("INSERT INTO users (id, username, password_hash, role, scope_unit, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(username)
            .bind(password_hash)
            .bind(role)
            .bind(scope_unit.map(str::to_string))
            .bind(stamp.at.as_str())
            .execute(&mut *transaction)
            .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(Some(id))
    }

    /// Changes a person's role; false when there is no such person.
    pub async fn set_role(
        &self,
        user_id: i64,
        role: &str,
        scope_unit: Option<&str>,
        stamp: &Stamp,
    ) -> Result<bool, StoreError> {
        let mut transaction = self.begin_write().await?;
        let changed = sqlx::query("UPDATE users SET role = $1, scope_unit = $2 WHERE id = $3")
            .bind(role)
            .bind(scope_unit.map(str::to_string))
            .bind(user_id)
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(true)
    }

    /// Sets a new password hash, ends every session of the person but `keep` (the session
    /// that changed it) and revokes every API token of theirs; says how many of each ended,
    /// and so do the stamp's entries that have no new value of their own.
    pub async fn set_password(
        &self,
        user_id: i64,
        password_hash: &str,
        keep: Option<&str>,
        stamp: &Stamp,
    ) -> Result<Ended, StoreError> {
        let mut transaction = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *transaction)
            .await?;
        let sessions = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep.unwrap_or("").to_string())
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        let tokens = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(stamp.at.as_str())
        .bind(user_id)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
        let ended = Ended { sessions, tokens };
        let mut stamp = stamp.clone();
        for entry in &mut stamp.entries {
            entry.new_value.get_or_insert_with(|| ended.to_string());
        }
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(ended)
    }
}

/// What a new password ended: the person's other sessions and their API tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ended {
    pub sessions: u64,
    pub tokens: u64,
}

impl std::fmt::Display for Ended {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "avslutade inloggningar: {}, återkallade API-nycklar: {}",
            self.sessions, self.tokens
        )
    }
}
