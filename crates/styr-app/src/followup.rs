//! Follow-up use cases: import the books, read budget versus actual, drill down to vouchers,
//! enter forecasts. The outcome is stored beside the budget; it never changes the budget's
//! revision, so editing the budget and importing the books do not conflict.

use std::collections::BTreeMap;

use styr_domain::access::Action;
use styr_domain::calendar::Year;
use styr_domain::followup::mapping::AccountUse;
use styr_domain::followup::{
    AccountMapping, CostCentreMapping, Forecast, LedgerImport, Month, Profile,
};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_import::Issue;
use styr_reports::followup::{FollowupInput, FollowupReport, follow_up};
use styr_store::{AuditEntry, BookedRow, BudgetId, ImportRecord, Stamp};

use crate::{Actor, App, AppError};

/// Vouchers per batch while a SIE file is imported: a few megabytes, whatever the file.
const SIE_BATCH: usize = 20_000;

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

/// What a drill-down asks for: a unit's (group's) row in one month.
#[derive(Clone, Debug)]
pub struct Figure {
    pub group: String,
    pub row: OperatingRow,
    pub month: Month,
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
        let ledger = self.read_outcome(file_name, bytes, profile).await?;
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
        enum Message {
            Batch(LedgerImport),
            Done(Result<LedgerImport, styr_import::sie::SieError>),
        }
        let (sender, mut receiver) = tokio::sync::mpsc::channel(2);
        let name = file_name.to_string();
        let reader = tokio::task::spawn_blocking(move || {
            let batches = sender.clone();
            let result = styr_import::sie::read_ledger_batches(
                input,
                &name,
                SIE_BATCH,
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
        let mut outcome = Err(AppError::WriteFailed("filen lästes inte till slut".into()));
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
        if let Ok(record) = &outcome {
            tracing::info!(
                budget,
                file = %record.file_name,
                rows = record.rows,
                replaced = record.replaced_rows,
                by = %actor.name,
                "utfall inläst"
            );
        }
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
                styr_import::csv::read_csv(bytes, file_name, &profile).map_err(AppError::Unreadable)
            }
            None => styr_import::sie::read_ledger(bytes, file_name, |_| {})
                .map(|(_, ledger)| ledger)
                .map_err(unreadable),
        }
    }

    pub async fn store_outcome(
        &self,
        actor: &Actor,
        budget: BudgetId,
        ledger: &LedgerImport,
    ) -> Result<ImportRecord, AppError> {
        self.require(actor, &Action::ImportOutcome, Some(budget), None)
            .await?;
        if ledger.rows.is_empty() && ledger.period_budget.is_empty() {
            return Err(nothing_to_follow_up());
        }
        let record = self
            .store
            .import_outcome(budget, ledger, &Stamp::now(&actor.name))
            .await?;
        tracing::info!(
            budget,
            file = %record.file_name,
            rows = record.rows,
            replaced = record.replaced_rows,
            by = %actor.name,
            "utfall inläst"
        );
        Ok(record)
    }

    /// The cost centres' names as the accounting system gives them.
    pub async fn followup_names(
        &self,
        budget: BudgetId,
    ) -> Result<BTreeMap<String, String>, AppError> {
        Ok(self.store.outcome(budget).await?.cost_centre_names)
    }

    /// How each line's yearly budget is spread over the months (even when absent).
    pub async fn line_profiles(
        &self,
        budget: BudgetId,
    ) -> Result<BTreeMap<LineKind, Profile>, AppError> {
        Ok(self.store.line_profiles(budget).await?)
    }

