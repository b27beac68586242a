//! styr's use cases: what a person can do with a budget, in one place that knows who acts.
//!
//! Every change passes through [`App::change`]: the actor's role must allow it (deny by
//! default, `styr_domain::access`) and the budget's status must let it be changed; it is then
//! applied to the domain first (so an invalid edit never reaches the database), the budget must
//! still compute, and the store writes it in one transaction that checks the budget's revision
//! and records the change in the audit log, old value and new. A refused change leaves nothing
//! but the record of the refusal.
//!
//! Reads come from a cache of computed snapshots keyed by the budget's revision: a request
//! costs one small query to see that the cached snapshot is current.

pub mod accounts;
mod audit;
mod followup;
mod snapshot;
mod template;
mod workflow;

pub use accounts::Session;
pub use followup::Figure;
pub use styr_domain::access::{Action, Role, RoleKind};
pub use styr_domain::workflow::{Adoption, Status, Step};
pub use styr_store::{
    AdoptedVersion, ApiToken, AuditFilter, AuditRecord, BookedRow, ImportRecord, UserRecord,
};
pub use workflow::{Difference, VersionSummary, action_for};

use std::collections::HashMap;
use std::sync::Arc;

use styr_domain::change::{Change, ChangeError};
use styr_import::Issue;
use styr_store::{
    AuditEntry, BudgetId, BudgetSummary, CellLine, Part, Stamp, Store, StoreError, Write,
};
use thiserror::Error;
use tokio::sync::RwLock;

pub use snapshot::Snapshot;

/// Who is acting: a person with an account and a role, or the operator of the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The account; `None` for the operator.
    pub user_id: Option<i64>,
    pub name: String,
    pub role: Role,
}

impl Actor {
    /// The operator: whoever runs `styr` on the machine that holds the database, with an
    /// administrator's rights (they could open the database file anyway). The command line,
    /// `serve --demo`'s loading and tests act as this; the web app never does.
    pub fn named(name: impl Into<String>) -> Actor {
        Actor {
            user_id: None,
            name: name.into(),
            role: Role::Administrator,
        }
    }
}

/// What went wrong, in terms a person can act on.
#[derive(Debug, Error)]
pub enum AppError {
    #[error("budgeten finns inte")]
    NotFound,
    #[error("{0}")]
    Invalid(#[from] ChangeError),
    #[error("ändringen går inte att räkna fram: {0}")]
    DoesNotCompute(String),
    #[error(
        "budgeten har ändrats av någon annan sedan du läste den; läs in den igen och gör ändringen på nytt"
    )]
    Conflict { current_revision: i64 },
    #[error("filen kunde inte läsas")]
    Unreadable(Vec<Issue>),
    #[error("lagringen svarade inte som väntat")]
    Store(#[source] StoreError),
    /// A write in a group that the store refused; the cause is logged with the first request.
    #[error("ändringen kunde inte sparas: {0}")]
    WriteFailed(String),
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

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::NotFound,
            StoreError::Conflict { actual, .. } => AppError::Conflict {
                current_revision: actual,
            },
            StoreError::Overflow(overflow) => AppError::DoesNotCompute(overflow.to_string()),
            other => AppError::Store(other),
        }
    }
}

pub struct App {
    store: Store,
    throttle: accounts::Throttle,
    cache: RwLock<HashMap<BudgetId, Arc<Snapshot>>>,
    /// One writer per budget at a time in this process: writers queue instead of refusing each
    /// other. Between processes (several servers on one PostgreSQL) the revision check decides.
    writers: std::sync::Mutex<HashMap<BudgetId, Arc<Writer>>>,
}

/// One budget's queue of requests waiting to be written, and the turn to write them.
#[derive(Default)]
struct Writer {
    waiting: std::sync::Mutex<Vec<Pending>>,
    turn: tokio::sync::Mutex<()>,
}

impl Writer {
    fn queue(&self, pending: Pending) {
        self.waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(pending);
    }

