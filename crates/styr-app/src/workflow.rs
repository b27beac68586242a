//! The adoption workflow and versions: submit, return, adopt (freezing the version as a
//! budget file with its decision), revise (a new version from the adopted one), and a
//! comparison of any two versions line by line (differences.rs).
//!
//! ```text
//! utkast ──submit──▶ inlämnad ──adopt(KF 2024-11-27, KS 2024/321)──▶ fastställd (version 1)
//!    ▲                  │ return                                        │ revise
//!    └──────────────────┘                                   utkast (version 2) ◀┘
//! ```
//!
//! A step moves the budget's revision like a change, so an edit from before the step is
//! refused; a step from a stale revision is refused and recorded.

mod differences;
mod edition;

pub use differences::differences;
pub use edition::Edition;

use std::sync::Arc;

use styr_domain::access::Action;
use styr_domain::budget::Budget;
use styr_domain::workflow::{Adoption, Status, Step};
use styr_store::{AdoptedVersion, AuditEntry, BudgetId, Stamp};

use crate::{Actor, App, AppError, Snapshot};

/// A version of a budget as the version list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionSummary {
    pub number: i64,
    pub status: Status,
    /// The decision, for an adopted version.
    pub adopted: Option<AdoptedVersion>,
}

/// One difference between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The part of the budget ("Driftbudget", "Investeringar" …).
    pub part: String,
    /// The line ("Kommunledningskontoret – Personalkostnader 2026").
    pub item: String,
    pub from: String,
    pub to: String,
}

/// The audit entries of the errors an adoption passes over, one per error with its reason; or
/// the refusal that names every open error without one. A budget is adopted with an error of
/// the check only when someone says why.
fn passed_over(
    id: BudgetId,
    current: &Snapshot,
    adoption: &Adoption,
) -> Result<Vec<AuditEntry>, AppError> {
    let errors: Vec<&styr_reports::Finding> = current
        .report()
        .findings
        .iter()
        .filter(|finding| finding.severity == styr_reports::Severity::Error)
        .collect();
    let missing: Vec<String> = errors
        .iter()
        .map(|finding| finding.key())
        .filter(|key| adoption.reason_for(key).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(AppError::Rejected(format!(
            "{} fel i kontrollen saknar motivering: ange för varje fel varför budgeten fastställs ändå ({})",
            missing.len(),
            missing.join("; ")
        )));
    }
    Ok(errors
        .into_iter()
        .map(|finding| {
            let key = finding.key();
            AuditEntry::new("fastställd trots fel", Some(id), format!("kontroll/{key}")).values(
                Some(format!(
                    "angivet {}, beräknat {}",
                    finding.stated.text, finding.computed.text
                )),
                adoption.reason_for(&key).map(str::to_string),
            )
        })
        .collect())
}

/// What a step asks permission for.
pub fn action_for(step: Step) -> Action {
    match step {
        Step::Submit => Action::Submit,
        Step::Return => Action::Return,
        Step::Adopt => Action::Adopt,
        Step::Revise => Action::Revise,
    }
}

