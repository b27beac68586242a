//! Percent columns, found from the numbers: a column of percentages that is, line by line,
//! one column's share of another ("Avvikelse i % av budget"), the change between two columns
//! against the first ("Förändring % = (2023 − 2022) / 2022"), or a change column against the
//! year it changed from (Gnesta's "Förändring 2012/2013": 18 738 / (519 802 − 18 738) =
//! 3,7 %). The base is taken with its sign, or as its size when the table's percentages say
//! so (an increased cost as a positive change or a negative one).
//!
//! Rounding is an interval here too: "3,7 %" stands for 3,65 … 3,75, and each amount for
//! half a unit of its last digit either side; the percentage fails only when no value within
//! the amounts' intervals gives one within the printed percentage's.

use super::equation::{Support, Verdict};
use super::figure::Percent;
use super::grid::Grid;

/// `target` (a percent column) = 100 × Σ numerator / Σ denominator, over amount columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub target: usize,
    pub numerator: Vec<(usize, i128)>,
    pub denominator: Vec<(usize, i128)>,
    /// The base as its size, |Σ denominator|.
    pub absolute: bool,
}

/// The ratio on one line.
#[derive(Clone, Copy, Debug)]
pub struct RatioCheck {
    pub stated: Percent,
    /// 100 × numerator / denominator in units of the stated percentage's last digit, rounded
    /// half away from zero.
    pub computed: i128,
    pub verdict: Verdict,
}

/// A signed sum of a line's figures and the sum of their printed steps (öre).
fn sum(grid: &Grid<'_>, line: usize, terms: &[(usize, i128)]) -> Option<(i128, i128)> {
    terms
        .iter()
        .try_fold((0, 0), |(value, steps), (column, sign)| {
            let figure = grid.lines[line].figure(*column)?;
            Some((value + sign * figure.ore, steps + figure.step))
        })
}

/// `numerator / denominator` rounded half away from zero; `None` past the range.
fn rounded_quotient(numerator: i128, denominator: i128) -> Option<i128> {
    let (numerator, denominator) = if denominator < 0 {
        (numerator.checked_neg()?, denominator.checked_neg()?)
    } else {
        (numerator, denominator)
    };
    let half_away = numerator.abs().checked_mul(2)?.checked_add(denominator)? / (2 * denominator);
    Some(half_away * numerator.signum())
}

/// Whether `a / b` (b ≠ 0) is below `c / 2`.
fn below(a: i128, b: i128, c: i128) -> Option<bool> {
    let (a, b) = if b < 0 { (-a, -b) } else { (a, b) };
    Some(a.checked_mul(2)? < c.checked_mul(b)?)
}

impl Ratio {
    pub fn check(&self, grid: &Grid<'_>, line: usize) -> Option<RatioCheck> {
        let stated = grid.percents.get(self.target)?.cells.get(line).copied()??;
        let (numerator, numerator_steps) = sum(grid, line, &self.numerator)?;
        let (mut denominator, denominator_steps) = sum(grid, line, &self.denominator)?;
        // A base that rounding allows to be zero gives no percentage to check.
        if 2 * denominator.abs() <= denominator_steps {
            return None;
        }
        if self.absolute {
            denominator = denominator.abs();
        }
        let scale = 100 * 10i128.pow(u32::from(stated.decimals));
        let computed = rounded_quotient(scale.checked_mul(numerator)?, denominator)?;
        if computed == stated.value {
            return Some(RatioCheck {
                stated,
                computed,
                verdict: Verdict::Exact,
            });
        }
        // Everything doubled, so that each half step is whole: the quotient of the corners of
        // the amounts' box against the printed percentage's interval, (2p ± 1) / 2.
        let mut any_at_or_above_low = false;
        let mut any_at_or_below_high = false;
        for n in [
            2 * numerator - numerator_steps,
            2 * numerator + numerator_steps,
        ] {
            for d in [
                2 * denominator - denominator_steps,
                2 * denominator + denominator_steps,
            ] {
                let scaled = scale.checked_mul(n)?;
                any_at_or_above_low |= !below(scaled, d, 2 * stated.value - 1)?;
                any_at_or_below_high |= below(scaled, d, 2 * stated.value + 1)?
                    || scaled.checked_mul(2)? == (2 * stated.value + 1).checked_mul(d)?;
            }
        }
        let verdict = if any_at_or_above_low && any_at_or_below_high {
            Verdict::Rounding
        } else {
            Verdict::Fails
        };
        Some(RatioCheck {
            stated,
            computed,
            verdict,
        })
    }

    /// How many lines the ratio holds on and fails on; a line whose numerator is zero holds
    /// trivially.
    pub fn support(&self, grid: &Grid<'_>) -> Support {
        let mut support = Support::default();
        for line in 0..grid.lines.len() {
            let Some(check) = self.check(grid, line) else {
                continue;
            };
            match check.verdict {
                Verdict::Fails => support.fails += 1,
                _ if sum(grid, line, &self.numerator).is_some_and(|(value, _)| value != 0) => {
                    support.holds += 1
                }
                _ => support.trivial += 1,
            }
        }
        support
    }

    /// Every amount column the ratio reads.
    pub fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.numerator
            .iter()
            .chain(&self.denominator)
            .map(|(column, _)| *column)
    }
}

