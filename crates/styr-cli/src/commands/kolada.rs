//! `styr kolada fetch` and `styr kolada import`: the Kolada cache filled from Kolada's API
//! (styr-kolada, blocking, run beside the runtime) or from a saved answer or CSV download.
//! The permission is asked before anything is fetched or read; nothing is written unless
//! the whole answer reads.
//!
//! ```text
//! styr kolada fetch --kpi N00097,U00405 --municipality 1489 --peers G37411 --year 2023,2024
//! styr kolada import kolada.csv
//! ```

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use styr_app::{Actor, KoladaRefresh, KoladaScope, RefreshCounts};
use styr_domain::calendar::Year;
use styr_import::Limit;
use styr_kolada::{Client, Http, Request};

use crate::database::with_app;
use crate::input::{UNREADABLE, read_file};
use crate::output::print_line;

pub struct FetchArguments {
    pub kpis: Vec<String>,
    pub municipalities: Vec<String>,
    pub peers: Option<String>,
    pub years: Vec<i64>,
    pub base_url: String,
    pub timeout: u64,
}

fn operator() -> Actor {
    Actor::named("kommandorad")
}

fn counts(counts: &RefreshCounts) -> String {
    format!(
        "{} nya, {} ändrade, {} borttagna, {} oförändrade",
        counts.inserted, counts.changed, counts.removed, counts.unchanged
    )
}

pub fn fetch(database_url: &str, arguments: FetchArguments) -> ExitCode {
    let mut years = Vec::new();
    for year in &arguments.years {
        match Year::new(*year) {
            Ok(year) => years.push(year),
            Err(error) => {
                eprintln!("styr: --year: {error}");
                return ExitCode::from(UNREADABLE);
            }
        }
    }
    let request = Request {
        kpis: arguments.kpis,
        municipalities: arguments.municipalities,
        peers: arguments.peers,
        years,
    };
    with_app(database_url, async |app| {
        let actor = operator();
        if let Err(error) = app.may_change_kolada(&actor).await {
            eprintln!("styr: {error}");
            return ExitCode::FAILURE;
        }
        let base = arguments.base_url.clone();
        let timeout = Duration::from_secs(arguments.timeout.max(1));
        let asked = request.clone();
        let limits = crate::limits::limits().clone();
        let fetched = tokio::task::spawn_blocking(move || {
            Client::new(&base, Http::new(timeout).with_limits(limits.clone()))
                .with_limits(limits)
                .fetch(&asked)
        })
        .await;
        let fetched = match fetched {
            Ok(Ok(fetched)) => fetched,
            Ok(Err(error)) => {
                eprintln!("styr: {error}; inget sparades");
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("styr: hämtningen avbröts: {error}");
                return ExitCode::FAILURE;
            }
        };
        let refresh = KoladaRefresh {
            origin: arguments.base_url.clone(),
            pages: i64::try_from(fetched.pages).unwrap_or(i64::MAX),
            scope: Some(KoladaScope {
                kpis: request.kpis.clone(),
                municipalities: fetched.asked.clone(),
                years: request.years.clone(),
            }),
            values: fetched.values,
            kpis: fetched.kpis,
            groups: fetched.groups,
            municipalities: fetched.municipalities,
        };
        let rows = refresh.values.len();
        let written = match app.refresh_kolada(&actor, &refresh).await {
            Ok(written) => written,
            Err(error) => {
                eprintln!("styr: {error}");
                return ExitCode::FAILURE;
            }
        };
        if let Some(group) = &request.peers {
            for municipality in &request.municipalities {
                if let Err(error) = app.choose_peers(&actor, municipality, group).await {
                    eprintln!("styr: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        print_line(&format!(
            "styr: hämtade {rows} värden på {} sidor från {}: {}{}",
            fetched.pages,
            arguments.base_url,
            counts(&written),
            request
                .peers
                .as_ref()
                .map_or(String::new(), |group| format!("; jämförelsegrupp {group}"))
        ))
    })
}

pub fn import(file: &Path, database_url: &str) -> ExitCode {
    with_app(database_url, async |app| {
        let actor = operator();
        // Asked before the file is read.
        if let Err(error) = app.may_change_kolada(&actor).await {
            eprintln!("styr: {error}");
            return ExitCode::FAILURE;
        }
        // Within the configured limits, never read past them.
        let Ok(bytes) = read_file(file, Limit::FileBytes) else {
            return ExitCode::from(UNREADABLE);
        };
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        match app.import_kolada_file(&actor, &name, &bytes).await {
            Ok(written) => print_line(&format!("styr: läste in {name}: {}", counts(&written))),
            Err(styr_app::AppError::Unreadable(issues)) => {
                for issue in &issues {
                    eprintln!("styr: {}: {issue}", file.display());
                }
                eprintln!("styr: inget lästes in");
                ExitCode::from(UNREADABLE)
            }
            Err(error) => {
                eprintln!("styr: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
