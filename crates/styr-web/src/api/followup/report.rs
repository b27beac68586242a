//! Budget versus outcome through the API: per group (the board, each unit) and row, the
//! year's budget, the year to date budget and outcome, the deviation and the forecast, with
//! each month's budget and outcome.

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_domain::calendar::Year;
use styr_reports::followup::{FollowupReport, GroupFollowup, RowFollowup};
use utoipa::{IntoParams, ToSchema};

use crate::api::dto::AmountDto;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};
use crate::input;

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthDto {
    /// "2025-03"
    pub month: String,
    pub budget: AmountDto,
    pub actual: AmountDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowupRowDto {
    /// revenue | personnel | premises_rent | purchased_services | other_costs | costs | net_cost | financial_net
    pub row: String,
    pub label: String,
    pub year_budget: AmountDto,
    pub ytd_budget: AmountDto,
    pub ytd_actual: AmountDto,
    /// Actual minus budget; positive is in the board's favour.
    pub ytd_deviation: AmountDto,
    pub forecast: AmountDto,
    /// False when no forecast is entered and the forecast is the budget.
    pub forecast_entered: bool,
    pub forecast_comment: String,
    pub forecast_deviation: AmountDto,
    pub months: Vec<MonthDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowupGroupDto {
    /// The unit id (or "ej fördelat"; "" for the total).
    pub code: String,
    pub name: String,
    pub rows: Vec<FollowupRowDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnmappedDto {
    pub code: String,
    pub name: String,
    pub amount: AmountDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowupDto {
    pub title: String,
    pub year: u16,
    /// Months in the year to date.
    pub through: u8,
    /// budget | period_budget | none
    pub budget_source: String,
    pub total: FollowupGroupDto,
    pub groups: Vec<FollowupGroupDto>,
    pub unmapped_accounts: Vec<UnmappedDto>,
    pub unmapped_cost_centres: Vec<UnmappedDto>,
    pub excluded: AmountDto,
}

pub fn row_dto(report: &FollowupReport, row: &RowFollowup) -> FollowupRowDto {
    FollowupRowDto {
        row: row.row.key().into(),
        label: row.label.into(),
        year_budget: row.year_budget.into(),
        ytd_budget: row.ytd_budget.into(),
        ytd_actual: row.ytd_actual.into(),
        ytd_deviation: row.ytd_deviation.into(),
        forecast: row.forecast.into(),
        forecast_entered: row.forecast_entered,
        forecast_comment: row.forecast_comment.clone(),
        forecast_deviation: row.forecast_deviation.into(),
        months: (0..12)
            .map(|index| MonthDto {
                month: format!("{}-{:02}", report.year, index + 1),
                budget: row.budget[index].into(),
                actual: row.actual[index].into(),
            })
            .collect(),
    }
}

pub fn group_dto(report: &FollowupReport, group: &GroupFollowup) -> FollowupGroupDto {
    FollowupGroupDto {
        code: group.code.clone(),
        name: group.name.clone(),
        rows: group.rows.iter().map(|row| row_dto(report, row)).collect(),
    }
}

pub fn followup_dto(report: &FollowupReport) -> FollowupDto {
    let unmapped = |list: &[styr_reports::followup::UnmappedAmount]| {
        list.iter()
            .map(|item| UnmappedDto {
                code: item.code.clone(),
                name: item.name.clone(),
                amount: item.amount.into(),
            })
            .collect()
    };
    FollowupDto {
        title: report.title.clone(),
        year: report.year.number(),
        through: report.through,
        budget_source: match report.budget_source {
            styr_reports::followup::BudgetSource::Budget => "budget",
            styr_reports::followup::BudgetSource::PeriodBudget => "period_budget",
            styr_reports::followup::BudgetSource::None => "none",
        }
        .into(),
        total: group_dto(report, &report.total),
        groups: report
            .groups
            .iter()
            .map(|group| group_dto(report, group))
            .collect(),
        unmapped_accounts: unmapped(&report.unmapped_accounts),
        unmapped_cost_centres: unmapped(&report.unmapped_cost_centres),
        excluded: report.excluded.into(),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowupQuery {
    /// The year; the budget year by default.
    pub year: Option<i64>,
    /// The last month (1–12) of the year to date; the last booked month by default.
    pub through: Option<i64>,
}

/// The year asked for, if any.
pub fn year_of(value: Option<i64>) -> Result<Option<Year>, ApiError> {
    value
        .map(|year| input::year(year).map_err(|message| ApiError::field("year", message)))
        .transpose()
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup", tag = "uppföljning",
    params(("id" = i64, Path), FollowupQuery),
    responses((status = 200, body = FollowupDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn followup(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<FollowupQuery>,
) -> Result<Json<FollowupDto>, ApiError> {
    let through = query
        .through
        .map(input::month_number)
        .transpose()
        .map_err(|message| ApiError::field("through", message))?;
    let report = state
        .app
        .followup(id, year_of(query.year)?, through)
        .await?;
    Ok(Json(followup_dto(&report)))
}
