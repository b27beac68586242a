//! One municipality's budget for one board and budget year: everything the budget file holds.

mod tables;

use std::collections::BTreeMap;

use serde::Serialize;
use thiserror::Error;

use crate::calendar::Year;
use crate::document::{DocumentMetadata, Section};
use crate::efficiency::EfficiencyInvestigation;
use crate::frame::{Frame, FrameError, IndexTable};
use crate::goals::Goal;
use crate::internal_control::ControlActivity;
use crate::investment::InvestmentPlan;
use crate::money::{OverflowAt, Stated};
use crate::operating::{OperatingRow, UnitLines};
use crate::organisation::{Organisation, UnitId};
use crate::profile::Profile;
use crate::risk::{Bands, Risk, Scales};
use crate::statement::Statement;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Municipality {
    pub name: String,
    /// The four-digit municipality code ("1489" for Alingsås), as SCB and Kolada use it.
    pub code: String,
}

/// The years a budget speaks of: the previous year's budget for comparison, the budget year,
/// and the plan years that follow it (KL 11 kap.: a three-year plan, the budget year first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetYears {
    pub previous: Year,
    pub budget: Year,
    pub plan: Vec<Year>,
}

impl BudgetYears {
    /// The operating table's columns in order.
    pub fn columns(&self) -> Vec<Year> {
        let mut columns = vec![self.previous, self.budget];
        columns.extend(&self.plan);
        columns
    }

    /// "Budget 2025" or "Plan 2026": how a column is headed.
    pub fn column_label(&self, year: Year) -> String {
        let kind = if year > self.budget { "Plan" } else { "Budget" };
        format!("{kind} {year}")
    }
}

/// An operating table the document shows: a board without its separately reported units, or
/// one separately reported unit, with the figures the source document states for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OperatingTable {
    pub unit: UnitId,
    pub heading: String,
    pub stated: BTreeMap<(OperatingRow, Year), Stated>,
    /// Stated figures a person has since changed the lines under: kept as the document
    /// stated them, no longer checked (see `change::Superseded`).
    pub superseded: BTreeMap<(OperatingRow, Year), Stated>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Budget {
    pub municipality: Municipality,
    pub document: DocumentMetadata,
    /// The board whose budget this is.
    pub board: UnitId,
    pub years: BudgetYears,
    pub organisation: Organisation,
    pub sections: Vec<Section>,
    pub goals: Vec<Goal>,
    pub efficiency: Vec<EfficiencyInvestigation>,
    pub index: IndexTable,
    pub frames: Vec<Frame>,
    pub lines: Vec<UnitLines>,
    pub operating_tables: Vec<OperatingTable>,
    pub investment: InvestmentPlan,
    pub scales: Scales,
    pub bands: Bands,
    pub risks: Vec<Risk>,
    pub controls: Vec<ControlActivity>,
    pub statements: Vec<Statement>,
    /// The municipality's graphic profile, when it has one of its own (otherwise the default):
    /// kept with the municipality, read with each of its budgets.
    pub profile: Option<Profile>,
}

impl Budget {
    pub fn frame(&self, unit: &UnitId) -> Option<&Frame> {
        self.frames.iter().find(|frame| &frame.unit == unit)
    }

    pub fn risk(&self, id: &str) -> Option<&Risk> {
        self.risks.iter().find(|risk| risk.id == id)
    }

    /// The investment plan's years from the budget year on: the years its sum and average
    /// are over ("uppgår till sammanlagt").
    pub fn investment_plan_years(&self) -> Vec<Year> {
        self.investment
            .years
            .iter()
            .copied()
            .filter(|year| *year >= self.years.budget)
            .collect()
    }

    /// Every subtotal and total of the investment plan, and its sum over the plan years,
    /// computes; or the first figure that does not, named.
    pub fn verify_investment(&self) -> Result<(), OverflowAt> {
        self.investment.verify()?;
        self.investment
            .sum_over(&self.investment_plan_years())
            .map(|_| ())
    }

    /// The unit's name as the document writes it, or its id when the organisation lacks it.
    pub fn unit_name<'a>(&'a self, unit: &'a UnitId) -> &'a str {
        self.organisation
            .unit(unit)
            .map_or(unit.as_str(), |found| found.name.as_str())
    }
}

