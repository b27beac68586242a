//! `styr`: budget, planning, risk and follow-up for Swedish municipalities.
//!
//! The binary only reads arguments and files and chooses what to run; every figure comes from
//! the engine crates. [`arguments`] is the command line, [`commands`] has one module per
//! subcommand, [`database`] opens the database they share, [`input`] reads the files they are
//! given and [`output`] writes what they produce (and ends quietly on a closed pipe).

#![deny(clippy::print_stdout)]

mod arguments;
mod commands;
mod database;
mod input;
mod limits;
mod output;
mod status;

use std::process::ExitCode;

use clap::Parser;

use arguments::{Cli, Command, ExportFormat, KoladaAction, ReportDocument, UserAction};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(status) = limits::configure(cli.limits.as_deref()) {
        return status;
    }
    match cli.command {
        Command::Serve {
            addr,
            database,
            demo,
            trusted_proxy,
        } => commands::serve::run(addr, &database.url(), demo, trusted_proxy),
        Command::Backup { database, output } => commands::backup::backup(&database.url(), &output),
        Command::Restore {
            file,
            database,
            replace,
        } => commands::backup::restore(&file, &database.url(), replace),
        Command::Import {
            file,
            database,
            municipality: true,
            ..
        } => commands::municipal::import(&file, &database.url()),
        Command::Import {
            file,
            database,
            budget,
            profile,
            municipality: false,
        } => {
            let is_budget_file = file
                .extension()
                .is_some_and(|extension| extension == "toml");
            let is_template = file
                .extension()
                .is_some_and(|extension| extension == "xlsx");
            if is_budget_file {
                commands::budget_file::import(&file, &database.url())
            } else if is_template {
                commands::template::import(&file, &database.url(), budget)
            } else {
                commands::followup::import(&file, &database.url(), budget, profile.as_deref())
            }
        }
        Command::Followup {
            file,
            budget_file,
            database,
            budget,
            format,
            layout,
            year,
            through,
            output,
            version,
        } => {
            let options = commands::followup::Options {
                format,
                layout,
                year,
                through,
                output: output.as_deref(),
                version,
            };
            match file {
                Some(file) => {
                    commands::followup::from_file(&file, budget_file.as_deref(), &options)
                }
                None => commands::followup::from_database(&database.url(), budget, &options),
            }
        }
        Command::User { action } => match action {
            UserAction::Add {
                username,
                role,
                scope,
                database,
            } => commands::user::add(&database.url(), &username, &role, scope.as_deref()),
            UserAction::List { database } => commands::user::list(&database.url()),
            UserAction::Role {
                username,
                role,
                scope,
                database,
            } => commands::user::set_role(&database.url(), &username, &role, scope.as_deref()),
            UserAction::Password { username, database } => {
                commands::user::reset_password(&database.url(), &username)
            }
        },
        Command::Export {
            budget,
            database,
            format,
            unit,
            output,
        } => match format {
            ExportFormat::Toml => {
                commands::budget_file::export(budget, &database.url(), output.as_deref())
            }
            ExportFormat::Mall => {
                commands::template::export(budget, &database.url(), &unit, output.as_deref())
            }
        },
        Command::Check {
            file,
            format,
            verbose,
            municipality,
        } => commands::check::run(&file, format, verbose, municipality),
        Command::NextYear {
            municipality,
            database,
            index_vintage,
            pkv,
            output,
        } => commands::next_year::run(&commands::next_year::Options {
            municipality: &municipality,
            database: &database.url(),
            vintage: &index_vintage,
            pkv: pkv.as_deref(),
            output: output.as_deref(),
        }),
        Command::Report {
            file,
            database,
            budget,
            format,
            output,
            document,
            period,
            version,
            municipality,
        } => match (document, municipality) {
            (_, Some(municipality)) => {
                commands::municipal::run(&municipality, &database.url(), format, output.as_deref())
            }
            (ReportDocument::Budget, None) => commands::report::run(
                file.as_deref(),
                &database.url(),
                (budget, version),
                format,
                output.as_deref(),
            ),
            (interim, None) => commands::interim::run(
                &commands::interim::Options {
                    document: interim,
                    file: file.as_deref(),
                    database_url: &database.url(),
                    budget,
                    period: period.as_deref(),
                    version,
                    format,
                },
                output.as_deref(),
            ),
        },
        Command::Goals {
            database,
            budget,
            format,
            period,
        } => commands::goals::run(&database.url(), budget, format, period.as_deref()),
        Command::Kolada { action } => match action {
            KoladaAction::Fetch {
                kpi,
                municipality,
                peers,
                year,
                base_url,
                timeout,
                database,
            } => commands::kolada::fetch(
                &database.url(),
                commands::kolada::FetchArguments {
                    kpis: kpi,
                    municipalities: municipality,
                    peers,
                    years: year,
                    base_url,
                    timeout,
                },
            ),
            KoladaAction::Import { file, database } => {
                commands::kolada::import(&file, &database.url())
            }
        },
        Command::Limits => limits::show(),
    }
}
