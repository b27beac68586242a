//! An investment project's details beyond its amounts (migration 0030): total budget, start
//! and end, owner and status on its row of `projects`, and its driftkonsekvens per year in
//! `project_effects`. Written after the project's row, read with it.

use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use styr_domain::budget::Budget;
use styr_domain::investment::{InvestmentProject, OperatingEffect, ProjectStatus};
use styr_domain::money::Amount;

use super::owned_by;
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write_details(
    connection: &mut AnyConnection,
    id: BudgetId,
    project: &InvestmentProject,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE projects SET total_budget_ore = $1, start_date = $2, end_date = $3, owner = $4, status = $5 \
         WHERE budget_id = $6 AND name = $7",
    )
    .bind(project.total_budget.map(Amount::ore))
    .bind(project.start.map(|date| date.to_string()))
    .bind(project.end.map(|date| date.to_string()))
    .bind(&project.owner)
    .bind(project.status.key())
    .bind(id)
    .bind(&project.name)
    .execute(&mut *connection)
    .await?;
    for (year, effect) in &project.operating_effects {
        sqlx::query("INSERT INTO project_effects (budget_id, project, year, capital_cost_ore, other_ore) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(&project.name)
            .bind(i64::from(year.number()))
            .bind(effect.capital_cost.ore())
            .bind(effect.other.ore())
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// The details on the project's own row.
pub fn read_details(row: &AnyRow, project: &mut InvestmentProject) -> Result<(), StoreError> {
    project.total_budget = row
        .try_get::<Option<i64>, _>("total_budget_ore")?
        .map(Amount::from_ore);
    project.start = codec::optional_date(row.try_get("start_date")?)?;
    project.end = codec::optional_date(row.try_get("end_date")?)?;
    project.owner = row.try_get("owner")?;
    let status: String = row.try_get("status")?;
    project.status = ProjectStatus::from_key(&status)
        .ok_or_else(|| codec::corrupt(format!("projektstatus ”{status}”")))?;
    Ok(())
}

/// Every project's driftkonsekvens, once the projects are read.
pub async fn read_effects(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    let effects = sqlx::query("SELECT * FROM project_effects WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
    for project in &mut budget.investment.projects {
        let mut years = BTreeMap::new();
        for effect in owned_by(&effects, "project", &project.name) {
            years.insert(
                codec::year(effect.try_get("year")?)?,
                OperatingEffect {
                    capital_cost: Amount::from_ore(effect.try_get("capital_cost_ore")?),
                    other: Amount::from_ore(effect.try_get("other_ore")?),
                },
            );
        }
        project.operating_effects = years;
    }
    Ok(())
}
