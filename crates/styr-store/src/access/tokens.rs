//! Personal API tokens: a script sends `Authorization: Bearer styr_…`, the store keeps the
//! token's SHA-256. A revoked token stays listed (when it was made and revoked) but lets
//! nobody in.

use sqlx::Row;

use super::{USER_COLUMNS, UserRecord, user};
use crate::{Stamp, Store, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

impl Store {
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
