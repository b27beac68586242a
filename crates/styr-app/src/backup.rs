//! The operator's backup and restore, on record. Only the operator of the command line may
//! take a backup (a copy holds everything, password hashes too) or restore one; each is
//! written to the audit log: a backup in the database it copied, a restore in the database
//! it restored, as that database's newest entry. A restored database starts with nobody
//! logged in. (Its API tokens are as they were when the backup was taken: a token revoked
//! since is live again and must be revoked again — `styr restore` says so.)
//!
//! ```text
//! app.backup_into(&operator, Path::new("styr-2026-11-26.db")).await?;   // SQLite: VACUUM INTO
//! app.record_backup(&operator, "styr.dump (pg_dump)").await?;           // PostgreSQL
//! app.record_restore(&operator, "styr-2026-11-26.db").await?;           // after a restore
//! ```

use std::path::Path;

use styr_store::{AuditEntry, Backend, Contents, Stamp};

use crate::{Actor, App, AppError};

impl App {
    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    /// What the database holds, counted (a restore refuses to overwrite one that holds
    /// anything).
    pub async fn contents(&self) -> Result<Contents, AppError> {
        Ok(self.store.contents().await?)
    }

    /// What the SQLite backup at `path` holds, read without changing it; refused when it is
    /// not a whole, readable styr database.
    pub async fn inspect_backup(path: &Path) -> Result<Contents, AppError> {
        Ok(styr_store::Store::inspect_backup(path).await?)
    }

    /// Closes the database, waiting until every connection is closed.
    pub async fn close(&self) {
        self.store.close().await;
    }

    /// Copies the whole SQLite database, as of now, into a new file at `output`, and records
    /// it. The server may go on serving meanwhile. On PostgreSQL, `pg_dump` copies and
    /// [`App::record_backup`] records.
    pub async fn backup_into(&self, actor: &Actor, output: &Path) -> Result<(), AppError> {
        self.require_operator(actor, "ta en säkerhetskopia").await?;
        if self.backend() != Backend::Sqlite {
            return Err(AppError::Rejected(
                "en PostgreSQL-databas kopieras med pg_dump".into(),
            ));
        }
        self.store.backup_into(output).await?;
        self.record_backup(actor, &output.display().to_string())
            .await
    }

    /// Records a backup taken into `file`.
    pub async fn record_backup(&self, actor: &Actor, file: &str) -> Result<(), AppError> {
        self.require_operator(actor, "ta en säkerhetskopia").await?;
        let entry =
            AuditEntry::new("säkerhetskopia", None, "databas").values(None, Some(file.into()));
        self.store
            .record(&Stamp::now(&actor.name).with(entry))
            .await?;
        tracing::info!(file, by = %actor.name, "säkerhetskopia tagen");
        Ok(())
    }

    /// Records, in the database just restored, that it was restored from `file`, and ends
    /// every session in it: the sessions a backup holds belong to the moment it was taken.
    pub async fn record_restore(&self, actor: &Actor, file: &str) -> Result<(), AppError> {
        self.require_operator(actor, "återställa en säkerhetskopia")
            .await?;
        let entry = AuditEntry::new("återställ säkerhetskopia", None, "databas")
            .values(None, Some(file.into()));
        let ended = self
            .store
            .end_all_sessions(&Stamp::now(&actor.name).with(entry))
            .await?;
        tracing::info!(file, by = %actor.name, sessions = ended, "säkerhetskopia återställd");
        Ok(())
    }
}
