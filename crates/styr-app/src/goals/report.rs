//! The follow-up of a budget's goals in a period, from the store: the values and assessments
//! kept with its municipality and board, the Kolada cache's values for its KPIs, and the peer
//! group chosen for the municipality.

use styr_domain::goals::{KpiPurpose, Period};
use styr_reports::goals::{FollowUpInput, GoalsFollowUp, KoladaIndex, goals_followup};
use styr_store::{BudgetId, GoalScope};

use crate::{App, AppError, Edition};

impl App {
    /// The report of version `number` of the budget for its document (without a number, the
    /// current version): the current version with its goals followed up as they stand now; a
    /// named version as it was, without today's values, so that an adopted document stays
    /// the one adopted, to the byte.
    pub async fn edition_report(
        &self,
        budget: BudgetId,
        number: Option<i64>,
    ) -> Result<(Edition, styr_reports::BudgetReport), AppError> {
        let edition = self.edition(budget, number).await?;
        let mut report =
            styr_reports::budget_report(&edition.budget).map_err(AppError::DoesNotCompute)?;
        if number.is_none() {
            report.goal_followup = Some(self.goals_followup(budget, None).await?);
        }
        Ok((edition, report))
    }

    /// The budget's report with its goals followed up, for the board's document: the
    /// snapshot's report (cached by revision) and the follow-up as it is now.
    pub async fn report_with_goals(
        &self,
        budget: BudgetId,
    ) -> Result<styr_reports::BudgetReport, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let mut report = snapshot.report().clone();
        report.goal_followup = Some(self.goals_followup(budget, None).await?);
        Ok(report)
    }

    /// The follow-up for `period` (the budget year by default).
    pub async fn goals_followup(
        &self,
        budget: BudgetId,
        period: Option<Period>,
    ) -> Result<GoalsFollowUp, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let scope = GoalScope::of(&snapshot.budget);
        let measurements = self.store.measurements(&scope).await?;
        let assessments = self.store.assessments(&scope).await?;
        let mut kolada_ids: Vec<String> = Vec::new();
        for kpi in snapshot.budget.goals.iter().flat_map(|goal| &goal.kpis) {
            kolada_ids.extend(kpi.kolada_id.clone());
            if let KpiPurpose::NetCostDeviation {
                amount_kolada_id: Some(amount),
            } = &kpi.purpose
            {
                kolada_ids.push(amount.clone());
            }
        }
        kolada_ids.sort();
        kolada_ids.dedup();
        let values: Vec<_> = self
            .store
            .kolada_values(&kolada_ids)
            .await?
            .into_iter()
            .map(|(value, _)| value)
            .collect();
        let index = KoladaIndex::new(&values);
        let peers = match self.store.peer_choice(&scope.municipality).await? {
            Some(group) => self
                .store
                .kolada_groups()
                .await?
                .into_iter()
                .find(|found| found.id == group),
            None => None,
        };
        Ok(goals_followup(&FollowUpInput {
            budget: &snapshot.budget,
            measurements: &measurements,
            assessments: &assessments,
            kolada: &index,
            peers: peers.as_ref(),
            period: period.unwrap_or_else(|| Period::year(snapshot.budget.years.budget)),
        }))
    }
}
