//! A table rebuilt from lines: where it begins and ends, its columns (where the cells of its
//! rows with figures stand), each cell placed in its column, and a cell wrapped over several
//! lines joined again — within a page, and across a page break.

mod columns;

use super::layout::{Cell, Line};
use columns::{columns, is_amount, is_figure, placed};

/// The most columns a table is read with: more is no budget table but text scattered over a
/// page, read as lines instead.
const COLUMNS: usize = 64;

/// A table as read so far: rows of cells by column, each row with its page, and the columns
/// of its last part (a table that goes on over the next page keeps its columns there).
pub struct Table {
    pub rows: Vec<(usize, Vec<Option<Cell>>)>,
    pub columns: Vec<(i64, i64)>,
}

impl Table {
    /// The rows as the text form's cells, bold ones marked `<b>`.
    pub fn texts(&self) -> Vec<(usize, Vec<String>)> {
        self.rows
            .iter()
            .map(|(page, cells)| {
                let cells = cells
                    .iter()
                    .map(|cell| match cell {
                        Some(cell) if cell.bold => format!("<b>{}</b>", cell.text),
                        Some(cell) => cell.text.clone(),
                        None => String::new(),
                    })
                    .collect();
                (*page, cells)
            })
            .collect()
    }

    /// Takes `lines`, the next page's part of the table, when they stand in its columns (the
    /// same layout on the next page): read in those columns, the repeated header left out.
    /// `false` when they are a table of their own.
    pub fn extend(&mut self, lines: &[Line], page: usize) -> bool {
        let amounts: Vec<&Cell> = lines
            .iter()
            .flat_map(|line| line.cells.iter().skip(1))
            .filter(|cell| is_amount(&cell.text))
            .collect();
        let within = amounts
            .iter()
            .filter(|cell| {
                self.columns
                    .iter()
                    .any(|(start, end)| cell.end >= *start && cell.start <= *end)
            })
            .count();
        if self.rows.is_empty() || amounts.is_empty() || within * 10 < amounts.len() * 9 {
            return false;
        }
        let text = |row: &[Option<Cell>]| -> Vec<String> {
            row.iter()
                .map(|cell| {
                    cell.as_ref()
                        .map(|cell| cell.text.clone())
                        .unwrap_or_default()
                })
                .collect()
        };
        let header = text(&self.rows[0].1);
        let mut rows = rows(lines, &self.columns);
        if rows.first().is_some_and(|row| text(row) == header) {
            rows.remove(0);
        }
        self.rows
            .extend(rows.into_iter().map(|cells| (page, cells)));
        true
    }

    /// Joins `line`, at the top of the next page, to the last row when it is the rest of that
    /// row's cells: no amount of its own, each cell under a column where the row has text.
    pub fn continued_by(&mut self, line: &Line) -> bool {
        let Some((_, last)) = self.rows.last_mut() else {
            return false;
        };
        let cells = placed(line, &self.columns);
        let fits = line.cells.iter().all(|cell| {
            self.columns
                .iter()
                .any(|(start, end)| cell.end >= *start && cell.start <= *end)
        }) && cells
            .iter()
            .zip(last.iter())
            .all(|(more, kept)| match (more, kept) {
                (Some(more), Some(kept)) => !is_amount(&more.text) && !is_amount(&kept.text),
                (Some(_), None) => false,
                _ => true,
            });
        if !fits {
            return false;
        }
        join(last, cells);
        true
    }
}

/// Lines of two cells or more, not a list item.
pub fn is_row(line: &Line) -> bool {
    line.cells.len() >= 2 && super::layout::marker(line).is_none()
}

/// Where a table beginning at `start` ends: a run of two rows or more (or one, last on its
/// page, that the next page goes on from), one-cell lines allowed between them (a heading
/// row inside the table, a wrapped label). A wide gap, a heading or the header again ends it.
pub fn end(lines: &[Line], start: usize, is_heading: impl Fn(&Line) -> bool) -> Option<usize> {
    if !is_row(&lines[start]) {
        return None;
    }
    let (mut end, mut rows, mut last_row) = (start + 1, 1, start + 1);
    let mut amounts_seen = has_amounts(&lines[start]);
    while end < lines.len() {
        let (previous, line) = (&lines[end - 1], &lines[end]);
        // The next table's header after rows of amounts, laid out as a row of headings.
        let next_header = amounts_seen
            && !super::layout::close(previous, line)
            && is_row(line)
            && line.cells[0]
                .text
                .chars()
                .next()
                .is_some_and(|first| !first.is_lowercase())
            && !has_amounts(line)
            && line
                .cells
                .iter()
                .skip(1)
                .any(|cell| cell.text.chars().any(char::is_alphabetic));
        // A sentence between two tables.
        let sentence = !is_row(line)
            && line.cells[0].text.ends_with('.')
            && line.cells[0].text.split_whitespace().count() > 8;
        if (line.y - previous.y) * 100 > previous.size.max(line.size) * 260
            || (!is_row(line) && is_heading(line))
            || same_text(line, &lines[start])
            || next_header
            || sentence
        {
            break;
        }
        end += 1;
        amounts_seen |= has_amounts(line);
        if is_row(line) {
            rows += 1;
            last_row = end;
        }
    }
    // A table that runs to the foot of its page keeps its last lines (a heading row such as
    // "TILLGÅNGAR" before the break): the next page goes on with its rows.
    let heading_like = |line: &Line| {
        line.cells.len() == 1
            && !line.cells[0].text.ends_with('.')
            && line.cells[0].text.split_whitespace().count() <= 8
    };
    if end == lines.len() && lines[last_row..].iter().all(heading_like) {
        last_row = end;
    }
    // The last row's cells wrapped over the lines after it: one-cell lines right of the first
    // column, or a label going on in lower case.
    let first_column = lines[start].cells[0].start;
    while last_row < end {
        let (previous, line) = (&lines[last_row - 1], &lines[last_row]);
        let cell = &line.cells[0];
        let goes_on = cell.start > first_column + line.size
            || cell.text.chars().next().is_some_and(char::is_lowercase);
        if !super::layout::close(previous, line) || !goes_on {
            break;
        }
        last_row += 1;
    }
    // One row alone is a table at the foot of a page or at its head, where a table from the
    // page before may go on.
    (rows >= 2 || last_row == lines.len() || start == 0).then_some(last_row)
}

