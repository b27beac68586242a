//! Follow-up through the API: import the books, budget versus actual, forecasts, drill-down to
//! vouchers, and the account and cost-centre rules.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query};
use serde::{Deserialize, Serialize};
use styr_app::Figure;
use styr_app::{BookedRow, ImportRecord};
use styr_domain::calendar::{Date, Year};
use styr_domain::followup::{
    AccountMapping, AccountRule, CostCentreMapping, CostCentreRule, Forecast, Month,
};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use styr_reports::followup::{FollowupReport, GroupFollowup, RowFollowup};
use utoipa::{IntoParams, ToSchema};

use super::amount_field;
use super::dto::{AmountDto, ApiJson};
use crate::auth::Acting;
use crate::error::ApiError;

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

fn row_dto(report: &FollowupReport, row: &RowFollowup) -> FollowupRowDto {
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

fn group_dto(report: &FollowupReport, group: &GroupFollowup) -> FollowupGroupDto {
    FollowupGroupDto {
        code: group.code.clone(),
        name: group.name.clone(),
        rows: group.rows.iter().map(|row| row_dto(report, row)).collect(),
    }
}

fn followup_dto(report: &FollowupReport) -> FollowupDto {
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
pub struct FollowupQuery {
    /// The year; the budget year by default.
    pub year: Option<i64>,
    /// The last month (1–12) of the year to date; the last booked month by default.
    pub through: Option<u8>,
}

fn year_of(value: Option<i64>) -> Result<Option<Year>, ApiError> {
    value
        .map(|year| Year::new(year).map_err(|error| ApiError::invalid(error.to_string())))
        .transpose()
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup", tag = "uppföljning",
    params(("id" = i64, Path), FollowupQuery),
    responses((status = 200, body = FollowupDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn followup(
    state: Acting,
    Path(id): Path<i64>,
    Query(query): Query<FollowupQuery>,
) -> Result<Json<FollowupDto>, ApiError> {
    if query
        .through
        .is_some_and(|month| !(1..=12).contains(&month))
    {
        return Err(ApiError::invalid("through ska vara en månad 1–12"));
    }
    let report = state
        .app
        .followup(id, year_of(query.year)?, query.through)
        .await?;
    Ok(Json(followup_dto(&report)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportDto {
    pub id: i64,
    pub file_name: String,
    pub checksum: String,
    pub format: String,
    pub first_month: String,
    pub last_month: String,
    pub vouchers: i64,
    pub rows: i64,
    pub debit: AmountDto,
    pub credit: AmountDto,
    pub replaced_rows: i64,
    pub imported_by: String,
    pub imported_at: String,
}

impl From<ImportRecord> for ImportDto {
    fn from(record: ImportRecord) -> ImportDto {
        ImportDto {
            id: record.id,
            file_name: record.file_name,
            checksum: record.checksum,
            format: record.format,
            first_month: record.first_month,
            last_month: record.last_month,
            vouchers: record.vouchers,
            rows: record.rows,
            debit: record.debit.into(),
            credit: record.credit.into(),
            replaced_rows: record.replaced_rows,
            imported_by: record.imported_by,
            imported_at: record.imported_at,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/imports", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = [ImportDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn imports(state: Acting, Path(id): Path<i64>) -> Result<Json<Vec<ImportDto>>, ApiError> {
    state.app.snapshot(id).await?;
    let records = state.app.outcome_imports(id).await?;
    Ok(Json(records.into_iter().map(ImportDto::from).collect()))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ImportQuery {
    /// The file's name, kept in the import log.
    pub file_name: String,
    /// A saved CSV import profile; without it the body is read as SIE.
    pub profile: Option<String>,
}

/// The file is the request body, as bytes. All or nothing; the months it covers are replaced.
#[utoipa::path(post, path = "/api/v1/budgets/{id}/followup/imports", tag = "uppföljning",
    params(("id" = i64, Path), ImportQuery), request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = ImportDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn import(
    state: Acting,
    Path(id): Path<i64>,
    Query(query): Query<ImportQuery>,
    body: Bytes,
) -> Result<(axum::http::StatusCode, Json<ImportDto>), ApiError> {
    let record = state
        .app
        .import_outcome(
            &state.actor,
            id,
            &query.file_name,
            &body,
            query.profile.as_deref(),
        )
        .await?;
    Ok((axum::http::StatusCode::CREATED, Json(record.into())))
}

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
    Path((id, unit, row)): Path<(i64, String, String)>,
    ApiJson(input): ApiJson<ForecastInput>,
) -> Result<Json<FollowupDto>, ApiError> {
    let row = entered_row(&row)?;
    let amount = amount_field("amount", &input.amount)?;
    let snapshot = state.app.snapshot(id).await?;
    let year = year_of(input.year)?.unwrap_or(snapshot.budget.years.budget);
    let forecast = Forecast {
        unit: UnitId(unit),
        row,
        year,
        amount,
        comment: input.comment.trim().to_string(),
    };
    state.app.set_forecast(&state.actor, id, forecast).await?;
    let report = state.app.followup(id, Some(year), None).await?;
    Ok(Json(followup_dto(&report)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookedRowDto {
    pub voucher_id: i64,
    pub series: String,
    pub number: String,
    pub date: String,
    pub voucher_text: String,
    pub account: u32,
    pub cost_centre: Option<String>,
    /// Signed as the books sign it: debit positive.
    pub amount: AmountDto,
    pub text: String,
}

impl From<BookedRow> for BookedRowDto {
    fn from(row: BookedRow) -> BookedRowDto {
        BookedRowDto {
            voucher_id: row.voucher_id,
            series: row.series,
            number: row.number,
            date: row.date,
            voucher_text: row.voucher_text,
            account: row.account,
            cost_centre: row.cost_centre,
            amount: row.amount.into(),
            text: row.text,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DrillQuery {
    /// The group's code (a unit id, or "ej fördelat"); empty or absent for the whole board.
    #[serde(default)]
    pub group: String,
    /// The row's key, e.g. personnel or net_cost.
    pub row: String,
    /// "2025-03"
    pub month: String,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/rows", tag = "uppföljning",
    params(("id" = i64, Path), DrillQuery),
    responses((status = 200, body = [BookedRowDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn rows(
    state: Acting,
    Path(id): Path<i64>,
    Query(query): Query<DrillQuery>,
) -> Result<Json<Vec<BookedRowDto>>, ApiError> {
    let row = OperatingRow::from_key(&query.row)
        .ok_or_else(|| ApiError::invalid(format!("raden ”{}” finns inte", query.row)))?;
    let month = query
        .month
        .split_once('-')
        .and_then(|(year, number)| {
            Month::new(Year::new(year.parse().ok()?).ok()?, number.parse().ok()?)
        })
        .ok_or_else(|| {
            ApiError::invalid(format!("månaden ”{}” ska skrivas ÅÅÅÅ-MM", query.month))
        })?;
    let figure = Figure {
        group: query.group,
        row,
        month,
    };
    let rows = state.app.drill_down(id, &figure).await?;
    Ok(Json(rows.into_iter().map(BookedRowDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/vouchers/{voucher}", tag = "uppföljning",
    params(("id" = i64, Path), ("voucher" = i64, Path)),
    responses((status = 200, body = [BookedRowDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn voucher(
    state: Acting,
    Path((id, voucher)): Path<(i64, i64)>,
) -> Result<Json<Vec<BookedRowDto>>, ApiError> {
    let rows = state.app.voucher(id, voucher).await?;
    Ok(Json(rows.into_iter().map(BookedRowDto::from).collect()))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AccountRuleDto {
    /// The start of the account numbers the rule covers: "3", "61", "8410".
    pub prefix: String,
    /// The budget line (revenue, personnel, premises_rent, purchased_services, other_costs,
    /// financial_net, kommunbidrag), or null to leave the accounts out on purpose.
    pub row: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/account-rules", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = [AccountRuleDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn account_rules(
    state: Acting,
    Path(id): Path<i64>,
) -> Result<Json<Vec<AccountRuleDto>>, ApiError> {
    state.app.snapshot(id).await?;
    let mapping = state.app.account_mapping(id).await?;
    Ok(Json(
        mapping
            .rules
            .into_iter()
            .map(|rule| AccountRuleDto {
                prefix: rule.prefix,
                row: rule.row.map(|row| row.key().to_string()),
            })
            .collect(),
    ))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/account-rules", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = [AccountRuleDto],
    responses((status = 200, body = [AccountRuleDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_account_rules(
    state: Acting,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<Vec<AccountRuleDto>>,
) -> Result<Json<Vec<AccountRuleDto>>, ApiError> {
    let rules = input
        .iter()
        .map(|rule| {
            let row = match &rule.row {
                Some(key) => Some(
                    OperatingRow::from_key(key)
                        .ok_or_else(|| ApiError::invalid(format!("raden ”{key}” finns inte")))?,
                ),
                None => None,
            };
            Ok(AccountRule {
                prefix: rule.prefix.trim().to_string(),
                row,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let mapping =
        AccountMapping::new(rules).map_err(|error| ApiError::invalid(error.to_string()))?;
    state
        .app
        .set_account_mapping(&state.actor, id, &mapping)
        .await?;
    account_rules(state, Path(id)).await
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CostCentreRuleDto {
    /// The cost centre's code (the object of SIE dimension 1).
    pub object: String,
    pub unit: String,
    /// "2025-01-01", or null for open.
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/cost-centre-rules", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = [CostCentreRuleDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn cost_centre_rules(
    state: Acting,
    Path(id): Path<i64>,
) -> Result<Json<Vec<CostCentreRuleDto>>, ApiError> {
    let mapping = state.app.cost_centre_mapping(id).await?;
    Ok(Json(
        mapping
            .rules
            .into_iter()
            .map(|rule| CostCentreRuleDto {
                object: rule.object,
                unit: rule.unit.0,
                valid_from: rule.valid_from.map(|date| date.to_string()),
                valid_to: rule.valid_to.map(|date| date.to_string()),
            })
            .collect(),
    ))
}

fn date_of(field: &str, text: Option<&str>) -> Result<Option<Date>, ApiError> {
    crate::forms::optional_date(text)
        .map_err(|message| ApiError::fields([(field.to_string(), message)].into_iter().collect()))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/cost-centre-rules", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = [CostCentreRuleDto],
    responses((status = 200, body = [CostCentreRuleDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_cost_centre_rules(
    state: Acting,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<Vec<CostCentreRuleDto>>,
) -> Result<Json<Vec<CostCentreRuleDto>>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let mut rules = Vec::new();
    for rule in &input {
        if snapshot
            .budget
            .organisation
            .unit(&UnitId(rule.unit.clone()))
            .is_none()
        {
            return Err(ApiError::invalid(format!(
                "enheten ”{}” finns inte i organisationen",
                rule.unit
            )));
        }
        rules.push(CostCentreRule {
            object: rule.object.trim().to_string(),
            unit: UnitId(rule.unit.clone()),
            valid_from: date_of("valid_from", rule.valid_from.as_deref())?,
            valid_to: date_of("valid_to", rule.valid_to.as_deref())?,
        });
    }
    state
        .app
        .set_cost_centre_mapping(&state.actor, id, &CostCentreMapping { rules })
        .await?;
    cost_centre_rules(state, Path(id)).await
}

/// Each line's twelve weights, January first; a line left out is spread evenly.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProfilesDto {
    #[serde(flatten)]
    pub lines: std::collections::BTreeMap<String, Vec<u32>>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/profiles", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = ProfilesDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn profiles(state: Acting, Path(id): Path<i64>) -> Result<Json<ProfilesDto>, ApiError> {
    state.app.snapshot(id).await?;
    let profiles = state.app.line_profiles(id).await?;
    Ok(Json(ProfilesDto {
        lines: profiles
            .into_iter()
            .map(|(line, profile)| (line.key().to_string(), profile.0.to_vec()))
            .collect(),
    }))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/profiles", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = ProfilesDto,
    responses((status = 200, body = ProfilesDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_profiles(
    state: Acting,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ProfilesDto>,
) -> Result<Json<ProfilesDto>, ApiError> {
    let mut chosen = std::collections::BTreeMap::new();
    for (key, weights) in &input.lines {
        let line = styr_domain::operating::LineKind::from_key(key)
            .ok_or_else(|| ApiError::invalid(format!("raden ”{key}” finns inte")))?;
        let weights: [u32; 12] = weights
            .clone()
            .try_into()
            .map_err(|_| ApiError::invalid(format!("{key}: tolv vikter, januari först")))?;
        if weights.iter().all(|weight| *weight == 0) || weights.iter().any(|weight| *weight > 1000)
        {
            return Err(ApiError::invalid(format!(
                "{key}: vikterna ska vara heltal 0–1 000 och inte alla noll"
            )));
        }
        chosen.insert(line, styr_domain::followup::Profile(weights));
    }
    state.app.snapshot(id).await?;
    state
        .app
        .set_line_profiles(&state.actor, id, &chosen)
        .await?;
    profiles(state, Path(id)).await
}

/// Saved CSV import profiles, name → profile (TOML); they serve every budget.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProfilesDto {
    #[serde(flatten)]
    pub profiles: std::collections::BTreeMap<String, String>,
}

#[utoipa::path(get, path = "/api/v1/import-profiles", tag = "uppföljning",
    responses((status = 200, body = ImportProfilesDto)))]
pub async fn import_profiles(state: Acting) -> Result<Json<ImportProfilesDto>, ApiError> {
    Ok(Json(ImportProfilesDto {
        profiles: state.app.import_profiles().await?,
    }))
}

/// The body is the profile as TOML text (see docs/followup.md); it is checked before it is saved.
#[utoipa::path(put, path = "/api/v1/import-profiles/{name}", tag = "uppföljning",
    params(("name" = String, Path)), request_body(content = String, content_type = "text/plain"),
    responses((status = 200, body = ImportProfilesDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn save_import_profile(
    state: Acting,
    Path(name): Path<String>,
    body: String,
) -> Result<Json<ImportProfilesDto>, ApiError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::invalid("profilen behöver ett namn"));
    }
    state
        .app
        .save_import_profile(&state.actor, name, &body)
        .await?;
    import_profiles(state).await
}
