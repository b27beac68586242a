//! The investment follow-up through the API: each project of the plan against its budget for
//! the year with the outcome to date, the forecast and the project's whole budget; project
//! forecasts; and the rules that place bookings on the plan's projects (SIE dimension 6, or
//! account and cost centre) with the accounts that count as expenditure.

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_domain::followup::{ProjectForecast, ProjectMapping, ProjectRule};
use styr_reports::followup::investments::{InvestmentFollowup, ProjectFollowup};
use utoipa::ToSchema;

use super::report::{ComparedVersionDto, FollowupQuery, year_of};
use crate::api::amount_field;
use crate::api::dto::AmountDto;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::input;

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectFollowupDto {
    pub name: String,
    /// expansion | image | reinvestment | adaptation; null for a sum
    pub category: Option<String>,
    pub year_budget: AmountDto,
    /// Each month's expenditure, January first; null where the month is not booked.
    pub months: Vec<Option<AmountDto>>,
    /// The expenditure of the booked months to date.
    pub actual: AmountDto,
    pub forecast: AmountDto,
    pub forecast_entered: bool,
    pub forecast_comment: String,
    /// The year's budget minus the forecast: positive is less spent than budgeted.
    pub deviation: AmountDto,
    /// The project's budget over every year of the plan.
    pub total_budget: AmountDto,
    /// Everything booked on the project so far, every year.
    pub total_actual: AmountDto,
    pub significant: bool,
}

impl From<&ProjectFollowup> for ProjectFollowupDto {
    fn from(project: &ProjectFollowup) -> ProjectFollowupDto {
        ProjectFollowupDto {
            name: project.name.clone(),
            category: project.category.map(|category| category.key().to_string()),
            year_budget: project.year_budget.into(),
            months: project
                .months
                .iter()
                .map(|month| month.map(AmountDto::from))
                .collect(),
            actual: project.actual.into(),
            forecast: project.forecast.into(),
            forecast_entered: project.forecast_entered,
            forecast_comment: project.forecast_comment.clone(),
            deviation: project.deviation.into(),
            total_budget: project.total_budget.into(),
            total_actual: project.total_actual.into(),
            significant: project.significant,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnplacedDto {
    /// The project object ("" for bookings without one).
    pub code: String,
    pub name: String,
    pub amount: AmountDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvestmentFollowupDto {
    pub year: u16,
    pub through: u8,
    pub version: Option<ComparedVersionDto>,
    pub projects: Vec<ProjectFollowupDto>,
    pub categories: Vec<ProjectFollowupDto>,
    pub total: ProjectFollowupDto,
    /// Expenditure no project of the plan takes, per project object.
    pub unplaced: Vec<UnplacedDto>,
}

fn dto(
    followed: &InvestmentFollowup,
    version: Option<ComparedVersionDto>,
) -> InvestmentFollowupDto {
    InvestmentFollowupDto {
        year: followed.year.number(),
        through: followed.through,
        version,
        projects: followed
            .projects
            .iter()
            .map(ProjectFollowupDto::from)
            .collect(),
        categories: followed
            .categories
            .iter()
            .map(ProjectFollowupDto::from)
            .collect(),
        total: ProjectFollowupDto::from(&followed.total),
        unplaced: followed
            .unplaced
            .iter()
            .map(|item| UnplacedDto {
                code: item.code.clone(),
                name: item.name.clone(),
                amount: item.amount.into(),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/investments", tag = "uppföljning",
    params(("id" = i64, Path), FollowupQuery),
    responses((status = 200, body = InvestmentFollowupDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn investments(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<FollowupQuery>,
) -> Result<Json<InvestmentFollowupDto>, ApiError> {
    let request = query.request()?;
    let (_, version) = state.app.compared_version(id, request.version).await?;
    let followed = state.app.investment_followup(id, &request).await?;
    Ok(Json(dto(
        &followed,
        Some(ComparedVersionDto::from(&version)),
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ProjectForecastInput {
    /// The project's name in the investment plan.
    pub project: String,
    /// The full-year expenditure expected, as text in tkr unless it names its unit.
    pub amount: String,
    #[serde(default)]
    pub comment: String,
    /// The year; the budget year by default.
    pub year: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/budgets/{id}/followup/investments/forecasts", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = ProjectForecastInput,
    responses((status = 200, body = InvestmentFollowupDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_project_forecast(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ProjectForecastInput>,
) -> Result<Json<InvestmentFollowupDto>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let year = year_of(body.year)?.unwrap_or(snapshot.budget.years.budget);
    let forecast = ProjectForecast {
        project: input::line(&body.project)
            .map_err(|message| ApiError::field("project", message))?,
        year,
        amount: amount_field("amount", &body.amount)?,
        comment: input::text(&body.comment)
            .map_err(|message| ApiError::field("comment", message))?,
    };
    state
        .app
        .set_project_forecast(&state.actor, id, forecast)
        .await?;
    investments(
        state,
        ApiPath(id),
        ApiQuery(FollowupQuery {
            year: Some(i64::from(year.number())),
            through: None,
            version: None,
        }),
    )
    .await
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectRuleDto {
    /// The project's name in the investment plan.
    pub project: String,
    /// The project object (SIE dimension 6) the bookings carry.
    pub object: Option<String>,
    /// The start of the account numbers.
    pub account_prefix: Option<String>,
    /// The cost centre (SIE dimension 1).
    pub cost_centre: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectRulesDto {
    /// The first rule a booking meets places it.
    pub rules: Vec<ProjectRuleDto>,
    /// Account prefixes whose bookings count as expenditure ("10", "11", "12", "3" …).
    pub accounts: Vec<String>,
}

fn rules_dto(mapping: ProjectMapping) -> ProjectRulesDto {
    ProjectRulesDto {
        rules: mapping
            .rules
            .into_iter()
            .map(|rule| ProjectRuleDto {
                project: rule.project,
                object: rule.object,
                account_prefix: rule.account_prefix,
                cost_centre: rule.cost_centre,
            })
            .collect(),
        accounts: mapping.accounts,
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/project-rules", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = ProjectRulesDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn project_rules(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ProjectRulesDto>, ApiError> {
    Ok(Json(rules_dto(state.app.project_mapping(id).await?)))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/project-rules", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = ProjectRulesDto,
    responses((status = 200, body = ProjectRulesDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_project_rules(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ProjectRulesDto>,
) -> Result<Json<ProjectRulesDto>, ApiError> {
    let optional = |field: &str, value: &Option<String>| -> Result<Option<String>, ApiError> {
        value
            .as_deref()
            .map(|text| input::line(text).map_err(|message| ApiError::field(field, message)))
            .transpose()
            .map(|text| text.filter(|text| !text.is_empty()))
    };
    let rules = body
        .rules
        .iter()
        .map(|rule| {
            Ok(ProjectRule {
                project: input::line(&rule.project)
                    .map_err(|message| ApiError::field("project", message))?,
                object: optional("object", &rule.object)?,
                account_prefix: optional("account_prefix", &rule.account_prefix)?,
                cost_centre: optional("cost_centre", &rule.cost_centre)?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let mapping = ProjectMapping::new(rules, body.accounts)
        .map_err(|error| ApiError::invalid(error.to_string()))?;
    state
        .app
        .set_project_mapping(&state.actor, id, &mapping)
        .await?;
    project_rules(state, ApiPath(id)).await
}
