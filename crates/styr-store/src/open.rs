//! Opening the database, and how a write begins.
//!
//! SQLite keeps one file in WAL mode: readers never wait for the writer, and there is one
//! writer at a time. A transaction that reads first and writes later (SQLite's default,
//! "deferred") fails at once with SQLITE_BUSY_SNAPSHOT when another writer committed in
//! between — no waiting helps it, because what it read is already out of date. So every
//! transaction here that will write begins as a writer ([`Store::begin_write`]: `BEGIN
//! IMMEDIATE`), and a second writer waits its turn, up to [`BUSY_TIMEOUT_MS`], instead of
//! failing halfway. PostgreSQL's row locks and the revision check do the same there; what
//! must not run twice at once (two imports numbering their rows from the same maximum) takes
//! a lock of its own (see `followup::import`).

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, Transaction};

use crate::{Backend, Store, StoreError, migrate};

/// How long a SQLite writer waits for another writer (an import of a year's books holds the
/// database for seconds) before it gives up with [`StoreError::Busy`].
pub const BUSY_TIMEOUT_MS: u32 = 20_000;

impl Store {
    /// Opens (and for SQLite creates) the database at `url` and brings its schema up to date.
    /// `sqlite://styr.db` keeps a file in WAL mode; `postgres://…` connects to a server.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_string(),
        };
        let options: AnyConnectOptions = url.parse()?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            // A ping before every use doubles the cost of a small query; a connection that has
            // gone bad fails on use instead, and the pool replaces it.
            .test_before_acquire(false)
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        for pragma in [
                            format!("PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"),
                            "PRAGMA synchronous = NORMAL".to_string(),
                            // 32 MB of page cache instead of 2: an import of a year's books
                            // updates its indexes in cache rather than on disk.
                            "PRAGMA cache_size = -32768".to_string(),
                        ] {
                            sqlx::query(sqlx::AssertSqlSafe(pragma))
                                .execute(&mut *connection)
                                .await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        migrate::migrate(&pool, backend).await?;
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction that will write, begun as a writer (see the module's header).
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }
}
