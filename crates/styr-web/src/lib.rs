//! styr's web application: server-rendered pages in Swedish and a JSON API under `/api/v1`,
//! over the same application layer. [`router`] is what `styr serve` runs and what the tests
//! call in-process; it holds no configuration of its own.

mod api;
mod assets;
mod audit_log;
pub mod auth;
mod downloads;
mod error;
mod extract;
mod input;
mod interim;
mod opendata;
mod pages;
mod upload;
mod view;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use styr_app::App;

/// What every request handler can reach. Who acts is established per request (see [`auth`]).
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
}

/// The OpenAPI document of the JSON API, as pretty JSON.
pub fn openapi_document() -> String {
    api::openapi_pretty()
}

/// A multipart form's own bytes beyond its file: boundaries, headers and the small fields.
const FORM_SLACK: usize = 64 << 10;

/// The body limit of an upload form's route: its file's limit (see [`upload`]) and the form.
fn form_limit(limit: upload::Limit) -> DefaultBodyLimit {
    DefaultBodyLimit::max(limit.bytes + FORM_SLACK)
}

/// Every page and API route.
pub fn router(app: Arc<App>) -> Router {
    let state = AppState { app };
    Router::new()
        .route(
            "/logga-in",
            get(pages::account::show_login).post(pages::account::login),
        )
        .route("/logga-ut", post(pages::account::logout))
        .route("/konto", get(pages::account::account))
        .route("/konto/losenord", post(pages::account::change_password))
        .route("/konto/nycklar", post(pages::account::create_token))
        .route(
            "/konto/nycklar/{token}/aterkalla",
            post(pages::account::revoke_token),
        )
        .route(
            "/anvandare",
            get(pages::account::users).post(pages::account::save_user),
        )
        .route(
            "/granskning",
            get(pages::review::show)
                .post(pages::review::check)
                .layer(form_limit(upload::DOCUMENT)),
        )
        .route("/kommun/{id}", get(pages::municipal::show))
        .route(
            "/kommun/ny",
            get(pages::municipal::show_new).post(pages::municipal::create),
        )
        .route("/kommun/{id}/ramar", get(pages::municipal::show_frames))
        .route(
            "/kommun/{id}/organisation",
            get(pages::municipal::show_organisation),
        )
        .route(
            "/kommun/{id}/ramar/namnd",
            post(pages::municipal::add_board),
        )
        .route(
            "/kommun/{id}/ramar/beslut",
            post(pages::municipal::save_decision),
        )
        .route("/kommun/{id}/arkiv", post(pages::municipal::archive))
        .route(
            "/kommun/{id}/nasta-ar",
            post(pages::municipal::open_next_year),
        )
        .route(
            "/kommun/{id}/namnd/{board}",
            get(pages::municipal::show_board),
        )
        .route(
            "/kommun/{id}/namnd/{board}/flytt",
            post(pages::municipal::move_to_board),
        )
        .route(
            "/kommun/{id}/namnd/{board}/organisation",
            post(pages::municipal::save_organisation),
        )
        .route(
            "/kommun/{id}/namnd/{board}/ansvar/{ansvar}",
            get(pages::municipal::show_ansvar).post(pages::municipal::save_lines),
        )
        .route(
            "/kommun/{id}/mal-och-budget.pdf",
            get(pages::municipal::pdf),
        )
        .route("/logg", get(pages::audit::show))
        .route("/logg.csv", get(pages::audit::csv))
        .route("/budget/{id}/versioner", get(pages::workflow::show))
        .route(
            "/budget/{id}/versioner/jamfor",
            get(pages::workflow::compare),
        )
        .route(
            "/budget/{id}/versioner/{number}",
            get(pages::workflow::version),
        )
        .route("/budget/{id}/status", post(pages::workflow::step))
        .route("/budget/{id}/oppna-data.zip", get(opendata::download_page))
        .route(
            "/budget/{id}/dokument/{format}",
            get(downloads::document_page),
        )
        .route(
            "/budget/{id}/budgetmall.xlsx",
            get(downloads::template_page),
        )
        .route(
            "/budget/{id}/budgetmall",
            post(pages::document::import_template).layer(form_limit(upload::TEMPLATE)),
        )
        .route("/", get(pages::overview::index))
        .route(
            "/importera",
            post(pages::import::import).layer(form_limit(upload::BUDGET_FILE)),
        )
        .route("/budget/{id}", get(pages::overview::budget))
        .route("/budget/{id}/export", get(pages::import::export))
        .route("/budget/{id}/rapport", get(pages::import::report))
        .route("/budget/{id}/drift", get(pages::operating::show))
        .route("/budget/{id}/drift/{unit}", post(pages::operating::save))
        .route(
            "/budget/{id}/investeringar",
            get(pages::investments::show).post(pages::investments::save),
        )
        .route(
            "/budget/{id}/investeringar/{name}/ta-bort",
            post(pages::investments::remove),
        )
        .route(
            "/budget/{id}/dokument",
            get(pages::document::show).post(pages::document::save),
        )
        .route("/budget/{id}/ram", get(pages::frames::show))
        .route(
            "/budget/{id}/kommunens-ram",
            post(pages::frames::take_council_frame),
        )
        .route("/budget/{id}/ram/{unit}", post(pages::frames::save))
        .route(
            "/budget/{id}/mal",
            get(pages::goals::show_goals).post(pages::goals::save_goal),
        )
        .route(
            "/budget/{id}/inriktningar",
            get(pages::goals::show_directions).post(pages::goals::save_direction),
        )
        .route(
            "/budget/{id}/{page}/{goal}/ta-bort",
            post(pages::goals::remove),
        )
        .route(
            "/budget/{id}/effektivisering",
            get(pages::efficiency::show).post(pages::efficiency::save),
        )
        .route(
            "/budget/{id}/effektivisering/{position}/ta-bort",
            post(pages::efficiency::remove),
        )
        .route(
            "/budget/{id}/risker",
            get(pages::risks::show).post(pages::risks::save),
        )
        .route(
            "/budget/{id}/risker/{risk}/ta-bort",
            post(pages::risks::remove),
        )
        .route(
            "/budget/{id}/internkontroll",
            get(pages::control::show).post(pages::control::save),
        )
        .route(
            "/budget/{id}/internkontroll/{control}/resultat",
            post(pages::control::add_result),
        )
        .route(
            "/budget/{id}/internkontroll/{control}/ta-bort",
            post(pages::control::remove),
        )
        .route("/budget/{id}/organisation", get(pages::organisation::show))
        .route("/budget/{id}/uppfoljning", get(pages::followup::show))
        .route(
            "/budget/{id}/uppfoljning/import",
            post(pages::followup::import).layer(form_limit(upload::OUTCOME_SIE)),
        )
        .route(
            "/budget/{id}/uppfoljning/prognos",
            post(pages::followup::forecast),
        )
        .route(
            "/budget/{id}/uppfoljning/utfall",
            get(pages::followup::drill),
        )
        .route(
            "/budget/{id}/uppfoljning/importprofiler",
            get(pages::followup::profiles).post(pages::followup::save_profile),
        )
        .route(
            "/budget/{id}/uppfoljning/mappning",
            get(pages::followup::mapping).post(pages::followup::save_mapping),
        )
        .route(
            "/budget/{id}/uppfoljning/verifikation/{voucher}",
            get(pages::followup::voucher),
        )
        // Issue 20: any version's document, the graphic profile, the sections' texts.
        .route(
            "/budget/{id}/versioner/{number}/dokument/{format}",
            get(downloads::version_document_page),
        )
        .route(
            "/budget/{id}/profil",
            get(pages::profile::show).post(pages::profile::save),
        )
        .route(
            "/budget/{id}/profil/logotyp",
            post(pages::profile::upload_logo).layer(form_limit(upload::LOGO)),
        )
        .route("/budget/{id}/avsnitt", get(pages::sections::show))
        .route(
            "/budget/{id}/avsnitt/{position}",
            post(pages::sections::save),
        )
        // Issue 17: the follow-up per ansvar, its investments and its reports.
        .route(
            "/budget/{id}/uppfoljning/ansvar/{unit}",
            get(pages::followup::unit::show),
        )
        .route(
            "/budget/{id}/uppfoljning/forklaring",
            post(pages::followup::unit::explain),
        )
        .route(
            "/budget/{id}/uppfoljning/investeringar",
            get(pages::followup::investments::show),
        )
        .route(
            "/budget/{id}/uppfoljning/investeringar/prognos",
            post(pages::followup::investments::forecast),
        )
        .route(
            "/budget/{id}/uppfoljning/investeringar/regler",
            post(pages::followup::investments::save_rules),
        )
        .route(
            "/budget/{id}/uppfoljning/rapport",
            get(pages::followup::documents::show).post(pages::followup::documents::save),
        )
        .route(
            "/budget/{id}/uppfoljning/rapport/{format}",
            get(pages::followup::documents::download),
        )
        // Goals followed up (issue 14).
        .route(
            "/budget/{id}/maluppfyllelse",
            get(pages::goal_followup::show),
        )
        .route(
            "/budget/{id}/maluppfyllelse/jamforelsegrupp",
            post(pages::goal_followup::choose_peers),
        )
        .route(
            "/budget/{id}/maluppfyllelse/bedomning/{goal}",
            post(pages::goal_followup::assess),
        )
        .route(
            "/budget/{id}/maluppfyllelse/nyckeltal/{kpi}",
            get(pages::goal_followup::show_kpi),
        )
        .route(
            "/budget/{id}/maluppfyllelse/nyckeltal/{kpi}/varde",
            post(pages::goal_followup::save_value),
        )
        .route(
            "/budget/{id}/maluppfyllelse/nyckeltal/{kpi}/malvarde",
            post(pages::goal_followup::save_target),
        )
        // The editor (issue 16): a confirmation before every removal, the frame derivation and
        // the index table, and the municipality's register of styrdokument.
        .route(
            "/budget/{id}/investeringar/{name}/ta-bort",
            get(pages::investments::confirm_remove),
        )
        .route(
            "/budget/{id}/risker/{risk}/ta-bort",
            get(pages::risks::confirm_remove),
        )
        .route(
            "/budget/{id}/internkontroll/{control}/ta-bort",
            get(pages::control::confirm_remove),
        )
        .route(
            "/budget/{id}/{page}/{goal}/ta-bort",
            get(pages::goals::confirm_remove),
        )
        .route(
            "/budget/{id}/effektivisering/{position}/ta-bort",
            get(pages::efficiency::confirm_remove),
        )
        .route(
            "/budget/{id}/ram/{unit}/ar/{year}",
            post(pages::frames::save_year),
        )
        .route(
            "/budget/{id}/ram/{unit}/index",
            post(pages::frames::save_index_choice),
        )
        .route("/budget/{id}/index", post(pages::frames::save_vintage))
        .route(
            "/budget/{id}/index/{position}/ta-bort",
            get(pages::frames::confirm_remove_vintage).post(pages::frames::remove_vintage),
        )
        .route(
            "/budget/{id}/avsnitt/{number}/ta-bort",
            get(pages::sections::confirm_remove).post(pages::sections::remove),
        )
        .route(
            "/styrdokument",
            get(pages::governance::show).post(pages::governance::save),
        )
        .route(
            "/styrdokument/{municipality}/{document}/ta-bort",
            get(pages::governance::confirm_remove).post(pages::governance::remove),
        )
        .route("/static/styr.css", get(assets::style))
        .route("/static/styr.js", get(assets::script))
        .route("/healthz", get(|| async { "ok" }))
        .merge(api::router())
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), auth::authenticate))
        .layer(from_fn(auth::security_headers))
        .with_state(state)
}

/// An address that names nothing: the API's JSON error under /api/, the Swedish page elsewhere.
async fn not_found(uri: axum::http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    if uri.path().starts_with("/api/") {
        error::ApiError::not_found().into_response()
    } else {
        error::PageError::not_found().into_response()
    }
}
