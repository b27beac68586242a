//! The command line, as clap reads it: every subcommand with its arguments and its help in
//! Swedish (`styr help report`). The formats and layouts a subcommand offers are in
//! [`formats`]. Only reading: what each subcommand does is in `commands`.

mod formats;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use formats::{
    CheckFormat, ExportFormat, FollowupFormat, FollowupLayout, GoalsFormat, ReportDocument,
    ReportFormat,
};

use crate::database::DatabaseArgument;

#[derive(Parser)]
#[command(
    name = "styr",
    version,
    about = "Budget, planering, risk och internkontroll för kommuner: räknar fram varje siffra exakt och kontrollerar att texten stämmer.",
    long_about = None,
    after_help = "Exempel:\n  styr serve --demo\n  styr user add anna --role admin\n  styr check examples/alingsas-ks-2025.toml\n  styr report examples/alingsas-ks-2025.toml --format html --output budget.html\n  styr import examples/alingsas-ks-2025.toml --database budget.db\n  styr backup --database budget.db --output kopia.db\n  styr followup bokforing.se --layout delar\n  styr kolada fetch --kpi N00097 --municipality 1489 --peers G37411 --year 2023,2024\n  styr goals --format json"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Gränser för hur stora filer styr läser: en TOML-fil med en [limits]-tabell (styr
    /// limits skriver den som gäller). Utan den gäller förvalen.
    #[arg(long, global = true, env = "STYR_LIMITS", value_name = "FIL")]
    pub limits: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Startar webbapplikationen: alla budgetens delar att läsa och ändra, och ett JSON-API.
    ///
    /// Data sparas i en SQLite-fil (WAL) som skapas vid första start, eller i PostgreSQL
    /// (postgres://…). Stängs av med Ctrl-C.
    Serve {
        /// Adress att lyssna på.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        #[command(flatten)]
        database: DatabaseArgument,
        /// Läs in referensbudgeten (Kommunstyrelsen i Alingsås 2025–2027) om databasen är tom.
        #[arg(long)]
        demo: bool,
        /// En omvänd proxy framför styr vars X-Forwarded-For anger klientens adress för
        /// inloggningsspärren; får anges flera gånger. Utan den gäller anslutningens adress och
        /// huvudet litas aldrig på.
        #[arg(
            long = "trusted-proxy",
            env = "STYR_TRUSTED_PROXY",
            value_delimiter = ','
        )]
        trusted_proxy: Vec<std::net::IpAddr>,
    },
    /// Tar en säkerhetskopia av hela databasen medan den används: en SQLite-databas med
    /// VACUUM INTO (en fil som själv är en databas), PostgreSQL med pg_dump.
    ///
    /// Skriver aldrig över en fil. Säkerhetskopian skrivs i databasens logg.
    Backup {
        #[command(flatten)]
        database: DatabaseArgument,
        /// Filen att skriva säkerhetskopian till.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Återställer en säkerhetskopia från styr backup i en databas av samma slag.
    ///
    /// Vägrar skriva över en databas som innehåller något (en budget, en användare, en rad i
    /// loggen) utan --replace. Stoppa styr serve mot databasen först.
    Restore {
        /// Säkerhetskopian.
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseArgument,
        /// Ersätt allt i databasen med säkerhetskopian.
        #[arg(long)]
        replace: bool,
    },
    /// Läser in en budgetfil (.toml) som en ny budget, eller utfall ur ekonomisystemet (SIE 4,
    /// eller CSV med --profile) till en budget; allt eller inget.
    ///
    /// Ett utfall ersätter det som redan finns för samma månader, så samma fil två gånger ger
    /// samma siffror.
    Import {
        /// Budgetfilen (TOML), SIE-filen eller CSV-filen; med --municipality en kommunfil.
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseArgument,
        /// Filen är en kommunfil (docs/municipality-file.md): den läses in som ett budgetår för
        /// hela kommunen, om den går att läsa och räkna fram, annars ingenting.
        #[arg(long)]
        municipality: bool,
        /// Budgeten som utfallet hör till; utan det den enda budgeten i databasen.
        #[arg(long)]
        budget: Option<i64>,
        /// Importprofil för CSV: en sparad profils namn eller en profilfil (TOML).
        #[arg(long)]
        profile: Option<String>,
    },
    /// Följer upp budgeten mot utfallet: budget, utfall, avvikelse, ackumulerat och prognos per
    /// enhet, budgetrad och månad.
    ///
    /// Med en SIE-fil läses filen direkt, utan databas: budgeten är filens periodbudget
    /// (#PBUDGET), eller budgetfilens rader med --budget-file. Utan fil används databasen.
    Followup {
        /// SIE-filen att följa upp direkt.
        file: Option<PathBuf>,
        /// Budgetfilen (TOML) vars driftbudget är budgeten, när en SIE-fil läses direkt.
        #[arg(long)]
        budget_file: Option<PathBuf>,
        #[command(flatten)]
        database: DatabaseArgument,
        /// Budgetens nummer i databasen; utan det den enda.
        #[arg(long)]
        budget: Option<i64>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = FollowupFormat::Markdown)]
        format: FollowupFormat,
        /// Månadsuppföljning, delårsrapport (januari–augusti) eller årsbokslut.
        #[arg(long, value_enum, default_value_t = FollowupLayout::Manad)]
        layout: FollowupLayout,
        /// Året; utan det budgetåret eller filens räkenskapsår.
        #[arg(long)]
        year: Option<i64>,
        /// Sista månaden (1–12) i perioden hittills; utan det den sista bokförda.
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=12))]
        through: Option<u8>,
        /// Skriv till en fil i stället för till standard ut.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Budgetversionen att jämföra med; utan det den senast fastställda (eller den enda).
        #[arg(long)]
        version: Option<i64>,
    },
    /// Användare och roller: skapa den första administratören, lista, ändra roll, byt lösenord.
    ///
    /// Lösenordet läses från en fråga som inte visar det, eller från första raden på standard in
    /// när den inte är en terminal – aldrig från argumenten.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Skriver en budget ur databasen som budgetfil (TOML), så att den kan läsas in igen, eller
    /// som budgetmall (Excel) för enheterna att fylla i och läsa in med styr import.
    Export {
        /// Budgetens nummer; utan det den enda budgeten i databasen.
        #[arg(long)]
        budget: Option<i64>,
        #[command(flatten)]
        database: DatabaseArgument,
        /// Budgetfil (toml) eller budgetmall (mall, .xlsx).
        #[arg(long, value_enum, default_value_t = ExportFormat::Toml)]
        format: ExportFormat,
        /// Mallen för bara den här enheten (id, till exempel ks); får anges flera gånger.
        #[arg(long)]
        unit: Vec<String>,
        /// Skriv till en fil i stället för till standard ut.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Kontrollerar en budgetfil eller ett budgetdokument och listar varje ställe där en angiven
    /// siffra inte stämmer, med plats och båda värdena.
    ///
    /// En budgetfil (.toml) räknas om från raderna. Ett budgetdokument som text eller Markdown
    /// (.txt, .md: rubriker, tabeller med tabbar eller |, <b> för fetstil), som Word-dokument
    /// (.docx) eller som publicerad PDF (.pdf; varje avvikelse med sida och rad) granskas:
    /// tabellernas summor, riskvärden, siffror i texten mot tabellerna, år och namn som stavas
    /// olika.
    ///
    /// Slutstatus: 0 när inget fel hittas (avrundningsdifferenser och varningar listas men
    /// räknas inte som fel), 1 när det finns fel, 2 när filen inte går att läsa, 3 när ett
    /// dokument inte hade något som gick att kontrollera.
    Check {
        /// Budgetfilen eller dokumentet, till exempel examples/alingsas-ks-2025.toml.
        file: PathBuf,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Lista också det som granskningen såg men inte kunde knyta till en tabell (ej kontrollerat).
        #[arg(long)]
        verbose: bool,
        /// Filen är en kommunfil (docs/municipality-file.md): varje nämnd prövas mot sin ram och
        /// balanskravet mot resultatbudgeten.
        #[arg(long)]
        municipality: bool,
    },
    /// Skriver budgetens rapport: driftbudget, ramberäkning, investeringsplan, riskanalys med
    /// riskmatris, internkontrollplan, mål och register, och kontrollens avvikelser; eller, med
    /// --document delarsrapport|arsredovisning, delårsrapporten eller verksamhetsberättelsen.
    ///
    /// Dokumentet skrivs ur en budgetfil, eller ur databasen (--database, --budget) när ingen
    /// fil anges. Delårsrapporten och verksamhetsberättelsen skrivs ur databasen, med utfallet:
    /// styr report --database styr.db --document delarsrapport --period 2025-08 --format pdf
    Report {
        /// Budgetfilen (TOML); utan den budgeten i databasen.
        file: Option<PathBuf>,
        #[command(flatten)]
        database: DatabaseArgument,
        /// Budgetens nummer i databasen; utan det den enda.
        #[arg(long)]
        budget: Option<i64>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Skriv till en fil i stället för till standard ut.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Dokumentet: budgetdokumentet, delårsrapporten eller verksamhetsberättelsen.
        #[arg(long, value_enum, default_value_t = ReportDocument::Budget)]
        document: ReportDocument,
        /// Delårsrapportens eller verksamhetsberättelsens sista månad, ÅÅÅÅ-MM (2025-08).
        #[arg(long)]
        period: Option<String>,
        /// Budgetens version i databasen. Budgetdokumentet skrivs ur den versionen (en
        /// fastställd version som den fastställdes; en version som inte är fastställd märks
        /// UTKAST eller FÖRSLAG på varje sida); delårsrapporten och verksamhetsberättelsen
        /// jämför utfallet med den. Utan den: budgetdokumentet ur den aktuella versionen,
        /// uppföljningen mot den senast fastställda.
        #[arg(long = "version", value_name = "N")]
        version: Option<i64>,
        /// Kommunens budget, Mål och budget för hela kommunen: resultat-, balans- och
        /// kassaflödesbudget, driftbudget och investeringsbudget per nämnd, ramberäkningen och
        /// de finansiella målen, ur en kommunfil (docs/municipality-file.md) eller ur ett
        /// budgetår i databasen (dess nummer, med --database).
        #[arg(long, value_name = "KOMMUNFIL|NR", conflicts_with_all = ["file", "budget", "version", "period"])]
        municipality: Option<PathBuf>,
    },
    /// Öppnar nästa budgetår ur årets kommunfil: planåren flyttas ett steg, årets budget blir
    /// jämförelseår, ramarna räknas upp med den valda PKV-årgången, texter, ansvar och rader
    /// följer med att redigera, och årets fil lämnas orörd. Ur ett budgetår i databasen
    /// (--municipality NR) blir nästa år ett nytt budgetår där, och årets behålls som det var.
    ///
    /// styr next-year --municipality kommun-2026.toml --index-vintage "SKR 2026-10" --pkv "2027=3,0 2028=3,1 2029=3,0" --output kommun-2027.toml
    /// styr next-year --database styr.db --municipality 1 --index-vintage "SKR 2026-10"
    NextYear {
        /// Årets kommunfil (docs/municipality-file.md), eller budgetårets nummer i databasen.
        #[arg(long, value_name = "KOMMUNFIL|NR")]
        municipality: PathBuf,
        #[command(flatten)]
        database: DatabaseArgument,
        /// PKV-årgången som ramarna räknas upp med från nu.
        #[arg(long, value_name = "ÅRGÅNG")]
        index_vintage: String,
        /// Årgångens värden när filen inte har den: "2027=3,0 2028=3,1 2029=3,0".
        #[arg(long, value_name = "ÅR=PROCENT …")]
        pkv: Option<String>,
        /// Nästa års kommunfil; en fil som finns skrivs inte över. Behövs för en kommunfil.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Måluppfyllelse: varje mål med sina nyckeltal, senaste värde, målvärde och bedömning,
    /// kommunen bland liknande kommuner och det övergripande målet bedömt.
    Goals {
        #[command(flatten)]
        database: DatabaseArgument,
        /// Budgetens nummer i databasen; utan det den enda.
        #[arg(long)]
        budget: Option<i64>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = GoalsFormat::Text)]
        format: GoalsFormat,
        /// Perioden som följs upp (2025, 2025-T2, 2025-03, 2025-O1); utan den budgetåret.
        #[arg(long)]
        period: Option<String>,
    },
    /// Kolada: hämtar nyckeltal, kommuner och jämförelsegrupper från Koladas API (v3) till
    /// databasens cache, eller läser in ett sparat Kolada-svar eller en CSV-nedladdning.
    Kolada {
        #[command(subcommand)]
        action: KoladaAction,
    },
    /// Skriver gränserna för hur stora filer styr läser – förvalen, eller de som --limits
    /// anger – som en fil att ändra och ge med --limits.
    Limits,
}

