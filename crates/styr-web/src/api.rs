//! The JSON API under `/api/v1`: the same reads and writes as the pages, with its OpenAPI
//! document (generated from these handlers and types) at `/api/openapi.json`.
//!
//! Amounts are exact: every amount is given in öre (`ore`) and as the tkr text a table shows
//! (`tkr`). Amounts sent in are text read the way the budget file reads them: "-47 652" is tkr,
//! "1,5 mnkr" and "250 kr" name their unit.

mod access;
mod budgets;
mod controls;
mod derivation;
pub mod dto;
mod efficiency;
mod followup;
mod frames;
mod goal_followup;
mod goals;
mod investments;
mod kolada;
mod openapi;
mod operating;
mod risks;

use axum::Router;
use axum::routing::{get, post, put};
use styr_domain::money::Amount;

use crate::AppState;
use crate::error::ApiError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/v1/me", get(access::me))
        .route("/api/v1/audit", get(access::audit))
        .route("/api/v1/budgets/{id}/versions", get(access::versions))
        .route(
            "/api/v1/budgets/{id}/versions/compare",
            get(access::compare),
        )
        .route("/api/v1/budgets/{id}/workflow", post(access::step))
        .route(
            "/api/v1/budgets/{id}/opendata",
            get(crate::opendata::download),
        )
        .route(
            "/api/v1/budgets/{id}/download",
            get(crate::downloads::document_api),
        )
        .route(
            "/api/v1/budgets/{id}/template",
            get(crate::downloads::template).post(crate::downloads::import_template),
        )
        .route("/api/v1/budgets", get(budgets::list).post(budgets::import))
        .route("/api/v1/budgets/{id}", get(budgets::overview))
        .route("/api/v1/budgets/{id}/report", get(budgets::report))
        .route("/api/v1/budgets/{id}/export", get(budgets::export))
        .route("/api/v1/budgets/{id}/findings", get(budgets::findings))
        .route(
            "/api/v1/budgets/{id}/organisation",
            get(budgets::organisation),
        )
        .route(
            "/api/v1/budgets/{id}/document",
            get(budgets::document).put(budgets::set_document),
        )
        .route("/api/v1/budgets/{id}/operating", get(operating::tables))
        .route(
            "/api/v1/budgets/{id}/operating/{unit}",
            get(operating::table),
        )
        .route(
            "/api/v1/budgets/{id}/operating/{unit}/preview",
            post(operating::preview),
        )
        .route(
            "/api/v1/budgets/{id}/operating/{unit}/lines/{line}/{year}",
            put(operating::set_line),
        )
        .route(
            "/api/v1/budgets/{id}/operating/{unit}/explanations/{line}",
            put(operating::set_explanation),
        )
        .route("/api/v1/budgets/{id}/frames", get(frames::frames))
        .route(
            "/api/v1/budgets/{id}/frames/{unit}/{year}",
            put(frames::set_frame_amount),
        )
        .route(
            "/api/v1/budgets/{id}/investments",
            get(investments::investments).post(investments::add_project),
        )
        .route(
            "/api/v1/budgets/{id}/investments/{name}",
            put(investments::replace_project).delete(investments::remove_project),
        )
        .route(
            "/api/v1/budgets/{id}/goals",
            get(goals::goals).post(goals::put_goal),
        )
        .route(
            "/api/v1/budgets/{id}/goals/{goal}",
            put(goals::replace_goal).delete(goals::remove_goal),
        )
        .route(
            "/api/v1/budgets/{id}/efficiency",
            get(efficiency::efficiency).post(efficiency::add_efficiency),
        )
        .route(
            "/api/v1/budgets/{id}/efficiency/{position}",
            put(efficiency::replace_efficiency).delete(efficiency::remove_efficiency),
        )
        .route(
            "/api/v1/budgets/{id}/risks",
            get(risks::risks).post(risks::put_risk),
        )
        .route(
            "/api/v1/budgets/{id}/risks/{risk}",
            put(risks::replace_risk).delete(risks::remove_risk),
        )
        .route(
            "/api/v1/budgets/{id}/controls",
            get(controls::controls).post(controls::put_control),
        )
        .route(
            "/api/v1/budgets/{id}/controls/{control}",
            put(controls::replace_control).delete(controls::remove_control),
        )
        .route(
            "/api/v1/budgets/{id}/controls/{control}/results",
            post(controls::add_result),
        )
        .route(
            "/api/v1/budgets/{id}/followup",
            get(followup::report::followup),
        )
        .route(
            "/api/v1/import-profiles",
            get(followup::import_profiles::import_profiles),
        )
        .route(
            "/api/v1/import-profiles/{name}",
            put(followup::import_profiles::save_import_profile),
        )
        .route(
            "/api/v1/budgets/{id}/followup/imports",
            get(followup::imports::imports).post(followup::imports::import),
        )
        .route(
            "/api/v1/budgets/{id}/followup/forecasts/{unit}/{row}",
            put(followup::forecast::set_forecast),
        )
        .route(
            "/api/v1/budgets/{id}/followup/rows",
            get(followup::drill::rows),
        )
        .route(
            "/api/v1/budgets/{id}/followup/vouchers/{voucher}",
            get(followup::drill::voucher),
        )
        .route(
            "/api/v1/budgets/{id}/followup/account-rules",
            get(followup::rules::account_rules).put(followup::rules::set_account_rules),
        )
        .route(
            "/api/v1/budgets/{id}/followup/profiles",
            get(followup::spreading::profiles).put(followup::spreading::set_profiles),
        )
        .route(
            "/api/v1/budgets/{id}/followup/cost-centre-rules",
            get(followup::rules::cost_centre_rules).put(followup::rules::set_cost_centre_rules),
        )
        .route(
            "/api/v1/budgets/{id}/followup/explanations",
            get(followup::commentary::explanations),
        )
        .route(
            "/api/v1/budgets/{id}/followup/explanations/{unit}/{row}",
            put(followup::commentary::explain),
        )
        .route(
            "/api/v1/budgets/{id}/followup/forecasts",
            get(followup::commentary::forecast_history),
        )
        .route(
            "/api/v1/budgets/{id}/followup/course",
            get(followup::commentary::course),
        )
        .route(
            "/api/v1/budgets/{id}/followup/investments",
            get(followup::investments::investments),
        )
        .route(
            "/api/v1/budgets/{id}/followup/investments/forecasts",
            post(followup::investments::set_project_forecast),
        )
        .route(
            "/api/v1/budgets/{id}/followup/project-rules",
            get(followup::investments::project_rules).put(followup::investments::set_project_rules),
        )
        .route(
            "/api/v1/budgets/{id}/followup/reports/{document}",
            get(crate::interim::report_api),
        )
        .route(
            "/api/v1/budgets/{id}/followup/reports/{document}/texts",
            get(crate::interim::texts).put(crate::interim::set_texts),
        )
        // Goals followed up and the Kolada cache (issue 14).
        .route(
            "/api/v1/budgets/{id}/goal-followup",
            get(goal_followup::followup),
        )
        .route(
            "/api/v1/budgets/{id}/kpis/{kpi}/values",
            get(goal_followup::values),
        )
        .route(
            "/api/v1/budgets/{id}/kpis/{kpi}/values/{period}",
            put(goal_followup::set_value).delete(goal_followup::remove_value),
        )
        .route(
            "/api/v1/budgets/{id}/kpi-values",
            post(goal_followup::import_values),
        )
        .route(
            "/api/v1/budgets/{id}/goals/{goal}/kpis/{kpi}/targets/{year}",
            put(goal_followup::set_target),
        )
        .route(
            "/api/v1/budgets/{id}/goals/{goal}/assessments/{period}",
            put(goal_followup::assess),
        )
        .route("/api/v1/kolada", get(kolada::cache))
        .route("/api/v1/kolada/kpis/{kpi}/values", get(kolada::values))
        .route("/api/v1/kolada/imports", post(kolada::import))
        .route(
            "/api/v1/kolada/peers/{municipality}",
            put(kolada::choose_peers),
        )
        .route("/api/v1/kolada/groups/{group}", put(kolada::put_group))
        // The editor (issue 16): the frame derivation and the index table, the register of
        // styrdokument.
        .route(
            "/api/v1/budgets/{id}/frames/{unit}/{year}/derivation",
            put(derivation::put_frame_year),
        )
        .route(
            "/api/v1/budgets/{id}/frame-index/{unit}",
            put(derivation::set_frame_index),
        )
        .route(
            "/api/v1/budgets/{id}/index-vintages",
            put(derivation::put_index_vintage),
        )
}

pub fn openapi_pretty() -> String {
    openapi::pretty()
}

/// Reads `text` as an amount, or answers 422 naming the field.
pub fn amount_field(field: &str, text: &str) -> Result<Amount, ApiError> {
    crate::input::amount(text).map_err(|message| ApiError::field(field, message))
}
