//! What the responsible people add to the follow-up through the API: the explanation of a
//! unit's deviation, the history of every forecast entered, and the course of a deviation
//! over the year.

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_domain::followup::DeviationExplanation;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use utoipa::{IntoParams, ToSchema};

use super::report::{ComparedVersionDto, FollowupQuery, year_of};
use crate::api::dto::AmountDto;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::input::{self, Key};

#[derive(Debug, Deserialize, ToSchema)]
pub struct ExplanationInput {
    /// Why the line deviates, in Markdown; empty removes the explanation.
    #[serde(default)]
    pub text: String,
    /// The year; the budget year by default.
    pub year: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExplanationDto {
    pub unit: String,
    pub row: String,
    pub year: u16,
    pub text: String,
    pub by: String,
    pub at: String,
}

impl From<DeviationExplanation> for ExplanationDto {
    fn from(explanation: DeviationExplanation) -> ExplanationDto {
        ExplanationDto {
            unit: explanation.unit.0,
            row: explanation.row.key().into(),
            year: explanation.year.number(),
            text: explanation.text,
            by: explanation.by,
            at: explanation.at,
        }
    }
}

fn row_of(key: &str) -> Result<OperatingRow, ApiError> {
    OperatingRow::from_key(key).ok_or_else(|| {
        ApiError::invalid(format!(
            "raden ”{}” finns inte",
            key.chars().take(40).collect::<String>()
        ))
    })
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/explanations", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = [ExplanationDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn explanations(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<ExplanationDto>>, ApiError> {
    let explanations = state.app.deviation_explanations(id).await?;
    Ok(Json(
        explanations.into_iter().map(ExplanationDto::from).collect(),
    ))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/explanations/{unit}/{row}", tag = "uppföljning",
    params(("id" = i64, Path), ("unit" = String, Path), ("row" = String, Path)), request_body = ExplanationInput,
    responses((status = 200, body = [ExplanationDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn explain(
    state: Acting,
    ApiPath((id, unit, row)): ApiPath<(i64, Key, String)>,
    ApiJson(body): ApiJson<ExplanationInput>,
) -> Result<Json<Vec<ExplanationDto>>, ApiError> {
    let row = row_of(&row)?;
    let snapshot = state.app.snapshot(id).await?;
    let year = year_of(body.year)?.unwrap_or(snapshot.budget.years.budget);
    let text = input::text(&body.text).map_err(|message| ApiError::field("text", message))?;
    state
        .app
        .explain_deviation(
            &state.actor,
            id,
            DeviationExplanation {
                unit: UnitId(unit.into_inner()),
                row,
                year,
                text,
                by: String::new(),
                at: String::new(),
            },
        )
        .await?;
    explanations(state, ApiPath(id)).await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ForecastEntryDto {
    pub unit: String,
    pub row: String,
    pub year: u16,
    pub amount: AmountDto,
    pub comment: String,
    pub by: String,
    pub at: String,
    /// The last booked month the forecast built on, "2025-08"; null when unknown.
    pub based_on: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/forecasts", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = [ForecastEntryDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn forecast_history(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<ForecastEntryDto>>, ApiError> {
    let history = state.app.forecast_history(id).await?;
    Ok(Json(
        history
            .into_iter()
            .map(|entry| ForecastEntryDto {
                unit: entry.forecast.unit.0,
                row: entry.forecast.row.key().into(),
                year: entry.forecast.year.number(),
                amount: entry.forecast.amount.into(),
                comment: entry.forecast.comment,
                by: entry.entered.by,
                at: entry.entered.at,
                based_on: entry.entered.based_on.map(|month| month.to_string()),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CourseQuery {
    /// The unit (a table's or any ansvar's id); the board by default.
    pub unit: Option<String>,
    /// The row's key; result (Årets resultat) by default.
    pub row: Option<String>,
    /// The year; the budget year by default.
    pub year: Option<i64>,
    /// The budget version to compare with; the latest adopted by default.
    pub version: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoursePointDto {
    /// "2025-03"
    pub month: String,
    /// The outcome minus the budget from January through the month.
    pub to_date: AmountDto,
    /// The full-year forecast minus the budget as it stood on the month's outcome; null
    /// while no forecast was entered.
    pub forecast: Option<AmountDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CourseDto {
    pub unit: String,
    pub row: String,
    pub version: Option<ComparedVersionDto>,
    pub points: Vec<CoursePointDto>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/course", tag = "uppföljning",
    params(("id" = i64, Path), CourseQuery),
    responses((status = 200, body = CourseDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn course(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<CourseQuery>,
) -> Result<Json<CourseDto>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let unit = match &query.unit {
        Some(unit) => UnitId(input::key(unit).map_err(|message| ApiError::field("unit", message))?),
        None => snapshot.budget.board.clone(),
    };
    let row = row_of(query.row.as_deref().unwrap_or("result"))?;
    let request = FollowupQuery {
        year: query.year,
        through: None,
        version: query.version,
    }
    .request()?;
    let (report, points) = state.app.deviation_course(id, &request, &unit, row).await?;
    Ok(Json(CourseDto {
        unit: unit.0,
        row: row.key().into(),
        version: report.version.as_ref().map(ComparedVersionDto::from),
        points: points
            .into_iter()
            .map(|point| CoursePointDto {
                month: format!("{}-{:02}", report.year, point.month),
                to_date: point.to_date.into(),
                forecast: point.forecast.map(AmountDto::from),
            })
            .collect(),
    }))
}
