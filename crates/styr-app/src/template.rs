//! Reading a filled-in budget template back into a budget: every cell checked first, then all
//! of its changes in one transaction, as the person importing it (whose role decides which
//! units' lines they may change).

use std::sync::Arc;

use crate::{Actor, App, AppError, Snapshot};
use styr_store::BudgetId;

/// What a template brought.
#[derive(Debug)]
pub struct TemplateImport {
    pub snapshot: Arc<Snapshot>,
    /// How many cells and explanations differed from the budget and were changed.
    pub changes: usize,
}

impl App {
    /// Applies a filled-in template (.xlsx) to budget `id`: all of it, or — on any problem in
    /// any cell, a refused change or someone else's change since the template was compared —
    /// nothing.
    pub async fn import_template(
        &self,
        actor: &Actor,
        id: BudgetId,
        workbook: &[u8],
    ) -> Result<TemplateImport, AppError> {
        let current = self.snapshot(id).await?;
        let changes = match styr_import::template::template_changes_within(
            workbook,
            &current.budget,
            self.limits(),
        ) {
            Ok(changes) => changes,
            Err(issues) => {
                let reason = AppError::Rejected(crate::budgets::refused_file(&issues));
                self.record_refusal(actor, Some(id), "import/budgetmall", &reason)
                    .await;
                return Err(AppError::Unreadable(issues));
            }
        };
        // The changes are what differs from this revision; applied to any other they could
        // undo someone's later edit, so a change in between refuses the import.
        let snapshot = self
            .change_all(actor, id, Some(current.revision), &changes)
            .await?;
        tracing::info!(budget = id, actor = %actor.name, changes = changes.len(), "budget template imported");
        Ok(TemplateImport {
            snapshot,
            changes: changes.len(),
        })
    }
}
