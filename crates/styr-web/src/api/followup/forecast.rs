//! A unit's full-year forecast for an entered row.

use axum::Json;
use serde::Deserialize;
use styr_domain::followup::Forecast;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use utoipa::ToSchema;

use super::report::{FollowupDto, followup_dto, year_of};
use crate::api::amount_field;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::{self, Key};

#[derive(Debug, Deserialize, ToSchema)]
pub struct ForecastInput {
    /// The full-year forecast, as text in tkr unless it names its unit; revenue positive,
    /// costs negative.
    pub amount: String,
    #[serde(default)]
    pub comment: String,
    /// The year; the budget year by default.
    pub year: Option<i64>,
}

fn entered_row(key: &str) -> Result<OperatingRow, ApiError> {
    OperatingRow::from_key(key)
        .filter(|row| styr_reports::followup::ENTERED.contains(row))
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "”{key}” är ingen budgetrad som får en prognos: revenue, personnel, premises_rent, purchased_services, other_costs eller financial_net"
            ))
        })
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/forecasts/{unit}/{row}", tag = "uppföljning",
    params(("id" = i64, Path), ("unit" = String, Path), ("row" = String, Path)), request_body = ForecastInput,
    responses((status = 200, body = FollowupDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_forecast(
    state: Acting,
    ApiPath((id, unit, row)): ApiPath<(i64, Key, String)>,
    ApiJson(input): ApiJson<ForecastInput>,
) -> Result<Json<FollowupDto>, ApiError> {
    let unit = unit.into_inner();
    let row = entered_row(&row)?;
    let amount = amount_field("amount", &input.amount)?;
    let snapshot = state.app.snapshot(id).await?;
    let year = year_of(input.year)?.unwrap_or(snapshot.budget.years.budget);
    let forecast = Forecast {
        unit: UnitId(unit),
        row,
        year,
        amount,
        comment: input::text(&input.comment)
            .map_err(|message| ApiError::field("comment", message))?,
    };
    state.app.set_forecast(&state.actor, id, forecast).await?;
    let report = state.app.followup(id, Some(year), None).await?;
    Ok(Json(followup_dto(&report)))
}
