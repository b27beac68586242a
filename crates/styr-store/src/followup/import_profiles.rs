//! Saved CSV import profiles: how an accounting system's CSV export is laid out, by name,
//! kept as the profile's own text form.

use std::collections::BTreeMap;

use sqlx::Row;

use crate::{Stamp, Store, StoreError};

impl Store {
    /// Saved CSV import profiles: name → definition (the profile's own text form).
    pub async fn import_profiles(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let rows = sqlx::query("SELECT name, definition FROM import_profiles ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("name")?, row.try_get("definition")?)))
            .collect()
    }

    pub async fn save_import_profile(
        &self,
        name: &str,
        definition: &str,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO import_profiles (name, definition, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(definition)
        .bind(stamp.by.clone())
        .bind(stamp.at.clone())
        .execute(&mut *transaction)
        .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}