    fn take(&self) -> Vec<Pending> {
        std::mem::take(
            &mut *self
                .waiting
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}

/// A request to change a budget, waiting for its answer.
struct Pending {
    actor: Actor,
    expected_revision: Option<i64>,
    changes: Vec<Change>,
    /// The version of what each change changes as the person saw it (see `audit::version_of`).
    seen: Vec<Option<String>>,
    reply: tokio::sync::oneshot::Sender<Result<Arc<Snapshot>, AppError>>,
}

/// Applies one request's changes, all or none: a single change is atomic in the domain, and a
/// request of several is tried on a copy first. A budget must still compute afterwards (only a
/// frame change can break that, by reaching a year its index lacks).
fn apply_request(
    id: BudgetId,
    budget: &mut styr_domain::budget::Budget,
    changes: &[Change],
) -> Result<Vec<AuditEntry>, AppError> {
    let risky = changes.len() > 1
        || changes
            .iter()
            .any(|change| matches!(change, Change::SetFrameAmount { .. }));
    if !risky {
        let mut entries = Vec::new();
        for change in changes {
            let entry = audit::describe(id, budget, change);
            budget.apply(change)?;
            entries.push(entry);
        }
        return Ok(entries);
    }
    let mut candidate = budget.clone();
    let mut entries = Vec::new();
    for change in changes {
        entries.push(audit::describe(id, &candidate, change));
        candidate.apply(change)?;
    }
    styr_reports::budget_report(&candidate)
        .map_err(|error| AppError::DoesNotCompute(error.to_string()))?;
    *budget = candidate;
    Ok(entries)
}

/// The refusal of a request whose changes were based on a version that is no longer current.
fn stale(
    budget: &styr_domain::budget::Budget,
    pending: &Pending,
    revision: i64,
) -> Option<AppError> {
    pending
        .changes
        .iter()
        .zip(&pending.seen)
        .find_map(|(change, seen)| {
            let seen = seen.as_ref()?;
            (audit::version_of(budget, change) != *seen).then(|| AppError::Stale {
                entity: audit::describe(0, budget, change).entity,
                current: audit::current_text(budget, change),
                current_version: audit::version_of(budget, change),
                current_revision: revision,
            })
        })
}

/// The version of what `change` would change in budget `id` now (see `audit::version_of`).
pub fn version_of(budget: &styr_domain::budget::Budget, change: &Change) -> String {
    audit::version_of(budget, change)
}

/// Whether `actor` may make `changes` to a budget in `snapshot`'s state: the role must allow
/// each change, and the status must allow changes by the role at all.
fn permitted(actor: &Actor, snapshot: &Snapshot, changes: &[Change]) -> Result<(), AppError> {
    for change in changes {
        let action = Action::for_change(change);
        if !actor.role.allows(
            &action,
            &snapshot.budget.organisation,
            &snapshot.budget.board,
        ) {
            return Err(AppError::Forbidden(forbidden_text(&action)));
        }
    }
    styr_domain::access::status_allows_change(snapshot.status, &actor.role)
        .map_err(|reason| AppError::Frozen(reason.to_string()))
}

fn forbidden_text(action: &Action) -> String {
    let text = action.kind().label().to_lowercase();
    match action.unit() {
        Some(unit) => format!("{text} för {unit}"),
        None => text,
    }
}

impl App {
    pub async fn open(database_url: &str) -> Result<App, AppError> {
        Ok(App::new(Store::open(database_url).await?))
    }

    pub fn new(store: Store) -> App {
        App {
            store,
            throttle: accounts::Throttle::default(),
            cache: RwLock::new(HashMap::new()),
            writers: std::sync::Mutex::new(HashMap::new()),
        }
    }

    pub async fn budgets(&self) -> Result<Vec<BudgetSummary>, AppError> {
        Ok(self.store.list().await?)
    }

    /// The budget as it is now, computed.
    pub async fn snapshot(&self, id: BudgetId) -> Result<Arc<Snapshot>, AppError> {
        let state = self.store.workflow(id).await?;
        let revision = state.revision;
        if let Some(cached) = self
            .cache
            .read()
            .await
            .get(&id)
            .filter(|cached| cached.revision == revision)
        {
            return Ok(Arc::clone(cached));
        }
        let stored = self.store.load(id).await?;
        let mut snapshot = Snapshot::compute(stored.id, stored.revision, stored.budget)
            .map_err(AppError::DoesNotCompute)?;
        // The workflow moves the revision too, so a snapshot at a revision has one status.
        if stored.revision == revision {
            snapshot.status = state.status;
            snapshot.version_number = state.version_number;
        } else {
            let state = self.store.workflow(id).await?;
            snapshot.status = state.status;
            snapshot.version_number = state.version_number;
        }
        let snapshot = Arc::new(snapshot);
        self.cache.write().await.insert(id, Arc::clone(&snapshot));
        Ok(snapshot)
    }

    /// Makes `change` to budget `id`. With `expected_revision`, the change is refused if anyone
    /// changed the budget since that revision; without, it applies to the budget as it is now
    /// (safe for a single cell, which names everything it changes).
    pub async fn change(
        &self,
        actor: &Actor,
        id: BudgetId,
        expected_revision: Option<i64>,
        change: &Change,
    ) -> Result<Arc<Snapshot>, AppError> {
        self.change_all(actor, id, expected_revision, std::slice::from_ref(change))
            .await
    }

    /// Makes every change of `changes` in one transaction, or none of them.
    ///
    /// Writers to one budget queue up; whoever gets the budget's writer turn applies every
    /// queued request and stores them in one transaction (a group commit), then answers each.
    /// Under load this turns many small transactions into few, and nobody is refused merely
    /// for writing at the same moment as someone else.
    pub async fn change_all(
        &self,
        actor: &Actor,
        id: BudgetId,
        expected_revision: Option<i64>,
        changes: &[Change],
    ) -> Result<Arc<Snapshot>, AppError> {
        self.change_seen(actor, id, expected_revision, changes, &[])
            .await
    }

    /// Like [`App::change_all`], with the version of what each change changes as the person
    /// saw it (`seen[i]` for `changes[i]`; `None` or a missing entry checks nothing): a change
    /// to something that someone else changed since is refused with [`AppError::Stale`],
    /// naming the value as it is now. Edits to other cells and records go through.
    pub async fn change_seen(
        &self,
        actor: &Actor,
        id: BudgetId,
        expected_revision: Option<i64>,
        changes: &[Change],
        seen: &[Option<String>],
    ) -> Result<Arc<Snapshot>, AppError> {
        if changes.is_empty() {
            let current = self.snapshot(id).await?;
            return match expected_revision {
                Some(expected) if expected != current.revision => Err(AppError::Conflict {
                    current_revision: current.revision,
                }),
                _ => Ok(current),
            };
        }
        let writer = {
            let mut writers = self
                .writers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            Arc::clone(writers.entry(id).or_default())
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        writer.queue(Pending {
            actor: actor.clone(),
            expected_revision,
            changes: changes.to_vec(),
            seen: seen.to_vec(),
            reply,
        });
        {
            let _turn = writer.turn.lock().await;
            let batch = writer.take();
            if !batch.is_empty() {
                self.commit(id, batch).await;
            }
        }
        answer
            .await
            .unwrap_or_else(|_| Err(AppError::WriteFailed("skrivningen avbröts".into())))
    }

    /// Applies and stores a batch of queued requests, answering each.
    async fn commit(&self, id: BudgetId, mut batch: Vec<Pending>) {
        // One retry when another process wrote since this process last read the budget.
        for attempt in 0..2 {
            let current = match self.cached_or_load(id, attempt > 0).await {
                Ok(current) => current,
                Err(error) => {
                    let message = error.to_string();
                    for pending in batch {
                        let _ = pending.reply.send(Err(match &error {
                            AppError::NotFound => AppError::NotFound,
                            _ => AppError::WriteFailed(message.clone()),
                        }));
                    }
                    return;
                }
            };
            let mut budget = current.budget.clone();
            let mut accepted = Vec::new();
            let mut entries = Vec::new();
            let mut cells = Vec::new();
            let mut parts: Vec<Part> = Vec::new();
            for pending in batch {
                let revision = current.revision + accepted.len() as i64;
                if let Some(expected) = pending.expected_revision
                    && expected != revision
                {
                    let _ = pending.reply.send(Err(AppError::Conflict {
                        current_revision: revision,
                    }));
                    continue;
                }
                if let Err(error) = permitted(&pending.actor, &current, &pending.changes) {
                    self.record_refusal(&pending.actor, Some(id), &error).await;
                    let _ = pending.reply.send(Err(error));
                    continue;
                }
                if let Some(stale) = stale(&budget, &pending, revision) {
                    let _ = pending.reply.send(Err(stale));
                    continue;
                }
                match apply_request(id, &mut budget, &pending.changes) {
                    // A change that leaves a value as it was (a form saving every cell) is
                    // not a change to record.
                    Ok(made) => entries.extend(
                        made.into_iter()
                            .filter(|entry| entry.old_value != entry.new_value)
                            .map(|entry| (pending.actor.name.clone(), entry)),
                    ),
                    Err(error) => {
                        let _ = pending.reply.send(Err(error));
                        continue;
                    }
                }
                for change in &pending.changes {
                    for write in writes_for(change) {
                        match write {
                            // A unit's first cell gives it lines of its own: the whole part.
                            Write::Cell { unit, .. }
                                if !current.budget.lines.iter().any(|lines| lines.unit == unit) =>
                            {
                                if !parts.contains(&Part::Operating) {
                                    parts.push(Part::Operating);
                                }
                            }
                            Write::Part(part) if !parts.contains(&part) => parts.push(part),
                            Write::Part(_) => {}
                            cell => cells.push(cell),
                        }
                    }
                }
                accepted.push(pending);
            }
            if accepted.is_empty() {
                return;
            }
            let mut writes = cells;
            writes.extend(parts.into_iter().map(Write::Part));
            let mut stamp = Stamp::now(
                accepted
                    .last()
                    .map(|pending| pending.actor.name.as_str())
                    .unwrap_or_default(),
            );
            // Each entry is recorded under its own actor, even in a group commit.
            stamp.entries = entries
                .into_iter()
                .map(|(by, entry)| entry.by(by))
                .collect();
            let count = accepted.len() as i64;
            match self
                .store
                .save_changes(id, current.revision, count, &budget, &writes, &stamp)
                .await
            {
                Ok(revision) => {
                    let mut snapshot = Snapshot::deferred(id, revision, budget);
                    snapshot.status = current.status;
                    snapshot.version_number = current.version_number;
                    let snapshot = Arc::new(snapshot);
                    self.cache.write().await.insert(id, Arc::clone(&snapshot));
                    for pending in accepted {
                        for change in &pending.changes {
                            tracing::info!(budget = id, revision, actor = %pending.actor.name, change = change_name(change), "budget changed");
                        }
                        let _ = pending.reply.send(Ok(Arc::clone(&snapshot)));
                    }
                    return;
                }
                Err(StoreError::Conflict { .. }) if attempt == 0 => {
                    batch = accepted;
                }
                Err(error) => {
                    let error = AppError::from(error);
                    let message = error.to_string();
                    for pending in accepted {
                        let _ = pending.reply.send(Err(match &error {
                            AppError::Conflict { current_revision } => AppError::Conflict {
                                current_revision: *current_revision,
                            },
                            AppError::NotFound => AppError::NotFound,
                            _ => AppError::WriteFailed(message.clone()),
                        }));
                    }
                    return;
                }
            }
        }
    }

    /// Asks whether `actor` may do `action`; a refusal is recorded in the audit log.
    ///
    /// A budgetansvarig's permission depends on the budget's organisation and board: `known`
    /// gives the budget when the caller has it, else it is read when needed.
    pub async fn require(
        &self,
        actor: &Actor,
        action: &Action,
        budget: Option<BudgetId>,
        known: Option<&styr_domain::budget::Budget>,
    ) -> Result<(), AppError> {
        let allowed = match (actor.role.scope(), known, budget) {
            // Only a budgetansvarig's permission depends on the budget.
            (None, _, _) => actor.role.allows(
                action,
                &styr_domain::organisation::Organisation::default(),
                &styr_domain::organisation::UnitId(String::new()),
            ),
            (Some(_), Some(known), _) => {
                actor.role.allows(action, &known.organisation, &known.board)
            }
            (Some(_), None, Some(id)) => {
                let snapshot = self.snapshot(id).await?;
                actor.role.allows(
                    action,
                    &snapshot.budget.organisation,
                    &snapshot.budget.board,
                )
            }
            (Some(_), None, None) => action.kind() == styr_domain::access::ActionKind::Read,
        };
        if allowed {
            return Ok(());
        }
        let error = AppError::Forbidden(forbidden_text(action));
        self.record_refusal(actor, budget, &error).await;
        Err(error)
    }

    /// Records a refused request: the only trace a refusal leaves. A failure to record it is
    /// logged; the request is refused either way.
    async fn record_refusal(&self, actor: &Actor, budget: Option<BudgetId>, error: &AppError) {
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("nekad", budget, "behorighet").values(None, Some(error.to_string())),
        );
        if let Err(failure) = self.store.record(&stamp).await {
            tracing::error!(error = %failure, "a refusal could not be recorded");
        }
    }

    /// The cached snapshot when there is one, else (or when `reload`) the stored budget. A
    /// writer may trust the cache: the store refuses a write from a stale revision.
    async fn cached_or_load(&self, id: BudgetId, reload: bool) -> Result<Arc<Snapshot>, AppError> {
        if !reload && let Some(cached) = self.cache.read().await.get(&id) {
            return Ok(Arc::clone(cached));
        }
        self.cache.write().await.remove(&id);
        self.snapshot(id).await
    }

    /// The budget as it would be after `changes`, computed but not stored: what the operating
    /// table shows while someone is still typing.
    pub async fn preview(&self, id: BudgetId, changes: &[Change]) -> Result<Snapshot, AppError> {
        let current = self.snapshot(id).await?;
        let mut budget = current.budget.clone();
        for change in changes {
            budget.apply(change)?;
        }
        Snapshot::compute(id, current.revision, budget).map_err(AppError::DoesNotCompute)
    }

    /// Reads a budget file and stores it as a new budget; all or nothing.
    pub async fn import(&self, actor: &Actor, source: &str) -> Result<BudgetId, AppError> {
        self.require(actor, &Action::ImportBudget, None, None)
            .await?;
        let budget = styr_import::parse_budget(source).map_err(AppError::Unreadable)?;
        // A budget that does not compute is refused before anything is stored.
        Snapshot::compute(0, 0, budget.clone()).map_err(AppError::DoesNotCompute)?;
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("importera budget", None, "budget")
                .values(None, Some(source.to_string())),
        );
        let id = self.store.insert(&budget, &stamp).await?;
        tracing::info!(budget = id, actor = %actor.name, "budget imported");
        Ok(id)
    }

    /// Replaces budget `id` with a budget file (a re-import of an edited export).
    pub async fn replace(
        &self,
        actor: &Actor,
        id: BudgetId,
        expected_revision: i64,
        source: &str,
    ) -> Result<Arc<Snapshot>, AppError> {
        let current = self.snapshot(id).await?;
        self.require(actor, &Action::ImportBudget, Some(id), None)
            .await?;
        if let Err(reason) = styr_domain::access::status_allows_change(current.status, &actor.role)
        {
            let error = AppError::Frozen(reason.to_string());
            self.record_refusal(actor, Some(id), &error).await;
            return Err(error);
        }
        let budget = styr_import::parse_budget(source).map_err(AppError::Unreadable)?;
        let mut snapshot = Snapshot::compute(id, expected_revision + 1, budget)
            .map_err(AppError::DoesNotCompute)?;
        snapshot.status = current.status;
        snapshot.version_number = current.version_number;
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("ersätt budget", Some(id), "budget").values(
                Some(styr_import::write_budget(&current.budget)),
                Some(source.to_string()),
            ),
        );
        self.store
            .replace(id, expected_revision, &snapshot.budget, &stamp)
            .await?;
        let snapshot = Arc::new(snapshot);
        self.cache.write().await.insert(id, Arc::clone(&snapshot));
        Ok(snapshot)
    }

