//! An operating budget's derived rows, where a table uses the standard labels: Verksamhetens
//! kostnader is the sum of the cost lines, nettokostnader revenue plus costs, and Årets
//! resultat nettokostnad plus kommunbidrag plus finansnetto — each from the rows the table
//! itself states, so a wrong row above is named as the cause of the rows below.

use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};

use super::{Sum, add, report};
use crate::finding::notes::inherited_from;
use crate::review::Review;
use crate::review::amounts::AmountTable;

/// Verksamhetens kostnader, nettokostnader and Årets resultat, from the rows the table states.
pub(super) fn operating(table: &AmountTable<'_>, review: &mut Review) {
    let label = |row: OperatingRow| row.label();
    for column in 0..table.years.len() {
        let value =
            |row: OperatingRow| table.row(label(row)).and_then(|found| found.values[column]);
        let lines: Option<Vec<Amount>> = LineKind::COSTS
            .iter()
            .map(|kind| value(OperatingRow::Line(*kind)))
            .collect();
        let (Some(costs_row), Some(lines)) = (table.row(label(OperatingRow::Costs)), lines) else {
            continue;
        };
        let computed_costs = add(&lines);
        if let Some(stated) = costs_row.values[column] {
            report(
                table,
                costs_row,
                column,
                Sum {
                    stated,
                    computed: computed_costs,
                    terms: lines.len(),
                },
                String::new(),
                review,
            );
        }
        let (Some(net_row), Some(revenue)) = (
            table.row(label(OperatingRow::NetCost)),
            value(OperatingRow::Line(LineKind::Revenue)),
        ) else {
            continue;
        };
        let computed_net = computed_costs.and_then(|costs| revenue.checked_add(costs));
        if let Some(stated) = net_row.values[column] {
            let from_stated = costs_row.values[column]
                .is_some_and(|costs| revenue.checked_add(costs) == Ok(stated));
            let note = if from_stated {
                inherited_from(OperatingRow::Costs)
            } else {
                String::new()
            };
            report(
                table,
                net_row,
                column,
                Sum {
                    stated,
                    computed: computed_net,
                    terms: 2,
                },
                note,
                review,
            );
        }
        let (Some(result_row), Some(kommunbidrag)) = (
            table.row(label(OperatingRow::Result)),
            value(OperatingRow::Kommunbidrag),
        ) else {
            continue;
        };
        let financial_net = value(OperatingRow::FinancialNet).unwrap_or_default();
        if let Some(stated) = result_row.values[column] {
            let from_stated = net_row.values[column]
                .is_some_and(|net| add(&[net, kommunbidrag, financial_net]) == Ok(stated));
            let note = if from_stated {
                inherited_from(OperatingRow::NetCost)
            } else {
                String::new()
            };
            report(
                table,
                result_row,
                column,
                Sum {
                    stated,
                    computed: computed_net.and_then(|net| add(&[net, kommunbidrag, financial_net])),
                    terms: 3,
                },
                note,
                review,
            );
        }
    }
}
