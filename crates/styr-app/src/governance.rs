//! The municipality's register of governance documents (styrdokument): the documents people
//! enter, and every budget's own document metadata beside them, each with where it stands
//! against "revideras senast" today in Swedish time. Until the municipality is an entity of
//! its own, the register is kept by the budgets' municipality code ("1489").
//!
//! ```text
//! app.registers().await?            // one per municipality code the budgets have
//! app.put_governance_document(&controller, &document, None).await?     // version 1
//! app.put_governance_document(&controller, &changed, Some(1)).await?   // version 2
//! ```
//!
//! Changing the register asks the same permission as the budget document's metadata
//! (`EditDocument`); every change and every refusal is on record.

use serde::Serialize;
use styr_domain::access::Action;
use styr_domain::calendar::{Date, Instant};
use styr_domain::governance::{GovernanceDocument, RevisionState};
use styr_store::{AuditEntry, BudgetId, Stamp, StoreError};

use crate::{Actor, App, AppError};

/// One row of a register: a document, where it stands today, and where it is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterRow {
    pub document: GovernanceDocument,
    pub revision: RevisionState,
    pub expired: bool,
    /// The register's own document: its version, for a save to stand on.
    pub version: Option<i64>,
    /// A budget's own document metadata: the budget, edited on its Dokument page.
    pub budget: Option<BudgetId>,
}

/// The register of one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Register {
    /// The municipality code ("1489").
    pub municipality: String,
    /// The municipality's name, as its budgets give it.
    pub name: String,
    /// Every document, the register's own and the budgets', by title.
    pub rows: Vec<RegisterRow>,
}

impl Register {
    /// The rows that are due for revision, most overdue first.
    pub fn due(&self) -> Vec<&RegisterRow> {
        let mut due: Vec<&RegisterRow> = self
            .rows
            .iter()
            .filter(|row| row.revision.is_due())
            .collect();
        due.sort_by_key(|row| (row.document.metadata.revise_by, row.document.id.clone()));
        due
    }
}

impl App {
    /// Today's date in Sweden (Europe/Stockholm, summer time included): the day a reminder is
    /// judged on. Midnight in Stockholm is 23:00 or 22:00 UTC the day before.
    pub fn today(&self) -> Date {
        Instant::parse_utc(&styr_store::now())
            .and_then(Instant::in_sweden)
            .map(|local| local.date)
            .unwrap_or_else(|| {
                Date::first_of(styr_domain::calendar::Year::new(2000).expect("2000 is a year"))
            })
    }

    /// Every municipality's register that the budgets name a code for.
    pub async fn registers(&self) -> Result<Vec<Register>, AppError> {
        let today = self.today();
        let mut registers: Vec<Register> = Vec::new();
        for summary in self.store.list().await? {
            let snapshot = self.snapshot(summary.id).await?;
            let budget = &snapshot.budget;
            let code = budget.municipality.code.clone();
            if code.is_empty() {
                continue;
            }
            let position = match registers
                .iter()
                .position(|register| register.municipality == code)
            {
                Some(position) => position,
                None => {
                    let rows = self
                        .store
                        .governance_documents(&code)
                        .await?
                        .into_iter()
                        .map(|stored| row(stored.document, Some(stored.version), None, today))
                        .collect();
                    registers.push(Register {
                        municipality: code.clone(),
                        name: budget.municipality.name.clone(),
                        rows,
                    });
                    registers.len() - 1
                }
            };
            let document = GovernanceDocument {
                id: format!("budget-{}", summary.id),
                municipality: code,
                metadata: budget.document.clone(),
            };
            registers[position]
                .rows
                .push(row(document, None, Some(summary.id), today));
        }
        for register in &mut registers {
            register.rows.sort_by(|a, b| {
                (a.document.metadata.title.to_lowercase(), &a.document.id)
                    .cmp(&(b.document.metadata.title.to_lowercase(), &b.document.id))
            });
        }
        Ok(registers)
    }

    /// Adds a document to its municipality's register (`expected_version` none) or saves it
    /// over the version the person read; returns its new version.
    pub async fn put_governance_document(
        &self,
        actor: &Actor,
        document: &GovernanceDocument,
        expected_version: Option<i64>,
    ) -> Result<i64, AppError> {
        self.require(actor, &Action::EditDocument, None, None)
            .await?;
        let entity = entity(&document.municipality, &document.id);
        if !self.known_municipality(&document.municipality).await? {
            return Err(AppError::Rejected(format!(
                "ingen budget har kommunkoden ”{}”",
                document.municipality
            )));
        }
        if document.metadata.title.trim().is_empty() {
            return Err(AppError::Rejected(
                "styrdokumentets titel får inte vara tom".into(),
            ));
        }
        let before = self
            .store
            .governance_documents(&document.municipality)
            .await?
            .into_iter()
            .find(|stored| stored.document.id == document.id);
        let label = if expected_version.is_none() {
            "lägg till styrdokument"
        } else {
            "ändra styrdokument"
        };
        let stamp =
            Stamp::now(&actor.name).with(AuditEntry::new(label, None, entity.clone()).values(
                before.and_then(|stored| json(&stored.document)),
                json(document),
            ));
        match self
            .store
            .put_governance_document(document, expected_version, &stamp)
            .await
        {
            Ok(version) => Ok(version),
            Err(StoreError::Conflict { actual, .. }) => {
                let error = stale(expected_version, actual);
                self.record_refusal(actor, None, format!("inaktuell/{entity}"), &error)
                    .await;
                Err(error)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Removes a document of the register, if it is still at the version the person read.
    pub async fn remove_governance_document(
        &self,
        actor: &Actor,
        municipality: &str,
        id: &str,
        version: i64,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditDocument, None, None)
            .await?;
        let entity = entity(municipality, id);
        let before = self
            .store
            .governance_documents(municipality)
            .await?
            .into_iter()
            .find(|stored| stored.document.id == id);
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("ta bort styrdokument", None, entity.clone())
                .values(before.and_then(|stored| json(&stored.document)), None),
        );
        match self
            .store
            .delete_governance_document(municipality, id, version, &stamp)
            .await
        {
            Ok(()) => Ok(()),
            Err(StoreError::Conflict { actual, .. }) => {
                let error = stale(Some(version), actual);
                self.record_refusal(actor, None, format!("inaktuell/{entity}"), &error)
                    .await;
                Err(error)
            }
            Err(error) => Err(error.into()),
        }
    }

    async fn known_municipality(&self, code: &str) -> Result<bool, AppError> {
        for summary in self.store.list().await? {
            if self.snapshot(summary.id).await?.budget.municipality.code == code {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

fn row(
    document: GovernanceDocument,
    version: Option<i64>,
    budget: Option<BudgetId>,
    today: Date,
) -> RegisterRow {
    RegisterRow {
        revision: document.metadata.revision(today),
        expired: document.metadata.expired(today),
        document,
        version,
        budget,
    }
}

fn entity(municipality: &str, id: &str) -> String {
    format!("styrdokument/{municipality}/{id}")
}

fn json(value: &impl Serialize) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// A save from a stale read, or of a new document under an id already taken.
fn stale(expected: Option<i64>, actual: i64) -> AppError {
    match expected {
        None => AppError::Rejected("ett styrdokument med det id:t finns redan".into()),
        Some(_) if actual == 0 => {
            AppError::Rejected("styrdokumentet finns inte längre; någon har tagit bort det".into())
        }
        Some(_) => AppError::Stale {
            entity: "styrdokumentet".into(),
            current: format!("version {actual}"),
            current_version: actual.to_string(),
            current_revision: actual,
        },
    }
}
