//! Table arithmetic: a total column as the sum of the year columns (here), the operating
//! budget's derived rows where the labels are the standard ones ([`operating`]), and bold
//! subtotals over the rows beneath them with a total at the foot ([`subtotals`]).
//!
//! A sum of the document's figures that leaves the range of an amount is not checked: it is
//! listed as "ej kontrollerat" with its place, never compared wrapped.

mod operating;
mod subtotals;

use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::OperatingRow;

use super::amounts::{AmountRow, AmountTable};
use super::{Review, Unchecked};
use crate::finding::{Finding, FindingKind, Shown, severity_of};
use operating::operating;
use subtotals::subtotals;

pub fn check(tables: &[AmountTable<'_>], review: &mut Review) {
    for table in tables {
        row_totals(table, review);
        if table.row(OperatingRow::Costs.label()).is_some()
            && table.row(OperatingRow::NetCost.label()).is_some()
        {
            operating(table, review);
        } else if subtotals::supported(table) {
            subtotals(table, review);
        }
    }
}

/// Whether the budget layout's rules find anything to check in `table`: a total column, the
/// operating budget's standard rows, or bold subtotals. Any other table is read for relations
/// from its numbers instead (`super::relations`).
pub fn understood(table: &AmountTable<'_>) -> bool {
    table.total_label.is_some()
        || (table.row(OperatingRow::Costs.label()).is_some()
            && table.row(OperatingRow::NetCost.label()).is_some())
        || (table.rows.iter().any(|row| row.bold) && subtotals::supported(table))
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

#[cfg(test)]
mod tests {
    use crate::check::Severity;
    use crate::review::review;

    fn reviewed(text: &str) -> crate::review::Review {
        review(&styr_import::document::parse_text(text).expect("readable"))
    }

    /// Bold sums below their rows, as a kassaflödesanalys lays them out: not the reference's
    /// bold rows over the rows beneath them, so read for relations from the numbers — clean
    /// when it holds, and the wrong figure found when one is changed.
    const CASH_FLOW: &str = "## Kassaflödesbudget\n\ntkr\t2025\t2026\t2027\n\
        Årets resultat\t70\t60\t55\nAvskrivningar\t30\t31\t33\n\
        <b>Kassaflöde från den löpande verksamheten</b>\t<b>100</b>\t<b>91</b>\t<b>88</b>\n\
        Investeringar\t-200\t-250\t-180\n\
        <b>Kassaflöde från investeringsverksamheten</b>\t<b>-200</b>\t<b>-250</b>\t<b>-180</b>\n\
        Nya lån\t150\t180\t100\n\
        <b>Kassaflöde från finansieringsverksamheten</b>\t<b>150</b>\t<b>180</b>\t<b>100</b>\n\
        <b>Årets kassaflöde</b>\t<b>50</b>\t<b>21</b>\t<b>8</b>\n";

    #[test]
    fn bold_sums_below_their_rows_are_read_from_the_numbers() {
        let clean = reviewed(CASH_FLOW);
        assert!(clean.findings.is_empty(), "{:#?}", clean.findings);
        assert!(clean.coverage.checked_anything());
        let changed =
            reviewed(&CASH_FLOW.replace("Avskrivningar\t30\t31", "Avskrivningar\t30\t13"));
        let errors: Vec<_> = changed
            .findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{:#?}", changed.findings);
        assert!(
            errors[0]
                .place
                .starts_with("Kassaflöde från den löpande verksamheten, 2026"),
            "{}",
            errors[0].place
        );
    }
}
