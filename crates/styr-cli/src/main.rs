//! `styr`: budget, planning, risk and follow-up for Swedish municipalities.
//!
//! The binary only reads arguments and files and chooses what to run; every figure comes from
//! the engine crates.

mod commands;
mod input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "styr",
    version,
    about = "Budget, planering, risk och internkontroll för kommuner: räknar fram varje siffra exakt och kontrollerar att texten stämmer.",
    long_about = None,
    after_help = "Exempel:\n  styr check examples/alingsas-ks-2025.toml\n  styr report examples/alingsas-ks-2025.toml --format html --output budget.html"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Kontrollerar en budgetfil: räknar om varje härledd siffra och listar varje ställe där en
    /// angiven siffra inte stämmer, med plats och båda värdena.
    ///
    /// Slutstatus: 0 när inget fel hittas (avrundningsdifferenser och varningar listas men
    /// räknas inte som fel), 1 när det finns fel, 2 när filen inte går att läsa.
    Check {
        /// Budgetfilen (TOML), till exempel examples/alingsas-ks-2025.toml.
        file: PathBuf,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Skriver budgetens rapport: driftbudget, ramberäkning, investeringsplan, riskanalys med
    /// riskmatris, internkontrollplan, mål och register, och kontrollens avvikelser.
    Report {
        /// Budgetfilen (TOML).
        file: PathBuf,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Skriv till en fil i stället för till standard ut.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Läsbar svensk text.
    Text,
    /// JSON för maskiner.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Markdown,
    Html,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { file, format } => commands::check::run(&file, format),
        Command::Report {
            file,
            format,
            output,
        } => commands::report::run(&file, format, output.as_deref()),
    }
}
