//! The budget template's figures: a unit's own lines added up for a year, the value the
//! template's net-cost row carries beside its SUM formula (so a reader that does not
//! calculate sees the same figure as Excel).

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::{LineKind, UnitLines};

/// The unit's own lines in `year` (a line without a figure counts as zero).
pub fn lines_net(lines: &UnitLines, year: Year) -> Result<Amount, AmountOverflow> {
    Amount::try_sum(LineKind::ALL.into_iter().map(|line| {
        lines
            .lines
            .get(&line)
            .and_then(|amounts| amounts.get(&year))
            .copied()
            .unwrap_or(Amount::ZERO)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn a_unit_s_lines_add_up_and_a_missing_line_is_zero() {
        let budget = small_budget();
        let lines = budget
            .lines
            .iter()
            .find(|lines| lines.unit.as_str() == "nämnd")
            .expect("the board's lines");
        let year = budget.years.budget;
        // 120 - 1 100 - 10 tkr; rent and services have no figure.
        assert_eq!(lines_net(lines, year), Ok(Amount::from_tkr(-990)));
    }
}
