//! From a figure to its vouchers: the rows booked on a group's row in a month, and one
//! voucher whole.

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_app::{BookedRow, Figure};
use styr_domain::operating::OperatingRow;
use utoipa::{IntoParams, ToSchema};

use crate::api::dto::AmountDto;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};
use crate::input;

#[derive(Debug, Serialize, ToSchema)]
pub struct BookedRowDto {
    pub voucher_id: i64,
    pub series: String,
    pub number: String,
    pub date: String,
    pub voucher_text: String,
    pub account: u32,
    pub cost_centre: Option<String>,
    /// The project object (SIE dimension 6), when the row has one.
    pub project: Option<String>,
    /// Signed as the books sign it: debit positive.
    pub amount: AmountDto,
    /// Signed as the follow-up signs it: revenue positive, costs negative — what a figure's
    /// rows add up to.
    pub followup_amount: AmountDto,
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
            project: row.project,
            amount: row.amount.into(),
            // The books' range is symmetric but for its one lowest value, which no real
            // booking reaches; it is shown as the highest.
            followup_amount: row
                .amount
                .checked_neg()
                .unwrap_or(styr_domain::money::Amount::MAX)
                .into(),
            text: row.text,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
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
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<DrillQuery>,
) -> Result<Json<Vec<BookedRowDto>>, ApiError> {
    let row = OperatingRow::from_key(&query.row)
        .ok_or_else(|| ApiError::invalid(format!("raden ”{}” finns inte", query.row)))?;
    let month = input::month(&query.month).map_err(|message| ApiError::field("month", message))?;
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
    ApiPath((id, voucher)): ApiPath<(i64, i64)>,
) -> Result<Json<Vec<BookedRowDto>>, ApiError> {
    let rows = state.app.voucher(id, voucher).await?;
    Ok(Json(rows.into_iter().map(BookedRowDto::from).collect()))
}
