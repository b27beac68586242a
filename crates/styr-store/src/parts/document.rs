//! The budget row: municipality, document metadata, years, and the investment plan's heading
//! and columns. Reading it starts a budget whose other parts the other modules fill in.

use sqlx::{AnyConnection, Row};
use styr_domain::budget::{Budget, BudgetYears, Municipality};
use styr_domain::document::DocumentMetadata;
use styr_domain::frame::IndexTable;
use styr_domain::investment::InvestmentPlan;
use styr_domain::organisation::{Organisation, UnitId};
use styr_domain::risk::{Bands, Scales};

use crate::codec;
use crate::{BudgetId, Stamp, StoreError};

pub async fn insert(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
    stamp: &Stamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budgets (id, revision, municipality_name, municipality_code, board, previous_year, budget_year, plan_years, \
         title, kind, decided_by, decision_date, registry_number, applies_to, validity, valid_until, revise_by, owner, \
         investment_heading, investment_years, created_by, created_at, updated_by, updated_at) \
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $20, $21)",
    )
    .bind(id)
    .bind(&budget.municipality.name)
    .bind(&budget.municipality.code)
    .bind(budget.board.as_str())
    .bind(i64::from(budget.years.previous.number()))
    .bind(i64::from(budget.years.budget.number()))
    .bind(codec::years_text(&budget.years.plan))
    .bind(&budget.document.title)
    .bind(&budget.document.kind)
    .bind(&budget.document.decided_by)
    .bind(budget.document.decision_date.map(|date| date.to_string()))
    .bind(&budget.document.registry_number)
    .bind(&budget.document.applies_to)
    .bind(&budget.document.validity)
    .bind(budget.document.valid_until.map(|date| date.to_string()))
    .bind(budget.document.revise_by.map(|date| date.to_string()))
    .bind(&budget.document.owner)
    .bind(&budget.investment.heading)
    .bind(codec::years_text(&budget.investment.years))
    .bind(&stamp.by)
    .bind(&stamp.at)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub async fn update(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE budgets SET municipality_name = $1, municipality_code = $2, board = $3, previous_year = $4, budget_year = $5, \
         plan_years = $6, title = $7, kind = $8, decided_by = $9, decision_date = $10, registry_number = $11, applies_to = $12, \
         validity = $13, valid_until = $14, revise_by = $15, owner = $16, investment_heading = $17, investment_years = $18 \
         WHERE id = $19",
    )
    .bind(&budget.municipality.name)
    .bind(&budget.municipality.code)
    .bind(budget.board.as_str())
    .bind(i64::from(budget.years.previous.number()))
    .bind(i64::from(budget.years.budget.number()))
    .bind(codec::years_text(&budget.years.plan))
    .bind(&budget.document.title)
    .bind(&budget.document.kind)
    .bind(&budget.document.decided_by)
    .bind(budget.document.decision_date.map(|date| date.to_string()))
    .bind(&budget.document.registry_number)
    .bind(&budget.document.applies_to)
    .bind(&budget.document.validity)
    .bind(budget.document.valid_until.map(|date| date.to_string()))
    .bind(budget.document.revise_by.map(|date| date.to_string()))
    .bind(&budget.document.owner)
    .bind(&budget.investment.heading)
    .bind(codec::years_text(&budget.investment.years))
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub async fn read(
    connection: &mut AnyConnection,
    id: BudgetId,
) -> Result<(i64, Budget), StoreError> {
    let row = sqlx::query("SELECT * FROM budgets WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *connection)
        .await?;
    let row = row.ok_or(StoreError::NotFound(id))?;
    let document = DocumentMetadata {
        title: row.try_get("title")?,
        kind: row.try_get("kind")?,
        decided_by: row.try_get("decided_by")?,
        decision_date: codec::optional_date(row.try_get("decision_date")?)?,
        registry_number: row.try_get("registry_number")?,
        applies_to: row.try_get("applies_to")?,
        validity: row.try_get("validity")?,
        valid_until: codec::optional_date(row.try_get("valid_until")?)?,
        revise_by: codec::optional_date(row.try_get("revise_by")?)?,
        owner: row.try_get("owner")?,
    };
    let budget = Budget {
        municipality: Municipality {
            name: row.try_get("municipality_name")?,
            code: row.try_get("municipality_code")?,
        },
        document,
        board: UnitId(row.try_get("board")?),
        years: BudgetYears {
            previous: codec::year(row.try_get("previous_year")?)?,
            budget: codec::year(row.try_get("budget_year")?)?,
            plan: codec::years(&row.try_get::<String, _>("plan_years")?)?,
        },
        organisation: Organisation::default(),
        sections: Vec::new(),
        goals: Vec::new(),
        efficiency: Vec::new(),
        index: IndexTable::default(),
        frames: Vec::new(),
        lines: Vec::new(),
        operating_tables: Vec::new(),
        investment: InvestmentPlan {
            heading: row.try_get("investment_heading")?,
            years: codec::years(&row.try_get::<String, _>("investment_years")?)?,
            ..InvestmentPlan::default()
        },
        scales: Scales::default(),
        bands: Bands::standard(),
        risks: Vec::new(),
        controls: Vec::new(),
        statements: Vec::new(),
        profile: None,
    };
    Ok((row.try_get("revision")?, budget))
}
