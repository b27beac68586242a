//! The wrong cell, where the numbers allow naming it.
//!
//! A failing sum names the sum; but when a row sum and a column relation both fail and share
//! one cell, and the value that would mend the row also mends the column, that cell is the
//! probable culprit: "Äldreomsorg, Kostnader 2021: angivet -558,2, troligen -588,2". And when a
//! difference is a multiple of 9 and swapping two digits of one figure closes it exactly, the
//! figure is probably transposed: "8 620 — troligen 8 260".

use super::At;
use super::equation::{Axis, Check, Equation, Verdict};
use super::figure::shown;
use super::grid::Grid;
use crate::finding::Finding;

/// The value cell `(line, column)` would need for `equation` to hold exactly at its place.
fn needed(equation: &Equation, check: &Check, index: usize, value: i128) -> i128 {
    if index == equation.target {
        return check.computed;
    }
    let sign = equation
        .terms
        .iter()
        .find(|(term, _)| *term == index)
        .map_or(1, |(_, sign)| *sign);
    value + sign * (check.stated.ore - check.computed)
}

/// The (line, column) of `index` at `at` along the equation's axis.
fn cell(equation: &Equation, index: usize, at: usize) -> (usize, usize) {
    match equation.axis {
        Axis::Rows => (index, at),
        Axis::Columns => (at, index),
    }
}

fn failing(grid: &Grid<'_>, equations: &[Equation], (index, at): At) -> Option<Check> {
    let check = equations.get(index)?.check(grid, at)?;
    (check.verdict == Verdict::Fails).then_some(check)
}

/// Two digits of `value` (in printed steps) swapped give `target`.
fn transposed(value: i128, target: i128) -> bool {
    if value == target || value.signum() != target.signum() || (value - target) % 9 != 0 {
        return false;
    }
    let digits: Vec<u8> = value.unsigned_abs().to_string().into_bytes();
    let wanted = target.unsigned_abs().to_string().into_bytes();
    if digits.len() != wanted.len() {
        return false;
    }
    let differing: Vec<usize> = (0..digits.len())
        .filter(|position| digits[*position] != wanted[*position])
        .collect();
    matches!(differing.as_slice(), [first, second]
        if digits[*first] == wanted[*second] && digits[*second] == wanted[*first])
}

pub fn locate(grid: &Grid<'_>, equations: &[Equation], findings: &mut [(At, Finding)]) {
    let places: Vec<At> = findings.iter().map(|(at, _)| *at).collect();
    for (position, (at, finding)) in findings.iter_mut().enumerate() {
        let Some(check) = failing(grid, equations, *at) else {
            continue;
        };
        let equation = &equations[at.0];
        let mut notes = Vec::new();
        // A failing relation of the other axis that shares a cell with this one.
        for (other_position, other_at) in places.iter().enumerate() {
            let Some(other_check) = failing(grid, equations, *other_at) else {
                continue;
            };
            let other = &equations[other_at.0];
            if other_position == position || other.axis == equation.axis {
                continue;
            }
            let Some((line, column)) = shared(equation, at.1, other, other_at.1) else {
                continue;
            };
            let Some(figure) = grid.lines[line].figure(column) else {
                continue;
            };
            let (mine, theirs) = match equation.axis {
                Axis::Rows => (line, column),
                Axis::Columns => (column, line),
            };
            let from_this = needed(equation, &check, mine, figure.ore);
            let from_other = needed(other, &other_check, theirs, figure.ore);
            if 2 * (from_this - from_other).abs() <= check.steps + other_check.steps {
                let row = &grid.lines[line];
                let show = |ore| shown(ore, figure.decimals, grid.unit, false);
                // The tighter of the two relations gives the likelier value.
                let likely = if check.steps <= other_check.steps {
                    from_this
                } else {
                    from_other
                };
                notes.push(format!(
                    "troligen fel i {}, {} (rad {}): angivet {}, troligen {} — då stämmer både \
                     raden och kolumnen",
                    row.label,
                    grid.columns[column],
                    row.line,
                    show(figure.ore),
                    show(likely)
                ));
                break;
            }
        }
        if let Some(note) = transposition(grid, equation, at.1, &check) {
            notes.push(note);
        }
        for note in notes {
            if !finding.note.is_empty() {
                finding.note.push_str("; ");
            }
            finding.note.push_str(&note);
        }
    }
}

/// The one cell both equations touch at their places, if any.
fn shared(
    first: &Equation,
    first_at: usize,
    second: &Equation,
    second_at: usize,
) -> Option<(usize, usize)> {
    // The first runs along rows at column `first_at` and the second along columns at line
    // `second_at` (or the other way round): they meet at (second_at, first_at).
    let (rows, rows_at, columns, columns_at) = match first.axis {
        Axis::Rows => (first, first_at, second, second_at),
        Axis::Columns => (second, second_at, first, first_at),
    };
    (rows.touches(columns_at) && columns.touches(rows_at)).then_some((columns_at, rows_at))
}

/// "8 620 — troligen 8 260", when exactly one figure of the equation, its digits swapped,
/// makes it hold exactly.
fn transposition(grid: &Grid<'_>, equation: &Equation, at: usize, check: &Check) -> Option<String> {
    let mut candidates = Vec::new();
    for index in std::iter::once(equation.target).chain(equation.terms.iter().map(|(i, _)| *i)) {
        let (line, column) = cell(equation, index, at);
        let Some(figure) = grid.lines[line]
            .figure(column)
            .filter(|figure| figure.step > 0)
        else {
            continue;
        };
        let wanted = needed(equation, check, index, figure.ore);
        if wanted % figure.step == 0 && transposed(figure.ore / figure.step, wanted / figure.step) {
            candidates.push((line, column, figure, wanted));
        }
    }
    let [(line, column, figure, wanted)] = candidates.as_slice() else {
        return None;
    };
    let show = |ore| shown(ore, figure.decimals, grid.unit, false);
    let row = &grid.lines[*line];
    Some(format!(
        "troligen omkastade siffror i {}, {} (rad {}): {} — troligen {}",
        row.label,
        grid.columns[*column],
        row.line,
        show(figure.ore),
        show(*wanted)
    ))
}

#[cfg(test)]
mod tests {
    use super::transposed;

    #[test]
    fn two_swapped_digits_are_a_transposition_and_other_differences_are_not() {
        assert!(transposed(8_620, 8_260));
        assert!(transposed(-5_882, -5_828));
        assert!(!transposed(5_582, 5_882));
        assert!(!transposed(8_620, 8_629));
        assert!(!transposed(8_620, -8_260));
    }
}