/// The ratios a percent column may be, over the amount columns `a` and `b`: a / b,
/// (a − b) / b and a / (b − a), each with the base signed and as its size.
fn candidates(grid: &Grid<'_>, target: usize) -> Vec<Ratio> {
    let width = grid.columns.len();
    let mut candidates = Vec::new();
    for absolute in [false, true] {
        for a in 0..width {
            for b in (0..width).filter(|b| *b != a) {
                for (numerator, denominator) in [
                    (vec![(a, 1)], vec![(b, 1)]),
                    (vec![(a, 1), (b, -1)], vec![(b, 1)]),
                    (vec![(a, 1)], vec![(b, 1), (a, -1)]),
                ] {
                    candidates.push(Ratio {
                        target,
                        numerator,
                        denominator,
                        absolute,
                    });
                }
            }
        }
    }
    candidates
}

/// For each percent column the ratio that holds on the most lines, when it holds on three
/// or more and on twice as many as it fails on: so many candidates make a coincidence on one
/// or two lines likely.
pub fn ratios(grid: &Grid<'_>) -> Vec<Ratio> {
    (0..grid.percents.len())
        .filter_map(|target| {
            candidates(grid, target)
                .into_iter()
                .map(|ratio| (ratio.support(grid), ratio))
                .filter(|(support, _)| support.holds >= 3 && support.holds > 2 * support.fails)
                // The first of equals: the signed base before its size, a / b first.
                .fold(
                    None::<(Support, Ratio)>,
                    |best, (support, ratio)| match best {
                        Some((most, _))
                            if (most.holds, std::cmp::Reverse(most.fails))
                                >= (support.holds, std::cmp::Reverse(support.fails)) =>
                        {
                            best
                        }
                        _ => Some((support, ratio)),
                    },
                )
                .map(|(_, ratio)| ratio)
        })
        .collect()
}

/// The ratio in words: "100 × Förändring 2012/2013 / (Utfall2013 − Förändring 2012/2013)".
pub fn describe(grid: &Grid<'_>, ratio: &Ratio) -> String {
    let side = |terms: &[(usize, i128)]| {
        let mut text = String::new();
        for (position, (column, sign)) in terms.iter().enumerate() {
            if position > 0 {
                text.push_str(if *sign < 0 { " − " } else { " + " });
            }
            text.push_str(&grid.columns[*column]);
        }
        if terms.len() > 1 {
            format!("({text})")
        } else {
            text
        }
    };
    let denominator = side(&ratio.denominator);
    let denominator = if ratio.absolute {
        format!("|{denominator}|")
    } else {
        denominator
    };
    format!("procent: 100 × {} / {denominator}", side(&ratio.numerator))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::relations::grid::grid;
    use styr_domain::source_document::{Table, TableRow};

    fn table(rows: &[[&str; 4]]) -> Table {
        Table {
            line: 1,
            header: ["(tkr)", "Utfall 2013", "Förändring", "Förändring %"]
                .map(str::to_string)
                .to_vec(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(index, cells)| TableRow {
                    cells: cells.map(str::to_string).to_vec(),
                    bold: false,
                    line: index + 2,
                })
                .collect(),
        }
    }

    #[test]
    fn a_change_against_the_year_it_changed_from_is_found_and_held_to_its_rounding() {
        let table = table(&[
            ["Kommungemensamma poster", "519 802", "18 738", "3,7 %"],
            ["Revision", "– 614", "– 9", "1,6 %"],
            ["Överförmyndare", "– 819", "50", "– 5,7 %"],
            ["Pensioner", "– 8 311", "5 108", "– 38,1 %"],
            ["Skatter", "521 366", "14 595", "3,9 %"],
        ]);
        let grid = grid("Driftredovisning", &table).expect("a grid");
        let found = ratios(&grid);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].numerator, [(1, 1)]);
        assert_eq!(found[0].denominator, [(0, 1), (1, -1)]);
        assert!(!found[0].absolute);
        let verdict = |line| found[0].check(&grid, line).map(|check| check.verdict);
        assert_eq!(verdict(0), Some(Verdict::Exact));
        // 9 / 605 = 1,49 %, but 9,5 / 604,5 = 1,57 %: inside the amounts' rounding.
        assert_eq!(verdict(1), Some(Verdict::Rounding));
        // 14 595 / 506 771 = 2,9 %, not 3,9 %.
        assert_eq!(verdict(4), Some(Verdict::Fails));
        assert_eq!(
            found[0].check(&grid, 4).map(|check| check.computed),
            Some(29)
        );
        assert_eq!(
            describe(&grid, &found[0]),
            "procent: 100 × Förändring / (Utfall 2013 − Förändring)"
        );
    }

    #[test]
    fn a_column_of_percentages_without_a_relation_to_the_amounts_gives_none() {
        let table = table(&[
            ["A", "100", "10", "37,0 %"],
            ["B", "200", "30", "2,5 %"],
            ["C", "300", "20", "81,3 %"],
            ["D", "400", "50", "14,0 %"],
        ]);
        let grid = grid("Mål", &table).expect("a grid");
        assert!(ratios(&grid).is_empty());
    }

    #[test]
    fn a_quotient_is_rounded_half_away_from_zero() {
        assert_eq!(rounded_quotient(15, 10), Some(2));
        assert_eq!(rounded_quotient(-15, 10), Some(-2));
        assert_eq!(rounded_quotient(14, -10), Some(-1));
    }
}
