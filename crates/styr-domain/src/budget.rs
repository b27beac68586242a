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
            let Some(found) = self.organisation.unit(id) else { return false };
            if found.separately_reported {
                return false;
            }
            current = found.parent.as_ref();
        }
        false
    }

    /// The entered figures of `table_unit`'s table for `year`: its units' lines added up, and
    /// its kommunbidrag from its frame.
    pub fn operating_figures(&self, table_unit: &UnitId, year: Year) -> Result<YearFigures, FrameError> {
        let mut figures = YearFigures::default();
        for unit_lines in self.lines.iter().filter(|lines| self.counts_towards(&lines.unit, table_unit)) {
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
