//! styr's use cases: what a person can do with a budget, in one place that knows who acts.
//!
//! Every change passes through [`App::change`]: it is applied to the domain first (so an
//! invalid edit never reaches the database), the budget must still compute, and then the store
//! writes it in one transaction that checks the budget's revision. Users, roles and the audit
//! log (issue 4) slot in here, around that one path.
//!
//! Reads come from a cache of computed snapshots keyed by the budget's revision: a request
//! costs one small query to see that the cached snapshot is current.

mod snapshot;

use std::collections::HashMap;
use std::sync::Arc;

use styr_domain::change::{Change, ChangeError};
use styr_import::Issue;
use styr_store::{BudgetId, BudgetSummary, CellLine, Part, Stamp, Store, StoreError, Write};
use thiserror::Error;
use tokio::sync::RwLock;

pub use snapshot::Snapshot;

/// Who is acting. Issue 4 gives actors accounts and roles; until then every actor may do all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
}

impl Actor {
    pub fn named(name: impl Into<String>) -> Actor {
        Actor { name: name.into() }
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
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::NotFound,
            StoreError::Conflict { actual, .. } => AppError::Conflict {
                current_revision: actual,
            },
            other => AppError::Store(other),
        }
    }
}

pub struct App {
    store: Store,
    cache: RwLock<HashMap<BudgetId, Arc<Snapshot>>>,
    /// One writer per budget at a time in this process: writers queue instead of refusing each
    /// other. Between processes (several servers on one PostgreSQL) the revision check decides.
    writers: std::sync::Mutex<HashMap<BudgetId, Arc<tokio::sync::Mutex<()>>>>,
}

impl App {
    pub async fn open(database_url: &str) -> Result<App, AppError> {
        Ok(App::new(Store::open(database_url).await?))
    }

    pub fn new(store: Store) -> App {
        App {
            store,
            cache: RwLock::new(HashMap::new()),
            writers: std::sync::Mutex::new(HashMap::new()),
        }
    }

    pub async fn budgets(&self) -> Result<Vec<BudgetSummary>, AppError> {
        Ok(self.store.list().await?)
    }

    /// The budget as it is now, computed.
    pub async fn snapshot(&self, id: BudgetId) -> Result<Arc<Snapshot>, AppError> {
        let revision = self.store.revision(id).await?;
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
        let snapshot = Arc::new(
            Snapshot::compute(stored.id, stored.revision, stored.budget)
                .map_err(AppError::DoesNotCompute)?,
        );
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
    pub async fn change_all(
        &self,
        actor: &Actor,
        id: BudgetId,
        expected_revision: Option<i64>,
        changes: &[Change],
    ) -> Result<Arc<Snapshot>, AppError> {
        let writer = {
            let mut writers = self
                .writers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            Arc::clone(writers.entry(id).or_default())
        };
        let _turn = writer.lock().await;
        // One retry when the caller named no revision and another process wrote in between.
        for _attempt in 0..2 {
            let current = self.snapshot(id).await?;
            if let Some(expected) = expected_revision
                && expected != current.revision
            {
                return Err(AppError::Conflict {
                    current_revision: current.revision,
                });
            }
            if changes.is_empty() {
                return Ok(current);
            }
            let mut budget = current.budget.clone();
            for change in changes {
                budget.apply(change)?;
            }
            // Only frame changes can make a budget stop computing (a year without its index).
            if changes
                .iter()
                .any(|change| matches!(change, Change::SetFrameAmount { .. }))
            {
                styr_reports::budget_report(&budget)
                    .map_err(|error| AppError::DoesNotCompute(error.to_string()))?;
            }
            let mut writes: Vec<Write> = Vec::new();
            for change in changes {
                for write in writes_for(change) {
                    let duplicate = matches!((&write, writes.last()), (Write::Part(part), Some(Write::Part(last))) if part == last);
                    if !duplicate {
                        writes.push(write);
                    }
                }
            }
            let revision = match self
                .store
                .save(
                    id,
                    current.revision,
                    &budget,
                    &writes,
                    &Stamp::now(&actor.name),
                )
                .await
            {
                Ok(revision) => revision,
                Err(StoreError::Conflict { .. }) if expected_revision.is_none() => continue,
                Err(error) => return Err(error.into()),
            };
            let snapshot = Arc::new(Snapshot::deferred(id, revision, budget));
            self.cache.write().await.insert(id, Arc::clone(&snapshot));
            for change in changes {
                tracing::info!(budget = id, revision, actor = %actor.name, change = change_name(change), "budget changed");
            }
            return Ok(snapshot);
        }
        Err(AppError::Conflict {
            current_revision: self.store.revision(id).await?,
        })
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
        let budget = styr_import::parse_budget(source).map_err(AppError::Unreadable)?;
        // A budget that does not compute is refused before anything is stored.
        Snapshot::compute(0, 0, budget.clone()).map_err(AppError::DoesNotCompute)?;
        let id = self.store.insert(&budget, &Stamp::now(&actor.name)).await?;
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
        let budget = styr_import::parse_budget(source).map_err(AppError::Unreadable)?;
        let snapshot = Snapshot::compute(id, expected_revision + 1, budget)
            .map_err(AppError::DoesNotCompute)?;
        self.store
            .replace(
                id,
                expected_revision,
                &snapshot.budget,
                &Stamp::now(&actor.name),
            )
            .await?;
        let snapshot = Arc::new(snapshot);
        self.cache.write().await.insert(id, Arc::clone(&snapshot));
        Ok(snapshot)
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
