//! The follow-up per ansvar: from the board down to förvaltning, avdelning and ansvar, each
//! unit's table of its own lines and bookings and those of every unit below it (a separately
//! reported unit starts a tree of its own). A unit is shown when it exists in the year or
//! still has figures in it; a booking on a unit since replaced is its successor's.
//!
//! ```text
//! Kommunstyrelsen                     (nämnd, depth 0)
//!   Kommunledningskontoret            (förvaltning, 1)
//!     Ekonomiavdelningen              (avdelning, 2; kostnadsställe 120)
//! Mark- och exploateringsenheten      (enhet, 0; särredovisas)
//! ```

use std::collections::BTreeMap;

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::{Date, Year};
use styr_domain::followup::{CostCentreMapping, Month};
use styr_domain::money::OverflowAt;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::{OrganisationUnit, UnitId};

use super::figures::Figures;
use super::forecasts::Rollup;
use super::rows::{Named, RowsOf};
use super::{FollowupInput, GroupFollowup, ROWS, booking_unit};

/// One ansvar's follow-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitFollowup {
    /// The unit's table; its code is the unit's id.
    pub group: GroupFollowup,
    /// "nämnd", "förvaltning", "avdelning", "enhet".
    pub kind: &'static str,
    pub parent: Option<UnitId>,
    /// 0 for the board (or a separately reported unit), 1 below it, …
    pub depth: u8,
    /// The units directly below, in the organisation's order.
    pub children: Vec<UnitId>,
    /// The cost centres of the books that are booked on this unit.
    pub cost_centres: Vec<(String, String)>,
    /// Whether the unit or a unit below it has budget lines for the year.
    pub has_budget: bool,
}

/// Whether `unit` exists on some day of `year`.
fn exists_in(unit: &OrganisationUnit, year: Year) -> bool {
    let first = Date::first_of(year);
    let last = Date::new(i64::from(year.number()), 12, 31).unwrap_or(first);
    unit.valid_from.is_none_or(|from| from <= last) && unit.valid_to.is_none_or(|to| first <= to)
}

/// What the tree is built from.
pub(super) struct TreeOf<'a> {
    pub input: &'a FollowupInput<'a>,
    pub budget: &'a Budget,
    pub own: &'a BTreeMap<UnitId, Figures>,
    pub rollup: &'a Rollup,
    pub tables: &'a [UnitId],
    pub through: u8,
    pub booked: &'a [bool; 12],
}

