//! KPI values and assessments: each value checked against its KPI (unit, range, schedule)
//! and the actor's scope over the KPI's goal before anything is stored; a batch — a form's
//! three survey rounds, a CSV file — is stored whole or not at all.

use styr_domain::change::ChangeError;
use styr_domain::decimal::Decimal;
use styr_domain::goals::{Assessment, Fulfilment, Measurement, Period, Source, assess_goal};
use styr_store::{BudgetId, GoalScope, Stamp};

use super::{follow_up, goal, goal_of_kpi};
use crate::{Actor, App, AppError};

/// One value to enter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueEntry {
    pub kpi: String,
    pub period: Period,
    pub value: Decimal,
    pub comment: String,
}

impl App {
    /// Enters every value of `entries` (replacing a value for the same KPI and period) in one
    /// transaction; refused whole if any is not the KPI's to take or not the actor's to enter.
    pub async fn set_kpi_values(
        &self,
        actor: &Actor,
        budget: BudgetId,
        entries: &[ValueEntry],
        source: Source,
    ) -> Result<usize, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let mut measurements = Vec::new();
        let at = styr_store::now();
        for entry in entries {
            let owner = goal_of_kpi(&snapshot.budget, &entry.kpi)?;
            self.require(
                actor,
                &follow_up(&snapshot.budget, owner),
                Some(budget),
                Some(&snapshot.budget),
            )
            .await?;
            let kpi = owner.kpi(&entry.kpi).ok_or_else(|| {
                AppError::Invalid(ChangeError::UnknownKpi {
                    goal: owner.id.clone(),
                    kpi: entry.kpi.clone(),
                })
            })?;
            kpi.check_period(entry.period)
                .map_err(|error| AppError::Invalid(error.into()))?;
            kpi.check_value(entry.value)
                .map_err(|error| AppError::Invalid(error.into()))?;
            measurements.push(Measurement {
                kpi: entry.kpi.clone(),
                period: entry.period,
                value: entry.value,
                source,
                entered_by: actor.name.clone(),
                entered_at: at.clone(),
                comment: entry.comment.clone(),
            });
        }
        let action = match source {
            Source::Csv => "importera nyckeltalsvärden",
            _ => "ange nyckeltalsvärde",
        };
        let scope = GoalScope::of(&snapshot.budget);
        Ok(self
            .store
            .set_measurements(&scope, &measurements, action, &Stamp::now(&actor.name))
            .await?)
    }

    /// Imports KPI values from a CSV file (styr_import::kpi_values): every row checked, all
    /// or nothing. The role must allow following goals up at all before the file is read.
    pub async fn import_kpi_values(
        &self,
        actor: &Actor,
        budget: BudgetId,
        bytes: &[u8],
    ) -> Result<usize, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let board = styr_domain::access::Action::FollowUpGoal {
            unit: snapshot.budget.board.clone(),
        };
        // The role must allow following goals up at all before the file is read; each row's
        // goal is then checked against the actor's scope.
        if !board.kind().allowed_for(actor.role.kind()) {
            self.require(actor, &board, Some(budget), Some(&snapshot.budget))
                .await?;
        }
        let kpis: Vec<&styr_domain::goals::Kpi> = snapshot
            .budget
            .goals
            .iter()
            .flat_map(|goal| &goal.kpis)
            .collect();
        let rows = styr_import::kpi_values::read_kpi_values(bytes, &kpis, self.limits())
            .map_err(AppError::Unreadable)?;
        let entries: Vec<ValueEntry> = rows
            .into_iter()
            .map(|row| ValueEntry {
                kpi: row.kpi,
                period: row.period,
                value: row.value,
                comment: row.comment,
            })
            .collect();
        self.set_kpi_values(actor, budget, &entries, Source::Csv)
            .await
    }

    pub async fn remove_kpi_value(
        &self,
        actor: &Actor,
        budget: BudgetId,
        kpi: &str,
        period: Period,
    ) -> Result<bool, AppError> {
        let snapshot = self.snapshot(budget).await?;
        // A KPI no goal has holds no value: there is nothing to remove (the API answers 404,
        // as for any path that names nothing).
        let Ok(owner) = goal_of_kpi(&snapshot.budget, kpi) else {
            return Ok(false);
        };
        self.require(
            actor,
            &follow_up(&snapshot.budget, owner),
            Some(budget),
            Some(&snapshot.budget),
        )
        .await?;
        let scope = GoalScope::of(&snapshot.budget);
        Ok(self
            .store
            .remove_measurement(&scope, kpi, period, &Stamp::now(&actor.name))
            .await?
            .is_some())
    }

    /// Sets a goal's assessment for `period` with a reason, kept beside the fulfilment the
    /// rule computes now.
    pub async fn assess_goal(
        &self,
        actor: &Actor,
        budget: BudgetId,
        goal_id: &str,
        period: Period,
        chosen: Fulfilment,
        reason: &str,
    ) -> Result<Assessment, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let owner = goal(&snapshot.budget, goal_id)?;
        self.require(
            actor,
            &follow_up(&snapshot.budget, owner),
            Some(budget),
            Some(&snapshot.budget),
        )
        .await?;
        if reason.trim().is_empty() {
            return Err(AppError::Invalid(ChangeError::Empty {
                field: "Motiveringen",
            }));
        }
        let followup = self.goals_followup(budget, Some(period)).await?;
        let computed = followup
            .goals
            .iter()
            .find(|row| row.id == goal_id)
            .map_or_else(
                || assess_goal(owner, &[], period).computed,
                |row| row.computed.computed,
            );
        let assessment = Assessment {
            goal: goal_id.to_string(),
            period,
            chosen,
            reason: reason.trim().to_string(),
            computed,
            by: actor.name.clone(),
            at: styr_store::now(),
        };
        let scope = GoalScope::of(&snapshot.budget);
        self.store
            .set_assessment(&scope, &assessment, &Stamp::now(&actor.name))
            .await?;
        Ok(assessment)
    }
}
