//! Table arithmetic: the operating budget's derived rows where the labels are the standard
//! ones, and bold subtotals over the rows beneath them with a total at the foot.

//!
//! A sum of the document's figures that leaves the range of an amount is not checked: it is
//! listed as "ej kontrollerat" with its place, never compared wrapped.

use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::{LineKind, OperatingRow};

use super::amounts::{AmountRow, AmountTable};
use super::{Review, Unchecked};
use crate::finding::notes::inherited_from;
use crate::finding::{Finding, FindingKind, Shown, severity_of};

pub fn check(tables: &[AmountTable<'_>], review: &mut Review) {
    for table in tables {
        row_totals(table, review);
        if table.row(OperatingRow::Costs.label()).is_some()
            && table.row(OperatingRow::NetCost.label()).is_some()
        {
            operating(table, review);
        } else {
            subtotals(table, review);
        }
    }
}

/// A figure the table states, what its rows give, and how many figures went into that.
struct Sum {
    stated: Amount,
    computed: Result<Amount, AmountOverflow>,
    terms: usize,
}

fn add(parts: &[Amount]) -> Result<Amount, AmountOverflow> {
    Amount::try_sum(parts.iter().copied())
}

fn report(
    table: &AmountTable<'_>,
    row: &AmountRow,
    column: usize,
    sum: Sum,
    note: String,
    review: &mut Review,
) {
    let place = format!("{}, {} (rad {})", row.label, table.labels[column], row.line);
    let computed = match sum.computed {
        Ok(computed) if computed == sum.stated => return,
        Ok(computed) => computed,
        Err(overflow) => {
            review.unchecked.push(Unchecked {
                section: table.section.to_string(),
                place,
                reason: format!("summan av raderna: {overflow}"),
            });
            return;
        }
    };
    review.findings.push(Finding {
        severity: severity_of(computed, sum.stated, sum.terms, table.precision),
        kind: FindingKind::Figure,
        section: table.section.to_string(),
        place,
        stated: Shown::amount(sum.stated, table.precision),
        computed: Shown::amount(computed, table.precision),
        note,
    });
}

/// Verksamhetens kostnader, nettokostnader and Årets resultat, from the rows the table states.
fn operating(table: &AmountTable<'_>, review: &mut Review) {
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

/// A total column is, row by row, the sum of the year columns.
fn row_totals(table: &AmountTable<'_>, review: &mut Review) {
    let Some(label) = &table.total_label else {
        return;
    };
    for row in &table.rows {
        let parts: Option<Vec<Amount>> = row.values.iter().copied().collect();
        let (Some(stated), Some(parts)) = (row.total, parts) else {
            continue;
        };
        let place = format!("{}, {label} (rad {})", row.label, row.line);
        match add(&parts) {
            Ok(computed) if computed == stated => {}
            Ok(computed) => review.findings.push(Finding {
                severity: severity_of(computed, stated, parts.len(), table.precision),
                kind: FindingKind::Figure,
                section: table.section.to_string(),
                place,
                stated: Shown::amount(stated, table.precision),
                computed: Shown::amount(computed, table.precision),
                note: String::new(),
            }),
            Err(overflow) => review.unchecked.push(Unchecked {
                section: table.section.to_string(),
                place,
                reason: format!("summan av åren: {overflow}"),
            }),
        }
    }
}

/// A bold row with plain rows beneath it is their sum; a bold row at the foot whose label says
/// total ("Totala …", "Summa …", "Totalt") is the sum of the bold rows above it. A bold row with
/// nothing beneath it is a heading of its own and is not checked.
fn subtotals(table: &AmountTable<'_>, review: &mut Review) {
    let rows = &table.rows;
    let is_total = |row: &AmountRow| {
        let lower = row.label.to_lowercase();
        row.bold && (lower.starts_with("total") || lower.starts_with("summa"))
    };
    let mut groups: Vec<(&AmountRow, Vec<&AmountRow>)> = Vec::new();
    for row in rows {
        if is_total(row) {
            continue;
        }
        if row.bold {
            groups.push((row, Vec::new()));
        } else if let Some((_, children)) = groups.last_mut() {
            children.push(row);
        }
    }
    for (subtotal, children) in &groups {
        if children.is_empty() {
            continue;
        }
        for column in 0..table.years.len() {
            let parts: Option<Vec<Amount>> =
                children.iter().map(|child| child.values[column]).collect();
            if let (Some(stated), Some(parts)) = (subtotal.values[column], parts) {
                report(
                    table,
                    subtotal,
                    column,
                    Sum {
                        stated,
                        computed: add(&parts),
                        terms: parts.len(),
                    },
                    String::new(),
                    review,
                );
            }
        }
    }
    let Some(total) = rows.iter().rev().find(|row| is_total(row)) else {
        return;
    };
    if groups.is_empty() || rows.last().map(|row| row.line) != Some(total.line) {
        return;
    }
    let leaves = groups
        .iter()
        .map(|(_, children)| children.len().max(1))
        .sum();
    for column in 0..table.years.len() {
        let parts: Option<Vec<Amount>> = groups
            .iter()
            .map(|(subtotal, _)| subtotal.values[column])
            .collect();
        let (Some(stated), Some(parts)) = (total.values[column], parts) else {
            continue;
        };
        let from_subtotals = add(&parts);
        // The total from the rows beneath each subtotal; `None` where a row is not a figure
        // or a sum leaves the range, when the rows cannot say more than the subtotals.
        let from_rows: Option<Amount> = groups
            .iter()
            .map(|(subtotal, children)| {
                if children.is_empty() {
                    subtotal.values[column]
                } else {
                    let parts: Option<Vec<Amount>> =
                        children.iter().map(|child| child.values[column]).collect();
                    parts.and_then(|parts| add(&parts).ok())
                }
            })
            .collect::<Option<Vec<Amount>>>()
            .and_then(|sums| add(&sums).ok());
        if from_subtotals != Ok(stated) {
            report(
                table,
                total,
                column,
                Sum {
                    stated,
                    computed: from_subtotals,
                    terms: groups.len(),
                },
                String::new(),
                review,
            );
        } else if let Some(from_rows) = from_rows.filter(|from_rows| *from_rows != stated) {
            let note = "Stämmer med tabellens egna delsummor; skillnaden följer av en delsumma."
                .to_string();
            report(
                table,
                total,
                column,
                Sum {
                    stated,
                    computed: Ok(from_rows),
                    terms: leaves,
                },
                note,
                review,
            );
        }
    }
}
