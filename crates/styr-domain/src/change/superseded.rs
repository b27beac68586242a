//! Stated figures a change makes stale. A source document's subtotals, kommunbidrag row and
//! sentences state what the budget was when it was written; once a person changes a figure
//! under one of them, the statement no longer describes this budget. It is then marked
//! superseded — kept as the document stated it, no longer checked — so that the check lists
//! only disagreements that still stand.
//!
//! ```text
//! SetLine { ks, Övriga kostnader, 2025, -47 752 }   (was -47 652)
//!   → stated Övriga kostnader, Verksamhetens kostnader, nettokostnader and Årets resultat 2025
//!     of every table ks counts towards: superseded
//!   → "Övriga kostnader ökar med 6,1 mnkr" (2024–2025): superseded
//! ```
//!
//! Only a figure whose computed value the change altered is marked: a cell saved with the
//! value it had supersedes nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::budget::Budget;
use crate::calendar::Year;
use crate::investment::{InvestmentCategory, InvestmentRow};
use crate::money::Amount;
use crate::operating::{LineKind, OperatingRow};
use crate::organisation::UnitId;
use crate::statement::{Claim, Figure};

use super::Change;

/// What marking stated figures superseded touched, beyond the change's own part: the store
/// writes these parts too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Superseded {
    /// A table's stated rows or an explanation's stated change.
    pub operating: bool,
    /// The investment plan's stated subtotals and totals.
    pub investment: bool,
    /// A figure stated in prose.
    pub statements: bool,
}

impl Superseded {
    /// What either touched.
    pub fn and(self, other: Superseded) -> Superseded {
        Superseded {
            operating: self.operating || other.operating,
            investment: self.investment || other.investment,
            statements: self.statements || other.statements,
        }
    }
}

/// The figures a change may alter, as they were before it.
pub(super) enum Before {
    Nothing,
    /// A cell: its amount before.
    Cell(Option<Amount>),
    /// Every frame's kommunbidrag per year.
    Frames(Vec<(UnitId, BTreeMap<Year, Option<Amount>>)>),
    /// Every row of the investment plan per year.
    Investment(BTreeMap<(InvestmentRow, Year), Option<Amount>>),
}

impl Before {
    pub(super) fn of(budget: &Budget, change: &Change) -> Before {
        match change {
            Change::SetLine {
                unit, line, year, ..
            } => Before::Cell(budget.cell(unit, Some(*line), *year)),
            Change::SetFinancialNet { unit, year, .. } => {
                Before::Cell(budget.cell(unit, None, *year))
            }
            Change::SetFrameAmount { .. }
            | Change::PutFrameYear { .. }
            | Change::SetFrameIndex { .. }
            | Change::PutIndexVintage { .. }
            | Change::RemoveIndexVintage { .. } => Before::Frames(budget.frame_figures()),
            Change::PutProject { .. } | Change::RemoveProject { .. } => {
                Before::Investment(budget.investment_figures())
            }
            _ => Before::Nothing,
        }
    }
}

/// What a change altered.
enum Altered {
    /// Rows of every table `unit` counts towards, in `year`.
    Lines {
        unit: UnitId,
        rows: Vec<OperatingRow>,
        year: Year,
    },
    /// The kommunbidrag (and so the result) of `unit`'s table in `years`.
    Frame {
        unit: UnitId,
        years: BTreeSet<Year>,
    },
    Investment(BTreeSet<(InvestmentRow, Year)>),
}

