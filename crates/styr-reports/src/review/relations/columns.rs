//! Relations between columns, found from the numbers: a column that is, line by line, the sum
//! or the difference of two others ("Nettokostnad = Intäkter + Kostnader", "Avvikelse = Utfall
//! − Budget" with either sign convention, "Förändring = 2023 − 2022"), or a total column over
//! a run of year columns ("Totalt = 2025 + 2026 + 2027").
//!
//! A relation is accepted when it holds on more lines than it fails on: on one line when the
//! column's heading names it ("Avvikelse", "Förändring", "Differens", "Netto", "Totalt",
//! "Summa"), on three and twice as many as it fails on otherwise. Each relation is kept once, however it is written.

use super::equation::{Axis, Equation};
use super::grid::Grid;

/// Whether a column heading names a derived column.
fn names_relation(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    [
        "avvikelse",
        "förändring",
        "differens",
        "netto",
        "total",
        "summa",
        "avvik",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

fn names_total(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    lower.contains("total") || lower.starts_with("summa")
}

/// The candidate equations with `target` as the stated column.
fn candidates(grid: &Grid<'_>, target: usize) -> Vec<Equation> {
    let width = grid.columns.len();
    let others: Vec<usize> = (0..width).filter(|column| *column != target).collect();
    let mut candidates = Vec::new();
    for (position, &first) in others.iter().enumerate() {
        for &second in &others[position + 1..] {
            for signs in [(1, 1), (1, -1), (-1, 1)] {
                candidates.push(Equation {
                    axis: Axis::Columns,
                    target,
                    terms: vec![(first, signs.0), (second, signs.1)],
                });
            }
        }
    }
    if names_total(&grid.columns[target]) {
        for start in 0..width {
            for end in start + 3..=width {
                if !(start..end).contains(&target) {
                    candidates.push(Equation {
                        axis: Axis::Columns,
                        target,
                        terms: (start..end).map(|column| (column, 1)).collect(),
                    });
                }
            }
        }
    }
    candidates
}

/// Every column equation the numbers support, each once; for each stated column the one that
/// holds on the most lines.
pub fn equations(grid: &Grid<'_>) -> Vec<Equation> {
    let mut found: Vec<Equation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // From the right: a derived column usually stands after the columns it is derived from,
    // so it is the one named as stated.
    for target in (0..grid.columns.len()).rev() {
        let labelled = names_relation(&grid.columns[target]);
        let enough = |holds: usize, fails: usize| {
            if labelled {
                holds >= 1 && holds > fails
            } else {
                holds >= 3 && holds > 2 * fails
            }
        };
        let best = candidates(grid, target)
            .into_iter()
            .filter(|equation| !seen.contains(&equation.key()))
            .map(|equation| {
                let support = equation.support(grid);
                ((support.holds, support.fails), equation)
            })
            .filter(|((holds, fails), _)| enough(*holds, *fails))
            .max_by_key(|((holds, fails), _)| (*holds, std::cmp::Reverse(*fails)));
        if let Some((_, equation)) = best {
            seen.insert(equation.key());
            found.push(equation);
        }
    }
    found
}
