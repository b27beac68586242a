//! What went wrong, in terms a person can act on. Each variant is one kind of answer — the
//! web layer maps each to one HTTP status —, and a variant that wraps a failure below keeps it
//! as its `source`, so a server fault can be logged with its whole chain:
//!
//! ```text
//! AppError::Store(StoreError::Backend(sqlx::Error::Io(…)))
//!   "lagringen svarade inte som väntat: databasfel: error communicating with database: …"
//! ```

use std::sync::Arc;

use styr_domain::budget::FigureError;
use styr_domain::change::ChangeError;
use styr_import::Issue;
use styr_store::StoreError;
use thiserror::Error;

/// Cloneable, so that every request of a group commit gets the group's answer: what the
/// store said is shared, not copied.
#[derive(Clone, Debug, Error)]
pub enum AppError {
    #[error("budgeten finns inte")]
    NotFound,
    #[error("{0}")]
    Invalid(#[from] ChangeError),
    /// The budget would no longer compute (a frame year its index lacks).
    #[error("ändringen går inte att räkna fram: {0}")]
    DoesNotCompute(#[source] FigureError),
    #[error(
        "budgeten har ändrats av någon annan sedan du läste den; läs in den igen och gör ändringen på nytt"
    )]
    Conflict { current_revision: i64 },
    #[error("filen kunde inte läsas")]
    Unreadable(Vec<Issue>),
    #[error("lagringen svarade inte som väntat")]
    Store(#[source] Arc<StoreError>),
    /// A write that could not be made; the cause is kept (and logged with the first request).
    #[error("ändringen kunde inte sparas")]
    WriteFailed(#[source] WriteFailure),
    /// The database is busy with another writer (an import of the books on SQLite, another
    /// server) for longer than a write waits; nothing was written, and trying again will do.
    #[error("databasen är upptagen av en annan skrivning just nu; försök igen om en stund")]
    Busy(#[source] Arc<StoreError>),
    /// The actor's role does not allow the action.
    #[error("du har inte behörighet att {0}")]
    Forbidden(String),
    /// The budget's status does not allow the change (submitted or adopted).
    #[error("{0}")]
    Frozen(String),
    /// A request that cannot be made as asked (a taken username, a short password …).
    #[error("{0}")]
    Rejected(String),
    #[error("fel användarnamn eller lösenord")]
    LoginFailed,
    #[error("för många misslyckade inloggningar; försök igen om en stund")]
    Throttled,
    /// Someone else changed what this save was based on since it was read.
    #[error(
        "någon annan har ändrat {entity} medan du arbetade; värdet är nu {current}. Det du skrev finns kvar – spara igen för att ersätta det"
    )]
    Stale {
        entity: String,
        /// The value as it is now, for the person to compare with their own.
        current: String,
        /// Its version: a save based on it replaces the other person's value.
        current_version: String,
        current_revision: i64,
    },
}

/// Why a write failed, below what a person can act on.
#[derive(Clone, Debug, Error)]
pub enum WriteFailure {
    /// The request whose turn it was to write was cancelled (its client went away) before
    /// this request's answer was given; whether the group was stored is not known here.
    #[error("skrivningen avbröts innan svaret kom")]
    Interrupted,
    /// The thread reading an import stopped before the end of the file.
    #[error("filen lästes inte till slut")]
    ReaderStopped,
    #[error("lösenordet kunde inte hashas")]
    Password(#[source] argon2::password_hash::Error),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::NotFound,
            StoreError::Conflict { actual, .. } => AppError::Conflict {
                current_revision: actual,
            },
            busy @ StoreError::Busy(_) => AppError::Busy(Arc::new(busy)),
            StoreError::Overflow(overflow) => {
                AppError::Unreadable(vec![Issue::error("", 0..0, overflow.to_string())])
            }
            other => AppError::Store(Arc::new(other)),
        }
    }
}