impl Budget {
    /// Marks superseded every stated figure `change` altered (it has been applied; `before`
    /// is what the figures were).
    pub(super) fn supersede(&mut self, change: &Change, before: Before) -> Superseded {
        let altered = self.altered(change, before);
        if altered.is_empty() {
            return Superseded::default();
        }
        let mut touched = Superseded::default();
        let holds = |budget: &Budget, table: &UnitId, row: OperatingRow, year: Year| {
            altered
                .iter()
                .any(|altered| budget.alters(altered, table, row, year))
        };
        for index in 0..self.operating_tables.len() {
            let table = &self.operating_tables[index];
            let stale: Vec<(OperatingRow, Year)> = table
                .stated
                .keys()
                .filter(|(row, year)| holds(self, &table.unit, *row, *year))
                .copied()
                .collect();
            let table = &mut self.operating_tables[index];
            for key in stale {
                if let Some(stated) = table.stated.remove(&key) {
                    table.superseded.insert(key, stated);
                    touched.operating = true;
                }
            }
        }
        for index in 0..self.lines.len() {
            let unit = self.lines[index].unit.clone();
            let stale: Vec<usize> = self.lines[index]
                .explanations
                .iter()
                .enumerate()
                .filter(|(_, explanation)| explanation.stated.is_some() && !explanation.superseded)
                .filter(|(_, explanation)| {
                    [explanation.from, explanation.to]
                        .into_iter()
                        .any(|year| holds(self, &unit, OperatingRow::Line(explanation.line), year))
                })
                .map(|(position, _)| position)
                .collect();
            for position in stale {
                self.lines[index].explanations[position].superseded = true;
                touched.operating = true;
            }
        }
        let stale: BTreeSet<(InvestmentRow, Year)> = self
            .investment
            .stated
            .keys()
            .filter(|(row, year)| {
                altered.iter().any(|altered| {
                    matches!(altered, Altered::Investment(keys) if keys.contains(&(row.clone(), *year)))
                })
            })
            .cloned()
            .collect();
        for key in stale {
            if let Some(stated) = self.investment.stated.remove(&key) {
                self.investment.superseded.insert(key, stated);
                touched.investment = true;
            }
        }
        for index in 0..self.statements.len() {
            let statement = &self.statements[index];
            if statement.superseded {
                continue;
            }
            let years = claim_years(&statement.claim);
            let stale = years.iter().any(|year| match &statement.figure {
                Figure::Operating { unit, row } => holds(self, unit, *row, *year),
                Figure::Frame { unit } => holds(self, unit, OperatingRow::Kommunbidrag, *year),
                Figure::Investment { row } => altered.iter().any(|altered| {
                    matches!(altered, Altered::Investment(keys) if keys.contains(&(row.clone(), *year)))
                }),
            });
            if stale {
                self.statements[index].superseded = true;
                touched.statements = true;
            }
        }
        touched
    }

    fn altered(&self, change: &Change, before: Before) -> Vec<Altered> {
        match (change, before) {
            (
                Change::SetLine {
                    unit,
                    line,
                    year,
                    amount,
                },
                Before::Cell(old),
            ) if old.unwrap_or_default() != *amount => {
                let mut rows = vec![OperatingRow::Line(*line)];
                if LineKind::COSTS.contains(line) {
                    rows.push(OperatingRow::Costs);
                }
                rows.extend([OperatingRow::NetCost, OperatingRow::Result]);
                vec![Altered::Lines {
                    unit: unit.clone(),
                    rows,
                    year: *year,
                }]
            }
            (Change::SetFinancialNet { unit, year, amount }, Before::Cell(old))
                if old.unwrap_or_default() != *amount =>
            {
                vec![Altered::Lines {
                    unit: unit.clone(),
                    rows: vec![OperatingRow::FinancialNet, OperatingRow::Result],
                    year: *year,
                }]
            }
            (_, Before::Frames(old)) => {
                let new = self.frame_figures();
                new.into_iter()
                    .filter_map(|(unit, years)| {
                        let was = old.iter().find(|(before, _)| *before == unit);
                        let changed: BTreeSet<Year> = years
                            .iter()
                            .filter(|(year, amount)| {
                                was.and_then(|(_, was)| was.get(year)) != Some(*amount)
                            })
                            .map(|(year, _)| *year)
                            .collect();
                        (!changed.is_empty()).then_some(Altered::Frame {
                            unit,
                            years: changed,
                        })
                    })
                    .collect()
            }
            (_, Before::Investment(old)) => {
                let new = self.investment_figures();
                let keys: BTreeSet<(InvestmentRow, Year)> = old
                    .keys()
                    .chain(new.keys())
                    .filter(|key| old.get(*key) != new.get(*key))
                    .cloned()
                    .collect();
                if keys.is_empty() {
                    Vec::new()
                } else {
                    vec![Altered::Investment(keys)]
                }
            }
            _ => Vec::new(),
        }
    }

