//! Where a table's columns stand, and which column each cell of a line goes in.

use super::is_row;
use crate::document::pdf::layout::{Cell, Line};

/// Whether a cell's text is a figure: digits with spaces, a sign, a decimal comma, a percent.
pub(super) fn is_figure(text: &str) -> bool {
    let text = text.trim();
    text.chars().any(|character| character.is_ascii_digit())
        && text.chars().all(|character| {
            character.is_ascii_digit()
                || matches!(
                    character,
                    ' ' | '\u{a0}'
                        | '\u{202f}'
                        | ','
                        | '.'
                        | '%'
                        | '-'
                        | '−'
                        | '–'
                        | '+'
                        | '('
                        | ')'
                )
        })
}

/// A figure that is an amount: not a year or span of years in a heading row ("2025",
/// "2016–", "2012/2013"), nor a footnote's mark ("2)").
pub(super) fn is_amount(text: &str) -> bool {
    let text = text.trim();
    let years = text
        .split(['–', '-', '/'])
        .filter(|part| !part.trim().is_empty())
        .all(|part| {
            part.trim()
                .parse::<u32>()
                .is_ok_and(|year| (1900..=2100).contains(&year))
        });
    let footnote = text.ends_with(')') && !text.starts_with('(');
    is_figure(text) && !years && !footnote
}

/// The columns of a table: where the labels and amounts of its rows with figures stand,
/// overlapping cells one column (all its rows' cells when fewer than two rows have figures);
/// then each column
/// widened by the other cells that stand over it alone — a heading left-aligned above figures
/// right-aligned, "Kommunkoncernen" over "2021" — but never into the next column.
pub(super) fn columns(lines: &[Line]) -> Vec<(i64, i64)> {
    let with_figures: Vec<&Line> = lines
        .iter()
        .filter(|line| is_row(line) && line.cells.iter().skip(1).any(|cell| is_amount(&cell.text)))
        .collect();
    let mut spans: Vec<(i64, i64)> = if with_figures.len() >= 2 {
        // The labels and the amounts: a dash or a note between them stands in a column the
        // amounts already make.
        with_figures
            .iter()
            .flat_map(|line| {
                line.cells
                    .iter()
                    .enumerate()
                    .filter(|(index, cell)| *index == 0 || is_amount(&cell.text))
                    .map(|(_, cell)| (cell.start, cell.end))
            })
            .collect()
    } else {
        lines
            .iter()
            .filter(|line| is_row(line))
            .flat_map(|line| line.cells.iter().map(|cell| (cell.start, cell.end)))
            .collect()
    };
    spans.sort_unstable();
    let mut columns: Vec<(i64, i64)> = Vec::new();
    for (start, end) in spans {
        match columns.last_mut() {
            Some((_, last_end)) if start <= *last_end => *last_end = (*last_end).max(end),
            _ => columns.push((start, end)),
        }
    }
    // Twice: a heading's second line stands under its first, which the first pass placed.
    for _ in 0..2 {
        for cell in lines.iter().flat_map(|line| &line.cells) {
            let over: Vec<usize> = (0..columns.len())
                .filter(|column| cell.end >= columns[*column].0 && cell.start <= columns[*column].1)
                .collect();
            let [column] = over[..] else { continue };
            let (start, end) = (
                columns[column].0.min(cell.start),
                columns[column].1.max(cell.end),
            );
            let clear_left = column == 0 || columns[column - 1].1 < start;
            let clear_right = columns.get(column + 1).is_none_or(|next| end < next.0);
            if clear_left && clear_right {
                columns[column] = (start, end);
            }
        }
    }
    // A heading over a column no amount stands in ("Not" of a second part of the table):
    // a column of its own, when it stands clear of the others.
    let header_lines = lines
        .iter()
        .take_while(|line| !line.cells.iter().skip(1).any(|cell| is_amount(&cell.text)));
    for cell in header_lines.flat_map(|line| &line.cells) {
        let clear = columns
            .iter()
            .all(|(start, end)| cell.end < *start || cell.start > *end);
        if clear && !columns.is_empty() {
            let at = columns.partition_point(|(start, _)| *start < cell.start);
            columns.insert(at, (cell.start, cell.end));
        }
    }
    columns
}

/// Each cell of `line` in the column it overlaps most, or the nearest.
pub(super) fn placed(line: &Line, columns: &[(i64, i64)]) -> Vec<Option<Cell>> {
    let mut placed: Vec<Option<Cell>> = vec![None; columns.len()];
    for cell in &line.cells {
        let column = (0..columns.len())
            .max_by_key(|column| {
                let (start, end) = columns[*column];
                let overlap = cell.end.min(end) - cell.start.max(start);
                let distance = ((cell.start + cell.end) - (start + end)).abs();
                (overlap.max(0), -distance)
            })
            .unwrap_or(0);
        match &mut placed[column] {
            Some(existing) => {
                existing.text.push(' ');
                existing.text.push_str(&cell.text);
                existing.end = existing.end.max(cell.end);
            }
            empty => *empty = Some(cell.clone()),
        }
    }
    placed
}
