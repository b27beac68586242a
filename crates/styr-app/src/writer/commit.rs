//! A batch of queued requests stored together. Each request is checked against the budget as
//! the requests before it left it: the revision it expects, its permission, that nothing it
//! changes was changed since the person read it, and that its changes apply. A request that
//! fails a check is answered (and, but for an invalid value, recorded as refused) and the rest
//! go on; the accepted ones are written in one transaction that moves the revision once per
//! request. If another process wrote first, the batch is tried once more on the budget as it
//! now is.

use std::sync::Arc;

use styr_store::{BudgetId, Part, Stamp, StoreError, Write};

use super::Pending;
use super::batch::{apply_request, change_name, stale, superseded_parts, writes_for};
use crate::authorization::permitted;
use crate::{App, AppError, Snapshot};

/// What a batch's accepted requests make: their audit entries, under each request's actor,
/// and the cells and parts to write.
#[derive(Default)]
struct Accepted {
    requests: Vec<Pending>,
    entries: Vec<(String, styr_store::AuditEntry)>,
    cells: Vec<Write>,
    parts: Vec<Part>,
}

impl App {
    /// Applies and stores a batch of queued requests, answering each.
    pub(super) async fn commit(&self, id: BudgetId, mut batch: Vec<Pending>) {
        // One retry when another process wrote since this process last read the budget.
        for attempt in 0..2 {
            let current = match self.cached_or_load(id, attempt > 0).await {
                Ok(current) => current,
                Err(error) => {
                    for pending in batch {
                        let _ = pending.reply.send(Err(error.clone()));
                    }
                    return;
                }
            };
            let mut budget = current.budget.clone();
            let mut accepted = Accepted::default();
            for pending in batch {
                let revision = current.revision + accepted.requests.len() as i64;
                if let Err(refusal) = self.check(id, &current, &budget, &pending, revision).await {
                    let _ = pending.reply.send(Err(refusal));
                    continue;
                }
                match apply_request(id, &mut budget, &pending.changes) {
                    // A change that leaves a value as it was (a form saving every cell) is
                    // not a change to record.
                    Ok((made, touched)) => {
                        accepted.entries.extend(
                            made.into_iter()
                                .filter(|entry| entry.old_value != entry.new_value)
                                .map(|entry| (pending.actor.name.clone(), entry)),
                        );
                        for part in superseded_parts(touched) {
                            if !accepted.parts.contains(&part) {
                                accepted.parts.push(part);
                            }
                        }
                    }
                    Err(error) => {
                        let _ = pending.reply.send(Err(error));
                        continue;
                    }
                }
                accepted.add_writes(&current, &pending);
                accepted.requests.push(pending);
            }
            if accepted.requests.is_empty() {
                return;
            }
            match self.store_batch(id, &current, budget, accepted).await {
                Ok(()) => return,
                Err((requests, _)) if attempt == 0 => batch = requests,
                Err((requests, actual)) => {
                    for pending in requests {
                        let _ = pending.reply.send(Err(AppError::Conflict {
                            current_revision: actual,
                        }));
                    }
                    return;
                }
            }
        }
    }

    /// Whether `pending` may be made at `revision`: the revision it expects, its permission
    /// and status, and the versions it was based on. A refusal is recorded.
    async fn check(
        &self,
        id: BudgetId,
        current: &Snapshot,
        budget: &styr_domain::budget::Budget,
        pending: &Pending,
        revision: i64,
    ) -> Result<(), AppError> {
        let (entity, refusal) = if let Some(expected) = pending.expected_revision
            && expected != revision
        {
            let refusal = AppError::Conflict {
                current_revision: revision,
            };
            (format!("inaktuell/version {expected}"), refusal)
        } else if let Err(refusal) = permitted(&pending.actor, current, &pending.changes) {
            let entity = match refusal {
                AppError::Frozen(_) => "status",
                _ => "behorighet",
            };
            (entity.to_string(), refusal)
        } else if let Some(refusal) = stale(budget, pending, revision) {
            let entity = match &refusal {
                AppError::Stale { entity, .. } => format!("inaktuell/{entity}"),
                _ => "inaktuell".to_string(),
            };
            (entity, refusal)
        } else {
            return Ok(());
        };
        self.record_refusal(&pending.actor, Some(id), entity, &refusal)
            .await;
        Err(refusal)
    }

    /// Writes the accepted requests in one transaction and answers them; gives them back, with
    /// the revision now, when another process wrote first (a conflict, to try again).
    async fn store_batch(
        &self,
        id: BudgetId,
        current: &Snapshot,
        budget: styr_domain::budget::Budget,
        accepted: Accepted,
    ) -> Result<(), (Vec<Pending>, i64)> {
        let mut writes = accepted.cells;
        writes.extend(accepted.parts.into_iter().map(Write::Part));
        let by = accepted
            .requests
            .last()
            .map(|pending| pending.actor.name.as_str())
            .unwrap_or_default();
        let mut stamp = Stamp::now(by);
        // Each entry is recorded under its own actor, even in a group commit.
        stamp.entries = accepted
            .entries
            .into_iter()
            .map(|(by, entry)| entry.by(by))
            .collect();
        let count = accepted.requests.len() as i64;
        let saved = self
            .store
            .save_changes(id, current.revision, count, &budget, &writes, &stamp)
            .await;
        let revision = match saved {
            Ok(revision) => revision,
            Err(StoreError::Conflict { actual, .. }) => return Err((accepted.requests, actual)),
            Err(error) => {
                let error = AppError::from(error);
                for pending in accepted.requests {
                    let _ = pending.reply.send(Err(error.clone()));
                }
                return Ok(());
            }
        };
        let mut snapshot = Snapshot::deferred(id, revision, budget);
        snapshot.status = current.status;
        snapshot.version_number = current.version_number;
        let snapshot = Arc::new(snapshot);
        self.cache.remember(&snapshot).await;
        for pending in accepted.requests {
            for change in &pending.changes {
                tracing::info!(budget = id, revision, actor = %pending.actor.name, change = change_name(change), "budget changed");
            }
            let _ = pending.reply.send(Ok(Arc::clone(&snapshot)));
        }
        Ok(())
    }
}

impl Accepted {
    /// Adds what `pending` must write: its cells, or the parts its changes touch.
    fn add_writes(&mut self, current: &Snapshot, pending: &Pending) {
        for change in &pending.changes {
            for write in writes_for(change) {
                match write {
                    // A unit's first cell gives it lines of its own: the whole part.
                    Write::Cell { unit, .. }
                        if !current.budget.lines.iter().any(|lines| lines.unit == unit) =>
                    {
                        if !self.parts.contains(&Part::Operating) {
                            self.parts.push(Part::Operating);
                        }
                    }
                    Write::Part(part) if !self.parts.contains(&part) => self.parts.push(part),
                    Write::Part(_) => {}
                    cell => self.cells.push(cell),
                }
            }
        }
    }
}
