//! The operating table report: every row of a board's or separately reported unit's
//! driftbudget computed from its lines, and each line's change against the previous year.

use serde::Serialize;
use styr_domain::budget::{Budget, FigureError};
use styr_domain::calendar::Year;
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_domain::statement::Direction;

use crate::sentences;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Column {
    pub year: Year,
    /// "Budget 2024", "Plan 2026".
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OperatingTableRow {
    pub row: OperatingRow,
    pub label: &'static str,
    pub emphasised: bool,
    /// One value per column, exact.
    pub values: Vec<Amount>,
}

/// A line's change between the previous year and the budget year, with the generated
/// sentence and the reasons people wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineChange {
    pub line: LineKind,
    pub from: Year,
    pub to: Year,
    pub direction: Direction,
    /// The size of the change, never negative.
    pub magnitude: Amount,
    /// "Personalkostnaderna ökar med 2,0 mnkr."
    pub sentence: String,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OperatingTableReport {
    pub unit: UnitId,
    pub heading: String,
    pub columns: Vec<Column>,
    pub rows: Vec<OperatingTableRow>,
    pub changes: Vec<LineChange>,
}

impl OperatingTableReport {
    pub fn value(&self, row: OperatingRow, year: Year) -> Option<Amount> {
        let column = self.columns.iter().position(|column| column.year == year)?;
        self.rows
            .iter()
            .find(|table_row| table_row.row == row)
            .map(|table_row| table_row.values[column])
    }
}

/// Every row of `unit`'s table for the budget's columns.
pub fn operating_table(
    budget: &Budget,
    unit: &UnitId,
    heading: &str,
) -> Result<OperatingTableReport, FigureError> {
    let years = budget.years.columns();
    let figures = years
        .iter()
        .map(|year| budget.operating_figures(unit, *year))
        .collect::<Result<Vec<_>, _>>()?;
    let columns = years
        .iter()
        .map(|year| Column {
            year: *year,
            label: budget.years.column_label(*year),
        })
        .collect();
    let rows = OperatingRow::ALL
        .iter()
        .map(|row| OperatingTableRow {
            row: *row,
            label: row.label(),
            emphasised: row.is_emphasised(),
            values: figures
                .iter()
                .map(|year_figures| year_figures.row(*row))
                .collect(),
        })
        .collect();
    let previous = budget.years.previous;
    let budget_year = budget.years.budget;
    // Both years are columns of the table, computed above.
    let column = |year: Year| {
        years
            .iter()
            .position(|column| *column == year)
            .map(|index| figures[index])
            .unwrap_or_default()
    };
    let (from, to) = (column(previous), column(budget_year));
    let explanations: Vec<_> = budget
        .lines
        .iter()
        .filter(|lines| budget.counts_towards(&lines.unit, unit))
        .flat_map(|lines| &lines.explanations)
        .collect();
    let changes = LineKind::ALL
        .iter()
        .map(|line| {
            let (direction, magnitude) = Direction::of_change(from.line(*line), to.line(*line))
                .map_err(|overflow| {
                    overflow.at(format!(
                        "{heading}, {} {previous}–{budget_year}",
                        OperatingRow::Line(*line).label()
                    ))
                })?;
            let explanation = explanations
                .iter()
                .filter(|explanation| explanation.line == *line)
                .map(|explanation| explanation.text.trim())
                .collect::<Vec<_>>()
                .join("\n\n");
            Ok(LineChange {
                line: *line,
                from: previous,
                to: budget_year,
                direction,
                magnitude,
                sentence: sentences::line_change(*line, direction, magnitude),
                explanation,
            })
        })
        .collect::<Result<_, FigureError>>()?;
    Ok(OperatingTableReport {
        unit: unit.clone(),
        heading: heading.to_string(),
        columns,
        rows,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;
    use styr_domain::money::Amount;

    #[test]
    fn the_board_table_leaves_out_the_separately_reported_unit() {
        let budget = small_budget();
        let table =
            operating_table(&budget, &UnitId("nämnd".into()), "Driftbudget").expect("it computes");
        let year = budget.years.budget;
        assert_eq!(
            table.value(OperatingRow::Line(LineKind::Revenue), year),
            Some(Amount::from_tkr(120))
        );
        assert_eq!(
            table.value(OperatingRow::NetCost, year),
            Some(Amount::from_tkr(-990))
        );
        assert_eq!(
            table.value(OperatingRow::Result, year),
            Some(Amount::from_tkr(10))
        );
        assert_eq!(
            table
                .columns
                .iter()
                .map(|column| column.label.as_str())
                .collect::<Vec<_>>(),
            ["Budget 2024", "Budget 2025", "Plan 2026"]
        );
    }

    #[test]
    fn each_line_change_has_its_sentence_and_explanation() {
        let budget = small_budget();
        let table =
            operating_table(&budget, &UnitId("nämnd".into()), "Driftbudget").expect("it computes");
        let personnel = table
            .changes
            .iter()
            .find(|change| change.line == LineKind::Personnel)
            .expect("a change");
        assert_eq!(personnel.sentence, "Personalkostnaderna ökar med 0,1 mnkr.");
        assert_eq!(personnel.explanation, "En ny tjänst.");
        let other = table
            .changes
            .iter()
            .find(|change| change.line == LineKind::OtherCosts)
            .expect("a change");
        assert_eq!(other.sentence, "Övriga kostnader är oförändrade.");
    }

    #[test]
    fn the_derived_plan_year_enters_the_table() {
        let budget = small_budget();
        let table =
            operating_table(&budget, &UnitId("nämnd".into()), "Driftbudget").expect("it computes");
        let plan_year = budget.years.plan[0];
        assert_eq!(
            table.value(OperatingRow::Kommunbidrag, plan_year),
            Some(Amount::from_tkr(1_025))
        );
        assert_eq!(
            table.value(OperatingRow::Result, plan_year),
            Some(Amount::from_tkr(10))
        );
    }
}
