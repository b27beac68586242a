//! One municipality's budget for one board and budget year: everything the budget file holds.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Year;
use crate::document::{DocumentMetadata, Section};
use crate::efficiency::EfficiencyInvestigation;
use crate::frame::{Frame, FrameError, IndexTable};
use crate::goals::Goal;
use crate::internal_control::ControlActivity;
use crate::investment::InvestmentPlan;
use crate::money::Stated;
use crate::operating::{OperatingRow, UnitLines, YearFigures};
use crate::organisation::{Organisation, UnitId};
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
}

impl Budget {
    pub fn frame(&self, unit: &UnitId) -> Option<&Frame> {
        self.frames.iter().find(|frame| &frame.unit == unit)
    }

    pub fn risk(&self, id: &str) -> Option<&Risk> {
        self.risks.iter().find(|risk| risk.id == id)
    }

    /// Whether `unit`'s lines belong in the table of `table_unit`: the unit lies within it,
    /// and not within a separately reported unit below it, which has a table of its own.
    pub fn counts_towards(&self, unit: &UnitId, table_unit: &UnitId) -> bool {
        if !self.organisation.is_within(unit, table_unit) {
            return false;
        }
        let mut current = Some(unit);
        while let Some(id) = current {
            if id == table_unit {
                return true;
            }
            let Some(found) = self.organisation.unit(id) else {
                return false;
            };
            if found.separately_reported {
                return false;
            }
            current = found.parent.as_ref();
        }
        false
    }

    /// The entered figures of `table_unit`'s table for `year`: its units' lines added up, and
    /// its kommunbidrag from its frame.
    pub fn operating_figures(
        &self,
        table_unit: &UnitId,
        year: Year,
    ) -> Result<YearFigures, FrameError> {
        let mut figures = YearFigures::default();
        for unit_lines in self
            .lines
            .iter()
            .filter(|lines| self.counts_towards(&lines.unit, table_unit))
        {
            for (kind, amounts) in &unit_lines.lines {
                if let Some(amount) = amounts.get(&year) {
                    figures.add_line(*kind, *amount);
                }
            }
            if let Some(amount) = unit_lines.financial_net.get(&year) {
                figures.financial_net += *amount;
            }
        }
        if let Some(frame) = self.frame(table_unit) {
            figures.kommunbidrag = frame.kommunbidrag(year, &self.index)?;
        }
        Ok(figures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Year;
    use crate::document::DocumentMetadata;
    use crate::money::Amount;
    use crate::operating::LineKind;
    use crate::organisation::{OrganisationUnit, UnitKind};
    use proptest::prelude::*;

    fn year(number: i64) -> Year {
        Year::new(number).expect("test years are in range")
    }

    fn unit(id: &str, parent: Option<&str>, separately_reported: bool) -> OrganisationUnit {
        OrganisationUnit {
            id: UnitId(id.into()),
            name: id.into(),
            kind: UnitKind::Unit,
            parent: parent.map(|parent| UnitId(parent.into())),
            valid_from: None,
            valid_to: None,
            predecessor: None,
            separately_reported,
            description: String::new(),
        }
    }

    /// A board with three units, the last reported separately, each with one amount per line.
    fn budget(amounts: &[[i64; 5]; 3]) -> Budget {
        let organisation = Organisation::new(vec![
            unit("board", None, false),
            unit("a", Some("board"), false),
            unit("b", Some("a"), false),
            unit("apart", Some("board"), true),
        ])
        .expect("a valid tree");
        let lines = ["a", "b", "apart"]
            .iter()
            .zip(amounts)
            .map(|(id, amounts)| UnitLines {
                unit: UnitId((*id).into()),
                lines: LineKind::ALL
                    .iter()
                    .zip(amounts)
                    .map(|(kind, tkr)| {
                        (
                            *kind,
                            [(year(2025), Amount::from_tkr(*tkr))].into_iter().collect(),
                        )
                    })
                    .collect(),
                financial_net: Default::default(),
                explanations: Vec::new(),
            })
            .collect();
        Budget {
            municipality: Municipality {
                name: "Provkommun".into(),
                code: String::new(),
            },
            document: DocumentMetadata::default(),
            board: UnitId("board".into()),
            years: BudgetYears {
                previous: year(2024),
                budget: year(2025),
                plan: vec![year(2026)],
            },
            organisation,
            sections: Vec::new(),
            goals: Vec::new(),
            efficiency: Vec::new(),
            index: IndexTable::default(),
            frames: Vec::new(),
            lines,
            operating_tables: Vec::new(),
            investment: InvestmentPlan::default(),
            scales: Scales::default(),
            bands: Bands::standard(),
            risks: Vec::new(),
            controls: Vec::new(),
            statements: Vec::new(),
        }
    }

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
            let costs: Amount = LineKind::COSTS.iter().map(|kind| board.line(*kind)).sum();
            prop_assert_eq!(board.costs(), costs);
            prop_assert_eq!(board.net_cost(), board.revenue + costs);
            prop_assert_eq!(board.result(), board.net_cost() + board.kommunbidrag + board.financial_net);
        }
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