    /// Whether `altered` changes `row` of `table`'s table in `year`.
    fn alters(&self, altered: &Altered, table: &UnitId, row: OperatingRow, year: Year) -> bool {
        match altered {
            Altered::Lines {
                unit,
                rows,
                year: altered_year,
            } => *altered_year == year && rows.contains(&row) && self.counts_towards(unit, table),
            Altered::Frame { unit, years } => {
                unit == table
                    && years.contains(&year)
                    && matches!(row, OperatingRow::Kommunbidrag | OperatingRow::Result)
            }
            Altered::Investment(_) => false,
        }
    }

    /// A unit's entered amount in a cell: a line's, or finansnetto's for `None`.
    fn cell(&self, unit: &UnitId, line: Option<LineKind>, year: Year) -> Option<Amount> {
        let lines = self.lines.iter().find(|lines| &lines.unit == unit)?;
        match line {
            Some(line) => lines.lines.get(&line)?.get(&year).copied(),
            None => lines.financial_net.get(&year).copied(),
        }
    }

    fn frame_figures(&self) -> Vec<(UnitId, BTreeMap<Year, Option<Amount>>)> {
        self.frames
            .iter()
            .map(|frame| {
                let years = frame
                    .years
                    .keys()
                    .map(|year| (*year, frame.kommunbidrag(*year, &self.index).ok()))
                    .collect();
                (frame.unit.clone(), years)
            })
            .collect()
    }

    fn investment_figures(&self) -> BTreeMap<(InvestmentRow, Year), Option<Amount>> {
        let plan = &self.investment;
        let mut rows: Vec<InvestmentRow> = InvestmentCategory::ALL
            .into_iter()
            .map(InvestmentRow::Category)
            .collect();
        rows.extend(
            plan.projects
                .iter()
                .map(|project| InvestmentRow::Project(project.name.clone())),
        );
        rows.push(InvestmentRow::Total);
        let years: BTreeSet<Year> = plan
            .years
            .iter()
            .copied()
            .chain(
                plan.projects
                    .iter()
                    .flat_map(|project| project.amounts.keys().copied()),
            )
            .collect();
        let mut figures = BTreeMap::new();
        for row in rows {
            for year in &years {
                figures.insert((row.clone(), *year), plan.row(&row, *year).ok().flatten());
            }
        }
        figures
    }
}