#[derive(Subcommand)]
pub enum UserAction {
    /// Skapar en användare med en roll: admin, controller, budgetansvarig (med --scope),
    /// internkontroll, lasare eller revisor.
    Add {
        username: String,
        #[arg(long)]
        role: String,
        /// Enheten som en budgetansvarig svarar för (och allt under den), eller nämnden som en
        /// nämndcontroller svarar för.
        #[arg(long)]
        scope: Option<String>,
        #[command(flatten)]
        database: DatabaseArgument,
    },
    /// Listar användarna och deras roller.
    List {
        #[command(flatten)]
        database: DatabaseArgument,
    },
    /// Ändrar en användares roll.
    Role {
        username: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        scope: Option<String>,
        #[command(flatten)]
        database: DatabaseArgument,
    },
    /// Sätter ett nytt lösenord och avslutar användarens inloggningar.
    Password {
        username: String,
        #[command(flatten)]
        database: DatabaseArgument,
    },
}

#[derive(Subcommand)]
pub enum KoladaAction {
    /// Hämtar värden för nyckeltal, kommuner och år (och en jämförelsegrupps kommuner med
    /// --peers, som då blir kommunens jämförelsegrupp); bara det som ändrats skrivs om.
    Fetch {
        /// Nyckeltalens id, till exempel N00097 (kommaseparerade).
        #[arg(long, value_delimiter = ',', required = true)]
        kpi: Vec<String>,
        /// Kommunkoderna, till exempel 1489 (kommaseparerade).
        #[arg(long, value_delimiter = ',', required = true)]
        municipality: Vec<String>,
        /// En kommungrupp i Kolada (till exempel en grupp "Liknande kommuner") att jämföra med.
        #[arg(long)]
        peers: Option<String>,
        /// Åren (kommaseparerade).
        #[arg(long, value_delimiter = ',', required = true)]
        year: Vec<i64>,
        /// Koladas API-adress.
        #[arg(long, env = "STYR_KOLADA_URL", default_value = styr_kolada::DEFAULT_BASE_URL)]
        base_url: String,
        /// Sekunder att vänta på varje svar.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        #[command(flatten)]
        database: DatabaseArgument,
    },
    /// Läser in ett sparat Kolada-svar (JSON) eller en CSV-nedladdning; allt eller inget.
    Import {
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseArgument,
    },
}
