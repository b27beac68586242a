//! styr's use cases: what a person can do with a budget, in one place that knows who acts.
//!
//! Every change passes through [`App::change`]: the actor's role must allow it (deny by
//! default, `styr_domain::access`) and the budget's status must let it be changed; it is then
//! applied to the domain first (so an invalid edit never reaches the database), the budget must
//! still compute, and the store writes it in one transaction that checks the budget's revision
//! and records the change in the audit log, old value and new. A refused change leaves nothing
//! but the record of the refusal.
//!
//! ```text
//! let app = App::open("sqlite://styr.db").await?;
//! let session = app.login("anna", "…", Some("192.0.2.7")).await?;
//! app.change(&session.actor, 1, None, &Change::SetLine { unit, line, year, amount }).await?;
//! ```
//!
//! The crate, by concept:
//! - `actor`, `error`: who acts, and what can go wrong in terms a person can act on.
//! - `authorization`: the permission asked before every use case, and the record of every
//!   refusal (counted where someone could repeat it in bulk).
//! - `snapshot`: a budget at a revision with its report, cached; a read costs one small query.
//! - `writer`: the group-commit writer, one per budget, that queues concurrent changes.
//! - `budgets`, `workflow`, `template`, `followup`: the use cases — change, import, replace
//!   and export a budget; submit, adopt and revise it; a filled-in template; the books.
//! - `goals`: KPI values, goal assessments and the follow-up of goals; the Kolada cache.
//! - `audit`: what the log records of a change, and the versions that refuse stale saves.
//! - `accounts`: people, passwords, sessions, API tokens and the login throttle.
//! - `backup`: the operator's backup and restore, on record.
//! - `governance`: the municipality's register of styrdokument and what is due for revision.

pub mod accounts;
mod actor;
mod audit;
mod authorization;
mod backup;
mod budgets;
mod error;
mod followup;
mod goals;
mod governance;
pub mod municipal;
mod review;
mod snapshot;
mod template;
mod workflow;
mod writer;

pub use accounts::Session;
pub use actor::Actor;
pub use authorization::{REFUSAL_KINDS, REFUSAL_WINDOW, may};
pub use error::{AppError, WriteFailure};
pub use followup::{Figure, FollowupRequest, ReportRequest};
pub use goals::{GoalsDemo, KoladaCache, ValueEntry};
pub use governance::{Register, RegisterRow};
pub use review::ReviewedDocument;
pub use snapshot::Snapshot;
pub use styr_domain::access::{Action, Role, RoleKind};
pub use styr_domain::workflow::{Adoption, Status, Step};
pub use styr_store::MunicipalBudgetRow;
pub use styr_store::{
    AdoptedVersion, ApiToken, AuditFilter, AuditRecord, Backend, BookedRow, Contents, ImportRecord,
    UserRecord,
};
pub use styr_store::{FetchRecord, KoladaRefresh, KoladaScope, RefreshCounts};
pub use template::TemplateImport;
pub use workflow::{Difference, Edition, VersionSummary, action_for};

use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_store::Store;

/// The application: the store and what this process keeps beside it — the snapshot cache,
/// the writers, the login throttle and the counts of refusals not yet written.
pub struct App {
    store: Store,
    throttle: accounts::Throttle,
    refusals: authorization::RefusalCounts,
    cache: snapshot::Cache,
    writers: writer::Writers,
    imports: followup::ImportTurns,
    /// How large a file this process reads (`styr_import::Limits`): every reader the use
    /// cases call is held to them.
    limits: std::sync::Arc<styr_import::Limits>,
}

impl App {
    pub async fn open(database_url: &str) -> Result<App, AppError> {
        Ok(App::new(Store::open(database_url).await?))
    }

    pub fn new(store: Store) -> App {
        App {
            store,
            throttle: accounts::Throttle::default(),
            refusals: authorization::RefusalCounts::default(),
            cache: snapshot::Cache::default(),
            writers: writer::Writers::default(),
            imports: followup::ImportTurns::default(),
            limits: std::sync::Arc::default(),
        }
    }

    /// The same application reading files within `limits` instead of the defaults (the
    /// configuration's `[limits]`, docs/security.md).
    pub fn with_limits(mut self, limits: styr_import::Limits) -> App {
        self.limits = std::sync::Arc::new(limits);
        self
    }

    /// The limits every reader is held to.
    pub fn limits(&self) -> &styr_import::Limits {
        &self.limits
    }
}

/// The version of what `change` would change in `budget` now (see `audit::version_of`).
pub fn version_of(budget: &Budget, change: &Change) -> String {
    audit::version_of(budget, change)
}
