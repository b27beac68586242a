//! Reading the books against the budget: the follow-up report (budget, actual, deviation,
//! year to date and forecast per unit, line and month), a unit's forecast, and drill-down from
//! any figure to the booked rows behind it — chosen by the same rule the report uses, so the
//! rows always add up to the figure.

use std::collections::BTreeMap;

use styr_domain::access::Action;
use styr_domain::calendar::Year;
use styr_domain::followup::mapping::AccountUse;
use styr_domain::followup::{Forecast, Month};
use styr_domain::operating::OperatingRow;
use styr_reports::followup::{FollowupInput, FollowupReport, follow_up};
use styr_store::{BookedRow, BudgetId, ImportRecord, Stamp};

use super::Figure;
use crate::{Actor, App, AppError};

impl App {
    /// The cost centres' names as the accounting system gives them.
    pub async fn followup_names(
        &self,
        budget: BudgetId,
    ) -> Result<BTreeMap<String, String>, AppError> {
        Ok(self.store.outcome(budget).await?.cost_centre_names)
    }

    pub async fn outcome_imports(&self, budget: BudgetId) -> Result<Vec<ImportRecord>, AppError> {
        Ok(self.store.outcome_imports(budget).await?)
    }

    /// Budget versus actual for `year` (the budget year by default) through month `through`
    /// (the last booked month by default).
    pub async fn followup(
        &self,
        budget: BudgetId,
        year: Option<Year>,
        through: Option<u8>,
    ) -> Result<FollowupReport, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let outcome = self.store.outcome(budget).await?;
        let accounts = self.account_mapping(budget).await?;
        // The default rules come from the same outcome: read it once.
        let cost_centres = styr_reports::followup::with_matching_units(
            self.store.cost_centre_rules(budget).await?,
            &snapshot.budget,
            &outcome,
        );
        let forecasts = self.store.forecasts(budget).await?;
        let profiles = self.store.line_profiles(budget).await?;
        follow_up(&FollowupInput {
            budget: Some(&snapshot.budget),
            outcome: &outcome,
            accounts: &accounts,
            cost_centres: &cost_centres,
            profiles: &profiles,
            forecasts: &forecasts,
            year: year.unwrap_or(snapshot.budget.years.budget),
            through,
            title: String::new(),
        })
        .map_err(|overflow| AppError::DoesNotCompute(overflow.into()))
    }

    /// Sets a unit's full-year forecast for a line; returns what it replaced.
    pub async fn set_forecast(
        &self,
        actor: &Actor,
        budget: BudgetId,
        forecast: Forecast,
    ) -> Result<(), AppError> {
        let snapshot = self.snapshot(budget).await?;
        self.require(
            actor,
            &Action::SetForecast {
                unit: forecast.unit.clone(),
            },
            Some(budget),
            Some(&snapshot.budget),
        )
        .await?;
        if snapshot.budget.organisation.unit(&forecast.unit).is_none() {
            return Err(AppError::Invalid(
                styr_domain::change::ChangeError::UnknownUnit(forecast.unit.clone()),
            ));
        }
        let previous = self
            .store
            .set_forecast(budget, &forecast, &Stamp::now(&actor.name))
            .await?;
        tracing::info!(
            budget,
            unit = %forecast.unit.0,
            row = forecast.row.key(),
            old = ?previous.map(|(amount, _)| amount.ore()),
            new = forecast.amount.ore(),
            by = %actor.name,
            "prognos ändrad"
        );
        Ok(())
    }

    /// The booked rows behind one figure of the follow-up: the rows of that month whose account
    /// maps to the row and whose cost centre belongs to the group.
    pub async fn drill_down(
        &self,
        budget: BudgetId,
        figure: &Figure,
    ) -> Result<Vec<BookedRow>, AppError> {
        self.drill_down_months(budget, &figure.group, figure.row, &[figure.month])
            .await
    }

    /// The booked rows behind a group's row over `months` ("" for the whole board), with the
    /// mapping read once.
    pub async fn drill_down_months(
        &self,
        budget: BudgetId,
        group: &str,
        row: OperatingRow,
        months: &[Month],
    ) -> Result<Vec<BookedRow>, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let accounts = self.account_mapping(budget).await?;
        let cost_centres = self.cost_centre_mapping(budget).await?;
        let parts = styr_reports::followup::entered_parts(row);
        let mut found = Vec::new();
        for month in months {
            let rows = self.store.booked_rows(budget, *month).await?;
            found.extend(rows.into_iter().filter(|booked| {
                let mapped = matches!(
                    accounts.use_of(booked.account),
                    AccountUse::Row(mapped) if parts.contains(&mapped)
                );
                if !mapped {
                    return false;
                }
                if group.is_empty() {
                    return true;
                }
                // The same rule the report uses, so the vouchers always add up to the figure.
                let table = styr_reports::followup::table_unit_of(
                    &snapshot.budget,
                    &cost_centres,
                    month.year(),
                    booked.cost_centre.as_deref(),
                    *month,
                );
                match table {
                    Some(unit) => unit.0 == group,
                    None => group == "ej fördelat",
                }
            }));
        }
        Ok(found)
    }

    pub async fn voucher(
        &self,
        budget: BudgetId,
        voucher: i64,
    ) -> Result<Vec<BookedRow>, AppError> {
        let rows = self.store.voucher(budget, voucher).await?;
        if rows.is_empty() {
            return Err(AppError::NotFound);
        }
        Ok(rows)
    }
}
