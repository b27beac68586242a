//! Use cases on a budget as a whole: list the budgets, change one (through the group-commit
//! writer, see writer.rs), preview a change without storing it, import a budget file as a new
//! budget, replace a budget with an edited file, export it, and read the audit log.
//!
//! ```text
//! let id = app.import(&controller, &toml).await?;                       // revision 1
//! app.change(&anna, id, None, &Change::SetLine { … }).await?;           // revision 2
//! app.replace(&controller, id, 2, &edited_toml).await?;                 // revision 3
//! ```
//!
//! A file that cannot be read is refused whole and the refusal recorded, with the number of
//! problems and the first of them, never the file itself.

use std::sync::Arc;

use styr_domain::access::Action;
use styr_domain::change::Change;
use styr_import::Issue;
use styr_store::{AuditEntry, AuditFilter, AuditRecord, BudgetId, BudgetSummary, Stamp};

use crate::{Actor, App, AppError, Snapshot};

/// What the audit log keeps of a file refused as unreadable: how many problems, and where and
/// what the first is (the message only — the file's line could hold anything).
pub(crate) fn refused_file(issues: &[Issue]) -> String {
    match issues.first() {
        Some(first) => {
            let message: String = first.message.chars().take(200).collect();
            let place = if first.line > 0 {
                format!("rad {}, kolumn {}: ", first.line, first.column)
            } else {
                String::new()
            };
            format!("{} fel; det första: {place}{message}", issues.len())
        }
        None => "filen kunde inte läsas".to_string(),
    }
}

impl App {
    pub async fn budgets(&self) -> Result<Vec<BudgetSummary>, AppError> {
        Ok(self.store.list().await?)
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

    /// Makes every change of `changes` in one transaction, or none of them (see writer.rs: a
    /// request queues for the budget's writer turn, and nobody is refused merely for writing
    /// at the same moment as someone else).
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
        let checked = match read_budget(source, 0, 0, self.limits()) {
            Ok(checked) => checked,
            Err(refusal) => return Err(self.refuse_file(actor, None, refusal).await),
        };
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("importera budget", None, "budget")
                .values(None, Some(source.to_string())),
        );
        let id = self.store.insert(&checked.budget, &stamp).await?;
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
            self.record_refusal(actor, Some(id), "status", &error).await;
            return Err(error);
        }
        let mut snapshot = match read_budget(source, id, expected_revision + 1, self.limits()) {
            Ok(snapshot) => snapshot,
            Err(refusal) => return Err(self.refuse_file(actor, Some(id), refusal).await),
        };
        snapshot.status = current.status;
        snapshot.version_number = current.version_number;
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("ersätt budget", Some(id), "budget").values(
                Some(styr_import::write_budget(&current.budget)),
                Some(source.to_string()),
            ),
        );
        let replaced = self
            .store
            .replace(id, expected_revision, &snapshot.budget, &stamp)
            .await;
        if let Err(styr_store::StoreError::Conflict { expected, actual }) = &replaced {
            let error = AppError::Conflict {
                current_revision: *actual,
            };
            let entity = format!("inaktuell/version {expected}");
            self.record_refusal(actor, Some(id), entity, &error).await;
            return Err(error);
        }
        replaced?;
        let snapshot = Arc::new(snapshot);
        self.cache.remember(&snapshot).await;
        Ok(snapshot)
    }

    /// Records the refusal of a budget file (unreadable, or a budget that does not compute)
    /// and gives it back.
    async fn refuse_file(
        &self,
        actor: &Actor,
        id: Option<BudgetId>,
        refusal: AppError,
    ) -> AppError {
        let entity = "import/budgetfil";
        match &refusal {
            AppError::Unreadable(issues) => {
                let reason = AppError::Rejected(refused_file(issues));
                self.record_refusal(actor, id, entity, &reason).await;
            }
            other => self.record_refusal(actor, id, entity, other).await,
        }
        refusal
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

/// A budget file read and computed, as budget `id` at `revision`: a budget that does not
/// compute is refused before anything is stored.
fn read_budget(
    source: &str,
    id: BudgetId,
    revision: i64,
    limits: &styr_import::Limits,
) -> Result<Snapshot, AppError> {
    let budget = styr_import::parse_budget_within(source, limits).map_err(AppError::Unreadable)?;
    Snapshot::compute(id, revision, budget).map_err(AppError::DoesNotCompute)
}
