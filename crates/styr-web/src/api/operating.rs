//! The operating budget through the API: read the tables, write a cell or an explanation, or
//! compute a table from cells still being typed without storing them.

use std::collections::BTreeMap;

use axum::Json;
use styr_app::Snapshot;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::operating::LineKind;
use styr_domain::organisation::UnitId;
use styr_reports::operating::operating_table;

use super::amount_field;
use super::dto::{CellInput, OperatingTableDto, PreviewInput, TextInput};
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::Key;

/// The table of `unit` as the snapshot has it, headed as the document heads it.
fn table_of(snapshot: &Snapshot, unit: &UnitId) -> Result<OperatingTableDto, ApiError> {
    let budget = &snapshot.budget;
    let heading = budget
        .operating_tables
        .iter()
        .find(|table| &table.unit == unit)
        .map(|table| table.heading.clone());
    let heading = match heading {
        Some(heading) => heading,
        None => budget
            .organisation
            .unit(unit)
            .map(|found| found.name.clone())
            .ok_or_else(ApiError::not_found)?,
    };
    let report = operating_table(budget, unit, &heading)
        .map_err(|error| ApiError::invalid(error.to_string()))?;
    Ok(OperatingTableDto::new(&report, snapshot))
}

fn year(value: i64) -> Result<Year, ApiError> {
    Year::new(value).map_err(|error| ApiError::invalid(error.to_string()))
}

/// A change to one cell: a line key, or "financial_net".
fn cell_change(
    unit: &UnitId,
    line: &str,
    year: Year,
    amount: styr_domain::money::Amount,
) -> Result<Change, ApiError> {
    match (line, LineKind::from_key(line)) {
        (_, Some(line)) => Ok(Change::SetLine {
            unit: unit.clone(),
            line,
            year,
            amount,
        }),
        ("financial_net", None) => Ok(Change::SetFinancialNet {
            unit: unit.clone(),
            year,
            amount,
        }),
        _ => Err(ApiError::invalid(format!(
            "”{line}” är ingen budgetrad; välj revenue, personnel, premises_rent, purchased_services, other_costs eller financial_net"
        ))),
    }
}

/// Every table the document shows.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/operating", tag = "driftbudget",
    params(("id" = i64, Path, description = "budgetens nummer")),
    responses((status = 200, body = [OperatingTableDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn tables(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<OperatingTableDto>>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let tables = snapshot
        .report()
        .operating
        .iter()
        .map(|table| OperatingTableDto::new(table, &snapshot))
        .collect();
    Ok(Json(tables))
}

/// The table of one unit: a board, a separately reported unit, or any unit with lines.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/operating/{unit}", tag = "driftbudget",
    params(("id" = i64, Path), ("unit" = String, Path, description = "enhetens id, t.ex. ks")),
    responses((status = 200, body = OperatingTableDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn table(
    state: Acting,
    ApiPath((id, unit)): ApiPath<(i64, Key)>,
) -> Result<Json<OperatingTableDto>, ApiError> {
    let unit = unit.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    Ok(Json(table_of(&snapshot, &UnitId(unit))?))
}

/// Writes one cell and answers with the table recomputed.
#[utoipa::path(put, path = "/api/v1/budgets/{id}/operating/{unit}/lines/{line}/{year}", tag = "driftbudget",
    params(("id" = i64, Path), ("unit" = String, Path), ("line" = String, Path, description = "revenue, personnel, premises_rent, purchased_services, other_costs eller financial_net"), ("year" = i64, Path)),
    request_body = CellInput,
    responses((status = 200, body = OperatingTableDto), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_line(
    state: Acting,
    ApiPath((id, unit, line, year_number)): ApiPath<(i64, Key, String, i64)>,
    ApiJson(input): ApiJson<CellInput>,
) -> Result<Json<OperatingTableDto>, ApiError> {
    let unit = unit.into_inner();
    let unit = UnitId(unit);
    let amount = amount_field("amount", &input.amount)?;
    let change = cell_change(&unit, &line, year(year_number)?, amount)?;
    let snapshot = state
        .app
        .change_seen(
            &state.actor,
            id,
            input.revision,
            std::slice::from_ref(&change),
            &[input.version],
        )
        .await?;
    Ok(Json(table_of(&snapshot, &unit)?))
}

/// Computes the table from cells as typed, without storing anything.
#[utoipa::path(post, path = "/api/v1/budgets/{id}/operating/{unit}/preview", tag = "driftbudget",
    params(("id" = i64, Path), ("unit" = String, Path)),
    request_body = PreviewInput,
    responses((status = 200, body = OperatingTableDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn preview(
    state: Acting,
    ApiPath((id, unit)): ApiPath<(i64, Key)>,
    ApiJson(input): ApiJson<PreviewInput>,
) -> Result<Json<OperatingTableDto>, ApiError> {
    let unit = unit.into_inner();
    let unit = UnitId(unit);
    let mut changes = Vec::new();
    let mut fields = BTreeMap::new();
    for cell in &input.cells {
        let key = format!("{}:{}", cell.line, cell.year);
        match crate::input::amount(&cell.amount) {
            Ok(amount) => changes.push(cell_change(&unit, &cell.line, year(cell.year)?, amount)?),
            Err(message) => {
                fields.insert(key, message);
            }
        }
    }
    if !fields.is_empty() {
        return Err(ApiError::fields(fields));
    }
    let snapshot = state.app.preview(id, &changes).await?;
    Ok(Json(table_of(&snapshot, &unit)?))
}

/// Writes the reasons for a line's change from the previous year to the budget year.
#[utoipa::path(put, path = "/api/v1/budgets/{id}/operating/{unit}/explanations/{line}", tag = "driftbudget",
    params(("id" = i64, Path), ("unit" = String, Path), ("line" = String, Path)),
    request_body = TextInput,
    responses((status = 200, body = OperatingTableDto), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_explanation(
    state: Acting,
    ApiPath((id, unit, line)): ApiPath<(i64, Key, String)>,
    ApiJson(input): ApiJson<TextInput>,
) -> Result<Json<OperatingTableDto>, ApiError> {
    let unit = unit.into_inner();
    let unit = UnitId(unit);
    let line = LineKind::from_key(&line)
        .ok_or_else(|| ApiError::invalid(format!("”{line}” är ingen budgetrad")))?;
    let change = Change::SetExplanation {
        unit: unit.clone(),
        line,
        text: crate::input::text(&input.text)
            .map_err(|message| ApiError::field("text", message))?,
    };
    let snapshot = state
        .app
        .change_seen(
            &state.actor,
            id,
            input.revision,
            std::slice::from_ref(&change),
            &[input.version],
        )
        .await?;
    Ok(Json(table_of(&snapshot, &unit)?))
}
