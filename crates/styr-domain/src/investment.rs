//! The five-year investment plan: projects in categories with an amount per year.
//!
//! Category subtotals and the plan's total are always computed from the projects; a source
//! document's own subtotals are kept as stated figures and checked. In the reference,
//! Anpassningsinvesteringar 2028 is stated as 10 000 tkr while its projects add up to 7 000.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Year;
use crate::money::{Amount, Stated};

/// The four kinds of investment a Swedish municipality budgets for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentCategory {
    /// Expansionsinvesteringar: new capacity (exploitation areas, new buildings).
    Expansion,
    /// Imageinvesteringar: the municipality's attractiveness.
    Image,
    /// Reinvesteringar: replacing what is worn out.
    Reinvestment,
    /// Anpassningsinvesteringar: adapting what exists to new needs.
    Adaptation,
}

impl InvestmentCategory {
    pub const ALL: [InvestmentCategory; 4] = [
        InvestmentCategory::Expansion,
        InvestmentCategory::Image,
        InvestmentCategory::Reinvestment,
        InvestmentCategory::Adaptation,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            InvestmentCategory::Expansion => "Expansionsinvesteringar",
            InvestmentCategory::Image => "Imageinvesteringar",
            InvestmentCategory::Reinvestment => "Reinvesteringar",
            InvestmentCategory::Adaptation => "Anpassningsinvesteringar",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            InvestmentCategory::Expansion => "expansion",
            InvestmentCategory::Image => "image",
            InvestmentCategory::Reinvestment => "reinvestment",
            InvestmentCategory::Adaptation => "adaptation",
        }
    }

    pub fn from_key(key: &str) -> Option<InvestmentCategory> {
        InvestmentCategory::ALL
            .into_iter()
            .find(|category| category.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvestmentProject {
    pub name: String,
    pub category: InvestmentCategory,
    pub amounts: BTreeMap<Year, Amount>,
}

/// A row of the investment table.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum InvestmentRow {
    Category(InvestmentCategory),
    Project(String),
    /// Totala utgifter.
    Total,
}

impl InvestmentRow {
    pub fn label(&self) -> &str {
        match self {
            InvestmentRow::Category(category) => category.label(),
            InvestmentRow::Project(name) => name,
            InvestmentRow::Total => "Totala utgifter",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InvestmentPlan {
    pub heading: String,
    /// The table's columns: the previous year's budget, the budget year and the plan years.
    pub years: Vec<Year>,
    pub projects: Vec<InvestmentProject>,
    /// Subtotals and totals as the source document states them.
    pub stated: BTreeMap<(InvestmentRow, Year), Stated>,
}

impl InvestmentPlan {
    pub fn project_amount(&self, name: &str, year: Year) -> Option<Amount> {
        self.projects
            .iter()
            .find(|project| project.name == name)
            .map(|project| project.amounts.get(&year).copied().unwrap_or_default())
    }

    pub fn category_total(&self, category: InvestmentCategory, year: Year) -> Amount {
        self.projects
            .iter()
            .filter(|project| project.category == category)
            .filter_map(|project| project.amounts.get(&year))
            .sum()
    }

    pub fn total(&self, year: Year) -> Amount {
        self.projects
            .iter()
            .filter_map(|project| project.amounts.get(&year))
            .sum()
    }

    /// Any row's computed value in `year`; `None` for a project the plan does not have.
    pub fn row(&self, row: &InvestmentRow, year: Year) -> Option<Amount> {
        match row {
            InvestmentRow::Category(category) => Some(self.category_total(*category, year)),
            InvestmentRow::Project(name) => self.project_amount(name, year),
            InvestmentRow::Total => Some(self.total(year)),
        }
    }

    pub fn projects_in(
        &self,
        category: InvestmentCategory,
    ) -> impl Iterator<Item = &InvestmentProject> {
        self.projects
            .iter()
            .filter(move |project| project.category == category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn year(number: i64) -> Year {
        Year::new(number).expect("test years are in range")
    }

    fn project(
        name: &str,
        category: InvestmentCategory,
        amounts: &[(i64, i64)],
    ) -> InvestmentProject {
        InvestmentProject {
            name: name.into(),
            category,
            amounts: amounts
                .iter()
                .map(|(y, tkr)| (year(*y), Amount::from_tkr(*tkr)))
                .collect(),
        }
    }

    #[test]
    fn category_totals_add_up_their_projects() {
        let plan = InvestmentPlan {
            projects: vec![
                project(
                    "IT-Infrastruktur",
                    InvestmentCategory::Adaptation,
                    &[(2028, 5_000)],
                ),
                project(
                    "Lokalanpassningar",
                    InvestmentCategory::Adaptation,
                    &[(2028, 2_000)],
                ),
                project(
                    "Inventarier",
                    InvestmentCategory::Reinvestment,
                    &[(2028, 8_600)],
                ),
            ],
            ..InvestmentPlan::default()
        };
        assert_eq!(
            plan.category_total(InvestmentCategory::Adaptation, year(2028)),
            Amount::from_tkr(7_000)
        );
        assert_eq!(plan.total(year(2028)), Amount::from_tkr(15_600));
        assert_eq!(
            plan.row(&InvestmentRow::Project("Okänt".into()), year(2028)),
            None
        );
    }

    proptest! {
        #[test]
        fn the_total_is_the_sum_of_the_category_totals(amounts in proptest::collection::vec((0usize..4, -10_000_000i64..10_000_000), 0..40)) {
            let plan = InvestmentPlan {
                projects: amounts.iter().enumerate().map(|(index, (category, tkr))| {
                    project(&format!("p{index}"), InvestmentCategory::ALL[*category], &[(2025, *tkr)])
                }).collect(),
                ..InvestmentPlan::default()
            };
            let by_category: Amount = InvestmentCategory::ALL.iter().map(|category| plan.category_total(*category, year(2025))).sum();
            prop_assert_eq!(by_category, plan.total(year(2025)));
        }
    }
}
