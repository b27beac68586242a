//! How each budget line's year is spread over its months: twelve weights per line ("1,1,…");
//! a line without a profile is spread evenly.

use std::collections::BTreeMap;

use sqlx::{AnyConnection, Row};
use styr_domain::followup::Profile;
use styr_domain::operating::LineKind;

use super::require_budget;
use crate::{BudgetId, Stamp, Store, StoreError, codec};

impl Store {
    /// The lines' spreading profiles; a line without one is spread evenly.
    pub async fn line_profiles(
        &self,
        budget: BudgetId,
    ) -> Result<BTreeMap<LineKind, Profile>, StoreError> {
        let rows = sqlx::query("SELECT line, weights FROM line_profiles WHERE budget_id = $1")
            .bind(budget)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let line: String = row.try_get("line")?;
                let weights: String = row.try_get("weights")?;
                let kind = LineKind::from_key(&line)
                    .ok_or_else(|| codec::corrupt(format!("raden ”{line}”")))?;
                let values: Vec<u32> = weights
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .map_err(|_| codec::corrupt(format!("profilen ”{weights}”")))?;
                let values: [u32; 12] = values
                    .try_into()
                    .map_err(|_| codec::corrupt(format!("profilen ”{weights}”")))?;
                Ok((kind, Profile(values)))
            })
            .collect()
    }

    /// Replaces every line's profile with `profiles`.
    pub async fn set_line_profiles(
        &self,
        budget: BudgetId,
        profiles: &BTreeMap<LineKind, Profile>,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_line_profiles(&mut transaction, budget, profiles).await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

pub(super) async fn write_line_profiles(
    connection: &mut AnyConnection,
    budget: BudgetId,
    profiles: &BTreeMap<LineKind, Profile>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM line_profiles WHERE budget_id = $1")
        .bind(budget)
        .execute(&mut *connection)
        .await?;
    for (line, profile) in profiles {
        let weights: Vec<String> = profile.0.iter().map(u32::to_string).collect();
        sqlx::query("INSERT INTO line_profiles (budget_id, line, weights) VALUES ($1, $2, $3)")
            .bind(budget)
            .bind(line.key())
            .bind(weights.join(","))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}