    /// The audit log's rows matching `filter`: for the revisor and the administrator.
    pub async fn audit_log(
        &self,
        actor: &Actor,
        filter: &AuditFilter,
    ) -> Result<Vec<AuditRecord>, AppError> {
        self.require(actor, &Action::ReadAudit, filter.budget, None)
            .await?;
        Ok(self.store.audit_log(filter).await?)
    }

    /// The budget as a budget file.
    pub async fn export(&self, id: BudgetId) -> Result<String, AppError> {
        Ok(styr_import::write_budget(&self.snapshot(id).await?.budget))
    }

    /// Imports `source` when the database holds no budget yet (`styr serve --demo`).
    pub async fn import_if_empty(
        &self,
        actor: &Actor,
        source: &str,
    ) -> Result<Option<BudgetId>, AppError> {
        if self.store.list().await?.is_empty() {
            Ok(Some(self.import(actor, source).await?))
        } else {
            Ok(None)
        }
    }
}

/// What the store must write for a change: the one cell, or the part it touches.
fn writes_for(change: &Change) -> Vec<Write> {
    let part = match change {
        Change::SetLine {
            unit,
            line,
            year,
            amount,
        } => {
            return vec![Write::Cell {
                unit: unit.clone(),
                line: CellLine::Line(*line),
                year: *year,
                amount: *amount,
            }];
        }
        Change::SetFinancialNet { unit, year, amount } => {
            return vec![Write::Cell {
                unit: unit.clone(),
                line: CellLine::FinancialNet,
                year: *year,
                amount: *amount,
            }];
        }
        Change::SetExplanation { .. } => Part::Operating,
        Change::SetFrameAmount { .. } => Part::Frames,
        Change::PutProject { .. } | Change::RemoveProject { .. } => Part::Investment,
        Change::PutRisk { .. }
        | Change::RemoveRisk { .. }
        | Change::PutControl { .. }
        | Change::RemoveControl { .. }
        | Change::AddControlResult { .. } => Part::Risks,
        Change::PutGoal { .. }
        | Change::RemoveGoal { .. }
        | Change::PutEfficiency { .. }
        | Change::RemoveEfficiency { .. } => Part::Registers,
        Change::SetDocument { .. } => Part::Document,
    };
    vec![Write::Part(part)]
}

fn change_name(change: &Change) -> &'static str {
    match change {
        Change::SetLine { .. } => "set_line",
        Change::SetFinancialNet { .. } => "set_financial_net",
        Change::SetExplanation { .. } => "set_explanation",
        Change::SetFrameAmount { .. } => "set_frame_amount",
        Change::PutProject { .. } => "put_project",
        Change::RemoveProject { .. } => "remove_project",
        Change::PutRisk { .. } => "put_risk",
        Change::RemoveRisk { .. } => "remove_risk",
        Change::PutControl { .. } => "put_control",
        Change::RemoveControl { .. } => "remove_control",
        Change::AddControlResult { .. } => "add_control_result",
        Change::PutGoal { .. } => "put_goal",
        Change::RemoveGoal { .. } => "remove_goal",
        Change::PutEfficiency { .. } => "put_efficiency",
        Change::RemoveEfficiency { .. } => "remove_efficiency",
        Change::SetDocument { .. } => "set_document",
    }
}
