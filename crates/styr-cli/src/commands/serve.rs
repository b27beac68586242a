//! `styr serve`: the web application on an embedded database, until Ctrl-C.

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use styr_app::{Actor, App};

use crate::database::shown;

/// The reference budget, built into the binary so `--demo` works wherever the binary is.
const DEMO: &str = include_str!("../../../../examples/alingsas-ks-2025.toml");

/// A made-up outcome for January–August 2025 (bench/generate.py demo), for Uppföljning.
const DEMO_OUTCOME: &[u8] = include_bytes!("../../../../examples/alingsas-ks-2025-utfall.se");
/// The made-up municipality beside the reference board: nine boards, their ansvar and frames,
/// Mål och budget for the whole of Exempelby kommun (invented, and marked so everywhere).
const DEMO_MUNICIPALITY: &str = include_str!("../../../../examples/demo/exempelby-kommun.toml");

pub fn run(addr: SocketAddr, database_url: &str, demo: bool, trusted: Vec<IpAddr>) -> ExitCode {
    init_logging();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("styr: kan inte starta: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(addr, database_url, demo, trusted)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("styr: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(
    addr: SocketAddr,
    database_url: &str,
    demo: bool,
    trusted: Vec<IpAddr>,
) -> anyhow::Result<()> {
    let app = App::open(database_url)
        .await
        .with_context(|| format!("kan inte öppna databasen {}", shown(database_url)))?
        .with_limits(crate::limits::limits().clone());
    if demo
        && let Some(id) = app
            .import_if_empty(&Actor::named("demo"), DEMO)
            .await
            .context("kan inte läsa in demobudgeten")?
    {
        tracing::info!(budget = id, "demo budget loaded");
        let record = app
            .import_outcome(
                &Actor::named("demo"),
                id,
                "alingsas-ks-2025-utfall.se",
                DEMO_OUTCOME,
                None,
            )
            .await
            .context("kan inte läsa in demoutfallet")?;
        tracing::info!(budget = id, rows = record.rows, "demo outcome loaded");
        load_goals_demo(&app, id).await?;
    }
    if demo
        && app
            .municipal_years(&Actor::named("demo"))
            .await
            .context("kan inte läsa kommunens budgetår")?
            .is_empty()
    {
        let id = app
            .import_municipality(&Actor::named("demo"), DEMO_MUNICIPALITY)
            .await
            .context("kan inte läsa in demokommunen")?;
        tracing::info!(
            municipal_year = id,
            "demo municipality loaded (Exempelby kommun, invented)"
        );
    }
    if demo && !app.has_users().await.context("kan inte läsa användarna")? {
        create_demo_users(&app).await?;
    } else if !app.has_users().await.context("kan inte läsa användarna")? {
        eprintln!(
            "styr: det finns inga användare än; skapa den första med: styr user add NAMN --role admin{}",
            if database_url.starts_with("sqlite://styr.db") {
                ""
            } else {
                " --database …"
            }
        );
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("kan inte lyssna på {addr}"))?;
    tracing::info!(address = %addr, database = %shown(database_url), "styr is serving");
    eprintln!("styr: öppna http://{addr}/ i webbläsaren (Ctrl-C avslutar)");
    if !trusted.is_empty() {
        tracing::info!(proxies = ?trusted, "X-Forwarded-For is believed from these proxies only");
    }
    let app = Arc::new(app);
    // With each connection's peer address, which the login throttle counts by (or, from a
    // trusted proxy, the address it forwards).
    let router = styr_web::router(Arc::clone(&app))
        .layer(axum::Extension(styr_web::auth::TrustedProxies(trusted)));
    let served = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down");
    })
    .await;
    // The refusals counted but not yet written (see styr_app's authorization/refusals.rs).
    app.record_refusal_counts().await;
    served.context("servern stannade")?;
    Ok(())
}

/// The demo's goals followed up: made-up KPI targets, pulse survey results and a small Kolada
/// cache with a peer group for 1489 (examples/demo/, all of it example data).
async fn load_goals_demo(app: &App, id: i64) -> anyhow::Result<()> {
    let kolada: [(&str, &[u8]); 3] = [
        (
            "exempeldata/kolada-nyckeltal.json",
            include_bytes!("../../../../examples/demo/kolada-nyckeltal.json"),
        ),
        (
            "exempeldata/kolada-grupp.json",
            include_bytes!("../../../../examples/demo/kolada-grupp.json"),
        ),
        (
            "exempeldata/kolada-varden.json",
            include_bytes!("../../../../examples/demo/kolada-varden.json"),
        ),
    ];
    let demo = styr_app::GoalsDemo {
        goals: include_str!("../../../../examples/demo/mal.toml"),
        values: include_bytes!("../../../../examples/demo/matvarden.csv"),
        kolada: &kolada,
        peer_group: "G1489EX",
    };
    app.load_goals_demo(&Actor::named("demo"), id, &demo)
        .await
        .context("kan inte läsa in demons mål och Kolada-exempel")?;
    tracing::info!(budget = id, "demo goals and Kolada example data loaded");
    Ok(())
}

/// The demo's people, one per role: (username, role, unit for a budgetansvarig).
const DEMO_USERS: [(&str, &str, Option<&str>); 9] = [
    ("admin", "admin", None),
    ("controller", "controller", None),
    // The demo municipality's board controller and a budgetansvarig of one of its ansvar.
    ("bun-controller", "namndcontroller", Some("bun")),
    ("forskola-1", "budgetansvarig", Some("bun-101")),
    ("ks-chef", "budgetansvarig", Some("ks")),
    (
        "exploatering",
        "budgetansvarig",
        Some("exploateringsenheten"),
    ),
    ("internkontroll", "internkontroll", None),
    ("lasare", "lasare", None),
    ("revisor", "revisor", None),
];

/// Makes the demo users with fresh random passwords and prints them once, on the terminal
/// only: the passwords are never written to the log.
async fn create_demo_users(app: &App) -> anyhow::Result<()> {
    let operator = Actor::named("demo");
    let mut lines = Vec::new();
    for (username, role, scope) in DEMO_USERS {
        let role = super::user::role(role, scope).map_err(anyhow::Error::msg)?;
        let password = styr_app::accounts::readable_password();
        app.add_user(&operator, username, &password, &role)
            .await
            .with_context(|| format!("kan inte skapa demoanvändaren {username}"))?;
        let label = match role.scope() {
            Some(scope) => format!("{} för {scope}", role.kind().label()),
            None => role.kind().label().to_string(),
        };
        lines.push(format!("  {username:<15} {password}  ({label})"));
    }
    tracing::info!(users = DEMO_USERS.len(), "demo users created");
    crate::output::to_stdout(
        format!(
            "Demoanvändare (lösenorden visas bara nu):\n{}\n",
            lines.join("\n")
        )
        .as_bytes(),
    )
    .context("kan inte skriva demoanvändarna")
}

/// Structured logs on standard error; RUST_LOG chooses the level (info by default).
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr)
        .try_init();
}
