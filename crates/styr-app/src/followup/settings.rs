//! The rules that map the books onto the budget — which line an account is booked to, which
//! unit a cost centre belongs to, how each line's year is spread over months — and saved CSV
//! import profiles. Each save replaces a set of rules whole and records it, before and after,
//! as JSON.

use std::collections::BTreeMap;

use styr_domain::access::Action;
use styr_domain::followup::{AccountMapping, CostCentreMapping, Profile};
use styr_domain::operating::LineKind;
use styr_store::{AuditEntry, BudgetId, Stamp};

use crate::{Actor, App, AppError};

impl App {
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