fn has_amounts(line: &Line) -> bool {
    line.cells.iter().skip(1).any(|cell| is_amount(&cell.text))
}

fn same_text(line: &Line, other: &Line) -> bool {
    line.cells.len() == other.cells.len()
        && line
            .cells
            .iter()
            .zip(&other.cells)
            .all(|(cell, other)| cell.text == other.text)
}

/// The table of `lines` (from [`end`]) on `page`; the first row, with what continues it, is
/// the header.
pub fn read(lines: &[Line], page: usize) -> Option<Table> {
    let columns = columns(lines);
    if columns.len() > COLUMNS {
        return None;
    }
    Some(Table {
        rows: rows(lines, &columns)
            .into_iter()
            .map(|cells| (page, cells))
            .collect(),
        columns,
    })
}

/// The rows of `lines` in `columns`, each cell wrapped over lines joined again.
fn rows(lines: &[Line], columns: &[(i64, i64)]) -> Vec<Vec<Option<Cell>>> {
    let mut rows: Vec<(Vec<Option<Cell>>, &Line)> = Vec::new();
    let mut amounts_seen = false;
    for line in lines {
        let cells = placed(line, columns);
        // Lines of headings go on over several lines only above the first row of amounts.
        let in_header = !amounts_seen;
        amounts_seen |= has_amounts(line);
        match rows.last_mut() {
            Some((row, row_line)) if continues(row, row_line, &cells, line, in_header) => {
                join(row, cells);
                *row_line = line;
            }
            _ => rows.push((cells, line)),
        }
    }
    rows.into_iter().map(|(cells, _)| cells).collect()
}

fn join(row: &mut [Option<Cell>], more: Vec<Option<Cell>>) {
    for (kept, more) in row.iter_mut().zip(more) {
        match (kept.as_mut(), more) {
            (Some(kept), Some(more)) => super::layout::join_line(&mut kept.text, &more.text),
            (None, Some(more)) => *kept = Some(more),
            _ => {}
        }
    }
}

/// Whether `next` continues the cells of `row` (a label or a heading wrapped in its cell)
/// rather than being a row of its own: as close as lines of one cell, no amount of its own,
/// and either a heading row going on, text in a column beside the first, or a label going on
/// in lower case.
fn continues(
    row: &[Option<Cell>],
    row_line: &Line,
    next: &[Option<Cell>],
    next_line: &Line,
    in_header: bool,
) -> bool {
    if !super::layout::close(row_line, next_line) {
        return false;
    }
    let texts = |cells: &[Option<Cell>]| -> Vec<String> {
        cells
            .iter()
            .flatten()
            .map(|cell| cell.text.clone())
            .collect()
    };
    // An amount beside the first column is a row's; a figure under the label is the end of
    // the label ("… se not" / "3").
    if next
        .iter()
        .skip(1)
        .flatten()
        .any(|cell| is_amount(&cell.text))
    {
        return false;
    }
    let heading_row = !texts(row).iter().skip(1).any(|text| is_amount(text));
    // "EGET KAPITAL," / "AVSÄTTNINGAR OCH SKULDER": a label that cannot end there.
    let unfinished = row
        .first()
        .and_then(|cell| cell.as_ref())
        .is_some_and(|cell| {
            let label = cell.text.to_lowercase();
            label.ends_with([',', '-', '–'])
                || [" och", " samt", " eller", " av", " i", " för"]
                    .iter()
                    .any(|word| label.ends_with(word))
        });
    let beside_first = next.first().is_some_and(Option::is_none);
    let lower = next
        .first()
        .and_then(|cell| cell.as_ref())
        .and_then(|cell| cell.text.chars().next())
        .is_some_and(char::is_lowercase);
    // "… OCH SKULDER" under "SUMMA EGET KAPITAL, AVSÄTTNINGAR"; "3" under "… se not".
    let first_word = next
        .first()
        .and_then(|cell| cell.as_ref())
        .and_then(|cell| cell.text.split_whitespace().next())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let conjunction = matches!(first_word.as_str(), "och" | "samt" | "eller");
    let label_only = next.iter().skip(1).all(Option::is_none)
        && next
            .first()
            .and_then(|cell| cell.as_ref())
            .is_some_and(|cell| is_figure(&cell.text));
    (in_header && heading_row && next.iter().flatten().count() >= 2)
        || beside_first
        || lower
        || unfinished
        || conjunction
        || label_only
}
