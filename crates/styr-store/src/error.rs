//! What can go wrong in the store, in the few kinds a caller acts on differently: a budget
//! that is not there, a write from a stale read (`Conflict`), a database that is busy with
//! another writer for longer than the store waits (`Busy`: try again), imported amounts whose
//! sum leaves the range (`Overflow`), rows that do not read (`Corrupt`), and everything else
//! the database says (`Backend`, its error kept as the source). sqlx's errors are sorted into these once, in the one `From` below.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("budgeten {0} finns inte")]
    NotFound(i64),
    /// The budget changed since it was read: the write was not made.
    #[error(
        "budgeten har ändrats av någon annan sedan den lästes (version {expected}, nu {actual})"
    )]
    Conflict { expected: i64, actual: i64 },
    /// The municipality's budget year has had the next year opened from it: it is kept as it
    /// was, and the next year is the one to change.
    #[error("budgetåret är låst: nästa år är redan öppnat från det, som nr {0}")]
    Frozen(i64),
    /// Another writer held the database for longer than the store waits; nothing was written.
    #[error("databasen är upptagen av en annan skrivning")]
    Busy(#[source] sqlx::Error),
    /// A sum of imported amounts left the range of an amount; nothing was written.
    #[error("summan av beloppen blir för stor")]
    Overflow(#[from] styr_domain::money::AmountOverflow),
    #[error("databasen innehåller något som inte går att läsa: {0}")]
    Corrupt(String),
    #[error("databasfel")]
    Backend(#[source] sqlx::Error),
}

/// SQLite's SQLITE_BUSY and SQLITE_LOCKED with their extended codes (busy recovery, busy
/// snapshot, busy timeout; locked shared cache, locked virtual table).
const SQLITE_BUSY: [&str; 7] = ["5", "261", "517", "773", "6", "262", "518"];
/// PostgreSQL's lock_not_available, deadlock_detected and serialization_failure.
const POSTGRES_BUSY: [&str; 3] = ["55P03", "40P01", "40001"];

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        let busy = match &error {
            sqlx::Error::Database(database) => database.code().is_some_and(|code| {
                SQLITE_BUSY.contains(&code.as_ref()) || POSTGRES_BUSY.contains(&code.as_ref())
            }),
            sqlx::Error::PoolTimedOut => true,
            _ => false,
        };
        if busy {
            StoreError::Busy(error)
        } else {
            StoreError::Backend(error)
        }
    }
}
