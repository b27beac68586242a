//! Sums along rows, found from the numbers: a line that equals a contiguous block of the lines
//! above it (the common Swedish layout, "Summa …" at the foot) or below it (the board's line
//! over its activities, often unlabelled). A block already summed counts as its sum line, so
//! a total over subtotals, and the resultaträkning's derived rows (nettokostnader, then
//! verksamhetens resultat, then resultat efter finansiella poster), are found the same way:
//!
//! ```text
//! Verksamhetens intäkter        269      ┐
//! Verksamhetens kostnader    − 1 116     ├ Verksamhetens nettokostnader
//! Avskrivningar                − 25      ┘   ┐
//! Verksamhetens nettokostnader − 872          ├ Verksamhetens resultat
//! Skatteintäkter                705          │
//! Generella statsbidrag         212          ┘
//! Verksamhetens resultat         45
//! ```
//!
//! A block is accepted when the sum holds (exactly or within rounding) in more columns than it
//! fails for a labelled total ("Summa", "Totalt", "S:a", "Totala …", "Netto"), in twice as many
//! and at least two for an unlabelled line. "Varav" lines are checked against the line above them when
//! they add up to it, and are never an addend. A balance sheet's two sides are compared.

use super::equation::{Axis, Equation};
use super::grid::Grid;

/// The longest block a sum is looked for over.
const LONGEST_BLOCK: usize = 80;

/// Whether a label names a total.
pub fn names_total(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    ["summa", "s:a", "total", "netto", "delsumma"]
        .iter()
        .any(|word| lower.starts_with(word))
        || lower.contains("netto")
        || lower.ends_with("totalt")
}

fn accepted(grid: &Grid<'_>, equation: &Equation, labelled: bool) -> Option<(usize, usize)> {
    let (holds, fails) = equation.support(grid);
    // A labelled total needs more places for it than against it (a tie is no evidence: in
    // the corpus, ties were coincidences); an unlabelled line two places for every one
    // against, and at least two.
    let enough = if labelled {
        holds >= 1 && holds > fails
    } else {
        holds >= 2 && holds > 2 * fails
    };
    enough.then_some((holds, fails))
}

/// The sums of one direction: `order` lists the lines in the order they are read. What the
/// other direction found (`earlier`) stands: its sum lines are addends here, never sums, and
/// the lines they sum are already counted in them.
fn sums(grid: &Grid<'_>, order: &[usize], earlier: &[Equation], found: &mut Vec<Equation>) {
    let targets: Vec<usize> = earlier.iter().map(|equation| equation.target).collect();
    let mut items: Vec<usize> = Vec::new();
    for &line in order {
        let row = &grid.lines[line];
        let summed = earlier
            .iter()
            .any(|equation| equation.terms.iter().any(|(term, _)| *term == line));
        if row.is_heading() || row.is_part() || summed {
            continue;
        }
        if targets.contains(&line) {
            items.push(line);
            continue;
        }
        let labelled = names_total(&row.label);
        let mut best: Option<(usize, usize)> = None;
        for length in 2..=items.len().min(LONGEST_BLOCK) {
            let block = &items[items.len() - length..];
            let equation = Equation {
                axis: Axis::Rows,
                target: line,
                terms: block.iter().map(|item| (*item, 1)).collect(),
            };
            if let Some((holds, _)) = accepted(grid, &equation, labelled)
                && best.is_none_or(|(most, _)| holds > most)
            {
                best = Some((holds, length));
            }
        }
        if let Some((_, length)) = best {
            let block = items.split_off(items.len() - length);
            let mut terms: Vec<(usize, i128)> = block.into_iter().map(|item| (item, 1)).collect();
            terms.sort_unstable();
            found.push(Equation {
                axis: Axis::Rows,
                target: line,
                terms,
            });
        }
        items.push(line);
    }
}

/// "Varav" lines directly beneath a line, when together they are all of it.
fn parts(grid: &Grid<'_>, found: &mut Vec<Equation>) {
    let mut index = 0;
    while index < grid.lines.len() {
        let parent = index;
        let mut next = index + 1;
        while next < grid.lines.len() && grid.lines[next].is_part() {
            next += 1;
        }
        if next > parent + 1 && !grid.lines[parent].is_part() {
            let equation = Equation {
                axis: Axis::Rows,
                target: parent,
                terms: (parent + 1..next).map(|part| (part, 1)).collect(),
            };
            if accepted(grid, &equation, true).is_some() {
                found.push(equation);
            }
        }
        index = next;
    }
}

/// A balance sheet: summa tillgångar equals summa eget kapital, avsättningar och skulder.
fn balance(grid: &Grid<'_>, found: &mut Vec<Equation>) {
    let find = |test: &dyn Fn(&str) -> bool| {
        grid.lines.iter().position(|line| {
            let lower = line.label.to_lowercase();
            lower.starts_with("summa") && test(&lower)
        })
    };
    let assets = find(&|label| label.trim() == "summa tillgångar");
    let claims = find(&|label| label.contains("eget kapital") && label.contains("skulder"));
    if let (Some(assets), Some(claims)) = (assets, claims) {
        let equation = Equation {
            axis: Axis::Rows,
            target: claims,
            terms: vec![(assets, 1)],
        };
        if accepted(grid, &equation, true).is_some() {
            found.push(equation);
        }
    }
}

/// Every row equation the numbers support, each once.
pub fn equations(grid: &Grid<'_>) -> Vec<Equation> {
    let forward: Vec<usize> = (0..grid.lines.len()).collect();
    let backward: Vec<usize> = forward.iter().rev().copied().collect();
    let mut found = Vec::new();
    sums(grid, &forward, &[], &mut found);
    let earlier = found.clone();
    sums(grid, &backward, &earlier, &mut found);
    parts(grid, &mut found);
    balance(grid, &mut found);
    let mut seen = std::collections::HashSet::new();
    found.retain(|equation| seen.insert(equation.key()));
    found
}
