//! Importing the books: a SIE file read while it is written (a thread reads and hands on
//! batches of vouchers, written into one open transaction that the file's end commits and
//! any error in it rolls back), or a CSV export read whole by a saved profile. Permission is
//! asked before a byte is read, and a refused file is recorded with its first problem.
//!
//! Imports to one budget take turns ([`ImportTurns`]): a second import waits until the first
//! has committed or rolled back, then replaces the same months again, so nine imports of one
//! file at once leave the books of one import. The store makes the same hold between
//! processes (see `styr_store`'s followup/import.rs).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use styr_domain::access::Action;
use styr_domain::followup::LedgerImport;
use styr_import::Issue;
use styr_store::{BudgetId, ImportRecord, Stamp};

use crate::budgets::refused_file;
use crate::{Actor, App, AppError, WriteFailure};

/// Vouchers per batch while a SIE file is imported: a few megabytes, whatever the file.
const SIE_BATCH: usize = 20_000;

/// Each budget's turn to import, in this process.
#[derive(Default)]
pub(crate) struct ImportTurns {
    by_budget: Mutex<HashMap<BudgetId, Arc<tokio::sync::Mutex<()>>>>,
}

impl ImportTurns {
    /// Waits for `budget`'s turn; the turn is held until the guard is dropped.
    async fn wait(&self, budget: BudgetId) -> tokio::sync::OwnedMutexGuard<()> {
        let turn = Arc::clone(
            self.by_budget
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(budget)
                .or_default(),
        );
        turn.lock_owned().await
    }
}

fn nothing_to_follow_up() -> AppError {
    AppError::Unreadable(vec![Issue::error(
        "",
        0..0,
        "filen har inga bokningar på resultatkonton (klass 3–8); inget att följa upp",
    )])
}

fn unreadable(error: styr_import::sie::SieError) -> AppError {
    match error {
        styr_import::sie::SieError::Invalid { errors, .. } => AppError::Unreadable(errors),
        styr_import::sie::SieError::Io(error) => AppError::Unreadable(vec![Issue::error(
            "",
            0..0,
            format!("filen kunde inte läsas: {error}"),
        )]),
    }
}

impl App {
    /// Reads an accounting export (SIE; or CSV with `profile`) and stores it for `budget`, all
    /// or nothing, replacing the months it covers.
    pub async fn import_outcome(
        &self,
        actor: &Actor,
        budget: BudgetId,
        file_name: &str,
        bytes: &[u8],
        profile: Option<&str>,
    ) -> Result<ImportRecord, AppError> {
        if profile.is_none() {
            let input = std::io::Cursor::new(bytes.to_vec());
            return self
                .import_sie(actor, budget, file_name, input, |_| {})
                .await;
        }
        self.require(actor, &Action::ImportOutcome, Some(budget), None)
            .await?;
        let ledger = match self.read_outcome(file_name, bytes, profile).await {
            Ok(ledger) => ledger,
            Err(refusal) => {
                return Err(self.refuse_import(actor, budget, file_name, refusal).await);
            }
        };
        self.store_outcome(actor, budget, &ledger).await
    }

    /// Imports a SIE file for `budget` while it is read: a thread reads it and hands on batches
    /// of vouchers, which are written into one open transaction; the file's end commits it, and
    /// any error in the file rolls it back. Memory holds a batch, not the year.
    pub async fn import_sie(
        &self,
        actor: &Actor,
        budget: BudgetId,
        file_name: &str,
        input: impl std::io::Read + Send + 'static,
        progress: impl FnMut(u64) + Send + 'static,
    ) -> Result<ImportRecord, AppError> {
        self.require(actor, &Action::ImportOutcome, Some(budget), None)
            .await?;
        let _turn = self.imports.wait(budget).await;
        let outcome = self
            .read_sie_into_store(actor, budget, file_name, input, progress)
            .await;
        match outcome {
            Ok(record) => {
                log_import(actor, budget, &record);
                Ok(record)
            }
            Err(refusal) => Err(self.refuse_import(actor, budget, file_name, refusal).await),
        }
    }

