//! Changes to the figures of the operating budget and its frames: a cell, a finansnetto, a
//! year's kommunbidrag, and the reasons for a line's change.
//!
//! A figure is written only if every figure it enters still computes. A line of unit
//! "ekonomi" in 2025 enters the 2025 column of every table above it (Kommunledningskontoret,
//! Kommunstyrelsen): if any of their sums would leave the range of an amount, the change is
//! refused with that sum named and the unit's lines are put back as they were. A kommunbidrag
//! enters its frame's later years (uprated from it) and its table's Årets resultat. The
//! comparison year is the previous year's budget as decided: none of its cells is written.

use crate::budget::{Budget, FigureError};
use crate::calendar::Year;
use crate::frame::{FrameError, FrameYear};
use crate::money::{Amount, OverflowAt};
use crate::operating::{ChangeExplanation, LineKind, UnitLines};
use crate::organisation::UnitId;

use super::ChangeError;

impl Budget {
    pub(super) fn set_line(
        &mut self,
        unit: &UnitId,
        line: LineKind,
        year: Year,
        amount: Amount,
    ) -> Result<(), ChangeError> {
        self.require_operating_year(unit, year)?;
        self.edit_lines(unit, year, |lines| {
            lines.lines.entry(line).or_default().insert(year, amount);
        })
    }

    pub(super) fn set_financial_net(
        &mut self,
        unit: &UnitId,
        year: Year,
        amount: Amount,
    ) -> Result<(), ChangeError> {
        self.require_operating_year(unit, year)?;
        self.edit_lines(unit, year, |lines| {
            lines.financial_net.insert(year, amount);
        })
    }

    pub(super) fn set_explanation(
        &mut self,
        unit: &UnitId,
        line: LineKind,
        text: &str,
    ) -> Result<(), ChangeError> {
        self.require_unit(unit)?;
        let (from, to) = (self.years.previous, self.years.budget);
        let explanations = &mut self.unit_lines(unit).explanations;
        match explanations
            .iter_mut()
            .find(|explanation| explanation.line == line && explanation.to == to)
        {
            Some(explanation) => explanation.text = text.trim().to_string(),
            None => explanations.push(ChangeExplanation {
                line,
                from,
                to,
                stated: None,
                stated_sentence: String::new(),
                text: text.trim().to_string(),
                superseded: false,
            }),
        }
        Ok(())
    }

    pub(super) fn set_frame_amount(
        &mut self,
        unit: &UnitId,
        year: Year,
        amount: Amount,
    ) -> Result<(), ChangeError> {
        let position = self
            .frames
            .iter()
            .position(|frame| &frame.unit == unit)
            .ok_or_else(|| ChangeError::NoFrame(unit.clone()))?;
        if year == self.years.previous {
            return Err(ChangeError::ComparisonYear { year });
        }
        let saved = self.frames[position].clone();
        let frame = &mut self.frames[position];
        match frame.years.get_mut(&year) {
            Some(FrameYear::Entered {
                amount: entered, ..
            }) => *entered = amount,
            Some(FrameYear::Derived { .. }) => {
                return Err(ChangeError::DerivedFrameYear { year });
            }
            None => {
                frame.years.insert(
                    year,
                    FrameYear::Entered {
                        amount,
                        trail: None,
                    },
                );
            }
        }
        if let Err(overflow) = self.frame_overflow(unit) {
            self.frames[position] = saved;
            return Err(overflow.into());
        }
        Ok(())
    }

    /// Whether the frame of `unit` and its table still compute in every year, as far as the
    /// range of an amount goes; the frame's other faults (a missing index value) are the
    /// application's to report with the whole budget.
    pub(super) fn frame_overflow(&self, unit: &UnitId) -> Result<(), OverflowAt> {
        let Some(frame) = self.frame(unit) else {
            return Ok(());
        };
        if let Err(FrameError::Overflow(overflow)) = frame.figures(&self.index) {
            return Err(overflow);
        }
        for year in self.years.columns() {
            match self.operating_figures(unit, year) {
                Err(FigureError::Overflow(overflow))
                | Err(FigureError::Frame(FrameError::Overflow(overflow))) => return Err(overflow),
                _ => {}
            }
        }
        Ok(())
    }

    /// Runs `edit` on `unit`'s lines, then checks every table above the unit in `year`; when
    /// one of them no longer computes, puts the lines back as they were and says which.
    fn edit_lines(
        &mut self,
        unit: &UnitId,
        year: Year,
        edit: impl FnOnce(&mut UnitLines),
    ) -> Result<(), ChangeError> {
        let position = self.lines.iter().position(|lines| &lines.unit == unit);
        let saved = position.map(|position| self.lines[position].clone());
        edit(self.unit_lines(unit));
        let Err(overflow) = self.tables_above(unit, year) else {
            return Ok(());
        };
        match (position, saved) {
            (Some(position), Some(saved)) => self.lines[position] = saved,
            _ => {
                self.lines.pop();
            }
        }
        Err(overflow.into())
    }

    fn require_unit(&self, unit: &UnitId) -> Result<(), ChangeError> {
        self.organisation
            .unit(unit)
            .map(|_| ())
            .ok_or_else(|| ChangeError::UnknownUnit(unit.clone()))
    }

