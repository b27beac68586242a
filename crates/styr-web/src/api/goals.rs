//! Goals through the API: overarching goals, political directions and the board's goals,
//! each with its KPIs (källa, how many measurements a year, a Kolada id).

use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::change::Change;
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::Key;
use crate::input::records::{self, KpiInput};

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct KpiDto {
    pub name: String,
    #[serde(default)]
    pub source: String,
    pub measurements_per_year: u8,
    #[serde(default)]
    pub kolada_id: Option<String>,
    /// The KPI's key, under which its values are kept; made from the name when left out.
    #[serde(default)]
    pub id: Option<String>,
    /// higher | lower; kept as it was (or higher) when left out.
    #[serde(default)]
    pub direction: Option<String>,
    /// procent | kr_per_invanare | antal | index; kept as it was (or index) when left out.
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GoalDto {
    pub id: String,
    /// overarching | political_direction | board
    pub kind: String,
    pub title: String,
    pub statement: String,
    pub text: String,
    pub kpis: Vec<KpiDto>,
    /// "tre gånger per år", per KPI.
    pub schedules: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GoalsDto {
    pub revision: i64,
    pub goals: Vec<GoalDto>,
}

fn goals_of(snapshot: &Snapshot) -> GoalsDto {
    GoalsDto {
        revision: snapshot.revision,
        goals: snapshot
            .budget
            .goals
            .iter()
            .map(|goal| GoalDto {
                id: goal.id.clone(),
                kind: goal.kind.key().into(),
                title: goal.title.clone(),
                statement: goal.statement.clone(),
                text: goal.text.clone(),
                kpis: goal
                    .kpis
                    .iter()
                    .map(|kpi| KpiDto {
                        name: kpi.name.clone(),
                        source: kpi.source.clone(),
                        measurements_per_year: kpi.measurements_per_year,
                        kolada_id: kpi.kolada_id.clone(),
                        id: Some(kpi.id.clone()),
                        direction: Some(kpi.direction.key().into()),
                        unit: Some(kpi.unit.key().into()),
                    })
                    .collect(),
                schedules: goal.kpis.iter().map(|kpi| kpi.schedule()).collect(),
            })
            .collect(),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct GoalInput {
    /// Made from the title when left out.
    pub id: Option<String>,
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub kpis: Vec<KpiDto>,
    pub revision: Option<i64>,
}

fn goal_of(
    input: &GoalInput,
    id: Option<&str>,
    snapshot: &Snapshot,
) -> Result<styr_domain::goals::Goal, ApiError> {
    let times: Vec<String> = input
        .kpis
        .iter()
        .map(|kpi| kpi.measurements_per_year.to_string())
        .collect();
    let kpis: Vec<KpiInput<'_>> = input
        .kpis
        .iter()
        .zip(&times)
        .map(|(kpi, times)| KpiInput {
            name: &kpi.name,
            source: &kpi.source,
            measurements_per_year: times,
            kolada_id: kpi.kolada_id.as_deref().unwrap_or(""),
            id: kpi.id.as_deref().unwrap_or(""),
            direction: kpi.direction.as_deref().unwrap_or(""),
            unit: kpi.unit.as_deref().unwrap_or(""),
        })
        .collect();
    records::goal(
        id.or(input.id.as_deref()),
        &input.kind,
        &input.title,
        &input.statement,
        &input.text,
        &kpis,
    )
    .map(|typed| {
        let existing = snapshot
            .budget
            .goals
            .iter()
            .find(|goal| goal.id == typed.0.id);
        records::keep_follow_up(typed, existing)
    })
    .map_err(ApiError::fields)
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/goals", tag = "mål", params(("id" = i64, Path)),
    responses((status = 200, body = GoalsDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn goals(state: Acting, ApiPath(id): ApiPath<i64>) -> Result<Json<GoalsDto>, ApiError> {
    Ok(Json(goals_of(&*state.app.snapshot(id).await?)))
}

#[utoipa::path(post, path = "/api/v1/budgets/{id}/goals", tag = "mål", params(("id" = i64, Path)), request_body = GoalInput,
    responses((status = 201, body = GoalsDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn put_goal(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<GoalInput>,
) -> Result<(StatusCode, Json<GoalsDto>), ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let change = Change::PutGoal {
        goal: goal_of(&input, None, &snapshot)?,
    };
    Ok((
        StatusCode::CREATED,
        Json(goals_of(
            &*state
                .app
                .change(&state.actor, id, input.revision, &change)
                .await?,
        )),
    ))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/goals/{goal}", tag = "mål", params(("id" = i64, Path), ("goal" = String, Path)), request_body = GoalInput,
    responses((status = 200, body = GoalsDto), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn replace_goal(
    state: Acting,
    ApiPath((id, goal)): ApiPath<(i64, Key)>,
    ApiJson(input): ApiJson<GoalInput>,
) -> Result<Json<GoalsDto>, ApiError> {
    let goal = goal.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    if snapshot
        .budget
        .goals
        .iter()
        .all(|existing| existing.id != goal)
    {
        return Err(ApiError::not_found());
    }
    let change = Change::PutGoal {
        goal: goal_of(&input, Some(&goal), &snapshot)?,
    };
    Ok(Json(goals_of(
        &*state
            .app
            .change(&state.actor, id, input.revision, &change)
            .await?,
    )))
}

#[utoipa::path(delete, path = "/api/v1/budgets/{id}/goals/{goal}", tag = "mål", params(("id" = i64, Path), ("goal" = String, Path)),
    responses((status = 200, body = GoalsDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn remove_goal(
    state: Acting,
    ApiPath((id, goal)): ApiPath<(i64, Key)>,
) -> Result<Json<GoalsDto>, ApiError> {
    let goal = goal.into_inner();
    Ok(Json(goals_of(
        &*state
            .app
            .change(&state.actor, id, None, &Change::RemoveGoal { id: goal })
            .await?,
    )))
}