impl TreeOf<'_> {
    /// Every unit of each table's tree, parents first.
    pub fn units(&self) -> Result<Vec<UnitFollowup>, OverflowAt> {
        let mut subtree: BTreeMap<UnitId, Figures> = BTreeMap::new();
        let mut order: Vec<&OrganisationUnit> = self.budget.organisation.units().iter().collect();
        order.sort_by_key(|unit| {
            std::cmp::Reverse(self.budget.organisation.ancestry(&unit.id).count())
        });
        for unit in order {
            let mut figures = self.own.get(&unit.id).cloned().unwrap_or_default();
            for child in self.children(&unit.id, false) {
                if let Some(below) = subtree.get(&child.id) {
                    figures.add_all(below).map_err(|overflow| {
                        overflow.at(format!("Uppföljning {}, {}", self.input.year, unit.name))
                    })?;
                }
            }
            subtree.insert(unit.id.clone(), figures);
        }
        let landing = cost_centres_by_unit(self.input, self.budget);
        let mut units = Vec::new();
        for table in self.tables {
            self.walk(table, None, 0, &subtree, &landing, &mut units)?;
        }
        Ok(units)
    }

    /// The units directly below `parent` that count towards it; with `shown`, only those a
    /// reader of the year should see.
    fn children(&self, parent: &UnitId, shown: bool) -> Vec<&OrganisationUnit> {
        self.budget
            .organisation
            .units()
            .iter()
            .filter(|unit| unit.parent.as_ref() == Some(parent) && !unit.separately_reported)
            .filter(|unit| !shown || exists_in(unit, self.input.year) || self.has_figures(&unit.id))
            .collect()
    }

    fn has_figures(&self, unit: &UnitId) -> bool {
        self.own.get(unit).is_some_and(|figures| {
            figures
                .budget
                .values()
                .chain(figures.actual.values())
                .flatten()
                .any(|amount| !amount.is_zero())
        })
    }

    fn walk(
        &self,
        unit: &UnitId,
        parent: Option<&UnitId>,
        depth: u8,
        subtree: &BTreeMap<UnitId, Figures>,
        landing: &BTreeMap<UnitId, Vec<(String, String)>>,
        units: &mut Vec<UnitFollowup>,
    ) -> Result<(), OverflowAt> {
        let Some(found) = self.budget.organisation.unit(unit) else {
            return Ok(());
        };
        let figures = subtree.get(unit).cloned().unwrap_or_default();
        let rows: Vec<OperatingRow> = if self.budget.frame(unit).is_some() {
            ROWS.to_vec()
        } else {
            ROWS.iter()
                .copied()
                .filter(|row| !matches!(row, OperatingRow::Kommunbidrag | OperatingRow::Result))
                .collect()
        };
        let year = self.input.year;
        let forecast = |row, year_budget| self.rollup.of(unit, row, year_budget);
        let explanation = |row| explanation_of(self.input, unit, row);
        let named = Named {
            figures: &figures,
            year,
            name: &found.name,
        };
        let built = named.rows(&RowsOf {
            rows: &rows,
            through: self.through,
            booked: self.booked,
            forecast: &forecast,
            explanation: &explanation,
        })?;
        let children = self.children(unit, true);
        let has_budget = figures.budget.iter().any(|(row, months)| {
            *row != OperatingRow::Kommunbidrag && months.iter().any(|amount| !amount.is_zero())
        });
        units.push(UnitFollowup {
            group: GroupFollowup {
                code: unit.0.clone(),
                unit: Some(unit.clone()),
                name: found.name.clone(),
                separately_reported: found.separately_reported && *unit != self.budget.board,
                rows: built,
            },
            kind: found.kind.swedish(),
            parent: parent.cloned(),
            depth,
            children: children.iter().map(|child| child.id.clone()).collect(),
            cost_centres: landing.get(unit).cloned().unwrap_or_default(),
            has_budget,
        });
        for child in children {
            self.walk(
                &child.id,
                Some(unit),
                depth.saturating_add(1),
                subtree,
                landing,
                units,
            )?;
        }
        Ok(())
    }
}

/// The explanation written for `unit`'s `row` in the year followed up.
pub(super) fn explanation_of(
    input: &FollowupInput<'_>,
    unit: &UnitId,
    row: OperatingRow,
) -> Option<String> {
    input
        .explanations
        .iter()
        .find(|explanation| {
            explanation.year == input.year && &explanation.unit == unit && explanation.row == row
        })
        .map(|explanation| explanation.text.clone())
        .filter(|text| !text.trim().is_empty())
}

/// Each unit's cost centres: those whose bookings of the year land on it, with their names.
fn cost_centres_by_unit(
    input: &FollowupInput<'_>,
    budget: &Budget,
) -> BTreeMap<UnitId, Vec<(String, String)>> {
    let mapping: &CostCentreMapping = input.cost_centres;
    let mut landing: BTreeMap<UnitId, Vec<(String, String)>> = BTreeMap::new();
    for rule in &mapping.rules {
        for number in 1..=12u8 {
            let Some(month) = Month::new(input.year, number) else {
                continue;
            };
            let Some(unit) = booking_unit(budget, mapping, input.year, Some(&rule.object), month)
            else {
                continue;
            };
            let list = landing.entry(unit).or_default();
            if !list.iter().any(|(code, _)| *code == rule.object) {
                let name = input
                    .outcome
                    .cost_centre_names
                    .get(&rule.object)
                    .cloned()
                    .unwrap_or_default();
                list.push((rule.object.clone(), name));
            }
        }
    }
    landing
}