    pub async fn set_line_profiles(
        &self,
        actor: &Actor,
        budget: BudgetId,
        profiles: &BTreeMap<LineKind, Profile>,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditMapping, Some(budget), None)
            .await?;
        let before = self.store.line_profiles(budget).await?;
        let stamp = Stamp::now(&actor.name).with(mapping_entry(
            budget,
            "fördelningsprofiler",
            &before,
            profiles,
        ));
        Ok(self
            .store
            .set_line_profiles(budget, profiles, &stamp)
            .await?)
    }

    /// Saves the account rules, the cost-centre rules and the lines' profiles together.
    pub async fn set_followup_settings(
        &self,
        actor: &Actor,
        budget: BudgetId,
        accounts: &AccountMapping,
        cost_centres: &CostCentreMapping,
        profiles: &BTreeMap<LineKind, Profile>,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditMapping, Some(budget), None)
            .await?;
        let stamp = Stamp::now(&actor.name)
            .with(mapping_entry(
                budget,
                "kontoregler",
                &self.account_mapping(budget).await?,
                accounts,
            ))
            .with(mapping_entry(
                budget,
                "ansvarsregler",
                &self.store.cost_centre_rules(budget).await?,
                cost_centres,
            ))
            .with(mapping_entry(
                budget,
                "fördelningsprofiler",
                &self.store.line_profiles(budget).await?,
                profiles,
            ));
        Ok(self
            .store
            .set_followup_settings(budget, accounts, cost_centres, profiles, &stamp)
            .await?)
    }

    pub async fn outcome_imports(&self, budget: BudgetId) -> Result<Vec<ImportRecord>, AppError> {
        Ok(self.store.outcome_imports(budget).await?)
    }

    /// The account mapping in force: the budget's own rules, or the Kommun-Bas default.
    pub async fn account_mapping(&self, budget: BudgetId) -> Result<AccountMapping, AppError> {
        Ok(self
            .store
            .account_rules(budget)
            .await?
            .unwrap_or_else(AccountMapping::kommun_bas))
    }

    pub async fn set_account_mapping(
        &self,
        actor: &Actor,
        budget: BudgetId,
        mapping: &AccountMapping,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditMapping, Some(budget), None)
            .await?;
        let stamp = Stamp::now(&actor.name).with(mapping_entry(
            budget,
            "kontoregler",
            &self.account_mapping(budget).await?,
            mapping,
        ));
        Ok(self
            .store
            .set_account_rules(budget, mapping, &stamp)
            .await?)
    }

    /// The cost-centre rules: the budget's own, and for every cost centre without one, a rule
    /// to the unit with the same code or name.
    pub async fn cost_centre_mapping(
        &self,
        budget: BudgetId,
    ) -> Result<CostCentreMapping, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let mapping = self.store.cost_centre_rules(budget).await?;
        let outcome = self.store.outcome(budget).await?;
        Ok(styr_reports::followup::with_matching_units(
            mapping,
            &snapshot.budget,
            &outcome,
        ))
    }

    pub async fn set_cost_centre_mapping(
        &self,
        actor: &Actor,
        budget: BudgetId,
        mapping: &CostCentreMapping,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditMapping, Some(budget), None)
            .await?;
        let stamp = Stamp::now(&actor.name).with(mapping_entry(
            budget,
            "ansvarsregler",
            &self.store.cost_centre_rules(budget).await?,
            mapping,
        ));
        Ok(self
            .store
            .set_cost_centre_rules(budget, mapping, &stamp)
            .await?)
    }

    /// Budget versus actual for `year` (the budget year by default) through month `through`
    /// (the last booked month by default).
    pub async fn followup(
        &self,
        budget: BudgetId,
        year: Option<Year>,
        through: Option<u8>,
    ) -> Result<FollowupReport, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let outcome = self.store.outcome(budget).await?;
        let accounts = self.account_mapping(budget).await?;
        // The default rules come from the same outcome: read it once.
        let cost_centres = styr_reports::followup::with_matching_units(
            self.store.cost_centre_rules(budget).await?,
            &snapshot.budget,
            &outcome,
        );
        let forecasts = self.store.forecasts(budget).await?;
        let profiles = self.store.line_profiles(budget).await?;
        follow_up(&FollowupInput {
            budget: Some(&snapshot.budget),
            outcome: &outcome,
            accounts: &accounts,
            cost_centres: &cost_centres,
            profiles: &profiles,
            forecasts: &forecasts,
            year: year.unwrap_or(snapshot.budget.years.budget),
            through,
            title: String::new(),
        })
        .map_err(|overflow| AppError::DoesNotCompute(overflow.to_string()))
    }

    /// Sets a unit's full-year forecast for a line; returns what it replaced.
    pub async fn set_forecast(
        &self,
        actor: &Actor,
        budget: BudgetId,
        forecast: Forecast,
    ) -> Result<(), AppError> {
        let snapshot = self.snapshot(budget).await?;
        self.require(
            actor,
            &Action::SetForecast {
                unit: forecast.unit.clone(),
            },
            Some(budget),
            Some(&snapshot.budget),
        )
        .await?;
        if snapshot.budget.organisation.unit(&forecast.unit).is_none() {
            return Err(AppError::Invalid(
                styr_domain::change::ChangeError::UnknownUnit(forecast.unit.clone()),
            ));
        }
        let previous = self
            .store
            .set_forecast(budget, &forecast, &Stamp::now(&actor.name))
            .await?;
        tracing::info!(
            budget,
            unit = %forecast.unit.0,
            row = forecast.row.key(),
            old = ?previous.map(|(amount, _)| amount.ore()),
            new = forecast.amount.ore(),
            by = %actor.name,
            "prognos ändrad"
        );
        Ok(())
    }

    /// The booked rows behind one figure of the follow-up: the rows of that month whose account
    /// maps to the row and whose cost centre belongs to the group.
    pub async fn drill_down(
        &self,
        budget: BudgetId,
        figure: &Figure,
    ) -> Result<Vec<BookedRow>, AppError> {
        self.drill_down_months(budget, &figure.group, figure.row, &[figure.month])
            .await
    }

    /// The booked rows behind a group's row over `months` ("" for the whole board), with the
    /// mapping read once.
    pub async fn drill_down_months(
        &self,
        budget: BudgetId,
        group: &str,
        row: OperatingRow,
        months: &[Month],
    ) -> Result<Vec<BookedRow>, AppError> {
        let snapshot = self.snapshot(budget).await?;
        let accounts = self.account_mapping(budget).await?;
        let cost_centres = self.cost_centre_mapping(budget).await?;
        let parts = styr_reports::followup::entered_parts(row);
        let mut found = Vec::new();
        for month in months {
            let rows = self.store.booked_rows(budget, *month).await?;
            found.extend(rows.into_iter().filter(|booked| {
                let mapped = matches!(
                    accounts.use_of(booked.account),
                    AccountUse::Row(mapped) if parts.contains(&mapped)
                );
                if !mapped {
                    return false;
                }
                if group.is_empty() {
                    return true;
                }
                // The same rule the report uses, so the vouchers always add up to the figure.
                let table = styr_reports::followup::table_unit_of(
                    &snapshot.budget,
                    &cost_centres,
                    month.year(),
                    booked.cost_centre.as_deref(),
                    *month,
                );
                match table {
                    Some(unit) => unit.0 == group,
                    None => group == "ej fördelat",
                }
            }));
        }
        Ok(found)
    }

    pub async fn voucher(
        &self,
        budget: BudgetId,
        voucher: i64,
    ) -> Result<Vec<BookedRow>, AppError> {
        let rows = self.store.voucher(budget, voucher).await?;
        if rows.is_empty() {
            return Err(AppError::NotFound);
        }
        Ok(rows)
    }

    pub async fn import_profiles(&self) -> Result<BTreeMap<String, String>, AppError> {
        Ok(self.store.import_profiles().await?)
    }

    /// Checks and saves a CSV import profile under `name`.
    pub async fn save_import_profile(
        &self,
        actor: &Actor,
        name: &str,
        definition: &str,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditMapping, None, None)
            .await?;
        styr_import::csv::Profile::parse(definition).map_err(AppError::Unreadable)?;
        let before = self.store.import_profiles().await?.remove(name);
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("spara importprofil", None, format!("importprofil/{name}"))
                .values(before, Some(definition.to_string())),
        );
        Ok(self
            .store
            .save_import_profile(name, definition, &stamp)
            .await?)
    }
}

/// The log's entry for replacing one set of follow-up rules, as JSON before and after.
fn mapping_entry<T: serde::Serialize>(
    budget: BudgetId,
    what: &str,
    before: &T,
    after: &T,
) -> AuditEntry {
    AuditEntry::new(
        format!("ändra {what}"),
        Some(budget),
        format!("uppfoljning/{what}"),
    )
    .values(
        serde_json::to_string(before).ok(),
        serde_json::to_string(after).ok(),
    )
}
