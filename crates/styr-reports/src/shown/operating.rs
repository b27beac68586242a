//! An operating table as shown: the entered lines, the kommunbidrag and the finansnetto are
//! rounded together, so that they add up to the year's result rounded; costs, net cost and the
//! result are then the sums of the shown rows, as a reader checking the table adds them. Each
//! line's change is stated from the same shown figures: "Personalkostnaderna ökar med 2,0 mnkr."
//! agrees to the digit with the reader's own subtraction of the two printed columns.

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, AmountOverflow, Precision};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_domain::rounding::largest_remainder;
use styr_domain::statement::Direction;

use crate::operating::OperatingTableReport;
use crate::sentences;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownOperating {
    pub unit: UnitId,
    /// Row by row (the report's rows), column by column, in whole tkr.
    pub rows: Vec<Vec<Amount>>,
    /// The sentence of each of the report's line changes, from the shown figures.
    pub changes: Vec<String>,
}

/// The rows the table's rounding apportions; every other row is a sum of them.
fn is_leaf(row: OperatingRow) -> bool {
    matches!(
        row,
        OperatingRow::Line(_) | OperatingRow::Kommunbidrag | OperatingRow::FinancialNet
    )
}

impl ShownOperating {
    pub fn of(table: &OperatingTableReport) -> Result<ShownOperating, AmountOverflow> {
        let mut rows: Vec<Vec<Amount>> = table.rows.iter().map(|row| row.values.clone()).collect();
        for column in 0..table.columns.len() {
            let leaves: Vec<usize> = (0..table.rows.len())
                .filter(|&index| is_leaf(table.rows[index].row))
                .collect();
            let exact: Vec<Amount> = leaves
                .iter()
                .map(|&index| table.rows[index].values[column])
                .collect();
            for (&index, amount) in leaves
                .iter()
                .zip(largest_remainder(&exact, Precision::TKR)?)
            {
                rows[index][column] = amount;
            }
            let shown = |wanted: OperatingRow| {
                table
                    .rows
                    .iter()
                    .position(|row| row.row == wanted)
                    .map_or(Amount::ZERO, |index| rows[index][column])
            };
            let costs = Amount::try_sum(
                table
                    .rows
                    .iter()
                    .zip(&rows)
                    .filter(|(row, _)| {
                        matches!(row.row, OperatingRow::Line(line) if line != LineKind::Revenue)
                    })
                    .map(|(_, shown)| shown[column]),
            )?;
            let net_cost = shown(OperatingRow::Line(LineKind::Revenue)).checked_add(costs)?;
            let result = net_cost
                .checked_add(shown(OperatingRow::Kommunbidrag))?
                .checked_add(shown(OperatingRow::FinancialNet))?;
            for (index, row) in table.rows.iter().enumerate() {
                match row.row {
                    OperatingRow::Costs => rows[index][column] = costs,
                    OperatingRow::NetCost => rows[index][column] = net_cost,
                    OperatingRow::Result => rows[index][column] = result,
                    _ => {}
                }
            }
        }
        let mut shown = ShownOperating {
            unit: table.unit.clone(),
            rows,
            changes: Vec::new(),
        };
        shown.changes = table
            .changes
            .iter()
            .map(|change| {
                match (
                    shown.value(table, OperatingRow::Line(change.line), change.from),
                    shown.value(table, OperatingRow::Line(change.line), change.to),
                ) {
                    (Some(from), Some(to)) => {
                        let (direction, magnitude) = Direction::of_change(from, to)?;
                        Ok(sentences::line_change(change.line, direction, magnitude))
                    }
                    // A year the table has no column for: the change as computed exactly.
                    _ => Ok(change.sentence.clone()),
                }
            })
            .collect::<Result<_, AmountOverflow>>()?;
        Ok(shown)
    }

