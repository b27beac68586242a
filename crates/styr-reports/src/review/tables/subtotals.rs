//! Subtotals and totals in any amount table: a bold row with plain rows beneath it is their
//! sum, and a total at the foot ("Totala utgifter", "Summa") is the sum of the subtotals — or,
//! when those agree, of the rows beneath them.

use styr_domain::money::Amount;

use super::{Sum, add, report};
use crate::review::Review;
use crate::review::amounts::{AmountRow, AmountTable};

/// A bold row with plain rows beneath it is their sum; a bold row at the foot whose label says
/// total ("Totala …", "Summa …", "Totalt") is the sum of the bold rows above it. A bold row with
/// nothing beneath it is a heading of its own and is not checked.
pub(super) fn subtotals(table: &AmountTable<'_>, review: &mut Review) {
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
