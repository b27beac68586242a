//! styr's storage: one interface over SQLite (the embedded default) and PostgreSQL, chosen by
//! the database URL. The schema is plain, portable SQL (migrations/), money is BIGINT öre, and
//! every write runs in one transaction that also checks the budget's revision, so a write based
//! on a stale read changes nothing.
//!
//! A budget is stored relationally, part by part (organisation, frames, operating amounts …);
//! see `parts/`. Editing one cell of the operating budget touches one row; other edits rewrite
//! the part they change.

mod access;
mod audit;
mod codec;
mod followup;
mod migrate;
mod outcome_import;
mod parts;
mod versions;

use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Row};
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::money::Amount;
use styr_domain::operating::LineKind;
use styr_domain::organisation::UnitId;
use thiserror::Error;

pub use access::{ApiToken, SessionRecord, UserRecord};
pub use audit::{AuditEntry, AuditFilter, AuditRecord};
pub use followup::{BookedRow, ImportRecord};
pub use outcome_import::OutcomeImport;
pub use parts::Part;
pub use versions::{AdoptedVersion, WorkflowState};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("budgeten {0} finns inte")]
    NotFound(i64),
    /// The budget changed since it was read: the write was not made.
    #[error(
        "budgeten har ändrats av någon annan sedan den lästes (version {expected}, nu {actual})"
    )]
    Conflict { expected: i64, actual: i64 },
    #[error("databasen innehåller något som inte går att läsa: {0}")]
    Corrupt(String),
    #[error("databasfel: {0}")]
    Backend(#[from] sqlx::Error),
}

/// A budget's identity in the store.
pub type BudgetId = i64;

/// Who makes a write and when, recorded on the budget, and what the audit log records of it:
/// the entries are written in the write's own transaction.
#[derive(Clone, Debug)]
pub struct Stamp {
    pub by: String,
    pub at: String,
    pub entries: Vec<AuditEntry>,
}

impl Stamp {
    pub fn now(by: impl Into<String>) -> Stamp {
        Stamp {
            by: by.into(),
            at: now(),
            entries: Vec::new(),
        }
    }

    /// The stamp with `entry` to record as well.
    pub fn with(mut self, entry: AuditEntry) -> Stamp {
        self.entries.push(entry);
        self
    }
}

/// What the overview lists for each budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetSummary {
    pub id: BudgetId,
    pub revision: i64,
    pub municipality: String,
    pub board: String,
    pub title: String,
    pub budget_year: i64,
    pub updated_at: String,
    pub status: styr_domain::workflow::Status,
    pub version_number: i64,
}

/// A budget as stored, with the revision a later write must name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredBudget {
    pub id: BudgetId,
    pub revision: i64,
    pub budget: Budget,
}

/// One write to a budget: a single operating cell of a unit that already has lines, or a whole
/// part rewritten from the budget.
#[derive(Clone, Debug)]
pub enum Write {
    Cell {
        unit: UnitId,
        line: CellLine,
        year: Year,
        amount: Amount,
    },
    Part(Part),
}

/// Which column of a unit's operating lines a cell belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellLine {
    Line(LineKind),
    FinancialNet,
}

impl CellLine {
    pub const fn key(self) -> &'static str {
        match self {
            CellLine::Line(kind) => kind.key(),
            CellLine::FinancialNet => "financial_net",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

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
                        // Readers never wait for the writer in WAL mode; a writer waits its turn
                        // instead of failing.
                        sqlx::query("PRAGMA busy_timeout = 5000")
                            .execute(&mut *connection)
                            .await?;
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *connection)
                            .await?;
                        // 32 MB of page cache instead of 2: an import of a year's books
                        // updates its indexes in cache rather than on disk.
                        sqlx::query("PRAGMA cache_size = -32768")
                            .execute(&mut *connection)
                            .await?;
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

