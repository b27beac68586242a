//! `styr serve`: the web application on an embedded database, until Ctrl-C.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use styr_app::{Actor, App};

/// The reference budget, built into the binary so `--demo` works wherever the binary is.
const DEMO: &str = include_str!("../../../../examples/alingsas-ks-2025.toml");

/// A made-up outcome for January–August 2025 (bench/generate.py demo), for Uppföljning.
const DEMO_OUTCOME: &[u8] = include_bytes!("../../../../examples/alingsas-ks-2025-utfall.se");

pub fn run(addr: SocketAddr, database_url: &str, demo: bool) -> ExitCode {
    init_logging();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("styr: kan inte starta: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(addr, database_url, demo)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("styr: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(addr: SocketAddr, database_url: &str, demo: bool) -> anyhow::Result<()> {
    let app = App::open(database_url)
        .await
        .with_context(|| format!("kan inte öppna databasen {}", shown(database_url)))?;
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
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("kan inte lyssna på {addr}"))?;
    tracing::info!(address = %addr, database = %shown(database_url), "styr is serving");
    eprintln!("styr: öppna http://{addr}/ i webbläsaren (Ctrl-C avslutar)");
    axum::serve(listener, styr_web::router(Arc::new(app)))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down");
        })
        .await
        .context("servern stannade")?;
    Ok(())
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

/// A database URL without any password in it, for logs and messages.
pub fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_in_a_database_url_is_never_shown() {
        assert_eq!(
            super::shown("postgres://styr:hemligt@db:5432/styr"),
            "postgres://styr:***@db:5432/styr"
        );
        assert_eq!(super::shown("sqlite://styr.db"), "sqlite://styr.db");
    }
}
