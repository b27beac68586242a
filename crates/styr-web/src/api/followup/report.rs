//! Budget versus outcome through the API: per group (the board's total, each table, the
//! separately reported apart) and per ansvar, per row, the year's budget, the budget and
//! outcome to date, the deviation and the forecast, with each month's budget and outcome — a
//! month that is not booked has no outcome (null), never 0 — and the version compared with.

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_domain::calendar::Year;
use styr_reports::followup::{
    ComparedVersion, FollowupReport, GroupFollowup, KommunbidragSource, RowFollowup, UnitFollowup,
};
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
    /// Null when the month is not booked (ej bokfört).
    pub actual: Option<AmountDto>,
    pub booked: bool,
}

/// The budget version a follow-up compares with.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComparedVersionDto {
    pub number: i64,
    /// utkast | inlämnad | fastställd
    pub status: String,
    /// "fastställd version 1 (Kommunstyrelsen 2024-12-16, dnr 2024.025 KS)"
    pub description: String,
    pub decided_by: Option<String>,
    pub decision_date: Option<String>,
    pub registry_number: Option<String>,
}

impl From<&ComparedVersion> for ComparedVersionDto {
    fn from(version: &ComparedVersion) -> ComparedVersionDto {
        ComparedVersionDto {
            number: version.number,
            status: version.status.clone(),
            description: version.describe(),
            decided_by: version
                .adopted
                .as_ref()
                .map(|decision| decision.decided_by.clone()),
            decision_date: version
                .adopted
                .as_ref()
                .map(|decision| decision.date.clone()),
            registry_number: version
                .adopted
                .as_ref()
                .map(|decision| decision.registry_number.clone()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowupRowDto {
    /// revenue | personnel | premises_rent | purchased_services | other_costs | costs | net_cost | kommunbidrag | financial_net | result
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
    /// The responsible person's explanation of the deviation, if written.
    pub explanation: Option<String>,
    /// Whether the deviation is large enough (1 % of the budget and 100 tkr) to be explained.
    pub significant: bool,
    pub months: Vec<MonthDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowupGroupDto {
    /// The unit id (or "ej fördelat"; "" for the total).
    pub code: String,
    pub name: String,
    /// A separately reported unit (särredovisning): not in the board's total.
    pub separately_reported: bool,
    pub rows: Vec<FollowupRowDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CostCentreDto {
    pub code: String,
    pub name: String,
}

/// One ansvar of the organisation tree, from the board down.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitFollowupDto {
    pub unit: String,
    pub name: String,
    /// nämnd | förvaltning | avdelning | enhet
    pub kind: String,
    pub parent: Option<String>,
    pub depth: u8,
    pub children: Vec<String>,
    /// The cost centres booked on the unit.
    pub cost_centres: Vec<CostCentreDto>,
    pub has_budget: bool,
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
    /// The version compared with; null for a file's own period budget.
    pub version: Option<ComparedVersionDto>,
    /// The months the view covers (the period asked for, or the last booked month).
    pub period: u8,
    /// The booked months from January within the period: what the figures to date cover.
    pub through: u8,
    /// Whether each month of the year is booked, January first.
    pub booked: Vec<bool>,
    /// budget | period_budget | none
    pub budget_source: String,
    /// booked (on the accounts mapped to kommunbidrag) | allocated (a twelfth a booked month)
    pub kommunbidrag_source: String,
    /// The board's table and "Ej fördelat", never a separately reported unit.
    pub total: FollowupGroupDto,
    pub groups: Vec<FollowupGroupDto>,
    /// Every ansvar from the board down, parents first.
    pub units: Vec<UnitFollowupDto>,
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
        explanation: row.explanation.clone(),
        significant: row.significant,
        months: (0..12)
            .map(|index| MonthDto {
                month: format!("{}-{:02}", report.year, index + 1),
                budget: row.budget[index].into(),
                actual: row.actual[index].map(AmountDto::from),
                booked: row.actual[index].is_some(),
            })
            .collect(),
    }
}

pub fn group_dto(report: &FollowupReport, group: &GroupFollowup) -> FollowupGroupDto {
    FollowupGroupDto {
        code: group.code.clone(),
        name: group.name.clone(),
        separately_reported: group.separately_reported,
        rows: group.rows.iter().map(|row| row_dto(report, row)).collect(),
    }
}

pub fn unit_dto(report: &FollowupReport, unit: &UnitFollowup) -> UnitFollowupDto {
    UnitFollowupDto {
        unit: unit.group.code.clone(),
        name: unit.group.name.clone(),
        kind: unit.kind.to_string(),
        parent: unit.parent.as_ref().map(|parent| parent.0.clone()),
        depth: unit.depth,
        children: unit.children.iter().map(|child| child.0.clone()).collect(),
        cost_centres: unit
            .cost_centres
            .iter()
            .map(|(code, name)| CostCentreDto {
                code: code.clone(),
                name: name.clone(),
            })
            .collect(),
        has_budget: unit.has_budget,
        rows: unit
            .group
            .rows
            .iter()
            .map(|row| row_dto(report, row))
            .collect(),
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
        version: report.version.as_ref().map(ComparedVersionDto::from),
        period: report.period,
        through: report.through,
        booked: report.booked.to_vec(),
        budget_source: match report.budget_source {
            styr_reports::followup::BudgetSource::Budget => "budget",
            styr_reports::followup::BudgetSource::PeriodBudget => "period_budget",
            styr_reports::followup::BudgetSource::None => "none",
        }
        .into(),
        kommunbidrag_source: match report.kommunbidrag {
            KommunbidragSource::Booked => "booked",
            KommunbidragSource::Allocated => "allocated",
        }
        .into(),
        total: group_dto(report, &report.total),
        groups: report
            .groups
            .iter()
            .map(|group| group_dto(report, group))
            .collect(),
        units: report
            .units
            .iter()
            .map(|unit| unit_dto(report, unit))
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
    /// The last month (1–12) of the period; the last booked month by default.
    pub through: Option<i64>,
    /// The budget version to compare with; the latest adopted by default.
    pub version: Option<i64>,
}

impl FollowupQuery {
    /// The request this query asks for.
    pub fn request(&self) -> Result<styr_app::FollowupRequest, ApiError> {
        Ok(styr_app::FollowupRequest {
            year: year_of(self.year)?,
            through: self
                .through
                .map(input::month_number)
                .transpose()
                .map_err(|message| ApiError::field("through", message))?,
            version: self.version,
        })
    }
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
    let report = state.app.followup_of(id, &query.request()?).await?;
    Ok(Json(followup_dto(&report)))
}
