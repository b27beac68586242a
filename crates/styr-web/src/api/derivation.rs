//! The frame derivation and the index table through the API: a frame year defined anew
//! (decided, with or without the document's trail, or derived from a base by upratings and
//! adjustments), the index vintage a frame is uprated by, and the vintages themselves.
//!
//! ```text
//! PUT /api/v1/budgets/1/frames/ks/2026/derivation
//!     { "mode": "derived", "base": { "frame": 2025 },
//!       "steps": [ { "kind": "uprating", "index_year": 2025 },
//!                  { "kind": "adjustment", "name": "Satsning", "amount": "2,0 mnkr", "permanent": false } ] }
//! ```

use axum::Json;
use serde::Deserialize;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::frame::{IndexChoice, IndexVintage};
use styr_domain::organisation::UnitId;
use styr_domain::parse::parse_percent;
use utoipa::ToSchema;

use super::frames::{FrameDto, frames_of};
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::{Key, records};

/// Where a derivation starts: another year's grundbudget in the frame (`frame`), or a
/// grundbudget stated for `year` (`amount`, "113,3 mnkr").
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct BaseInput {
    pub frame: Option<i64>,
    pub year: Option<i64>,
    pub amount: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct StepBody {
    /// uprating | adjustment
    pub kind: String,
    /// For an uprating: the index year whose value it applies.
    pub index_year: Option<i64>,
    /// For an uprating: the share of the index, in percent ("100" when left out).
    pub share: Option<String>,
    /// For an adjustment: its name ("Omställningsfond").
    pub name: Option<String>,
    /// For an adjustment: its amount as the document states it ("5,0 mnkr").
    pub amount: Option<String>,
    /// For an adjustment: whether it stays in later years' grundbudget (true when left out).
    pub permanent: Option<bool>,
    /// The running figure after the step as the document states it; checked, never used.
    pub result: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FrameYearBody {
    /// entered (decided) | derived
    pub mode: String,
    /// The decided kommunbidrag, for an entered year.
    pub amount: Option<String>,
    /// Where the derivation (or an entered year's trail) starts; none for a decided year
    /// without a trail.
    pub base: Option<BaseInput>,
    #[serde(default)]
    pub steps: Vec<StepBody>,
    pub revision: Option<i64>,
}

/// Defines a frame year anew; refused when a year would derive from itself, an uprating
/// needs an index year the vintage lacks, or the year is the comparison year.
#[utoipa::path(put, path = "/api/v1/budgets/{id}/frames/{unit}/{year}/derivation", tag = "ramar",
    params(("id" = i64, Path), ("unit" = String, Path), ("year" = i64, Path)), request_body = FrameYearBody,
    responses((status = 200, body = [FrameDto]), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn put_frame_year(
    state: Acting,
    ApiPath((id, unit, year)): ApiPath<(i64, Key, i64)>,
    ApiJson(body): ApiJson<FrameYearBody>,
) -> Result<Json<Vec<FrameDto>>, ApiError> {
    let unit = unit.into_inner();
    let year = Year::new(year).map_err(|error| ApiError::invalid(error.to_string()))?;
    let base = body.base.unwrap_or_default();
    let (base_kind, base_year) = match (base.frame, base.year) {
        (Some(frame), _) => ("frame", frame.to_string()),
        (None, Some(year)) => ("amount", year.to_string()),
        (None, None) if base.amount.is_some() => ("amount", String::new()),
        (None, None) => ("", String::new()),
    };
    let texts: Vec<[String; 6]> = body
        .steps
        .iter()
        .map(|step| {
            [
                step.index_year
                    .map(|year| year.to_string())
                    .unwrap_or_default(),
                step.share.clone().unwrap_or_default(),
                step.name.clone().unwrap_or_default(),
                step.amount.clone().unwrap_or_default(),
                step.result.clone().unwrap_or_default(),
                step.text.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let steps = body
        .steps
        .iter()
        .zip(&texts)
        .map(
            |(step, [index_year, share, name, amount, result, text])| records::StepInput {
                kind: if step.kind.is_empty() {
                    "?"
                } else {
                    &step.kind
                },
                index_year,
                share,
                name,
                amount,
                permanent: step.permanent.unwrap_or(true),
                result,
                text,
            },
        )
        .collect();
    let frame_year = records::frame_year(&records::FrameYearInput {
        mode: &body.mode,
        amount: body.amount.as_deref().unwrap_or(""),
        base: base_kind,
        base_year: &base_year,
        base_amount: base.amount.as_deref().unwrap_or(""),
        steps,
    })
    .map_err(ApiError::fields)?;
    let change = Change::PutFrameYear {
        unit: UnitId(unit),
        year,
        frame_year,
    };
    Ok(Json(frames_of(
        &*state
            .app
            .change(&state.actor, id, body.revision, &change)
            .await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct IndexChoiceBody {
    /// The index's name, "PKV".
    pub name: String,
    /// Which vintage of it: one in the budget's index table.
    pub vintage: String,
    pub revision: Option<i64>,
}

/// Chooses the index vintage a frame is uprated by.
#[utoipa::path(put, path = "/api/v1/budgets/{id}/frame-index/{unit}", tag = "ramar",
    params(("id" = i64, Path), ("unit" = String, Path)), request_body = IndexChoiceBody,
    responses((status = 200, body = [FrameDto]), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_frame_index(
    state: Acting,
    ApiPath((id, unit)): ApiPath<(i64, Key)>,
    ApiJson(body): ApiJson<IndexChoiceBody>,
) -> Result<Json<Vec<FrameDto>>, ApiError> {
    let change = Change::SetFrameIndex {
        unit: UnitId(unit.into_inner()),
        index: IndexChoice {
            name: body.name,
            vintage: body.vintage,
        },
    };
    Ok(Json(frames_of(
        &*state
            .app
            .change(&state.actor, id, body.revision, &change)
            .await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct IndexValueBody {
    pub year: i64,
    /// Percent with a decimal comma or point: "2,5".
    pub percent: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct IndexVintageBody {
    pub name: String,
    pub vintage: String,
    pub values: Vec<IndexValueBody>,
    /// The vintage this one replaces (its frames follow it); none to add one.
    pub replacing: Option<IndexChoiceBody>,
    pub revision: Option<i64>,
}

/// Adds an index vintage, or replaces one (frames that used it follow it).
#[utoipa::path(put, path = "/api/v1/budgets/{id}/index-vintages", tag = "ramar",
    params(("id" = i64, Path)), request_body = IndexVintageBody,
    responses((status = 200, body = [FrameDto]), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn put_index_vintage(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<IndexVintageBody>,
) -> Result<Json<Vec<FrameDto>>, ApiError> {
    let mut values = std::collections::BTreeMap::new();
    for value in &body.values {
        let year = Year::new(value.year).map_err(|error| ApiError::invalid(error.to_string()))?;
        let percent = parse_percent(&value.percent)
            .map_err(|message| ApiError::field(&format!("values:{}", value.year), message))?;
        values.insert(year, percent);
    }
    let change = Change::PutIndexVintage {
        replacing: body.replacing.map(|replaced| IndexChoice {
            name: replaced.name,
            vintage: replaced.vintage,
        }),
        vintage: IndexVintage {
            name: crate::input::line(&body.name)
                .map_err(|message| ApiError::field("name", message))?,
            vintage: crate::input::line(&body.vintage)
                .map_err(|message| ApiError::field("vintage", message))?,
            values,
        },
    };
    Ok(Json(frames_of(
        &*state
            .app
            .change(&state.actor, id, body.revision, &change)
            .await?,
    )))
}