    /// A transaction that writes. On SQLite it takes the write lock at its start (`BEGIN
    /// IMMEDIATE`), so a second writer waits its turn (busy_timeout) instead of failing with
    /// "database is locked" when its read-then-write transaction cannot be upgraded.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    pub async fn list(&self) -> Result<Vec<BudgetSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, revision, municipality_name, board, title, budget_year, updated_at, status, version_number FROM budgets ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(BudgetSummary {
                    id: row.try_get("id")?,
                    revision: row.try_get("revision")?,
                    municipality: row.try_get("municipality_name")?,
                    board: row.try_get("board")?,
                    title: row.try_get("title")?,
                    budget_year: row.try_get("budget_year")?,
                    updated_at: row.try_get("updated_at")?,
                    status: versions::status(&row.try_get::<String, _>("status")?)?,
                    version_number: row.try_get("version_number")?,
                })
            })
            .collect()
    }

    /// The budget's current revision: one cheap query, for telling whether a cached read is fresh.
    pub async fn revision(&self, id: BudgetId) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT revision FROM budgets WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => Ok(row.try_get("revision")?),
            None => Err(StoreError::NotFound(id)),
        }
    }

    pub async fn load(&self, id: BudgetId) -> Result<StoredBudget, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let (revision, budget) = parts::read_budget(&mut connection, id).await?;
        Ok(StoredBudget {
            id,
            revision,
            budget,
        })
    }

    /// Stores a new budget (an import) and returns its id.
    pub async fn insert(&self, budget: &Budget, stamp: &Stamp) -> Result<BudgetId, StoreError> {
        let mut transaction = self.begin_write().await?;
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM budgets")
            .fetch_one(&mut *transaction)
            .await?
            .try_get("next")?;
        parts::insert_budget_row(&mut transaction, id, budget, stamp).await?;
        for part in Part::ALL {
            parts::write_part(&mut transaction, id, budget, part).await?;
        }
        let mut stamp = stamp.clone();
        for entry in &mut stamp.entries {
            entry.budget.get_or_insert(id);
        }
        audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(id)
    }

    /// Replaces a whole budget (a re-import), if it is still at `expected_revision`.
    pub async fn replace(
        &self,
        id: BudgetId,
        expected_revision: i64,
        budget: &Budget,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut writes = vec![Write::Part(Part::Document)];
        writes.extend(Part::ALL.into_iter().map(Write::Part));
        self.save(id, expected_revision, budget, &writes, stamp)
            .await
    }

    /// Makes `writes` from `budget` (the budget after the change) if the stored budget is still
    /// at `expected_revision`, and returns the new revision. All or nothing.
    pub async fn save(
        &self,
        id: BudgetId,
        expected_revision: i64,
        budget: &Budget,
        writes: &[Write],
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        self.save_changes(id, expected_revision, 1, budget, writes, stamp)
            .await
    }

    /// Like [`Store::save`] for `changes` changes made together (a group commit): the revision
    /// moves by one per change, so every change keeps a revision of its own.
    pub async fn save_changes(
        &self,
        id: BudgetId,
        expected_revision: i64,
        changes: i64,
        budget: &Budget,
        writes: &[Write],
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let updated = sqlx::query("UPDATE budgets SET revision = revision + $1, updated_by = $2, updated_at = $3 WHERE id = $4 AND revision = $5")
            .bind(changes)
            .bind(&stamp.by)
            .bind(&stamp.at)
            .bind(id)
            .bind(expected_revision)
            .execute(&mut *transaction)
            .await?;
        if updated.rows_affected() == 0 {
            return Err(refused(&mut transaction, id, expected_revision).await?);
        }
        for write in writes {
            match write {
                Write::Cell {
                    unit,
                    line,
                    year,
                    amount,
                } => {
                    parts::operating::write_cell(&mut transaction, id, unit, *line, *year, *amount)
                        .await?;
                }
                Write::Part(part) => parts::write_part(&mut transaction, id, budget, *part).await?,
            }
        }
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(expected_revision + changes)
    }

    pub async fn delete(&self, id: BudgetId, stamp: &Stamp) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        parts::delete_budget(&mut transaction, id).await?;
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

/// Why a write guarded by `revision = expected` changed no row: the budget moved on (a
/// conflict, naming the revision now) or is gone.
pub(crate) async fn refused(
    connection: &mut sqlx::AnyConnection,
    id: BudgetId,
    expected: i64,
) -> Result<StoreError, StoreError> {
    let actual = sqlx::query("SELECT revision FROM budgets WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *connection)
        .await?;
    Ok(match actual {
        Some(row) => StoreError::Conflict {
            expected,
            actual: row.try_get("revision")?,
        },
        None => StoreError::NotFound(id),
    })
}

/// The time now in UTC, as ISO 8601 ("2026-11-26T15:04:05Z"), without a date library.
pub fn now() -> String {
    now_plus(0)
}

/// The time `later` seconds from now, written like [`now`] (a session's expiry).
pub fn now_plus(later: u64) -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|duration| duration.as_secs())
        .unwrap_or(0)
        + later;
    let days = (seconds / 86_400) as i64;
    let time_of_day = seconds % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time_of_day / 3_600,
        time_of_day % 3_600 / 60,
        time_of_day % 60
    )
}
