//! What the responsible people enter beside the books: a full-year forecast for a line of an
//! ansvar (kept in the history with who, when and the month of outcome it built on), the
//! explanation of a line's deviation, and a project's forecast. Each asks for the unit's
//! forecast permission — a budgetansvarig for their own units — and is recorded.

use styr_domain::access::Action;
use styr_domain::followup::{
    DeviationExplanation, Forecast, ForecastEntry, Month, ProjectForecast, ProjectForecastEntry,
};
use styr_domain::operating::OperatingRow;
use styr_store::{BudgetId, Stamp};

use super::report::FollowupRequest;
use crate::{Actor, App, AppError};

fn invalid(message: String) -> AppError {
    AppError::Rejected(message)
}

impl App {
    /// The last month booked in the outcome, which a forecast entered now builds on.
    async fn last_booked(&self, budget: BudgetId) -> Result<Option<Month>, AppError> {
        let outcome = self.store.outcome(budget).await?;
        Ok(outcome
            .covered
            .iter()
            .next_back()
            .copied()
            .or_else(|| outcome.months().last()))
    }

    /// Sets a unit's full-year forecast for a line, built on the outcome booked so far. A
    /// unit with no budget for the line in the version compared with (its own or below it)
    /// is refused: its forecast would be added on top of the budget that does hold the line.
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
        let report = self
            .followup_of(
                budget,
                &FollowupRequest {
                    year: Some(forecast.year),
                    ..FollowupRequest::default()
                },
            )
            .await?;
        let unit = report.unit(&forecast.unit);
        let is_table = report.group(&forecast.unit.0).is_some();
        if let Some(unit) = unit
            && !is_table
            && unit
                .group
                .row(forecast.row)
                .is_none_or(|row| row.year_budget.is_zero())
        {
            return Err(invalid(format!(
                "{} har ingen budget för {} {} i den version uppföljningen jämförs med; lägg prognosen på den enhet som har budgeten",
                unit.group.name,
                forecast.row.label().to_lowercase(),
                forecast.year
            )));
        }
        let based_on = self.last_booked(budget).await?;
        let previous = self
            .store
            .set_forecast(budget, &forecast, based_on, &Stamp::now(&actor.name))
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

    /// Every forecast as it was entered, oldest first.
    pub async fn forecast_history(&self, budget: BudgetId) -> Result<Vec<ForecastEntry>, AppError> {
        self.snapshot(budget).await?;
        Ok(self.store.forecast_history(budget).await?)
    }

    pub async fn deviation_explanations(
        &self,
        budget: BudgetId,
    ) -> Result<Vec<DeviationExplanation>, AppError> {
        self.snapshot(budget).await?;
        Ok(self.store.deviation_explanations(budget).await?)
    }

    /// Writes why a unit's line deviates (an empty text removes the explanation).
    pub async fn explain_deviation(
        &self,
        actor: &Actor,
        budget: BudgetId,
        explanation: DeviationExplanation,
    ) -> Result<(), AppError> {
        let snapshot = self.snapshot(budget).await?;
        self.require(
            actor,
            &Action::SetForecast {
                unit: explanation.unit.clone(),
            },
            Some(budget),
            Some(&snapshot.budget),
        )
        .await?;
        if snapshot
            .budget
            .organisation
            .unit(&explanation.unit)
            .is_none()
        {
            return Err(AppError::Invalid(
                styr_domain::change::ChangeError::UnknownUnit(explanation.unit.clone()),
            ));
        }
        if matches!(explanation.row, OperatingRow::Kommunbidrag) {
            return Err(invalid(
                "kommunbidraget är ramen: det har ingen avvikelse att förklara".into(),
            ));
        }
        let explanation = DeviationExplanation {
            text: explanation.text.trim().to_string(),
            by: actor.name.clone(),
            ..explanation
        };
        self.store
            .set_deviation_explanation(budget, &explanation, &Stamp::now(&actor.name))
            .await?;
        tracing::info!(budget, unit = %explanation.unit.0, row = explanation.row.key(), by = %actor.name, "avvikelse förklarad");
        Ok(())
    }

    /// Sets a project's full-year forecast; the project must be in the plan of the version
    /// compared with.
    pub async fn set_project_forecast(
        &self,
        actor: &Actor,
        budget: BudgetId,
        forecast: ProjectForecast,
    ) -> Result<(), AppError> {
        let snapshot = self.snapshot(budget).await?;
        self.require(
            actor,
            &Action::SetForecast {
                unit: snapshot.budget.board.clone(),
            },
            Some(budget),
            Some(&snapshot.budget),
        )
        .await?;
        let (compared, _) = self.compared_version(budget, None).await?;
        if !compared
            .investment
            .projects
            .iter()
            .any(|project| project.name == forecast.project)
        {
            return Err(invalid(format!(
                "investeringsplanen har inget projekt ”{}”",
                forecast.project.chars().take(80).collect::<String>()
            )));
        }
        let based_on = self.last_booked(budget).await?;
        self.store
            .set_project_forecast(budget, &forecast, based_on, &Stamp::now(&actor.name))
            .await?;
        tracing::info!(budget, project = %forecast.project, new = forecast.amount.ore(), by = %actor.name, "investeringsprognos ändrad");
        Ok(())
    }

    pub async fn project_forecast_history(
        &self,
        budget: BudgetId,
    ) -> Result<Vec<ProjectForecastEntry>, AppError> {
        self.snapshot(budget).await?;
        Ok(self.store.project_forecast_history(budget).await?)
    }
}