fn claim_years(claim: &Claim) -> Vec<Year> {
    match claim {
        Claim::Change { from, to, .. } => vec![*from, *to],
        Claim::Value { year, .. } => vec![*year],
        Claim::Sum { years, .. } | Claim::Average { years, .. } => years.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::OperatingTable;
    use crate::investment::InvestmentProject;
    use crate::money::Stated;
    use crate::operating::ChangeExplanation;
    use crate::statement::{Direction, StatedChange, Statement};
    use crate::testing::{budget, year};

    /// The board's table states its costs and result for 2025 and its personnel for 2026;
    /// prose states unit a's personnel change 2024–2025; the plan states its 2025 total.
    fn stated_budget() -> Budget {
        let mut amounts = [[0; 5]; 3];
        amounts[0][1] = -1_000;
        let mut budget = budget(&amounts);
        let tkr = Stated::tkr;
        budget.operating_tables.push(OperatingTable {
            unit: UnitId("board".into()),
            heading: "Nämnden".into(),
            stated: BTreeMap::from([
                ((OperatingRow::Costs, year(2025)), tkr(-1_000)),
                ((OperatingRow::Result, year(2025)), tkr(-1_000)),
                ((OperatingRow::Line(LineKind::Revenue), year(2025)), tkr(0)),
                (
                    (OperatingRow::Line(LineKind::Personnel), year(2026)),
                    tkr(0),
                ),
            ]),
            superseded: BTreeMap::new(),
        });
        budget.lines[0].explanations.push(ChangeExplanation {
            line: LineKind::Personnel,
            from: year(2024),
            to: year(2025),
            stated: Some(StatedChange {
                direction: Direction::Increases,
                magnitude: tkr(1_000),
            }),
            stated_sentence: "Personalkostnaderna ökar med 1,0 mnkr.".into(),
            text: String::new(),
            superseded: false,
        });
        budget.statements.push(Statement {
            section: "Nämnden".into(),
            text: "Personalkostnaderna ökar med 1,0 mnkr.".into(),
            figure: Figure::Operating {
                unit: UnitId("board".into()),
                row: OperatingRow::Line(LineKind::Personnel),
            },
            claim: Claim::Change {
                from: year(2024),
                to: year(2025),
                stated: StatedChange {
                    direction: Direction::Increases,
                    magnitude: tkr(1_000),
                },
            },
            superseded: false,
        });
        budget.investment.years = vec![year(2025)];
        budget.investment.projects.push(InvestmentProject::new(
            "Skola",
            InvestmentCategory::Expansion,
            BTreeMap::from([(year(2025), Amount::from_tkr(100))]),
        ));
        budget
            .investment
            .stated
            .insert((InvestmentRow::Total, year(2025)), tkr(100));
        budget
    }

    fn personnel(tkr: i64) -> Change {
        Change::SetLine {
            unit: UnitId("b".into()),
            line: LineKind::Personnel,
            year: year(2025),
            amount: Amount::from_tkr(tkr),
        }
    }

    #[test]
    fn a_changed_cost_supersedes_what_the_document_stated_above_it() {
        let mut budget = stated_budget();
        let touched = budget.apply_superseding(&personnel(-200)).expect("applies");
        assert_eq!(
            touched,
            Superseded {
                operating: true,
                investment: false,
                statements: true
            }
        );
        let table = &budget.operating_tables[0];
        let left: Vec<_> = table.stated.keys().copied().collect();
        assert_eq!(
            left,
            [
                (OperatingRow::Line(LineKind::Revenue), year(2025)),
                (OperatingRow::Line(LineKind::Personnel), year(2026)),
            ],
            "revenue and another year stand"
        );
        assert_eq!(
            table.superseded[&(OperatingRow::Costs, year(2025))],
            Stated::tkr(-1_000),
            "kept as stated"
        );
        assert!(
            table
                .superseded
                .contains_key(&(OperatingRow::Result, year(2025)))
        );
        assert!(budget.statements[0].superseded);
        assert!(
            budget.lines[0].explanations[0].superseded,
            "a's explanation is of a's table, and b lies within a"
        );
    }

    #[test]
    fn a_cell_saved_as_it_was_supersedes_nothing() {
        let mut budget = stated_budget();
        let touched = budget
            .apply_superseding(&Change::SetLine {
                unit: UnitId("a".into()),
                line: LineKind::Personnel,
                year: year(2025),
                amount: Amount::from_tkr(-1_000),
            })
            .expect("applies");
        assert_eq!(touched, Superseded::default());
        assert_eq!(budget, stated_budget());
    }

    #[test]
    fn a_units_own_explanation_is_superseded_by_its_line() {
        let mut budget = stated_budget();
        budget
            .apply_superseding(&Change::SetLine {
                unit: UnitId("a".into()),
                line: LineKind::Personnel,
                year: year(2025),
                amount: Amount::from_tkr(-1_100),
            })
            .expect("applies");
        assert!(budget.lines[0].explanations[0].superseded);
    }

    #[test]
    fn a_changed_project_supersedes_the_plans_stated_total() {
        let mut budget = stated_budget();
        let mut project = budget.investment.projects[0].clone();
        project.amounts.insert(year(2025), Amount::from_tkr(150));
        let touched = budget
            .apply_superseding(&Change::PutProject {
                replacing: Some("Skola".into()),
                project,
            })
            .expect("applies");
        assert!(touched.investment && !touched.operating);
        assert!(budget.investment.stated.is_empty());
        assert_eq!(
            budget.investment.superseded[&(InvestmentRow::Total, year(2025))],
            Stated::tkr(100)
        );
    }
}
