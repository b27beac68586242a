//! An equation a table's figures should satisfy, and its check at one place.
//!
//! Along rows: a line equals the signed sum of other lines, in every amount column ("Summa
//! omsättningstillgångar = Förråd + Fordringar + Placeringar + Kassa"). Along columns: a column
//! equals the signed sum of other columns, on every line ("Avvikelse = Utfall − Budget").
//!
//! A check compares intervals, not points: each printed figure stands for any value within half
//! a unit of its last digit, so the stated figure and the sum disagree only when their intervals
//! do not meet — `2·|stated − computed| > Σ steps`, in whole öre. Inside that, it is avrundning.

use super::figure::Figure;
use super::grid::Grid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Axis {
    /// The terms are lines; the equation holds in every column.
    Rows,
    /// The terms are columns; the equation holds on every line.
    Columns,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Equation {
    pub axis: Axis,
    /// The line (or column) that states the result.
    pub target: usize,
    /// The lines (or columns) that give it, each with its sign (+1 or −1).
    pub terms: Vec<(usize, i128)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Exact,
    /// Off, but by no more than the rounding of the printed figures allows.
    Rounding,
    Fails,
}

/// How an equation fares over its places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Support {
    /// Places where it holds with at least two terms non-zero.
    pub holds: usize,
    /// Places where it holds only as "105 = 105 + 0".
    pub trivial: usize,
    /// Of the places it holds at, trivially or not, those where it holds exactly.
    pub exact: usize,
    pub fails: usize,
}

/// The equation at one column (or line).
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub stated: Figure,
    pub computed: i128,
    /// The decimals to show the computed value with: the most of any figure that went in.
    pub decimals: u8,
    /// The printed steps of every figure that went in, in öre: twice the rounding allowed.
    pub steps: i128,
    pub verdict: Verdict,
}

impl Equation {
    /// The figure of `index` (a line or a column, by the axis) at the place `at`.
    pub fn figure(&self, grid: &Grid<'_>, index: usize, at: usize) -> Option<Figure> {
        match self.axis {
            Axis::Rows => grid.lines.get(index)?.figure(at),
            Axis::Columns => grid.lines.get(at)?.figure(index),
        }
    }

    /// The places the equation applies to: the columns, or the lines.
    pub fn places(&self, grid: &Grid<'_>) -> usize {
        match self.axis {
            Axis::Rows => grid.columns.len(),
            Axis::Columns => grid.lines.len(),
        }
    }

    /// The check at `at`; `None` where a cell is not a figure, or every cell is zero (which
    /// says nothing about whether the equation is the table's).
    pub fn check(&self, grid: &Grid<'_>, at: usize) -> Option<Check> {
        let stated = self.figure(grid, self.target, at)?;
        let mut computed = 0_i128;
        let mut steps = stated.step;
        let mut decimals = stated.decimals;
        let mut any_figure = stated.ore != 0;
        for (index, sign) in &self.terms {
            let term = self.figure(grid, *index, at)?;
            computed += sign * term.ore;
            steps += term.step;
            decimals = decimals.max(term.decimals);
            any_figure |= term.ore != 0;
        }
        if !any_figure {
            return None;
        }
        // A block of lines none of which has an amount in this column, under a line that
        // has one: the column gives the total without its breakdown (a koncern column beside
        // the kommun's itemised one), which says nothing either way.
        let breakdown_missing = self.axis == Axis::Rows
            && self.terms.len() >= 2
            && stated.ore != 0
            && computed == 0
            && self.terms.iter().all(|(index, _)| {
                self.figure(grid, *index, at)
                    .is_some_and(|term| term.ore == 0)
            });
        if breakdown_missing {
            return None;
        }
        let difference = (stated.ore - computed).abs();
        let verdict = if difference == 0 {
            Verdict::Exact
        } else if 2 * difference <= steps {
            Verdict::Rounding
        } else {
            Verdict::Fails
        };
        Some(Check {
            stated,
            computed,
            decimals,
            steps,
            verdict,
        })
    }

    /// How many places the equation holds at (exactly or within rounding) and fails at. A
    /// place where fewer than two terms are non-zero (one, for an equation of one term) holds
    /// trivially ("105 = 105 + 0"): it is counted apart, as weaker evidence that the equation
    /// is the table's.
    pub fn support(&self, grid: &Grid<'_>) -> Support {
        (0..self.places(grid))
            .filter_map(|at| Some((self.check(grid, at)?, self.nonzero_terms(grid, at))))
            .fold(Support::default(), |mut support, (check, nonzero)| {
                support.exact += usize::from(check.verdict == Verdict::Exact);
                match check.verdict {
                    Verdict::Fails => support.fails += 1,
                    _ if nonzero >= self.terms.len().min(2) => support.holds += 1,
                    _ => support.trivial += 1,
                }
                support
            })
    }

    fn nonzero_terms(&self, grid: &Grid<'_>, at: usize) -> usize {
        self.terms
            .iter()
            .filter(|(index, _)| {
                self.figure(grid, *index, at)
                    .is_some_and(|term| term.ore != 0)
            })
            .count()
    }

    /// The equation written as `target − Σ terms = 0`, sorted, with the first coefficient
    /// positive: two equations with the same key say the same thing ("Avvikelse = Utfall −
    /// Budget" and "Utfall = Budget + Avvikelse").
    pub fn key(&self) -> (Axis, Vec<(usize, i128)>) {
        let mut coefficients: Vec<(usize, i128)> = self
            .terms
            .iter()
            .map(|(index, sign)| (*index, -sign))
            .chain([(self.target, 1)])
            .collect();
        coefficients.sort_unstable();
        if coefficients.first().is_some_and(|(_, sign)| *sign < 0) {
            for (_, sign) in &mut coefficients {
                *sign = -*sign;
            }
        }
        (self.axis, coefficients)
    }

    /// Every index the equation touches: its target and its terms.
    pub fn touches(&self, index: usize) -> bool {
        self.target == index || self.terms.iter().any(|(term, _)| *term == index)
    }
}