    async fn read_sie_into_store(
        &self,
        actor: &Actor,
        budget: BudgetId,
        file_name: &str,
        input: impl std::io::Read + Send + 'static,
        progress: impl FnMut(u64) + Send + 'static,
    ) -> Result<ImportRecord, AppError> {
        enum Message {
            Batch(LedgerImport),
            Done(Result<LedgerImport, styr_import::sie::SieError>),
        }
        let (sender, mut receiver) = tokio::sync::mpsc::channel(2);
        let name = file_name.to_string();
        let limits = std::sync::Arc::clone(&self.limits);
        let reader = tokio::task::spawn_blocking(move || {
            let batches = sender.clone();
            let result = styr_import::sie::read_ledger_batches_within(
                input,
                &name,
                SIE_BATCH,
                &limits,
                move |batch| {
                    // A closed channel means the writer gave up; the result says why.
                    let _ = batches.blocking_send(Message::Batch(batch));
                },
                progress,
            );
            let _ = sender.blocking_send(Message::Done(result.map(|(_, about)| about)));
        });
        let mut import = self.store.begin_outcome_import(budget).await?;
        let mut rows = 0;
        let mut outcome = Err(AppError::WriteFailed(WriteFailure::ReaderStopped));
        while let Some(message) = receiver.recv().await {
            match message {
                Message::Batch(batch) => {
                    rows += batch.rows.len();
                    import.add(&batch).await?;
                }
                Message::Done(Ok(about)) => {
                    outcome = if rows == 0 && about.period_budget.is_empty() {
                        Err(nothing_to_follow_up())
                    } else {
                        import
                            .finish(&about, &Stamp::now(&actor.name))
                            .await
                            .map_err(AppError::from)
                    };
                    break;
                }
                Message::Done(Err(error)) => {
                    outcome = Err(unreadable(error));
                    break;
                }
            }
        }
        let _ = reader.await;
        outcome
    }

    /// Reads an export without storing it.
    pub async fn read_outcome(
        &self,
        file_name: &str,
        bytes: &[u8],
        profile: Option<&str>,
    ) -> Result<LedgerImport, AppError> {
        match profile {
            Some(name) => {
                let profiles = self.store.import_profiles().await?;
                let definition = profiles.get(name).ok_or_else(|| {
                    AppError::Unreadable(vec![Issue::error(
                        "",
                        0..0,
                        format!("importprofilen ”{name}” finns inte"),
                    )])
                })?;
                let profile =
                    styr_import::csv::Profile::parse(definition).map_err(AppError::Unreadable)?;
                styr_import::csv::read_csv_within(bytes, file_name, &profile, self.limits())
                    .map_err(AppError::Unreadable)
            }
            None => styr_import::sie::read_ledger_within(bytes, file_name, self.limits(), |_| {})
                .map(|(_, ledger)| ledger)
                .map_err(unreadable),
        }
    }

    /// Stores books already read, for `budget`, all or nothing.
    pub async fn store_outcome(
        &self,
        actor: &Actor,
        budget: BudgetId,
        ledger: &LedgerImport,
    ) -> Result<ImportRecord, AppError> {
        self.require(actor, &Action::ImportOutcome, Some(budget), None)
            .await?;
        if ledger.rows.is_empty() && ledger.period_budget.is_empty() {
            let refusal = nothing_to_follow_up();
            return Err(self
                .refuse_import(actor, budget, &ledger.file_name, refusal)
                .await);
        }
        let _turn = self.imports.wait(budget).await;
        let record = self
            .store
            .import_outcome(budget, ledger, &Stamp::now(&actor.name))
            .await;
        match record {
            Ok(record) => {
                log_import(actor, budget, &record);
                Ok(record)
            }
            Err(error) => {
                let refusal = AppError::from(error);
                Err(self
                    .refuse_import(actor, budget, &ledger.file_name, refusal)
                    .await)
            }
        }
    }

    /// Records the refusal of an unreadable file of the books, and gives the error back
    /// (other errors are not refusals of the file and are only given back).
    async fn refuse_import(
        &self,
        actor: &Actor,
        budget: BudgetId,
        file_name: &str,
        error: AppError,
    ) -> AppError {
        if let AppError::Unreadable(issues) = &error {
            let name: String = file_name.chars().take(100).collect();
            let reason = AppError::Rejected(refused_file(issues));
            self.record_refusal(
                actor,
                Some(budget),
                format!("import/utfall/{name}"),
                &reason,
            )
            .await;
        }
        error
    }
}

fn log_import(actor: &Actor, budget: BudgetId, record: &ImportRecord) {
    tracing::info!(
        budget,
        file = %record.file_name,
        rows = record.rows,
        replaced = record.replaced_rows,
        by = %actor.name,
        "utfall inläst"
    );
}
