//! Subtotals and totals in any amount table: a bold row with plain rows beneath it is their
//! sum, and a total at the foot ("Totala utgifter", "Summa") is the sum of the subtotals — or,
//! when those agree, of the rows beneath them.

use styr_domain::money::Amount;

use super::{Sum, add, report};
use crate::review::Review;
use crate::review::amounts::{AmountRow, AmountTable};

/// The bold rows with the plain rows beneath each, as the reference's layout groups them.
fn groups<'a>(table: &'a AmountTable<'_>) -> Vec<(&'a AmountRow, Vec<&'a AmountRow>)> {
    let mut groups: Vec<(&AmountRow, Vec<&AmountRow>)> = Vec::new();
    for row in &table.rows {
        if is_total(row) {
            continue;
        }
        if row.bold {
            groups.push((row, Vec::new()));
        } else if let Some((_, children)) = groups.last_mut() {
            children.push(row);
        }
    }
    groups
}

fn is_total(row: &AmountRow) -> bool {
    let lower = row.label.to_lowercase();
    row.bold && (lower.starts_with("total") || lower.starts_with("summa"))
}

/// Whether the numbers bear out the reading of a bold row as the sum of the rows beneath it
/// in most of the cells it can be tried on. A table whose bold rows sum the rows *above* them
/// (the most common Swedish layout: "Summa" at the foot of its block, a resultaträkning's
/// derived rows) fails it, and is read for relations from its numbers instead.
pub(super) fn supported(table: &AmountTable<'_>) -> bool {
    let (mut held, mut tried) = (0usize, 0usize);
    for (subtotal, children) in groups(table) {
        if children.is_empty() {
            continue;
        }
        for column in 0..table.years.len() {
            let parts: Option<Vec<Amount>> =
                children.iter().map(|child| child.values[column]).collect();
            if let (Some(stated), Some(Ok(computed))) =
                (subtotal.values[column], parts.map(|parts| add(&parts)))
            {
                tried += 1;
                let severity =
                    crate::finding::severity_of(computed, stated, children.len(), table.precision);
                if computed == stated || severity == crate::finding::Severity::Rounding {
                    held += 1;
                }
            }
        }
    }
    if tried == 0 {
        // No group to try: the rule has something to check only when the bold rows are
        // headings over a total at the foot; otherwise the numbers are read for relations.
        let groups = groups(table);
        return !groups.is_empty() && table.rows.last().is_some_and(is_total);
    }
    2 * held > tried
}

/// A bold row with plain rows beneath it is their sum; a bold row at the foot whose label says
/// total ("Totala …", "Summa …", "Totalt") is the sum of the bold rows above it. A bold row with
/// nothing beneath it is a heading of its own and is not checked.
pub(super) fn subtotals(table: &AmountTable<'_>, review: &mut Review) {
    let rows = &table.rows;
    let groups = groups(table);
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
