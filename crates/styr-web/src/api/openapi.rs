//! The OpenAPI document, generated from the handlers' annotations and the DTOs' derives; a
//! snapshot test keeps changes to it visible in review.

use axum::Json;
use utoipa::OpenApi;

mod answers;
mod examples;

use answers::Answers;
use examples::Examples;

use super::{
    access, budgets, controls, derivation, efficiency, followup, frames, goal_followup, goals,
    investments, kolada, operating, risks,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "styr",
        description = "Budget, planering, risk och internkontroll för kommuner. Belopp ges exakt i öre (ore) och som tkr-text (tkr); belopp in skrivs som text i tkr om de inte anger enhet (\"-47 652\", \"1,5 mnkr\").",
        license(name = "Apache-2.0")
    ),
    paths(
        budgets::list,
        budgets::import,
        budgets::overview,
        budgets::report,
        budgets::export,
        budgets::findings,
        budgets::organisation,
        budgets::document,
        budgets::set_document,
        operating::tables,
        operating::table,
        operating::set_line,
        operating::preview,
        operating::set_explanation,
        frames::frames,
        frames::set_frame_amount,
        investments::investments,
        investments::add_project,
        investments::replace_project,
        investments::remove_project,
        goals::goals,
        goals::put_goal,
        goals::replace_goal,
        goals::remove_goal,
        efficiency::efficiency,
        efficiency::add_efficiency,
        efficiency::replace_efficiency,
        efficiency::remove_efficiency,
        risks::risks,
        risks::put_risk,
        risks::replace_risk,
        risks::remove_risk,
        controls::controls,
        controls::put_control,
        controls::replace_control,
        controls::remove_control,
        controls::add_result,
        followup::report::followup,
        followup::imports::imports,
        followup::imports::import,
        followup::forecast::set_forecast,
        followup::drill::rows,
        followup::drill::voucher,
        followup::rules::account_rules,
        followup::rules::set_account_rules,
        followup::rules::cost_centre_rules,
        followup::rules::set_cost_centre_rules,
        followup::spreading::profiles,
        followup::spreading::set_profiles,
        followup::import_profiles::import_profiles,
        followup::import_profiles::save_import_profile,
        access::me,
        access::audit,
        access::versions,
        access::step,
        access::compare,
        crate::opendata::download,
        crate::downloads::document_api,
        crate::downloads::template,
        crate::downloads::import_template,
        followup::commentary::explanations,
        followup::commentary::explain,
        followup::commentary::forecast_history,
        followup::commentary::course,
        followup::investments::investments,
        followup::investments::set_project_forecast,
        followup::investments::project_rules,
        followup::investments::set_project_rules,
        crate::interim::report_api,
        crate::interim::texts,
        crate::interim::set_texts,
        goal_followup::followup,
        goal_followup::values,
        goal_followup::set_value,
        goal_followup::remove_value,
        goal_followup::import_values,
        goal_followup::set_target,
        goal_followup::assess,
        kolada::cache,
        kolada::values,
        kolada::import,
        kolada::choose_peers,
        kolada::put_group,
        derivation::put_frame_year,
        derivation::set_frame_index,
        derivation::put_index_vintage,
    ),
    components(schemas(crate::downloads::DocumentFormat)),
    modifiers(&Security, &Answers, &Examples)
)]
pub struct ApiDocument;

/// Every path needs a personal API token (`Authorization: Bearer`) or a session cookie with
/// the `X-CSRF-Token` header on writes.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("En personlig API-nyckel från sidan Mitt konto."))
                    .build(),
            ),
        );
        openapi.security = Some(vec![SecurityRequirement::new(
            "api_token",
            Vec::<String>::new(),
        )]);
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDocument::openapi())
}

/// The document as pretty JSON, for the snapshot test and `styr openapi`.
pub fn pretty() -> String {
    ApiDocument::openapi().to_pretty_json().unwrap_or_default()
}
