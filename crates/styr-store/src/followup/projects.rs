//! The investment follow-up's settings and forecasts: the rules that place bookings on the
//! plan's projects with the accounts that count (replaced whole, with its audit entry), and
//! every project forecast as it was entered (the one in force is the latest).

use sqlx::Row;
use styr_domain::followup::{
    Month, ProjectForecast, ProjectForecastEntry, ProjectMapping, ProjectRule,
};
use styr_domain::money::Amount;

use super::forecasts::{entered, next_id};
use super::require_budget;
use crate::{AuditEntry, BudgetId, Stamp, Store, StoreError, codec};

impl Store {
    /// The budget's project mapping; the default when it has none of its own.
    pub async fn project_mapping(&self, budget: BudgetId) -> Result<ProjectMapping, StoreError> {
        let rows = sqlx::query(
            "SELECT project, object, account_prefix, cost_centre FROM project_rules WHERE budget_id = $1 ORDER BY position",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        let rules = rows
            .iter()
            .map(|row| {
                Ok(ProjectRule {
                    project: row.try_get("project")?,
                    object: row.try_get("object")?,
                    account_prefix: row.try_get("account_prefix")?,
                    cost_centre: row.try_get("cost_centre")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let accounts = sqlx::query("SELECT prefixes FROM investment_accounts WHERE budget_id = $1")
            .bind(budget)
            .fetch_optional(&self.pool)
            .await?
            .map(|row| row.try_get::<String, _>("prefixes"))
            .transpose()?;
        let accounts = match accounts {
            Some(prefixes) => prefixes
                .split(',')
                .filter(|prefix| !prefix.is_empty())
                .map(String::from)
                .collect(),
            None => ProjectMapping::default().accounts,
        };
        ProjectMapping::new(rules, accounts).map_err(|error| codec::corrupt(error.to_string()))
    }

    pub async fn set_project_mapping(
        &self,
        budget: BudgetId,
        mapping: &ProjectMapping,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        sqlx::query("DELETE FROM project_rules WHERE budget_id = $1")
            .bind(budget)
            .execute(&mut *transaction)
            .await?;
        for (position, rule) in mapping.rules.iter().enumerate() {
            sqlx::query("INSERT INTO project_rules (budget_id, position, project, object, account_prefix, cost_centre) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(budget)
                .bind(position as i64)
                .bind(rule.project.clone())
                .bind(rule.object.clone())
                .bind(rule.account_prefix.clone())
                .bind(rule.cost_centre.clone())
                .execute(&mut *transaction)
                .await?;
        }
        sqlx::query("DELETE FROM investment_accounts WHERE budget_id = $1")
            .bind(budget)
            .execute(&mut *transaction)
            .await?;
        sqlx::query("INSERT INTO investment_accounts (budget_id, prefixes) VALUES ($1, $2)")
            .bind(budget)
            .bind(mapping.accounts.join(","))
            .execute(&mut *transaction)
            .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// Every project forecast as it was entered, oldest first.
    pub async fn project_forecast_history(
        &self,
        budget: BudgetId,
    ) -> Result<Vec<ProjectForecastEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT project, year, amount, comment, based_on, entered_by, entered_at FROM project_forecast_history WHERE budget_id = $1 ORDER BY id",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ProjectForecastEntry {
                    forecast: ProjectForecast {
                        project: row.try_get("project")?,
                        year: codec::year(row.try_get("year")?)?,
                        amount: Amount::from_ore(row.try_get("amount")?),
                        comment: row.try_get("comment")?,
                    },
                    entered: entered(row)?,
                })
            })
            .collect()
    }

    /// Enters a project forecast, built on the outcome through `based_on`.
    pub async fn set_project_forecast(
        &self,
        budget: BudgetId,
        forecast: &ProjectForecast,
        based_on: Option<Month>,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        let previous: Option<i64> = sqlx::query(
            "SELECT amount FROM project_forecast_history WHERE budget_id = $1 AND project = $2 AND year = $3 ORDER BY id DESC LIMIT 1",
        )
        .bind(budget)
        .bind(forecast.project.clone())
        .bind(i64::from(forecast.year.number()))
        .fetch_optional(&mut *transaction)
        .await?
        .map(|row| row.try_get("amount"))
        .transpose()?;
        let id = next_id(&mut transaction, "project_forecast_history", budget).await?;
        sqlx::query(
            "INSERT INTO project_forecast_history (budget_id, id, project, year, amount, comment, based_on, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(budget)
        .bind(id)
        .bind(forecast.project.clone())
        .bind(i64::from(forecast.year.number()))
        .bind(forecast.amount.ore())
        .bind(forecast.comment.clone())
        .bind(based_on.map(|month| month.to_string()))
        .bind(stamp.by.clone())
        .bind(stamp.at.clone())
        .execute(&mut *transaction)
        .await?;
        let describe = |ore: i64, comment: &str| format!("{ore} öre: {comment}");
        let stamp = stamp.clone().with(
            AuditEntry::new(
                "investeringsprognos",
                Some(budget),
                format!("prognos/investering/{}/{}", forecast.project, forecast.year),
            )
            .values(
                previous.map(|ore| describe(ore, "")),
                Some(describe(forecast.amount.ore(), &forecast.comment)),
            ),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}
