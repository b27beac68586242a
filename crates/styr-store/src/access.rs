//! People, their sessions and their API tokens. The store keeps only hashes: a password as
//! its Argon2id PHC string (hashed by the application layer), a session id and an API token
//! as SHA-256, so neither a copy of the database nor its logs let anyone in.

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

/// A live session: whose it is and the CSRF token its forms must carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: UserRecord,
    pub csrf: String,
    pub expires_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

const USER_COLUMNS: &str =
    "users.id, users.username, users.password_hash, users.role, users.scope_unit, users.created_at";

fn user(row: &sqlx::any::AnyRow) -> Result<UserRecord, StoreError> {
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

    /// Sets a new password hash and ends every session of the person but `keep` (the
    /// session that changed it), so a stolen session dies with the old password.
    pub async fn set_password(
        &self,
        user_id: i64,
        password_hash: &str,
        keep: Option<&str>,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *transaction)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep.unwrap_or("").to_string())
            .execute(&mut *transaction)
            .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// Opens a session (a login), recorded in the same transaction.
    pub async fn open_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf: &str,
        expires_at: &str,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        // Expired sessions go when someone logs in: no sweeper needed.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(stamp.at.as_str())
            .execute(&mut *transaction)
            .await?;
        sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash)
            .bind(user_id)
            .bind(csrf)
            .bind(stamp.at.as_str())
            .bind(expires_at)
            .execute(&mut *transaction)
            .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// The live session with this hash, if it has not expired by `now`.
    pub async fn session(
        &self,
        token_hash: &str,
        now: &str,
    ) -> Result<Option<SessionRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, sessions.csrf, sessions.expires_at FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = $1 AND sessions.expires_at > $2"
        )))
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(SessionRecord {
                user: user(&row)?,
                csrf: row.try_get("csrf")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .transpose()
    }

    pub async fn close_session(&self, token_hash: &str, stamp: &Stamp) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *transaction)
            .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    pub async fn add_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM api_tokens")
            .fetch_one(&mut *transaction)
            .await?
            .try_get("next")?;
        sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(user_id)
            .bind(name)
            .bind(token_hash)
            .bind(stamp.at.as_str())
            .execute(&mut *transaction)
            .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(id)
    }

    pub async fn api_tokens(&self, user_id: i64) -> Result<Vec<ApiToken>, StoreError> {
        let rows = sqlx::query("SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id")
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(ApiToken {
                    id: row.try_get("id")?,
                    user_id: row.try_get("user_id")?,
                    name: row.try_get("name")?,
                    created_at: row.try_get("created_at")?,
                    revoked_at: row.try_get("revoked_at")?,
                })
            })
            .collect()
    }

    /// Revokes a person's own token; false when it is not theirs or already revoked.
    pub async fn revoke_api_token(
        &self,
        user_id: i64,
        token_id: i64,
        stamp: &Stamp,
    ) -> Result<bool, StoreError> {
        let mut transaction = self.begin_write().await?;
        let changed = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(stamp.at.as_str())
            .bind(token_id)
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

    /// The person a live (not revoked) token belongs to.
    pub async fn token_user(&self, token_hash: &str) -> Result<Option<UserRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE api_tokens.token_hash = $1 AND api_tokens.revoked_at IS NULL"
        )))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user).transpose()
    }
}
