//! `styr`: budget, planning, risk and follow-up for Swedish municipalities.
//!
//! The binary only reads arguments and files and chooses what to run; every figure comes from
//! the engine crates.

mod commands;
mod database;
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
    after_help = "Exempel:\n  styr serve --demo\n  styr check examples/alingsas-ks-2025.toml\n  styr report examples/alingsas-ks-2025.toml --format html --output budget.html\n  styr import examples/alingsas-ks-2025.toml --database budget.db"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Startar webbapplikationen: alla budgetens delar att läsa och ändra, och ett JSON-API.
    ///
    /// Data sparas i en SQLite-fil (WAL) som skapas vid första start, eller i PostgreSQL
    /// (postgres://…). Stängs av med Ctrl-C.
    Serve {
        /// Adress att lyssna på.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        #[command(flatten)]
        database: database::DatabaseArgument,
        /// Läs in referensbudgeten (Kommunstyrelsen i Alingsås 2025–2027) om databasen är tom.
        #[arg(long)]
        demo: bool,
    },
    /// Läser in en budgetfil i databasen som en ny budget; allt eller inget.
    Import {
        /// Budgetfilen (TOML).
        file: PathBuf,
        #[command(flatten)]
        database: database::DatabaseArgument,
    },
    /// Skriver en budget ur databasen som budgetfil (TOML), så att den kan läsas in igen.
    Export {
        /// Budgetens nummer; utan det den enda budgeten i databasen.
        #[arg(long)]
        budget: Option<i64>,
        #[command(flatten)]
        database: database::DatabaseArgument,
        /// Skriv till en fil i stället för till standard ut.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Kontrollerar en budgetfil eller ett budgetdokument och listar varje ställe där en angiven
    /// siffra inte stämmer, med plats och båda värdena.
    ///
    /// En budgetfil (.toml) räknas om från raderna. Ett budgetdokument som text eller Markdown
    /// (.txt, .md: rubriker, tabeller med tabbar eller |, <b> för fetstil) eller som Word-dokument
    /// (.docx) granskas: tabellernas summor, riskvärden, siffror i texten mot tabellerna, år och
    /// namn som stavas olika.
    ///
    /// Slutstatus: 0 när inget fel hittas (avrundningsdifferenser och varningar listas men
    /// räknas inte som fel), 1 när det finns fel, 2 när filen inte går att läsa.
    Check {
        /// Budgetfilen eller dokumentet, till exempel examples/alingsas-ks-2025.toml.
        file: PathBuf,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Lista också det som granskningen såg men inte kunde knyta till en tabell (ej kontrollerat).
        #[arg(long)]
        verbose: bool,
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
        Command::Serve {
            addr,
            database,
            demo,
        } => commands::serve::run(addr, &database.url(), demo),
        Command::Import { file, database } => commands::database::import(&file, &database.url()),
        Command::Export {
            budget,
            database,
            output,
        } => commands::database::export(budget, &database.url(), output.as_deref()),
        Command::Check {
            file,
            format,
            verbose,
        } => commands::check::run(&file, format, verbose),
        Command::Report {
            file,
            format,
            output,
        } => commands::report::run(&file, format, output.as_deref()),
    }
}
