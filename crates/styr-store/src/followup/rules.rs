//! The rules that map the books onto the budget: which budget line an account is booked to
//! (by prefix, the longest winning), which unit a cost centre belongs to (with validity dates),
//! and the three saved together from the settings page. Each save replaces the budget's rules
//! whole, in one transaction with its audit entry.

use std::collections::BTreeMap;

use sqlx::{AnyConnection, Row};
use styr_domain::followup::{
    AccountMapping, AccountRule, CostCentreMapping, CostCentreRule, Profile,
};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

use super::line_profiles::write_line_profiles;
use super::require_budget;
use crate::{BudgetId, Stamp, Store, StoreError, codec};

impl Store {
    /// The account rules, or `None` when the budget still uses the default.
    pub async fn account_rules(
        &self,
        budget: BudgetId,
    ) -> Result<Option<AccountMapping>, StoreError> {
        let rows = sqlx::query(
            "SELECT prefix, operating_row FROM account_rules WHERE budget_id = $1 ORDER BY position",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Ok(None);
        }
        let rules = rows
            .iter()
            .map(|row| {
                let key: Option<String> = row.try_get("operating_row")?;
                let operating_row = match key {
                    Some(key) => Some(
                        OperatingRow::from_key(&key)
                            .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?,
                    ),
                    None => None,
                };
                Ok(AccountRule {
                    prefix: row.try_get("prefix")?,
                    row: operating_row,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        AccountMapping::new(rules)
            .map(Some)
            .map_err(|error| codec::corrupt(error.to_string()))
    }

    pub async fn set_account_rules(
        &self,
        budget: BudgetId,
        mapping: &AccountMapping,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_account_rules(&mut transaction, budget, mapping).await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    pub async fn cost_centre_rules(
        &self,
        budget: BudgetId,
    ) -> Result<CostCentreMapping, StoreError> {
        let rows = sqlx::query(
            "SELECT object, unit, valid_from, valid_to FROM cost_centre_rules WHERE budget_id = $1 ORDER BY position",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        let rules = rows
            .iter()
            .map(|row| {
                Ok(CostCentreRule {
                    object: row.try_get("object")?,
                    unit: UnitId(row.try_get("unit")?),
                    valid_from: codec::optional_date(row.try_get("valid_from")?)?,
                    valid_to: codec::optional_date(row.try_get("valid_to")?)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(CostCentreMapping { rules })
    }

    pub async fn set_cost_centre_rules(
        &self,
        budget: BudgetId,
        mapping: &CostCentreMapping,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_cost_centre_rules(&mut transaction, budget, mapping).await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// Replaces the account rules, the cost-centre rules and the lines' profiles together, in
    /// one transaction: all three are saved or none.
    pub async fn set_followup_settings(
        &self,
        budget: BudgetId,
        accounts: &AccountMapping,
        cost_centres: &CostCentreMapping,
        profiles: &BTreeMap<LineKind, Profile>,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_account_rules(&mut transaction, budget, accounts).await?;
        write_cost_centre_rules(&mut transaction, budget, cost_centres).await?;
        write_line_profiles(&mut transaction, budget, profiles).await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

async fn write_account_rules(
    connection: &mut AnyConnection,
    budget: BudgetId,
    mapping: &AccountMapping,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM account_rules WHERE budget_id = $1")
        .bind(budget)
        .execute(&mut *connection)
        .await?;
    for (position, rule) in mapping.rules.iter().enumerate() {
        sqlx::query("INSERT INTO account_rules (budget_id, position, prefix, operating_row) VALUES ($1, $2, $3, $4)")
            .bind(budget)
            .bind(position as i64)
            .bind(rule.prefix.clone())
            .bind(rule.row.map(|row| row.key().to_string()))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

async fn write_cost_centre_rules(
    connection: &mut AnyConnection,
    budget: BudgetId,
    mapping: &CostCentreMapping,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM cost_centre_rules WHERE budget_id = $1")
        .bind(budget)
        .execute(&mut *connection)
        .await?;
    for (position, rule) in mapping.rules.iter().enumerate() {
        sqlx::query("INSERT INTO cost_centre_rules (budget_id, position, object, unit, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(budget)
            .bind(position as i64)
            .bind(rule.object.clone())
            .bind(rule.unit.0.clone())
            .bind(rule.valid_from.map(|date| date.to_string()))
            .bind(rule.valid_to.map(|date| date.to_string()))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}
