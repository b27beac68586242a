//! The operating tables' figures: which units' lines a table adds up (its own and those
//! below it, not those inside a separately reported unit, which has a table of its own), the
//! checked sums of a year's column, and the check a change of a cell makes of every table
//! above it.
//!
//! ```text
//! Kommunstyrelsen 2025 = the lines of ks and every unit below it, except exploateringsenheten
//! ```

use std::collections::HashMap;

use super::{Budget, FigureError};
use crate::calendar::Year;
use crate::money::{Amount, AmountOverflow, OverflowAt};
use crate::operating::{EnteredFigures, OperatingRow, YearFigures};
use crate::organisation::{Organisation, OrganisationUnit, UnitId};

impl Budget {
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

    /// Every figure of `table_unit`'s table for `year`: its units' lines added up, its
    /// kommunbidrag from its frame, and the rows derived from them; or the figure that cannot
    /// be computed, named.
    pub fn operating_figures(
        &self,
        table_unit: &UnitId,
        year: Year,
    ) -> Result<YearFigures, FigureError> {
        self.operating_figures_in(&Tree::of(&self.organisation), table_unit, year)
    }

    /// [`Budget::operating_figures`] with the tree looked up once for many tables.
    fn operating_figures_in(
        &self,
        tree: &Tree<'_>,
        table_unit: &UnitId,
        year: Year,
    ) -> Result<YearFigures, FigureError> {
        let too_large = |row: OperatingRow| {
            AmountOverflow.at(format!(
                "Driftbudget {} {year}, {}",
                self.unit_name(table_unit),
                row.label()
            ))
        };
        let mut figures = EnteredFigures::default();
        for unit_lines in self
            .lines
            .iter()
            .filter(|lines| tree.counts_towards(&lines.unit, table_unit))
        {
            for (kind, amounts) in &unit_lines.lines {
                if let Some(amount) = amounts.get(&year) {
                    figures
                        .add_line(*kind, *amount)
                        .map_err(|_| too_large(OperatingRow::Line(*kind)))?;
                }
            }
            if let Some(amount) = unit_lines.financial_net.get(&year) {
                figures.financial_net = figures
                    .financial_net
                    .checked_add(*amount)
                    .map_err(|_| too_large(OperatingRow::FinancialNet))?;
            }
        }
        if let Some(frame) = self.frame(table_unit) {
            figures.kommunbidrag = frame.kommunbidrag(year, &self.index)?;
        }
        Ok(figures.derive().map_err(too_large)?)
    }

    /// Whether every table `unit`'s lines count towards still computes in `year`, as far as
    /// the range of an amount goes; else the first figure that does not, named.
    ///
    /// Checked after every change of a cell, so it is quick for every budget a municipality
    /// has: when all of the year's figures together could not leave the range, no sum of
    /// some of them can, and no table needs adding up.
    pub(crate) fn tables_above(&self, unit: &UnitId, year: Year) -> Result<(), OverflowAt> {
        if self.year_is_within_range(year) {
            return Ok(());
        }
        let tree = Tree::of(&self.organisation);
        for table in self.organisation.ancestry(unit) {
            if let Err(FigureError::Overflow(overflow)) =
                self.operating_figures_in(&tree, table, year)
            {
                return Err(overflow);
            }
        }
        Ok(())
    }

    /// Whether the year's figures — every line, finansnetto and kommunbidrag — are so few and
    /// small that as many times the largest of them is within the range: then every sum of
    /// some of them, which is what every row of every table is, is within it too.
    fn year_is_within_range(&self, year: Year) -> bool {
        let mut count: u128 = 0;
        let mut largest: u128 = 0;
        let mut take = |amount: Amount| {
            count += 1;
            largest = largest.max(u128::from(amount.unsigned_abs()));
        };
        for unit_lines in &self.lines {
            unit_lines
                .lines
                .values()
                .chain([&unit_lines.financial_net])
                .filter_map(|years| years.get(&year))
                .for_each(|amount| take(*amount));
        }
        for frame in &self.frames {
            match frame.kommunbidrag(year, &self.index) {
                Ok(amount) => take(amount),
                // A frame that does not compute is not this check's to judge: add up exactly.
                Err(_) => return false,
            }
        }
        count.saturating_mul(largest) <= u128::from(Amount::MAX.unsigned_abs())
    }
}

/// The organisation as a lookup by id, made once for the many lines of one table: a table of
/// a whole municipality adds up thousands of lines, and a change checks every table above it.
pub(super) struct Tree<'a>(HashMap<&'a UnitId, &'a OrganisationUnit>);

impl<'a> Tree<'a> {
    pub(super) fn of(organisation: &'a Organisation) -> Tree<'a> {
        Tree(
            organisation
                .units()
                .iter()
                .map(|unit| (&unit.id, unit))
                .collect(),
        )
    }

    /// [`Budget::counts_towards`], walking up the tree once.
    pub(super) fn counts_towards(&self, unit: &UnitId, table_unit: &UnitId) -> bool {
        let mut current = Some(unit);
        // A tree has no cycle (Organisation::new refuses one); the bound only keeps a walk finite.
        for _ in 0..=self.0.len() {
            let Some(id) = current else { return false };
            if id == table_unit {
                return true;
            }
            match self.0.get(id) {
                Some(found) if !found.separately_reported => current = found.parent.as_ref(),
                _ => return false,
            }
        }
        false
    }
}
