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

/// Whether a label names one of the derived rows of a resultaträkning, balanskravsutredning
/// or kassaflödesanalys: "Årets resultat", "Resultat efter finansiella poster", "Årets
/// balanskravsresultat", "Kassaflöde från den löpande verksamheten".
fn names_derived(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    [
        "resultat",
        "nettokostnad",
        "kassaflöde",
        "medel från verksamheten",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// How a block came to be tried for a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// The line's label names a total or a derived row, and the block is the one the layout
    /// draws (every line since the last heading or the last sum).
    LabelledDrawn,
    /// The label names a total, the block was searched for.
    Labelled,
    Unlabelled,
}

/// Whether the equation is the table's, and how many places hold. A labelled line needs more
/// places for it than against it, and there a place that holds only as "105 = 105 + 0" counts
/// too: the label already says what the line is. A tie is no evidence for a block searched
/// for (in the corpus, such ties were coincidences), but it is for the block the layout draws
/// under a labelled line when one place holds with two terms or more: a note whose kommun
/// columns are itemised and add up, one of them wrong. An unlabelled line needs two places
/// for every one against, and at least two, that hold with two or more terms.
fn accepted(grid: &Grid<'_>, equation: &Equation, evidence: Evidence) -> Option<usize> {
    let support = equation.support(grid);
    // A line is the same as one other line exactly, or not at all: within rounding, "1" and
    // "2" are both 1,5.
    if equation.terms.len() == 1 && support.exact == 0 {
        return None;
    }
    let all = support.holds + support.trivial;
    let enough = match evidence {
        Evidence::LabelledDrawn => {
            all > support.fails || (support.holds >= 1 && all >= support.fails)
        }
        Evidence::Labelled => all >= 1 && all > support.fails,
        Evidence::Unlabelled => support.holds >= 2 && support.holds > 2 * support.fails,
    };
    enough.then_some(match evidence {
        Evidence::Unlabelled => support.holds,
        _ => all,
    })
}

/// "avgår interna poster": the line under a deduction is what remains, a total by its place.
fn deducts(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    lower.starts_with("avgår") || lower.starts_with("avgående") || lower.starts_with("avdrag")
}

/// The sums of one direction: `order` lists the lines in the order they are read. What the
/// other direction found (`earlier`) stands: its sum lines are addends here, never sums, and
/// the lines they sum are already counted in them.
///
/// The block a careful reader adds first is the one the layout draws: every line since the
/// last heading inside the table ("Investeringsverksamheten", a note's title) or since the
/// table began, or every line since the last sum. When a labelled line is the sum of that
/// block it is taken; only otherwise is the block that holds in the most places searched
/// for. Without that, a line whose figures are small can drop out of its sum unseen, the sum
/// without it still inside the rounding of so many terms.
fn sums(grid: &Grid<'_>, order: &[usize], earlier: &[Equation], found: &mut Vec<Equation>) {
    let targets: Vec<usize> = earlier.iter().map(|equation| equation.target).collect();
    let forward = order.first() <= order.last();
    let mut items: Vec<usize> = Vec::new();
    // Where in `items` the block since the last heading, and since the last sum, begins.
    let (mut since_heading, mut since_sum) = (0, 0);
    for &line in order {
        let row = &grid.lines[line];
        let summed = earlier
            .iter()
            .any(|equation| equation.terms.iter().any(|(term, _)| *term == line));
        if row.is_heading() {
            since_heading = items.len();
            continue;
        }
        if row.is_part() || summed {
            continue;
        }
        if targets.contains(&line) {
            items.push(line);
            since_sum = items.len();
            continue;
        }
        let after_deduction = forward && line > 0 && deducts(&grid.lines[line - 1].label);
        let labelled = names_total(&row.label) || names_derived(&row.label) || after_deduction;
        let block_of = |length: usize| Equation {
            axis: Axis::Rows,
            target: line,
            terms: items[items.len() - length..]
                .iter()
                .map(|item| (*item, 1))
                .collect(),
        };
        // A labelled line may stand for a single line ("Summa avgiftsfinansierat" under its
        // one verksamhet); an unlabelled one sums two or more.
        let shortest = if labelled { 1 } else { 2 };
        let drawn = [items.len() - since_heading, items.len() - since_sum];
        let mut chosen = drawn
            .into_iter()
            .filter(|length| (shortest..=LONGEST_BLOCK).contains(length))
            .find(|length| {
                labelled && accepted(grid, &block_of(*length), Evidence::LabelledDrawn).is_some()
            });
        if chosen.is_none() {
            let evidence = if labelled {
                Evidence::Labelled
            } else {
                Evidence::Unlabelled
            };
            let mut best: Option<(usize, usize)> = None;
            for length in 2..=items.len().min(LONGEST_BLOCK) {
                if let Some(holds) = accepted(grid, &block_of(length), evidence)
                    && best.is_none_or(|(most, _)| holds > most)
                {
                    best = Some((holds, length));
                }
            }
            chosen = best.map(|(_, length)| length);
        }
        if let Some(length) = chosen {
            let block = items.split_off(items.len() - length);
            since_heading = since_heading.min(items.len());
            let mut terms: Vec<(usize, i128)> = block.into_iter().map(|item| (item, 1)).collect();
            terms.sort_unstable();
            found.push(Equation {
                axis: Axis::Rows,
                target: line,
                terms,
            });
            items.push(line);
            since_sum = items.len();
        } else {
            items.push(line);
        }
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
            if accepted(grid, &equation, Evidence::Labelled).is_some() {
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
        if accepted(grid, &equation, Evidence::Labelled).is_some() {
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
