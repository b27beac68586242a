//! The operating budget (one row per unit, line and year) with its explanations, shown tables
//! and stated figures; and the investment plan's projects and stated subtotals.

use std::collections::BTreeMap;

use sqlx::{AnyConnection, Row};
use styr_domain::budget::{Budget, OperatingTable};
use styr_domain::calendar::Year;
use styr_domain::investment::{InvestmentCategory, InvestmentProject};
use styr_domain::money::Amount;
use styr_domain::operating::{ChangeExplanation, LineKind, OperatingRow, UnitLines};
use styr_domain::organisation::UnitId;
use styr_domain::statement::StatedChange;

use super::registers::{
    direction_from_key, direction_key, investment_row_from_key, investment_row_key,
};
use super::{clear, owned_by, position};
use crate::codec;
use crate::{BudgetId, StoreError};

/// Which column of a unit's operating lines a cell belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellLine {
    Line(LineKind),
    FinancialNet,
}

impl CellLine {
    pub const fn key(self) -> &'static str {
        match self {
            CellLine::Line(kind) => kind.key(),
            CellLine::FinancialNet => "financial_net",
        }
    }
}

/// One cell of a unit that already has lines: the edit people make most, so it touches one
/// row and nothing else. (A unit's first lines are written with the operating part.)
pub async fn write_cell(
    connection: &mut AnyConnection,
    id: BudgetId,
    unit: &UnitId,
    line: CellLine,
    year: Year,
    amount: Amount,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO operating_amounts (budget_id, unit, line, year, amount_ore) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (budget_id, unit, line, year) DO UPDATE SET amount_ore = excluded.amount_ore",
    )
    .bind(id)
    .bind(unit.as_str())
    .bind(line.key())
    .bind(i64::from(year.number()))
    .bind(amount.ore())
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub async fn write(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    for table in [
        "operating_amounts",
        "explanations",
        "operating_superseded",
        "operating_stated",
        "operating_tables",
        "operating_blocks",
    ] {
        clear(connection, table, id).await?;
    }
    for (index, lines) in budget.lines.iter().enumerate() {
        sqlx::query("INSERT INTO operating_blocks (budget_id, position, unit) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(position(index))
            .bind(lines.unit.as_str())
            .execute(&mut *connection)
            .await?;
        // Collected first: an iterator of closures held across an await makes the future
        // impossible for the compiler to prove Send.
        let mut cells: Vec<(CellLine, Year, Amount)> = Vec::new();
        for (kind, amounts) in &lines.lines {
            cells.extend(
                amounts
                    .iter()
                    .map(|(year, amount)| (CellLine::Line(*kind), *year, *amount)),
            );
        }
        cells.extend(
            lines
                .financial_net
                .iter()
                .map(|(year, amount)| (CellLine::FinancialNet, *year, *amount)),
        );
        for (line, year, amount) in cells {
            sqlx::query("INSERT INTO operating_amounts (budget_id, unit, line, year, amount_ore) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(lines.unit.as_str())
                .bind(line.key())
                .bind(i64::from(year.number()))
                .bind(amount.ore())
                .execute(&mut *connection)
                .await?;
        }
        for (explanation_index, explanation) in lines.explanations.iter().enumerate() {
            sqlx::query(
                "INSERT INTO explanations (budget_id, unit, position, line, from_year, to_year, stated_direction, stated_ore, stated_precision, stated_sentence, body, superseded) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(id)
            .bind(lines.unit.as_str())
            .bind(position(explanation_index))
            .bind(explanation.line.key())
            .bind(i64::from(explanation.from.number()))
            .bind(i64::from(explanation.to.number()))
            .bind(explanation.stated.map(|stated| direction_key(stated.direction).to_string()))
            .bind(explanation.stated.map(|stated| stated.magnitude.value.ore()))
            .bind(explanation.stated.map(|stated| codec::precision_text(stated.magnitude.precision)))
            .bind(&explanation.stated_sentence)
            .bind(&explanation.text)
            .bind(codec::flag(explanation.superseded))
            .execute(&mut *connection)
            .await?;
        }
    }
    for (index, table) in budget.operating_tables.iter().enumerate() {
        sqlx::query("INSERT INTO operating_tables (budget_id, position, unit, heading) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(position(index))
            .bind(table.unit.as_str())
            .bind(&table.heading)
            .execute(&mut *connection)
            .await?;
        for ((row, year), stated) in &table.stated {
            sqlx::query(
                "INSERT INTO operating_stated (budget_id, unit, row_key, year, stated_ore, stated_precision) VALUES ($1, $2, $3, $4, $5, $6)",
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
        super::superseded::write_operating(connection, id, table).await?;
    }
    Ok(())
}

fn line_from_key(key: &str) -> Result<CellLine, StoreError> {
    if key == "financial_net" {
        return Ok(CellLine::FinancialNet);
    }
    LineKind::from_key(key)
        .map(CellLine::Line)
        .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))
}

pub async fn read(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    let amounts = sqlx::query("SELECT * FROM operating_amounts WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
    let explanations =
        sqlx::query("SELECT * FROM explanations WHERE budget_id = $1 ORDER BY unit, position")
            .bind(id)
            .fetch_all(&mut *connection)
            .await?;
    for block in
        sqlx::query("SELECT * FROM operating_blocks WHERE budget_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *connection)
            .await?
    {
        let unit: String = block.try_get("unit")?;
        let mut lines = UnitLines {
            unit: UnitId(unit.clone()),
            ..UnitLines::default()
        };
        for row in owned_by(&amounts, "unit", &unit) {
            let year = codec::year(row.try_get("year")?)?;
            let amount = Amount::from_ore(row.try_get("amount_ore")?);
            match line_from_key(&row.try_get::<String, _>("line")?)? {
                CellLine::Line(kind) => {
                    lines.lines.entry(kind).or_default().insert(year, amount);
                }
                CellLine::FinancialNet => {
                    lines.financial_net.insert(year, amount);
                }
            }
        }
        for row in owned_by(&explanations, "unit", &unit) {
            let line: String = row.try_get("line")?;
            let direction: Option<String> = row.try_get("stated_direction")?;
            let stated = match (
                direction.as_deref().and_then(direction_from_key),
                row.try_get::<Option<i64>, _>("stated_ore")?,
            ) {
                (Some(direction), Some(ore)) => {
                    let precision: Option<String> = row.try_get("stated_precision")?;
                    Some(StatedChange {
                        direction,
                        magnitude: codec::stated(ore, precision.as_deref().unwrap_or("tkr"))?,
                    })
                }
                _ => None,
            };
            lines.explanations.push(ChangeExplanation {
                line: LineKind::from_key(&line)
                    .ok_or_else(|| codec::corrupt(format!("raden ”{line}”")))?,
                from: codec::year(row.try_get("from_year")?)?,
                to: codec::year(row.try_get("to_year")?)?,
                stated,
                stated_sentence: row.try_get("stated_sentence")?,
                text: row.try_get("body")?,
                superseded: row.try_get::<i64, _>("superseded")? != 0,
            });
        }
        budget.lines.push(lines);
    }
    let stated = sqlx::query("SELECT * FROM operating_stated WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
    for row in sqlx::query("SELECT * FROM operating_tables WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let unit: String = row.try_get("unit")?;
        let mut table = OperatingTable {
            unit: UnitId(unit.clone()),
            heading: row.try_get("heading")?,
            stated: BTreeMap::new(),
            superseded: BTreeMap::new(),
        };
        for figure in owned_by(&stated, "unit", &unit) {
            let key: String = figure.try_get("row_key")?;
            let table_row = OperatingRow::from_key(&key)
                .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?;
            let value = codec::stated(
                figure.try_get("stated_ore")?,
                &figure.try_get::<String, _>("stated_precision")?,
            )?;
            table
                .stated
                .insert((table_row, codec::year(figure.try_get("year")?)?), value);
        }
        budget.operating_tables.push(table);
    }
    super::superseded::read_operating(connection, id, budget).await?;
    Ok(())
}

pub async fn write_investment(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    for table in [
        "project_effects",
        "project_amounts",
        "projects",
        "investment_superseded",
        "investment_stated",
    ] {
        clear(connection, table, id).await?;
    }
    let plan = &budget.investment;
    sqlx::query("UPDATE budgets SET investment_heading = $1, investment_years = $2 WHERE id = $3")
        .bind(&plan.heading)
        .bind(codec::years_text(&plan.years))
        .bind(id)
        .execute(&mut *connection)
        .await?;
    for (index, project) in plan.projects.iter().enumerate() {
        sqlx::query(
            "INSERT INTO projects (budget_id, position, name, category) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(position(index))
        .bind(&project.name)
        .bind(project.category.key())
        .execute(&mut *connection)
        .await?;
        for (year, amount) in &project.amounts {
            sqlx::query("INSERT INTO project_amounts (budget_id, project, year, amount_ore) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(&project.name)
                .bind(i64::from(year.number()))
                .bind(amount.ore())
                .execute(&mut *connection)
                .await?;
        }
        super::projects::write_details(connection, id, project).await?;
    }
    super::superseded::write_investment(connection, id, plan).await?;
    for ((row, year), stated) in &plan.stated {
        sqlx::query("INSERT INTO investment_stated (budget_id, row_key, year, stated_ore, stated_precision) VALUES ($1, $2, $3, $4, $5)")
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
    let amounts = sqlx::query("SELECT * FROM project_amounts WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
    for row in sqlx::query("SELECT * FROM projects WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let name: String = row.try_get("name")?;
        let category: String = row.try_get("category")?;
        let mut project = InvestmentProject::new(
            name.clone(),
            InvestmentCategory::from_key(&category)
                .ok_or_else(|| codec::corrupt(format!("kategorin ”{category}”")))?,
            BTreeMap::new(),
        );
        super::projects::read_details(&row, &mut project)?;
        for amount in owned_by(&amounts, "project", &name) {
            project.amounts.insert(
                codec::year(amount.try_get("year")?)?,
                Amount::from_ore(amount.try_get("amount_ore")?),
            );
        }
        budget.investment.projects.push(project);
    }
    super::projects::read_effects(connection, id, budget).await?;
    super::superseded::read_investment(connection, id, budget).await?;
    for row in sqlx::query("SELECT * FROM investment_stated WHERE budget_id = $1")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let key: String = row.try_get("row_key")?;
        let investment_row = investment_row_from_key(&key)
            .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?;
        let value = codec::stated(
            row.try_get("stated_ore")?,
            &row.try_get::<String, _>("stated_precision")?,
        )?;
        budget
            .investment
            .stated
            .insert((investment_row, codec::year(row.try_get("year")?)?), value);
    }
    Ok(())
}
