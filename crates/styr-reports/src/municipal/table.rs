//! A statement as rows of figures per column, each row exact (öre) and as shown (whole tkr):
//! an entered row is rounded on its own, a sum row is the sum of the shown rows it adds up, so
//! every table adds up as printed (the rule of `crate::shown` for the board's tables).

use serde::Serialize;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt, Precision};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementLine {
    pub label: String,
    /// A sum or derived row (bold in the document).
    pub sum: bool,
    pub exact: Vec<Amount>,
    pub shown: Vec<Amount>,
}

/// A table being built: its heading names the place of an overflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementTable {
    pub heading: String,
    pub lines: Vec<StatementLine>,
    /// The years it has a column for, whether or not it has a row yet: a table of the
    /// boards of a municipality without a board still sums to zeros.
    pub columns: usize,
}

impl StatementTable {
    pub fn new(heading: impl Into<String>, columns: usize) -> StatementTable {
        StatementTable {
            heading: heading.into(),
            lines: Vec::new(),
            columns,
        }
    }

    /// An entered (or computed elsewhere) row; returns its position for sums to name.
    pub fn line(
        &mut self,
        label: impl Into<String>,
        exact: Vec<Amount>,
    ) -> Result<usize, OverflowAt> {
        let label = label.into();
        let shown = exact
            .iter()
            .map(|amount| amount.round_to(Precision::TKR))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|overflow| overflow.at(format!("{} › {label}", self.heading)))?;
        self.lines.push(StatementLine {
            label,
            sum: false,
            exact,
            shown,
        });
        Ok(self.lines.len() - 1)
    }

    /// A row whose exact and shown figures were worked out elsewhere: a figure carried over
    /// from another table, or one chained from the year before.
    pub fn given(
        &mut self,
        label: impl Into<String>,
        exact: Vec<Amount>,
        shown: Vec<Amount>,
    ) -> usize {
        self.lines.push(StatementLine {
            label: label.into(),
            sum: false,
            exact,
            shown,
        });
        self.lines.len() - 1
    }

    /// A row that adds up the rows at `terms`, each with its sign (`true` to subtract).
    pub fn sum(
        &mut self,
        label: impl Into<String>,
        terms: &[(usize, bool)],
    ) -> Result<usize, OverflowAt> {
        let label = label.into();
        let place = || AmountOverflow.at(format!("{} › {label}", self.heading));
        let columns = self.columns;
        let mut exact = vec![Amount::ZERO; columns];
        let mut shown = vec![Amount::ZERO; columns];
        for (position, subtract) in terms {
            let line = &self.lines[*position];
            for column in 0..columns {
                let add = |total: Amount, term: Amount| {
                    if *subtract {
                        total.checked_sub(term)
                    } else {
                        total.checked_add(term)
                    }
                };
                // A row without a figure for a column (none was found to carry over) adds 0.
                let term = |figures: &[Amount]| figures.get(column).copied().unwrap_or_default();
                exact[column] = add(exact[column], term(&line.exact)).map_err(|_| place())?;
                shown[column] = add(shown[column], term(&line.shown)).map_err(|_| place())?;
            }
        }
        self.lines.push(StatementLine {
            label,
            sum: true,
            exact,
            shown,
        });
        Ok(self.lines.len() - 1)
    }

    /// The row labelled `label`.
    pub fn row(&self, label: &str) -> Option<&StatementLine> {
        self.lines.iter().find(|line| line.label == label)
    }
}

/// The columnwise sum of `rows`, checked; `place` names the figure when it overflows.
pub fn add_columns<'a>(
    rows: impl IntoIterator<Item = &'a [Amount]>,
    columns: usize,
    place: impl Fn() -> String,
) -> Result<Vec<Amount>, OverflowAt> {
    let mut total = vec![Amount::ZERO; columns];
    for row in rows {
        for (sum, amount) in total.iter_mut().zip(row) {
            *sum = sum
                .checked_add(*amount)
                .map_err(|overflow| overflow.at(place()))?;
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sum_row_adds_the_shown_rows_so_the_table_adds_up_as_printed() {
        let mut table = StatementTable::new("Resultatbudget", 1);
        let a = table
            .line("A", vec![Amount::from_kr(1_400)])
            .expect("as expected");
        let b = table
            .line("B", vec![Amount::from_kr(1_400)])
            .expect("as expected");
        let total = table
            .sum("Summa", &[(a, false), (b, false)])
            .expect("as expected");
        assert_eq!(table.lines[total].exact, vec![Amount::from_kr(2_800)]);
        // 1,4 + 1,4 shown as 1 + 1 = 2, not the exact 2,8 rounded to 3.
        assert_eq!(table.lines[total].shown, vec![Amount::from_tkr(2)]);
        let difference = table
            .sum("Skillnad", &[(total, false), (a, true)])
            .expect("as expected");
        assert_eq!(table.lines[difference].shown, vec![Amount::from_tkr(1)]);
    }

    #[test]
    fn a_sum_that_leaves_the_range_names_its_row() {
        let mut table = StatementTable::new("Balansbudget", 1);
        let a = table
            .line("A", vec![Amount::from_ore(i64::MAX - 10)])
            .expect_err("refused");
        assert!(a.place.contains("Balansbudget › A"), "{a}");
        let mut table = StatementTable::new("Balansbudget", 1);
        let a = table
            .line("A", vec![Amount::from_tkr(90_000_000_000_000)])
            .expect("as expected");
        let error = table
            .sum("Summa", &[(a, false), (a, false)])
            .expect_err("refused");
        assert!(error.place.contains("Summa"), "{error}");
    }
}