/// Why a figure of the budget cannot be computed: its frame cannot be evaluated, or a sum
/// leaves the range of an amount. Either way the message names the figure.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FigureError {
    #[error(transparent)]
    Frame(#[from] FrameError),
    #[error(transparent)]
    Overflow(#[from] OverflowAt),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Amount;
    use crate::operating::LineKind;
    use crate::testing::{budget, year};
    use proptest::prelude::*;
    use tables::Tree;

    proptest! {
        #[test]
        fn a_table_is_the_sum_of_its_units_less_the_separately_reported(
            amounts in proptest::array::uniform3(proptest::array::uniform5(-1_000_000_000i64..1_000_000_000))
        ) {
            let budget = budget(&amounts);
            let board = budget.operating_figures(&UnitId("board".into()), year(2025)).expect("no frame to fail");
            let a = budget.operating_figures(&UnitId("a".into()), year(2025)).expect("no frame to fail");
            let apart = budget.operating_figures(&UnitId("apart".into()), year(2025)).expect("no frame to fail");
            for (index, kind) in LineKind::ALL.iter().enumerate() {
                prop_assert_eq!(board.line(*kind), Amount::from_tkr(amounts[0][index] + amounts[1][index]));
                prop_assert_eq!(a.line(*kind), board.line(*kind), "b lies within a");
                prop_assert_eq!(apart.line(*kind), Amount::from_tkr(amounts[2][index]));
            }
            let costs = Amount::try_sum(LineKind::COSTS.iter().map(|kind| board.line(*kind))).expect("in range");
            prop_assert_eq!(board.costs(), costs);
            prop_assert_eq!(Ok(board.net_cost()), board.entered().revenue.checked_add(costs));
            prop_assert_eq!(Ok(board.result()), Amount::try_sum([board.net_cost(), board.entered().kommunbidrag, board.entered().financial_net]));
        }
    }

    #[test]
    fn the_lookup_tree_places_every_unit_as_the_budget_does() {
        let budget = budget(&[[0; 5]; 3]);
        let tree = Tree::of(&budget.organisation);
        let ids: Vec<&UnitId> = budget
            .organisation
            .units()
            .iter()
            .map(|unit| &unit.id)
            .collect();
        let unknown = UnitId("okänd".into());
        for unit in ids.iter().copied().chain([&unknown]) {
            for table in ids.iter().copied().chain([&unknown]) {
                assert_eq!(
                    tree.counts_towards(unit, table),
                    budget.counts_towards(unit, table),
                    "{unit} in {table}"
                );
            }
        }
    }

    #[test]
    fn a_revenue_at_the_end_of_the_range_is_an_error_that_names_the_table_and_row() {
        // Issue 19: this revenue showed a net cost of +92 233 720 153 609 tkr.
        let mut amounts = [[0; 5]; 3];
        amounts[0][0] = -92_233_720_368_547;
        amounts[0][1] = -116_205;
        let budget = budget(&amounts);
        let error = budget
            .operating_figures(&UnitId("board".into()), year(2025))
            .expect_err("too large to compute");
        assert_eq!(
            error.to_string(),
            "Driftbudget Nämnden 2025, Verksamhetens nettokostnader: beloppet blir för stort för att räknas exakt"
        );
        let apart = budget.operating_figures(&UnitId("apart".into()), year(2025));
        assert!(
            apart.is_ok(),
            "the separately reported unit's table is apart"
        );
    }

    #[test]
    fn a_new_record_whose_id_is_a_path_is_refused() {
        use crate::change::{Change, ChangeError};
        use crate::risk::{Grade, Handling, Risk};
        let mut budget = budget(&[[0; 5]; 3]);
        let grade = Grade::new(2).expect("a grade");
        let risk = |id: &str| Risk {
            id: id.into(),
            name: "Risk".into(),
            description: String::new(),
            probability: grade,
            materiality: grade,
            stated_value: None,
            handling: Handling::Accept,
            handling_text: String::new(),
            owner: String::new(),
            category: String::new(),
            residual: None,
        };
        let refused = budget.apply(&Change::PutRisk {
            risk: risk("zz/../other-risk"),
        });
        assert!(
            matches!(refused, Err(ChangeError::Key { .. })),
            "{refused:?}"
        );
        assert!(budget.risks.is_empty());
        assert_eq!(
            budget.apply(&Change::PutRisk {
                risk: risk("other-risk")
            }),
            Ok(())
        );
    }
}
