//! The investment follow-up: every project of the plan of the version compared with, against
//! its budget for the year, from the bookings the project mapping places on it; and that
//! mapping, read and replaced whole with its audit entry.

use styr_domain::access::Action;
use styr_domain::followup::{ProjectMapping, forecast::latest};
use styr_reports::followup::investments::{
    InvestmentFollowup, InvestmentInput, follow_up_investments,
};
use styr_store::{AuditEntry, BudgetId, Stamp};

use super::report::FollowupRequest;
use crate::{Actor, App, AppError};

impl App {
    /// Each project followed up as `request` asks (the same year, months and version as the
    /// operating follow-up).
    pub async fn investment_followup(
        &self,
        budget: BudgetId,
        request: &FollowupRequest,
    ) -> Result<InvestmentFollowup, AppError> {
        let report = self.followup_of(budget, request).await?;
        let (compared, _) = self.compared_version(budget, request.version).await?;
        let outcome = self.store.outcome(budget).await?;
        let mapping = self.store.project_mapping(budget).await?;
        let history = self.store.project_forecast_history(budget).await?;
        let forecasts: Vec<_> = latest(&history, |entry| {
            (entry.forecast.project.clone(), entry.forecast.year)
        })
        .into_iter()
        .map(|entry| entry.forecast.clone())
        .collect();
        follow_up_investments(&InvestmentInput {
            budget: &compared,
            outcome: &outcome,
            mapping: &mapping,
            forecasts: &forecasts,
            year: report.year,
            through: report.through,
            booked: &report.booked,
        })
        .map_err(|overflow| AppError::DoesNotCompute(overflow.into()))
    }

    /// The rules that place bookings on the plan's projects, and the accounts that count.
    pub async fn project_mapping(&self, budget: BudgetId) -> Result<ProjectMapping, AppError> {
        self.snapshot(budget).await?;
        Ok(self.store.project_mapping(budget).await?)
    }

    pub async fn set_project_mapping(
        &self,
        actor: &Actor,
        budget: BudgetId,
        mapping: &ProjectMapping,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditMapping, Some(budget), None)
            .await?;
        let (compared, _) = self.compared_version(budget, None).await?;
        if let Some(unknown) = mapping.rules.iter().find(|rule| {
            !compared
                .investment
                .projects
                .iter()
                .any(|project| project.name == rule.project)
        }) {
            return Err(AppError::Rejected(format!(
                "investeringsplanen har inget projekt ”{}”",
                unknown.project.chars().take(80).collect::<String>()
            )));
        }
        let before = self.store.project_mapping(budget).await?;
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new(
                "ändra projektregler",
                Some(budget),
                "uppfoljning/projektregler",
            )
            .values(
                serde_json::to_string(&before).ok(),
                serde_json::to_string(mapping).ok(),
            ),
        );
        Ok(self
            .store
            .set_project_mapping(budget, mapping, &stamp)
            .await?)
    }
}

impl App {
    /// The names of the project objects in the books (SIE dimension 6).
    pub async fn project_names(
        &self,
        budget: BudgetId,
    ) -> Result<std::collections::BTreeMap<String, String>, AppError> {
        self.snapshot(budget).await?;
        let outcome = self.store.outcome(budget).await?;
        let mut names = outcome.project_names;
        for key in outcome.investment.keys() {
            if let Some(project) = &key.project {
                names.entry(project.clone()).or_default();
            }
        }
        Ok(names)
    }
}