impl App {
    /// Takes a step along the workflow from the budget at `expected_revision`.
    pub async fn step(
        &self,
        actor: &Actor,
        id: BudgetId,
        expected_revision: Option<i64>,
        step: Step,
        adoption: Option<Adoption>,
    ) -> Result<Arc<Snapshot>, AppError> {
        let current = self.snapshot(id).await?;
        self.require(actor, &action_for(step), Some(id), Some(&current.budget))
            .await?;
        if let Some(expected) = expected_revision
            && expected != current.revision
        {
            let error = AppError::Conflict {
                current_revision: current.revision,
            };
            let entity = format!("inaktuell/version {expected}");
            self.record_refusal(actor, Some(id), entity, &error).await;
            return Err(error);
        }
        let to = step
            .from(current.status)
            .map_err(|reason| AppError::Rejected(reason.to_string()))?;
        let mut budget = current.budget.clone();
        if step == Step::Adopt {
            // The version is frozen in the municipality's look as it is now.
            budget.profile = self.store.profile(&budget.municipality.code).await?;
        }
        let entry = AuditEntry::new(
            step.label(),
            Some(id),
            format!("version/{}", current.version_number),
        )
        .values(
            Some(current.status.label().to_string()),
            Some(to.label().to_string()),
        );
        let mut stamp = Stamp::now(&actor.name).with(entry);
        let frozen = match (step, &adoption) {
            (Step::Adopt, Some(adoption)) => {
                stamp.entries.extend(passed_over(id, &current, adoption)?);
                budget.document.decided_by = adoption.decided_by.clone();
                budget.document.decision_date = Some(adoption.decision_date);
                budget.document.registry_number = adoption.registry_number.clone();
                stamp.entries.push(
                    AuditEntry::new("fastställ", Some(id), "dokument/beslut").values(
                        Some(format!(
                            "{}, {}, {}",
                            current.budget.document.decided_by,
                            current
                                .budget
                                .document
                                .decision_date
                                .map(|date| date.to_string())
                                .unwrap_or_default(),
                            current.budget.document.registry_number
                        )),
                        Some(format!(
                            "{}, {}, {}",
                            adoption.decided_by, adoption.decision_date, adoption.registry_number
                        )),
                    ),
                );
                Some(AdoptedVersion {
                    version_number: current.version_number,
                    decided_by: adoption.decided_by.clone(),
                    decision_date: adoption.decision_date.to_string(),
                    registry_number: adoption.registry_number.clone(),
                    adopted_by: actor.name.clone(),
                    adopted_at: stamp.at.clone(),
                    content: styr_import::write_budget(&budget),
                })
            }
            (Step::Adopt, None) => {
                return Err(AppError::Rejected(
                    "ett beslut behöver beslutande instans, datum och diarienummer".into(),
                ));
            }
            _ => None,
        };
        let revision = self
            .store
            .step(
                id,
                current.revision,
                to,
                step == Step::Revise,
                frozen.as_ref().map(|version| (version, &budget)),
                &stamp,
            )
            .await?;
        let mut snapshot = Snapshot::deferred(id, revision, budget);
        snapshot.status = to;
        snapshot.version_number = current.version_number + i64::from(step == Step::Revise);
        let snapshot = Arc::new(snapshot);
        self.cache.remember(&snapshot).await;
        tracing::info!(budget = id, revision, actor = %actor.name, status = to.key(), "budget status changed");
        Ok(snapshot)
    }

    /// Every version of the budget: the adopted ones and the current one if it is not adopted.
    pub async fn versions(&self, id: BudgetId) -> Result<Vec<VersionSummary>, AppError> {
        let current = self.snapshot(id).await?;
        let mut versions: Vec<VersionSummary> = self
            .store
            .adopted_versions(id)
            .await?
            .into_iter()
            .map(|adopted| VersionSummary {
                number: adopted.version_number,
                status: Status::Adopted,
                adopted: Some(adopted),
            })
            .collect();
        if !versions
            .iter()
            .any(|version| version.number == current.version_number)
        {
            versions.push(VersionSummary {
                number: current.version_number,
                status: current.status,
                adopted: None,
            });
        }
        Ok(versions)
    }

    /// The budget as it is in version `number`: an adopted version as it was frozen.
    pub async fn version_budget(&self, id: BudgetId, number: i64) -> Result<Budget, AppError> {
        let current = self.snapshot(id).await?;
        if let Some(adopted) = self
            .store
            .adopted_versions(id)
            .await?
            .into_iter()
            .find(|version| version.version_number == number)
        {
            return styr_import::parse_budget(&adopted.content).map_err(AppError::Unreadable);
        }
        if number == current.version_number {
            return Ok(current.budget.clone());
        }
        Err(AppError::NotFound)
    }

    /// The latest adopted version's budget and number: what open data publishes.
    pub async fn adopted_budget(&self, id: BudgetId) -> Result<Option<(i64, Budget)>, AppError> {
        self.snapshot(id).await?;
        match self.store.adopted_versions(id).await?.pop() {
            Some(adopted) => Ok(Some((
                adopted.version_number,
                styr_import::parse_budget(&adopted.content).map_err(AppError::Unreadable)?,
            ))),
            None => Ok(None),
        }
    }

    /// What differs between versions `from` and `to`, line by line.
    pub async fn compare(
        &self,
        id: BudgetId,
        from: i64,
        to: i64,
    ) -> Result<Vec<Difference>, AppError> {
        let before = self.version_budget(id, from).await?;
        let after = self.version_budget(id, to).await?;
        Ok(differences(&before, &after))
    }
}