    /// The shown figure of `row` in `year`'s column of `table` (the report these were shown from).
    pub fn value(
        &self,
        table: &OperatingTableReport,
        row: OperatingRow,
        year: Year,
    ) -> Option<Amount> {
        let column = table
            .columns
            .iter()
            .position(|column| column.year == year)?;
        let index = table
            .rows
            .iter()
            .position(|table_row| table_row.row == row)?;
        self.rows.get(index)?.get(column).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operating::{Column, LineChange, OperatingTableRow};

    fn year(number: i64) -> Year {
        Year::new(number).expect("a year")
    }

    /// One column of exact figures in kronor: revenue, the four cost lines, kommunbidrag and
    /// finansnetto; the sums as the report computes them exactly.
    fn table(kronor: [i64; 7]) -> OperatingTableReport {
        let lines = kronor.map(Amount::from_kr);
        let [
            revenue,
            personnel,
            rent,
            services,
            other,
            kommunbidrag,
            financial,
        ] = lines;
        let costs = Amount::try_sum([personnel, rent, services, other]).expect("small");
        let net = revenue.checked_add(costs).expect("small");
        let result = Amount::try_sum([net, kommunbidrag, financial]).expect("small");
        let value = |row: OperatingRow| match row {
            OperatingRow::Line(LineKind::Revenue) => revenue,
            OperatingRow::Line(LineKind::Personnel) => personnel,
            OperatingRow::Line(LineKind::PremisesRent) => rent,
            OperatingRow::Line(LineKind::PurchasedServices) => services,
            OperatingRow::Line(LineKind::OtherCosts) => other,
            OperatingRow::Costs => costs,
            OperatingRow::NetCost => net,
            OperatingRow::Kommunbidrag => kommunbidrag,
            OperatingRow::FinancialNet => financial,
            OperatingRow::Result => result,
        };
        OperatingTableReport {
            unit: UnitId("ks".into()),
            heading: "Driftbudget".into(),
            columns: vec![Column {
                year: year(2025),
                label: "Budget 2025".into(),
            }],
            rows: OperatingRow::ALL
                .iter()
                .map(|row| OperatingTableRow {
                    row: *row,
                    label: row.label(),
                    emphasised: row.is_emphasised(),
                    values: vec![value(*row)],
                })
                .collect(),
            changes: Vec::new(),
        }
    }

    fn shown_column(table: &OperatingTableReport) -> Vec<i64> {
        let shown = ShownOperating::of(table).expect("the figures fit");
        shown.rows.iter().map(|row| row[0].round_to_tkr()).collect()
    }

    #[test]
    fn the_shown_costs_are_the_sum_of_the_shown_lines() {
        // Each cost line is -0,6 tkr: one by one each rounds to -1, four of them to -4, while
        // the exact costs (-2,4 tkr) round to -2. As a whole, two lines show -1 and two 0.
        let shown = shown_column(&table([3_000, -600, -600, -600, -600, 0, 0]));
        let lines = &shown[1..5];
        assert_eq!(
            lines.iter().sum::<i64>(),
            shown[5],
            "costs = the lines shown"
        );
        assert_eq!(shown[5], -3 + 1, "the leaves add up to the rounded result");
        assert_eq!(shown[6], shown[0] + shown[5], "net cost = revenue + costs");
        assert_eq!(
            shown[9],
            shown[6] + shown[7] + shown[8],
            "the result adds up"
        );
    }

    #[test]
    fn whole_tkr_are_shown_as_they_are() {
        let shown = shown_column(&table([
            100_548_000,
            -114_196_000,
            -7_986_000,
            -51_171_000,
            -41_587_000,
            114_308_000,
            85_000,
        ]));
        assert_eq!(
            shown,
            [
                100_548, -114_196, -7_986, -51_171, -41_587, -214_940, -114_392, 114_308, 85, 1
            ]
        );
    }

    #[test]
    fn a_line_change_is_stated_from_the_shown_figures() {
        let mut report = table([0, -2_049_400, 0, 0, 0, 0, 0]);
        let before = Amount::from_kr(-1_000);
        report.columns.insert(
            0,
            Column {
                year: year(2024),
                label: "Budget 2024".into(),
            },
        );
        for row in &mut report.rows {
            let value = if row.row == OperatingRow::Line(LineKind::Personnel) {
                before
            } else {
                Amount::ZERO
            };
            row.values.insert(0, value);
        }
        report.changes.push(LineChange {
            line: LineKind::Personnel,
            from: year(2024),
            to: year(2025),
            direction: Direction::Increases,
            magnitude: Amount::from_kr(2_048_400),
            sentence: "exakt".into(),
            explanation: String::new(),
        });
        let shown = ShownOperating::of(&report).expect("the figures fit");
        // Shown -1 and -2 049 tkr: an increase of 2 048 tkr, "2,0 mnkr".
        assert_eq!(shown.changes, ["Personalkostnaderna ökar med 2,0 mnkr."]);
    }

    #[test]
    fn a_sum_too_large_for_an_amount_is_refused() {
        let mut report = table([0; 7]);
        for row in &mut report.rows {
            if matches!(
                row.row,
                OperatingRow::Line(LineKind::Personnel | LineKind::OtherCosts)
            ) {
                row.values[0] = Amount::from_ore(i64::MIN / 100_000 * 100_000 + 100_000);
            }
        }
        assert_eq!(ShownOperating::of(&report), Err(AmountOverflow));
    }
}
