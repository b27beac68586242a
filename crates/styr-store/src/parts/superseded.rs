//! Stated figures a person has since changed the rows under, kept beside the standing ones:
//! an operating table's in `operating_superseded`, the investment plan's in
//! `investment_superseded` (migration 0030). Their parts clear and write them with the rest.

use sqlx::{AnyConnection, Row};
use styr_domain::budget::{Budget, OperatingTable};
use styr_domain::investment::InvestmentPlan;
use styr_domain::operating::OperatingRow;

use super::registers::{investment_row_from_key, investment_row_key};
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write_operating(
    connection: &mut AnyConnection,
    id: BudgetId,
    table: &OperatingTable,
) -> Result<(), StoreError> {
    for ((row, year), stated) in &table.superseded {
        sqlx::query(
            "INSERT INTO operating_superseded (budget_id, unit, row_key, year, stated_ore, stated_precision) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(table.unit.as_str())
        .bind(row.key())
        .bind(i64::from(year.number()))
        .bind(stated.value.ore())
        .bind(codec::precision_text(stated.precision))
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

pub async fn read_operating(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    for figure in sqlx::query("SELECT * FROM operating_superseded WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let unit: String = figure.try_get("unit")?;
        let key: String = figure.try_get("row_key")?;
        let row =
            OperatingRow::from_key(&key).ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?;
        let value = codec::stated(
            figure.try_get("stated_ore")?,
            &figure.try_get::<String, _>("stated_precision")?,
        )?;
        let year = codec::year(figure.try_get("year")?)?;
        let table = budget
            .operating_tables
            .iter_mut()
            .find(|table| table.unit.as_str() == unit)
            .ok_or_else(|| codec::corrupt(format!("tabellen för ”{unit}”")))?;
        table.superseded.insert((row, year), value);
    }
    Ok(())
}

pub async fn write_investment(
    connection: &mut AnyConnection,
    id: BudgetId,
    plan: &InvestmentPlan,
) -> Result<(), StoreError> {
    for ((row, year), stated) in &plan.superseded {
        sqlx::query("INSERT INTO investment_superseded (budget_id, row_key, year, stated_ore, stated_precision) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(investment_row_key(row))
            .bind(i64::from(year.number()))
            .bind(stated.value.ore())
            .bind(codec::precision_text(stated.precision))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

pub async fn read_investment(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    for figure in sqlx::query("SELECT * FROM investment_superseded WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let key: String = figure.try_get("row_key")?;
        let row = investment_row_from_key(&key)
            .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?;
        let value = codec::stated(
            figure.try_get("stated_ore")?,
            &figure.try_get::<String, _>("stated_precision")?,
        )?;
        budget
            .investment
            .superseded
            .insert((row, codec::year(figure.try_get("year")?)?), value);
    }
    Ok(())
}
