//! Backups: a consistent copy of the whole database while it is in use, and a count of what a
//! database holds, so that a restore can refuse to overwrite one that is in use.
//!
//! On SQLite, [`Store::backup_into`] runs `VACUUM INTO`: the database as of one moment, written
//! compacted into a new file that is itself a complete SQLite database (no -wal or -shm beside
//! it); readers and the writer carry on meanwhile (WAL). A PostgreSQL database is copied with
//! PostgreSQL's own `pg_dump`, which the command line runs (`styr backup`).

use std::path::Path;

use sqlx::Row;

use crate::{Store, StoreError};

/// What a database holds, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    pub budgets: i64,
    pub users: i64,
    pub audit_entries: i64,
    pub outcome_imports: i64,
}

impl Contents {
    /// Nothing a person made: no budget, no account, no line in the log. (A database styr has
    /// only opened holds its schema and nothing else.)
    pub fn is_empty(&self) -> bool {
        self.budgets == 0 && self.users == 0 && self.audit_entries == 0
    }
}

impl Store {
    pub async fn contents(&self) -> Result<Contents, StoreError> {
        let count = async |table: &'static str| -> Result<i64, StoreError> {
            // `table` is one of the names below, never input.
            let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) AS found FROM {table}"));
            Ok(sqlx::query(sql)
                .fetch_one(&self.pool)
                .await?
                .try_get("found")?)
        };
        Ok(Contents {
            budgets: count("budgets").await?,
            users: count("users").await?,
            audit_entries: count("audit_log").await?,
            outcome_imports: count("outcome_imports").await?,
        })
    }

    /// Reads what an SQLite backup at `path` holds without changing a byte of it (opened
    /// read-only, never migrated): SQLite's integrity check must pass and the file must be a
    /// styr database. What a restore checks before it replaces anything.
    pub async fn inspect_backup(path: &Path) -> Result<Contents, StoreError> {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let url = format!("sqlite://{}?mode=ro", path.display());
        let mut connection = sqlx::AnyConnection::connect(&url).await?;
        let check: String = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&mut connection)
            .await?
            .try_get(0)?;
        if check != "ok" {
            return Err(StoreError::Corrupt(format!(
                "SQLite:s kontroll säger: {check}"
            )));
        }
        let mut contents = Contents::default();
        for (table, count) in [
            ("budgets", &mut contents.budgets),
            ("users", &mut contents.users),
            ("audit_log", &mut contents.audit_entries),
            ("outcome_imports", &mut contents.outcome_imports),
        ] {
            let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) AS found FROM {table}"));
            *count = sqlx::query(sql)
                .fetch_one(&mut connection)
                .await
                .map_err(|_| StoreError::Corrupt(format!("filen har ingen tabell {table}")))?
                .try_get("found")?;
        }
        connection.close().await?;
        Ok(contents)
    }

    /// Closes every connection, waiting until they are closed (before a restore moves the
    /// file).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Writes the whole SQLite database, as of now, into a new file at `path`, which must not
    /// exist yet. SQLite only: PostgreSQL is copied by `pg_dump`.
    pub async fn backup_into(&self, path: &Path) -> Result<(), StoreError> {
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
