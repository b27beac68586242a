//! Server-side sessions: a browser holds a random secret in a cookie, the store its SHA-256,
//! with the person and the CSRF token the session's forms must carry. An expired session is
//! not live; expired rows go when someone logs in, so no sweeper is needed.

use sqlx::Row;

use super::{USER_COLUMNS, UserRecord, user};
use crate::{Stamp, Store, StoreError};

/// A live session: whose it is and the CSRF token its forms must carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: UserRecord,
    pub csrf: String,
    pub expires_at: String,
}

impl Store {
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

    /// Ends every session of everyone, recorded in the same transaction; says how many. A
    /// restored database starts with nobody logged in: the sessions in a backup belong to
    /// the moment it was taken.
    pub async fn end_all_sessions(&self, stamp: &Stamp) -> Result<u64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let ended = sqlx::query("DELETE FROM sessions")
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(ended)
    }
}
