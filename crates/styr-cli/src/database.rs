//! Which database to use: `--database`, else STYR_DATABASE_URL, else styr.db here.

use clap::Args;

#[derive(Args, Clone, Debug)]
pub struct DatabaseArgument {
    /// Databasen: en fil (skapas vid behov) eller en adress som postgres://… [miljö: STYR_DATABASE_URL]
    #[arg(long, env = "STYR_DATABASE_URL", default_value = "styr.db")]
    database: String,
}

impl DatabaseArgument {
    /// The database as a URL: a plain path is an SQLite file.
    pub fn url(&self) -> String {
        if self.database.contains("://") || self.database.starts_with("sqlite:") {
            self.database.clone()
        } else {
            format!("sqlite://{}", self.database)
        }
    }
}
