//! Frames through the API: each board's kommunbidrag per year, entered or derived by its
//! steps (PKV uprating and named adjustments).

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::format;
use styr_domain::organisation::UnitId;
use utoipa::ToSchema;

use super::amount_field;
use super::dto::AmountDto;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::Key;

#[derive(Debug, Serialize, ToSchema)]
pub struct FrameStepDto {
    /// "Uppräkning med 100 procent av PKV 2025 (2,5 procent)".
    pub description: String,
    /// The running figure after the step, in the frame's one unit.
    pub running: String,
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FrameYearDto {
    pub year: u16,
    pub kommunbidrag: AmountDto,
    /// Entered as decided (may be written); otherwise derived by its steps.
    pub entered: bool,
    pub steps: Vec<FrameStepDto>,
    /// A decided year whose derivation gives another figure: the warning the page, the check
    /// and the document give.
    pub warning: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FrameDto {
    pub unit: String,
    pub heading: String,
    pub index: String,
    pub vintage: String,
    pub revision: i64,
    pub years: Vec<FrameYearDto>,
}

pub fn frames_of(snapshot: &Snapshot) -> Vec<FrameDto> {
    snapshot
        .report()
        .frames
        .iter()
        .map(|frame| FrameDto {
            unit: frame.unit.to_string(),
            heading: frame.heading.clone(),
            index: frame.index.clone(),
            vintage: frame.vintage.clone(),
            revision: snapshot.revision,
            years: frame
                .years
                .iter()
                .map(|year| FrameYearDto {
                    warning: match (year.differs, year.derivation_result) {
                        (true, Some(derived)) => Some(styr_reports::shown::derivation_warning(
                            year.year,
                            year.kommunbidrag,
                            derived,
                            frame.trail_unit,
                        )),
                        _ => None,
                    },
                    year: year.year.number(),
                    kommunbidrag: year.kommunbidrag.into(),
                    entered: year.entered,
                    steps: year
                        .steps
                        .iter()
                        .map(|step| FrameStepDto {
                            description: step.description.clone(),
                            running: format::with_unit(step.running, step.precision),
                            text: step.text.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/frames", tag = "ramar", params(("id" = i64, Path)),
    responses((status = 200, body = [FrameDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn frames(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<FrameDto>>, ApiError> {
    Ok(Json(frames_of(&*state.app.snapshot(id).await?)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FrameAmountInput {
    /// The decided kommunbidrag, as text in tkr unless it names its unit.
    pub amount: String,
    pub revision: Option<i64>,
}

/// Writes an entered year's kommunbidrag; a derived year is refused (change its index or base).
#[utoipa::path(put, path = "/api/v1/budgets/{id}/frames/{unit}/{year}", tag = "ramar",
    params(("id" = i64, Path), ("unit" = String, Path), ("year" = i64, Path)), request_body = FrameAmountInput,
    responses((status = 200, body = [FrameDto]), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_frame_amount(
    state: Acting,
    ApiPath((id, unit, year)): ApiPath<(i64, Key, i64)>,
    ApiJson(input): ApiJson<FrameAmountInput>,
) -> Result<Json<Vec<FrameDto>>, ApiError> {
    let unit = unit.into_inner();
    let year = Year::new(year).map_err(|error| ApiError::invalid(error.to_string()))?;
    let amount = amount_field("amount", &input.amount)?;
    let change = Change::SetFrameAmount {
        unit: UnitId(unit),
        year,
        amount,
    };
    Ok(Json(frames_of(
        &*state
            .app
            .change(&state.actor, id, input.revision, &change)
            .await?,
    )))
}
