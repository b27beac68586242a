//! The budget's parts, each stored in its own tables and written and read by its own module.

mod document;
mod frames;
pub(crate) mod operating;
mod organisation;
mod profile;
mod projects;
mod registers;
mod risks;
mod superseded;

use sqlx::AnyConnection;
use styr_domain::budget::Budget;

pub use operating::CellLine;
pub(crate) use registers::decimal;

use crate::{BudgetId, Stamp, StoreError};

/// A part of a budget that is written as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The document metadata, municipality, years and investment plan heading (the budget row).
    Document,
    Organisation,
    /// Text sections, goals with KPIs, efficiency investigations, statements.
    Registers,
    /// Index vintages and frames.
    Frames,
    /// Operating lines, explanations, tables and their stated figures.
    Operating,
    Investment,
    /// Scales, bands, risks, control activities and their results.
    Risks,
    /// The municipality's graphic profile: written for the budget's municipality code when the
    /// budget has one, and read with every budget of that municipality.
    Profile,
}

impl Part {
    /// Every part written with a new budget (the document row is inserted separately).
    pub const ALL: [Part; 7] = [
        Part::Organisation,
        Part::Registers,
        Part::Frames,
        Part::Operating,
        Part::Investment,
        Part::Risks,
        Part::Profile,
    ];
}

/// Every table that holds a part of a budget, children before parents.
const PART_TABLES: [&str; 28] = [
    "project_effects",
    "operating_superseded",
    "investment_superseded",
    "units",
    "sections",
    "kpi_targets",
    "kpis",
    "goals",
    "efficiency_investigations",
    "statements",
    "index_values",
    "index_vintages",
    "frame_steps",
    "frame_years",
    "frames",
    "operating_amounts",
    "explanations",
    "operating_stated",
    "operating_tables",
    "operating_blocks",
    "project_amounts",
    "projects",
    "investment_stated",
    "scale_steps",
    "risk_bands",
    "control_results",
    "control_activities",
    "risks",
];

pub async fn insert_budget_row(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
    stamp: &Stamp,
) -> Result<(), StoreError> {
    document::insert(connection, id, budget, stamp).await
}

pub async fn write_part(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
    part: Part,
) -> Result<(), StoreError> {
    match part {
        Part::Document => document::update(connection, id, budget).await,
        Part::Organisation => organisation::write(connection, id, budget).await,
        Part::Registers => registers::write(connection, id, budget).await,
        Part::Frames => frames::write(connection, id, budget).await,
        Part::Operating => operating::write(connection, id, budget).await,
        Part::Investment => operating::write_investment(connection, id, budget).await,
        Part::Risks => risks::write(connection, id, budget).await,
        Part::Profile => profile::write(connection, budget).await,
    }
}

pub async fn read_budget(
    connection: &mut AnyConnection,
    id: BudgetId,
) -> Result<(i64, Budget), StoreError> {
    let (revision, mut budget) = document::read(connection, id).await?;
    budget.organisation = organisation::read(connection, id).await?;
    registers::read(connection, id, &mut budget).await?;
    frames::read(connection, id, &mut budget).await?;
    operating::read(connection, id, &mut budget).await?;
    operating::read_investment(connection, id, &mut budget).await?;
    risks::read(connection, id, &mut budget).await?;
    budget.profile = profile::read(connection, &budget.municipality.code).await?;
    Ok((revision, budget))
}

pub async fn delete_budget(connection: &mut AnyConnection, id: BudgetId) -> Result<(), StoreError> {
    for table in PART_TABLES {
        clear(connection, table, id).await?;
    }
    let result = sqlx::query("DELETE FROM budgets WHERE id = $1")
        .bind(id)
        .execute(&mut *connection)
        .await?;
    if result.rows_affected() == 0 {
        return Err(StoreError::NotFound(id));
    }
    Ok(())
}

/// Removes a table's rows for one budget, before a part is written anew.
pub(crate) async fn clear(
    connection: &mut AnyConnection,
    table: &'static str,
    id: BudgetId,
) -> Result<(), StoreError> {
    // `table` is one of this crate's own table names, never input.
    let statement = sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE budget_id = $1"));
    sqlx::query(statement)
        .bind(id)
        .execute(&mut *connection)
        .await?;
    Ok(())
}

/// The rows whose `column` holds `owner`: a part's child rows are read in one query and then
/// shared out among their parents.
pub(crate) fn owned_by<'r, T>(
    rows: &'r [sqlx::any::AnyRow],
    column: &'static str,
    owner: &'r T,
) -> impl Iterator<Item = &'r sqlx::any::AnyRow> + 'r
where
    T: PartialEq + for<'a> sqlx::Decode<'a, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    use sqlx::Row;
    rows.iter().filter(move |row| {
        row.try_get::<T, _>(column)
            .is_ok_and(|value| &value == owner)
    })
}

/// A list index as the BIGINT `position` column.
pub(crate) fn position(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}
