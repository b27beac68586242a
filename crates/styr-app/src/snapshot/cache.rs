//! The cache of computed snapshots, one per budget, and how a read finds the current one:
//! ask the store for the budget's revision (one small indexed query), use the cached snapshot
//! if it is at that revision, else load and compute the budget and cache that. Several
//! servers on one PostgreSQL therefore never serve a stale snapshot.

use std::collections::HashMap;
use std::sync::Arc;

use styr_store::BudgetId;
use tokio::sync::RwLock;

use super::Snapshot;
use crate::{App, AppError};

/// The latest snapshot of each budget this process has read or written.
#[derive(Default)]
pub(crate) struct Cache {
    snapshots: RwLock<HashMap<BudgetId, Arc<Snapshot>>>,
}

impl Cache {
    pub(crate) async fn remember(&self, snapshot: &Arc<Snapshot>) {
        self.snapshots
            .write()
            .await
            .insert(snapshot.id, Arc::clone(snapshot));
    }

    async fn at(&self, id: BudgetId, revision: Option<i64>) -> Option<Arc<Snapshot>> {
        self.snapshots
            .read()
            .await
            .get(&id)
            .filter(|cached| revision.is_none_or(|revision| cached.revision == revision))
            .map(Arc::clone)
    }

    async fn forget(&self, id: BudgetId) {
        self.snapshots.write().await.remove(&id);
    }
}

impl App {
    /// The budget as it is now, computed.
    pub async fn snapshot(&self, id: BudgetId) -> Result<Arc<Snapshot>, AppError> {
        let state = self.store.workflow(id).await?;
        if let Some(cached) = self.cache.at(id, Some(state.revision)).await {
            return Ok(cached);
        }
        let stored = self.store.load(id).await?;
        let mut snapshot = Snapshot::compute(stored.id, stored.revision, stored.budget)
            .map_err(AppError::DoesNotCompute)?;
        // The workflow moves the revision too, so a snapshot at a revision has one status.
        let state = if stored.revision == state.revision {
            state
        } else {
            self.store.workflow(id).await?
        };
        snapshot.status = state.status;
        snapshot.version_number = state.version_number;
        let snapshot = Arc::new(snapshot);
        self.cache.remember(&snapshot).await;
        Ok(snapshot)
    }

    /// The cached snapshot when there is one, else (or when `reload`) the stored budget. A
    /// writer may trust the cache: the store refuses a write from a stale revision.
    pub(crate) async fn cached_or_load(
        &self,
        id: BudgetId,
        reload: bool,
    ) -> Result<Arc<Snapshot>, AppError> {
        if !reload && let Some(cached) = self.cache.at(id, None).await {
            return Ok(cached);
        }
        self.cache.forget(id).await;
        self.snapshot(id).await
    }
}