    /// A year of `unit`'s lines a person may write: a column of the table, and not the
    /// comparison year, which shows the previous year's budget as it was decided.
    fn require_operating_year(&self, unit: &UnitId, year: Year) -> Result<(), ChangeError> {
        self.require_unit(unit)?;
        let columns = self.years.columns();
        if !columns.contains(&year) {
            let (first, last) = (columns[0], columns[columns.len() - 1]);
            return Err(ChangeError::YearOutsideBudget { year, first, last });
        }
        if year == self.years.previous {
            return Err(ChangeError::ComparisonYear { year });
        }
        Ok(())
    }

    /// The lines of `unit`, created empty (last) if the unit has none yet.
    fn unit_lines(&mut self, unit: &UnitId) -> &mut UnitLines {
        let position = match self.lines.iter().position(|lines| &lines.unit == unit) {
            Some(position) => position,
            None => {
                self.lines.push(UnitLines {
                    unit: unit.clone(),
                    ..UnitLines::default()
                });
                self.lines.len() - 1
            }
        };
        &mut self.lines[position]
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::change::Change;
    use crate::frame::{Frame, IndexChoice};
    use crate::testing::{budget, year};

    /// Unit a's personnel costs 116 205 tkr in 2025; b and apart have no figures.
    fn with_personnel() -> Budget {
        let mut amounts = [[0; 5]; 3];
        amounts[0][1] = -116_205;
        budget(&amounts)
    }

    fn set_line(unit: &str, line: LineKind, tkr: i64) -> Change {
        Change::SetLine {
            unit: UnitId(unit.into()),
            line,
            year: year(2025),
            amount: Amount::from_tkr(tkr),
        }
    }

    #[test]
    fn a_revenue_that_makes_a_net_cost_too_large_is_refused_and_nothing_changes() {
        // Issue 19: this revenue showed a net cost of +92 233 720 153 609 tkr.
        let mut budget = with_personnel();
        let before = budget.clone();
        let error = budget
            .apply(&set_line("a", LineKind::Revenue, -92_233_720_368_547))
            .expect_err("too large");
        assert_eq!(
            error.to_string(),
            "Driftbudget a 2025, Verksamhetens nettokostnader: beloppet blir för stort för att räknas exakt"
        );
        assert_eq!(budget, before);
        budget
            .apply(&set_line("a", LineKind::Revenue, -92_233_720_252_342))
            .expect("the largest revenue that still computes");
    }

    #[test]
    fn a_refused_line_of_a_unit_without_lines_leaves_no_empty_lines_behind() {
        let mut budget = with_personnel();
        let before = budget.clone();
        let change = set_line("board", LineKind::Personnel, -92_233_720_368_547);
        assert!(matches!(
            budget.apply(&change),
            Err(ChangeError::Overflow(overflow)) if overflow.place == "Driftbudget Nämnden 2025, Personalkostnader"
        ));
        assert_eq!(budget, before);
    }

    #[test]
    fn the_comparison_year_is_not_written() {
        let mut budget = with_personnel();
        let before = budget.clone();
        let change = Change::SetLine {
            unit: UnitId("a".into()),
            line: LineKind::Personnel,
            year: year(2024),
            amount: Amount::from_tkr(-1),
        };
        assert_eq!(
            budget.apply(&change),
            Err(ChangeError::ComparisonYear { year: year(2024) })
        );
        let net = Change::SetFinancialNet {
            unit: UnitId("a".into()),
            year: year(2024),
            amount: Amount::from_tkr(1),
        };
        assert_eq!(
            budget.apply(&net),
            Err(ChangeError::ComparisonYear { year: year(2024) })
        );
        assert_eq!(budget, before);
    }

    #[test]
    fn a_financial_net_is_checked_in_every_table_above_the_unit() {
        let mut budget = with_personnel();
        let most = Amount::from_ore(i64::MAX);
        let net = |unit: &str| Change::SetFinancialNet {
            unit: UnitId(unit.into()),
            year: year(2025),
            amount: most,
        };
        budget.apply(&net("b")).expect("b alone computes");
        let error = budget
            .apply(&net("a"))
            .expect_err("a and b together do not");
        assert_eq!(
            error,
            ChangeError::Overflow(
                crate::money::AmountOverflow.at("Driftbudget a 2025, Finansnetto")
            )
        );
    }

    #[test]
    fn a_kommunbidrag_that_makes_the_result_too_large_is_refused() {
        let mut amounts = [[0; 5]; 3];
        amounts[0][0] = 10_000_000;
        let mut budget = budget(&amounts);
        budget.frames.push(Frame {
            unit: UnitId("board".into()),
            heading: "Kommunbidrag, nämnden".into(),
            index: IndexChoice {
                name: "PKV".into(),
                vintage: "test".into(),
            },
            years: BTreeMap::from([(
                year(2025),
                FrameYear::Entered {
                    amount: Amount::from_tkr(1_000),
                    trail: None,
                },
            )]),
        });
        let before = budget.clone();
        let error = budget
            .apply(&Change::SetFrameAmount {
                unit: UnitId("board".into()),
                year: year(2025),
                amount: Amount::from_tkr(92_233_720_368_547),
            })
            .expect_err("too large");
        assert_eq!(
            error.to_string(),
            "Driftbudget Nämnden 2025, Årets resultat: beloppet blir för stort för att räknas exakt"
        );
        assert_eq!(budget, before);
    }
}
