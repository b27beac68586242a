//! The group-commit writer: one writer per budget at a time in this process, so that people
//! writing at the same moment queue instead of refusing each other.
//!
//! A request joins its budget's queue and waits for the budget's writer turn. Whoever gets the
//! turn takes every request queued by then and stores them together (commit.rs): each is
//! checked and applied in order, the accepted ones written in one transaction, and each
//! request answered with its own result. Under load this turns many small transactions into
//! few. Between processes (several servers on one PostgreSQL) the store's revision check
//! decides, and a batch that lost is applied once more to the budget as it now is.
//!
//! ```text
//! anna:   change_seen(SetLine ks personnel 2025)  ─┐ queued
//! bertil: change_seen(PutRisk skred)               ─┤ queued        one transaction,
//! cecilia takes the turn ──────────────────────────┴─ commit ─────▶ revision + 2
//! ```

mod batch;
mod commit;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use styr_domain::change::Change;
use styr_store::BudgetId;

use crate::{Actor, App, AppError, Snapshot, WriteFailure};

/// Every budget's writer, made when the budget is first written in this process.
#[derive(Default)]
pub(crate) struct Writers {
    by_budget: Mutex<HashMap<BudgetId, Arc<Writer>>>,
}

/// One budget's queue of requests waiting to be written, and the turn to write them.
#[derive(Default)]
struct Writer {
    waiting: Mutex<Vec<Pending>>,
    turn: tokio::sync::Mutex<()>,
}

impl Writer {
    fn queue(&self, pending: Pending) {
        self.waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(pending);
    }

    fn take(&self) -> Vec<Pending> {
        std::mem::take(&mut *self.waiting.lock().unwrap_or_else(PoisonError::into_inner))
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

impl App {
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
                .by_budget
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
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
            .unwrap_or(Err(AppError::WriteFailed(WriteFailure::Interrupted)))
    }
}
