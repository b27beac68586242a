//! The five-year investment plan: projects in categories with an amount per year.
//!
//! A project (`project`) also carries what a decision about it needs beyond the plan's years:
//! its total budget, start and end, owner and status, and its driftkonsekvens — the
//! kapitalkostnad and other operating effects it brings per year.
//!
//! Category subtotals and the plan's total are always computed from the projects; a source
//! document's own subtotals are kept as stated figures and checked. In the reference,
//! Anpassningsinvesteringar 2028 is stated as 10 000 tkr while its projects add up to 7 000.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Year;
use crate::money::{Amount, OverflowAt, Stated};

mod project;

pub use project::{InvestmentProject, OperatingEffect, ProjectStatus};

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
    /// Stated figures a person has since changed the projects under: kept as the document
    /// stated them, no longer checked (see `Budget::supersede`).
    pub superseded: BTreeMap<(InvestmentRow, Year), Stated>,
}

impl InvestmentPlan {
    pub fn project_amount(&self, name: &str, year: Year) -> Option<Amount> {
        self.projects
            .iter()
            .find(|project| project.name == name)
            .map(|project| project.amounts.get(&year).copied().unwrap_or_default())
    }

    /// A category's subtotal in `year`: the sum of its projects.
    pub fn category_total(
        &self,
        category: InvestmentCategory,
        year: Year,
    ) -> Result<Amount, OverflowAt> {
        Amount::try_sum(
            self.projects_in(category)
                .filter_map(|project| project.amounts.get(&year).copied()),
        )
        .map_err(|overflow| overflow.at(self.place(year, category.label())))
    }

    /// Totala utgifter in `year`: the sum of every project.
    pub fn total(&self, year: Year) -> Result<Amount, OverflowAt> {
        Amount::try_sum(
            self.projects
                .iter()
                .filter_map(|project| project.amounts.get(&year).copied()),
        )
        .map_err(|overflow| overflow.at(self.place(year, InvestmentRow::Total.label())))
    }

    /// Any row's computed value in `year`; `None` for a project the plan does not have.
    pub fn row(&self, row: &InvestmentRow, year: Year) -> Result<Option<Amount>, OverflowAt> {
        match row {
            InvestmentRow::Category(category) => self.category_total(*category, year).map(Some),
            InvestmentRow::Project(name) => Ok(self.project_amount(name, year)),
            InvestmentRow::Total => self.total(year).map(Some),
        }
    }

    /// The total over `years`: the plan's sum in "uppgår till sammanlagt".
    pub fn sum_over(&self, years: &[Year]) -> Result<Amount, OverflowAt> {
        let mut sum = Amount::ZERO;
        for year in years {
            sum = sum.checked_add(self.total(*year)?).map_err(|overflow| {
                let span = match (years.first(), years.last()) {
                    (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
                    _ => year.to_string(),
                };
                overflow.at(format!("{} {span}, summa", self.heading_or_default()))
            })?;
        }
        Ok(sum)
    }

    /// Every subtotal and total of every year, or the first that cannot be computed.
    pub fn verify(&self) -> Result<(), OverflowAt> {
        let years: std::collections::BTreeSet<Year> = self
            .years
            .iter()
            .copied()
            .chain(
                self.projects
                    .iter()
                    .flat_map(|project| project.amounts.keys().copied()),
            )
            .collect();
        for year in years {
            for category in InvestmentCategory::ALL {
                self.category_total(category, year)?;
            }
            self.total(year)?;
        }
        Ok(())
    }

    fn heading_or_default(&self) -> &str {
        if self.heading.is_empty() {
            "Investeringsplan"
        } else {
            &self.heading
        }
    }

    /// A row of a year as a person finds it: "Investeringsbudget 2026, Totala utgifter".
    fn place(&self, year: Year, row: &str) -> String {
        format!("{} {year}, {row}", self.heading_or_default())
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
        InvestmentProject::new(
            name,
            category,
            amounts
                .iter()
                .map(|(y, tkr)| (year(*y), Amount::from_tkr(*tkr)))
                .collect(),
        )
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
            Ok(Amount::from_tkr(7_000))
        );
        assert_eq!(plan.total(year(2028)), Ok(Amount::from_tkr(15_600)));
        assert_eq!(
            plan.row(&InvestmentRow::Project("Okänt".into()), year(2028)),
            Ok(None)
        );
    }

    #[test]
    fn a_total_too_large_to_hold_names_its_row_and_year() {
        let plan = InvestmentPlan {
            heading: "Investeringsbudget".into(),
            projects: vec![
                project(
                    "Skola",
                    InvestmentCategory::Expansion,
                    &[(2026, 92_233_720_368_547)],
                ),
                project("Kaj", InvestmentCategory::Image, &[(2026, 1)]),
            ],
            ..InvestmentPlan::default()
        };
        assert_eq!(
            plan.category_total(InvestmentCategory::Expansion, year(2026)),
            Ok(Amount::from_tkr(92_233_720_368_547))
        );
        let error = plan.total(year(2026)).expect_err("too large");
        assert_eq!(
            error.to_string(),
            "Investeringsbudget 2026, Totala utgifter: beloppet blir för stort för att räknas exakt"
        );
        assert_eq!(plan.verify(), Err(error));
        let half = InvestmentPlan {
            projects: vec![project(
                "Skola",
                InvestmentCategory::Expansion,
                &[(2025, 50_000_000_000_000), (2026, 50_000_000_000_000)],
            )],
            ..InvestmentPlan::default()
        };
        assert!(half.verify().is_ok());
        assert_eq!(
            half.sum_over(&[year(2025), year(2026)])
                .map_err(|error| error.to_string()),
            Err(
                "Investeringsplan 2025–2026, summa: beloppet blir för stort för att räknas exakt"
                    .to_string()
            )
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
            let by_category = Amount::try_sum(InvestmentCategory::ALL.iter().map(|category| plan.category_total(*category, year(2025)).expect("in range"))).expect("in range");
            prop_assert_eq!(Ok(by_category), plan.total(year(2025)));
        }
    }
}
