//! styr's storage: one interface, [`Store`], over SQLite (the embedded default) and
//! PostgreSQL, chosen by the database URL. The schema is plain SQL (migrations/), money is
//! BIGINT öre, and every write is one transaction that also checks the budget's revision, so a
//! write based on a stale read changes nothing:
//!
//! ```text
//! let store = Store::open("sqlite://styr.db").await?;       // or "postgres://…"
//! let id = store.insert(&budget, &Stamp::now("anna")).await?;            // revision 1
//! store.save(id, 1, &budget, &[Write::Part(Part::Risks)], &stamp).await?; // revision 2
//! store.save(id, 1, &budget, &[…], &stamp).await                          // Err(Conflict)
//! ```
//!
//! How the crate is laid out, by concept:
//! - `open`: connecting, the SQLite pragmas, and [`Store::begin_write`] — every transaction
//!   that will write starts as a writer, so two writers queue instead of failing.
//! - `budgets` and `parts/`: a budget stored relationally, part by part; editing one
//!   operating cell touches one row, other edits rewrite the part they change.
//! - `followup/`: the imported books beside the budget, and the rules that map them.
//! - `goals/`: KPI values and goal assessments, kept with the municipality and board.
//! - `kolada/`: the Kolada cache — values, KPI metadata, municipality groups — and the fetches.
//! - `access/`: people, sessions and API tokens, kept only as hashes.
//! - `audit`: the append-only log, written inside each write's own transaction.
//! - `versions`: the adoption workflow's state and the frozen versions.
//! - `backup`: a consistent copy of the whole database while it is in use.
//! - `governance`: the municipality's register of styrdokument, by municipality code.

mod access;
mod audit;
mod backup;
mod budgets;
mod clock;
mod codec;
mod error;
mod followup;
mod goals;
mod governance;
mod kolada;
mod migrate;
mod municipal;
mod open;
mod parts;
mod versions;

pub use access::{ApiToken, Ended, SessionRecord, UserRecord};
pub use audit::{AuditEntry, AuditFilter, AuditRecord, Stamp};
pub use backup::Contents;
pub use budgets::{BudgetSummary, StoredBudget, Write};
pub use clock::{now, now_plus};
pub use error::StoreError;
pub use followup::{BookedRow, ImportRecord, OutcomeImport};
pub use goals::GoalScope;
pub use governance::StoredDocument;
pub use kolada::{FetchRecord, KoladaRefresh, KoladaScope, RefreshCounts};
pub use municipal::{MunicipalBudgetRow, NewMunicipalBudget};
pub use parts::{CellLine, Part};
pub use versions::{AdoptedVersion, WorkflowState};

/// A budget's identity in the store.
pub type BudgetId = i64;

/// The database: a pool of connections to one SQLite file or one PostgreSQL database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: sqlx::AnyPool,
    backend: Backend,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}
