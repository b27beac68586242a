//! The account rules (which budget line an account counts towards, by the start of its
//! number: "61" → purchased_services) and the cost-centre rules (which unit a cost centre
//! belongs to, with validity dates).

use axum::Json;
use serde::{Deserialize, Serialize};
use styr_domain::calendar::Date;
use styr_domain::followup::{AccountMapping, AccountRule, CostCentreMapping, CostCentreRule};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input;

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
    ApiPath(id): ApiPath<i64>,
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
    ApiPath(id): ApiPath<i64>,
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
                prefix: input::line(&rule.prefix)
                    .map_err(|message| ApiError::field("prefix", message))?,
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
    account_rules(state, ApiPath(id)).await
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
    ApiPath(id): ApiPath<i64>,
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
    input::optional_date(text).map_err(|message| ApiError::field(field, message))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/cost-centre-rules", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = [CostCentreRuleDto],
    responses((status = 200, body = [CostCentreRuleDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_cost_centre_rules(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
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
            object: input::line(&rule.object)
                .map_err(|message| ApiError::field("object", message))?,
            unit: UnitId(rule.unit.clone()),
            valid_from: date_of("valid_from", rule.valid_from.as_deref())?,
            valid_to: date_of("valid_to", rule.valid_to.as_deref())?,
        });
    }
    state
        .app
        .set_cost_centre_mapping(&state.actor, id, &CostCentreMapping { rules })
        .await?;
    cost_centre_rules(state, ApiPath(id)).await
}
