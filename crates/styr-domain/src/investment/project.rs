//! An investment project: its amounts per plan year, and what a decision about it needs
//! beyond them — the total budget over the project's life, its start and end, who owns it,
//! where it stands, and its driftkonsekvens: what it costs to run once built.
//!
//! ```text
//! Stadsskogen, expansion, 2025–2028, total budget 59 100 tkr, owner Mark- och exploatering
//!   driftkonsekvens 2027: kapitalkostnad -1 200 tkr, övrig drift -300 tkr → -1 500 tkr
//! ```
//!
//! Driftkonsekvens follows the operating budget's signs: a cost is negative, a saving or a
//! revenue positive.

use std::collections::BTreeMap;

use serde::Serialize;

use super::InvestmentCategory;
use crate::calendar::{Date, Year};
use crate::money::{Amount, AmountOverflow};

/// Where a project stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Planerat: in the plan, not begun.
    #[default]
    Planned,
    /// Pågående: under way.
    Ongoing,
    /// Pausat: stopped for now.
    Paused,
    /// Avslutat: done.
    Completed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 4] = [
        ProjectStatus::Planned,
        ProjectStatus::Ongoing,
        ProjectStatus::Paused,
        ProjectStatus::Completed,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Ongoing => "ongoing",
            ProjectStatus::Paused => "paused",
            ProjectStatus::Completed => "completed",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "Planerat",
            ProjectStatus::Ongoing => "Pågående",
            ProjectStatus::Paused => "Pausat",
            ProjectStatus::Completed => "Avslutat",
        }
    }

    pub fn from_key(key: &str) -> Option<ProjectStatus> {
        ProjectStatus::ALL
            .into_iter()
            .find(|status| status.key() == key)
    }
}

/// A project's effect on the operating budget in one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OperatingEffect {
    /// Kapitalkostnad: depreciation and interest on the investment (a cost, negative).
    pub capital_cost: Amount,
    /// Other operating effects: running costs (negative), savings or revenue (positive).
    pub other: Amount,
}

impl OperatingEffect {
    /// The year's driftkonsekvens in all.
    pub fn total(self) -> Result<Amount, AmountOverflow> {
        self.capital_cost.checked_add(self.other)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvestmentProject {
    pub name: String,
    pub category: InvestmentCategory,
    pub amounts: BTreeMap<Year, Amount>,
    /// The project's total budget over its whole life, beyond the plan's years too.
    pub total_budget: Option<Amount>,
    /// Projektstart and projektslut.
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Projektägare: who answers for it.
    pub owner: String,
    pub status: ProjectStatus,
    /// Driftkonsekvens per year.
    pub operating_effects: BTreeMap<Year, OperatingEffect>,
}

impl InvestmentProject {
    /// A planned project with amounts and nothing else known about it yet.
    pub fn new(
        name: impl Into<String>,
        category: InvestmentCategory,
        amounts: BTreeMap<Year, Amount>,
    ) -> InvestmentProject {
        InvestmentProject {
            name: name.into(),
            category,
            amounts,
            total_budget: None,
            start: None,
            end: None,
            owner: String::new(),
            status: ProjectStatus::Planned,
            operating_effects: BTreeMap::new(),
        }
    }

    /// The sum of its amounts in the plan's years: what the plan spends of its total budget.
    pub fn planned_sum(&self) -> Result<Amount, AmountOverflow> {
        Amount::try_sum(self.amounts.values().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_back_from_its_key() {
        for status in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::from_key(status.key()), Some(status));
        }
        assert_eq!(ProjectStatus::from_key("Pågående"), None);
    }

    #[test]
    fn a_years_driftkonsekvens_is_its_capital_cost_and_other_effects() {
        let effect = OperatingEffect {
            capital_cost: Amount::from_tkr(-1_200),
            other: Amount::from_tkr(-300),
        };
        assert_eq!(effect.total(), Ok(Amount::from_tkr(-1_500)));
        let too_large = OperatingEffect {
            capital_cost: Amount::MAX,
            other: Amount::from_tkr(1),
        };
        assert!(too_large.total().is_err());
    }
}
