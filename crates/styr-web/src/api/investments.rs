//! The investment plan through the API: projects by category with an amount per plan year,
//! the table by category and the plan's sum and average.

use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use utoipa::ToSchema;

use super::dto::{AmountDto, ColumnDto, YearAmountDto};
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::Name;

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDto {
    pub name: String,
    /// expansion | image | reinvestment | adaptation
    pub category: String,
    pub amounts: Vec<YearAmountDto>,
    /// The project's total budget over its life, when given.
    pub total_budget: Option<AmountDto>,
    /// ÅÅÅÅ-MM-DD.
    pub start: Option<String>,
    pub end: Option<String>,
    pub owner: String,
    /// planned | ongoing | paused | completed
    pub status: String,
    /// Driftkonsekvens per year: kapitalkostnad and other operating effects (costs negative).
    pub operating_effects: Vec<OperatingEffectDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OperatingEffectDto {
    pub year: u16,
    pub capital_cost: AmountDto,
    pub other: AmountDto,
    pub total: AmountDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvestmentRowDto {
    pub label: String,
    pub emphasised: bool,
    pub values: Vec<YearAmountDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvestmentPlanDto {
    pub heading: String,
    pub revision: i64,
    pub columns: Vec<ColumnDto>,
    pub projects: Vec<ProjectDto>,
    /// Categories with their projects, and the total, as the table shows them.
    pub rows: Vec<InvestmentRowDto>,
    /// The sum over the budget year and the plan years.
    pub plan_sum: AmountDto,
    pub plan_average: AmountDto,
}

pub fn plan_of(snapshot: &Snapshot) -> InvestmentPlanDto {
    let plan = &snapshot.budget.investment;
    let report = &snapshot.report().investment;
    InvestmentPlanDto {
        heading: report.heading.clone(),
        revision: snapshot.revision,
        columns: report
            .columns
            .iter()
            .map(|column| ColumnDto {
                year: column.year.number(),
                label: column.label.clone(),
            })
            .collect(),
        projects: plan
            .projects
            .iter()
            .map(|project| ProjectDto {
                name: project.name.clone(),
                category: project.category.key().into(),
                amounts: project
                    .amounts
                    .iter()
                    .map(|(year, amount)| YearAmountDto::new(*year, *amount))
                    .collect(),
                total_budget: project.total_budget.map(AmountDto::from),
                start: project.start.map(|date| date.to_string()),
                end: project.end.map(|date| date.to_string()),
                owner: project.owner.clone(),
                status: project.status.key().into(),
                operating_effects: project
                    .operating_effects
                    .iter()
                    .map(|(year, effect)| OperatingEffectDto {
                        year: year.number(),
                        capital_cost: effect.capital_cost.into(),
                        other: effect.other.into(),
                        total: effect.total().unwrap_or_default().into(),
                    })
                    .collect(),
            })
            .collect(),
        rows: report
            .rows
            .iter()
            .map(|row| InvestmentRowDto {
                label: row.label.clone(),
                emphasised: row.emphasised,
                values: report
                    .columns
                    .iter()
                    .zip(&row.values)
                    .map(|(column, value)| YearAmountDto::new(column.year, *value))
                    .collect(),
            })
            .collect(),
        plan_sum: report.plan_sum.into(),
        plan_average: report.plan_average.into(),
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/investments", tag = "investeringar", params(("id" = i64, Path)),
    responses((status = 200, body = InvestmentPlanDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn investments(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<InvestmentPlanDto>, ApiError> {
    Ok(Json(plan_of(&*state.app.snapshot(id).await?)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct YearAmountInput {
    pub year: i64,
    pub amount: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ProjectInput {
    pub name: String,
    pub category: String,
    #[serde(default)]
    pub amounts: Vec<YearAmountInput>,
    pub revision: Option<i64>,
    /// An amount ("59 100", "59,1 mnkr"), "" for none; left out: kept as stored.
    pub total_budget: Option<String>,
    /// ÅÅÅÅ-MM-DD, "" for none; left out: kept as stored.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Left out: kept as stored.
    pub owner: Option<String>,
    /// planned | ongoing | paused | completed; left out: kept as stored.
    pub status: Option<String>,
    /// Kapitalkostnad per year; with `operating_effects` the project's driftkonsekvens, both
    /// replaced when either is given.
    pub capital_costs: Option<Vec<YearAmountInput>>,
    pub operating_effects: Option<Vec<YearAmountInput>>,
}

fn by_year(entries: &[YearAmountInput]) -> Result<Vec<(Year, String)>, ApiError> {
    entries
        .iter()
        .map(|entry| {
            Year::new(entry.year)
                .map(|year| (year, entry.amount.clone()))
                .map_err(|error| ApiError::invalid(error.to_string()))
        })
        .collect()
}

fn project_of(
    input: &ProjectInput,
    snapshot: &Snapshot,
    replacing: Option<&str>,
) -> Result<styr_domain::investment::InvestmentProject, ApiError> {
    let amounts = by_year(&input.amounts)?;
    let capital = input.capital_costs.as_deref().map(by_year).transpose()?;
    let other = input
        .operating_effects
        .as_deref()
        .map(by_year)
        .transpose()?;
    let existing = replacing.and_then(|name| {
        snapshot
            .budget
            .investment
            .projects
            .iter()
            .find(|project| project.name == name)
    });
    crate::input::records::project(&crate::input::records::ProjectInput {
        name: &input.name,
        category: &input.category,
        amounts: &amounts,
        total_budget: input.total_budget.as_deref(),
        start: input.start.as_deref(),
        end: input.end.as_deref(),
        owner: input.owner.as_deref(),
        status: input.status.as_deref(),
        capital_costs: capital.as_deref(),
        operating_effects: other.as_deref(),
        existing,
        comparison: Some(snapshot.budget.years.previous),
    })
    .map_err(ApiError::fields)
}

#[utoipa::path(post, path = "/api/v1/budgets/{id}/investments", tag = "investeringar", params(("id" = i64, Path)), request_body = ProjectInput,
    responses((status = 201, body = InvestmentPlanDto), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn add_project(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ProjectInput>,
) -> Result<(StatusCode, Json<InvestmentPlanDto>), ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let change = Change::PutProject {
        replacing: None,
        project: project_of(&input, &snapshot, None)?,
    };
    let snapshot = state
        .app
        .change(&state.actor, id, input.revision, &change)
        .await?;
    Ok((StatusCode::CREATED, Json(plan_of(&snapshot))))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/investments/{name}", tag = "investeringar",
    params(("id" = i64, Path), ("name" = String, Path, description = "projektets nuvarande namn")), request_body = ProjectInput,
    responses((status = 200, body = InvestmentPlanDto), (status = 404, body = crate::error::ApiErrorBody), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn replace_project(
    state: Acting,
    ApiPath((id, name)): ApiPath<(i64, Name)>,
    ApiJson(input): ApiJson<ProjectInput>,
) -> Result<Json<InvestmentPlanDto>, ApiError> {
    let name = name.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let change = Change::PutProject {
        project: project_of(&input, &snapshot, Some(&name))?,
        replacing: Some(name),
    };
    Ok(Json(plan_of(
        &*state
            .app
            .change(&state.actor, id, input.revision, &change)
            .await?,
    )))
}

#[utoipa::path(delete, path = "/api/v1/budgets/{id}/investments/{name}", tag = "investeringar",
    params(("id" = i64, Path), ("name" = String, Path)),
    responses((status = 200, body = InvestmentPlanDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn remove_project(
    state: Acting,
    ApiPath((id, name)): ApiPath<(i64, Name)>,
) -> Result<Json<InvestmentPlanDto>, ApiError> {
    let name = name.into_inner();
    let change = Change::RemoveProject { name };
    Ok(Json(plan_of(
        &*state.app.change(&state.actor, id, None, &change).await?,
    )))
}
