//! Reading the text/Markdown form of a budget document, a line at a time: what is not a heading
//! or a table is prose, so reading can fail only at the [`Limits`] — the file's size, a line's,
//! and the blocks (headings, paragraphs, table rows) it makes, counted as they are made.

use std::iter::Peekable;

use super::{Block, Document, Table, TableRow};
use crate::bidi;
use crate::limits::{Limit, Limits};

/// Reads a document within the default limits.
pub fn parse_text(source: &str) -> Result<Document, String> {
    parse_text_within(source, &Limits::default())
}

/// The lines of `source`, numbered from 1, without their line ends: `\n`, `\r\n`, or `\r`
/// alone in a document whose first line ends so.
fn numbered(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let first_end = source.find(['\n', '\r']);
    let cr_only = first_end
        .is_some_and(|at| source[at..].starts_with('\r') && !source[at..].starts_with("\r\n"));
    let end = if cr_only { '\r' } else { '\n' };
    source
        .split_terminator(end)
        .map(|line| line.trim_end_matches('\r'))
        .enumerate()
        .map(|(index, line)| (index + 1, line))
}

/// [`parse_text`] within `limits` instead of the defaults.
pub fn parse_text_within(source: &str, limits: &Limits) -> Result<Document, String> {
    limits
        .check(Limit::FileBytes, source.len() as u64, "dokumentet")
        .map_err(|exceeded| exceeded.to_string())?;
    let mut lines = numbered(source).peekable();
    let mut blocks = Vec::new();
    let mut made = 0_u64;
    while let Some(&(number, line)) = lines.peek() {
        limits
            .check(
                Limit::LineBytes,
                line.len() as u64,
                &format!("rad {number}"),
            )
            .map_err(|exceeded| exceeded.to_string())?;
        if let Some((level, text)) = heading(line) {
            lines.next();
            made += 1;
            blocks.push(Block::Heading {
                level,
                text,
                line: number,
            });
        } else if is_tab_row(line) {
            let rows = table_rows(&mut lines, continues_tab_table, limits)?;
            made += rows.len() as u64;
            blocks.push(Block::Table(table(&rows, |line| {
                line.split('\t').map(str::to_string).collect()
            })));
        } else if is_pipe_row(line) {
            let rows: Vec<(usize, &str)> = table_rows(&mut lines, is_pipe_row, limits)?
                .into_iter()
                .filter(|(_, row)| !is_pipe_separator(row))
                .collect();
            made += rows.len() as u64;
            blocks.push(Block::Table(table(&rows, pipe_cells)));
        } else {
            lines.next();
            // A list item's marker is layout, not text: Word keeps it out of the paragraph too.
            let item = line
                .trim_start()
                .strip_prefix("- ")
                .or_else(|| line.trim_start().strip_prefix("* "))
                .unwrap_or(line);
            let text = clean(item);
            if !text.is_empty() {
                made += 1;
                blocks.push(Block::Paragraph { text, line: number });
            }
        }
        limits
            .check(Limit::Blocks, made, "dokumentet")
            .map_err(|exceeded| exceeded.to_string())?;
    }
    Ok(Document { blocks })
}

/// The rows of a table: the lines from here on that `is_row` says belong to it.
fn table_rows<'a>(
    lines: &mut Peekable<impl Iterator<Item = (usize, &'a str)>>,
    is_row: impl Fn(&str) -> bool,
    limits: &Limits,
) -> Result<Vec<(usize, &'a str)>, String> {
    let mut rows = Vec::new();
    while let Some(&(number, line)) = lines.peek() {
        if !is_row(line) {
            break;
        }
        limits
            .check(
                Limit::LineBytes,
                line.len() as u64,
                &format!("rad {number}"),
            )
            .and_then(|()| limits.check(Limit::Blocks, rows.len() as u64, "en tabell i dokumentet"))
            .map_err(|exceeded| exceeded.to_string())?;
        rows.push((number, line));
        lines.next();
    }
    Ok(rows)
}

fn heading(line: &str) -> Option<(u8, String)> {
    let hashes = line
        .chars()
        .take_while(|character| *character == '#')
        .count();
    if hashes == 0 || hashes > 6 || !line[hashes..].starts_with(' ') {
        return None;
    }
    Some((hashes as u8, clean(&line[hashes..])))
}

fn is_tab_row(line: &str) -> bool {
    line.contains('\t')
        && line
            .split('\t')
            .filter(|cell| !cell.trim().is_empty())
            .count()
            >= 2
}

/// A line inside a tab table: any line with a tab and some text, so that a heading row of the
/// table ("Omsättningstillgångar" and empty cells) does not end it.
fn continues_tab_table(line: &str) -> bool {
    line.contains('\t') && !line.trim().is_empty()
}

fn is_pipe_row(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with('|') && trimmed.ends_with('|') && trimmed.len() > 2
}

fn is_pipe_separator(line: &str) -> bool {
    line.trim()
        .chars()
        .all(|character| matches!(character, '|' | '-' | ':' | ' '))
}

fn pipe_cells(line: &str) -> Vec<String> {
    let trimmed = line.trim();
    trimmed[1..trimmed.len() - 1]
        .split('|')
        .map(|cell| cell.trim().to_string())
        .collect()
}

/// A table of `lines`, each with its number; the first is the header.
fn table(lines: &[(usize, &str)], cells: impl Fn(&str) -> Vec<String>) -> Table {
    let first_line = lines.first().map_or(1, |(number, _)| *number);
    let mut rows = lines.iter().map(|(number, line)| {
        let raw = cells(line);
        let bold = raw.first().is_some_and(|cell| is_bold(cell));
        TableRow {
            cells: raw.iter().map(|cell| clean(cell)).collect(),
            bold,
            line: *number,
        }
    });
    let header = rows.next().map(|row| row.cells).unwrap_or_default();
    Table {
        line: first_line,
        header,
        rows: rows.collect(),
    }
}

fn is_bold(cell: &str) -> bool {
    let cell = cell.trim();
    cell.starts_with("<b>") || cell.starts_with("**")
}

/// Text without its markup — `<b>`, `<i>`, `<p>`, `**`, `*` and heading emphasis — and
/// without direction controls (`crate::bidi`: a document under review is quoted, not stored).
pub fn clean(text: &str) -> String {
    let mut cleaned = bidi::remove(text).into_owned();
    for tag in ["<b>", "</b>", "<i>", "</i>", "<p>", "</p>", "**"] {
        cleaned = cleaned.replace(tag, " ");
    }
    let cleaned = cleaned.trim().trim_matches('*').trim();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_heading_row_inside_a_tab_table_does_not_end_the_table() {
        let document =
            parse_text("mnkr\t2023\nTILLGÅNGAR\t\nKassa\t74,1\nSumma\t74,1\n").expect("readable");
        let [Block::Table(table)] = document.blocks.as_slice() else {
            panic!("one table: {:?}", document.blocks)
        };
        assert_eq!(table.rows.len(), 3);
    }

    use super::*;

    #[test]
    fn headings_tables_and_paragraphs_are_told_apart() {
        let document = parse_text(
            "# Budget 2025\n\nText här.\n\nBelopp i tkr\tBudget 2024\tBudget 2025\n<b>Summa</b>\t<b>10</b>\t<b>12</b>\nRad\t10\t12\n\n## *Avsnitt*\n",
        )
        .expect("it reads");
        assert_eq!(document.blocks.len(), 4);
        assert_eq!(
            document.blocks[0],
            Block::Heading {
                level: 1,
                text: "Budget 2025".into(),
                line: 1
            }
        );
        let Block::Table(table) = &document.blocks[2] else {
            panic!("a table")
        };
        assert_eq!(table.header, ["Belopp i tkr", "Budget 2024", "Budget 2025"]);
        assert!(table.rows[0].bold && !table.rows[1].bold);
        assert_eq!(table.rows[1].cells, ["Rad", "10", "12"]);
        assert_eq!(table.rows[1].line, 7);
        assert_eq!(
            document.blocks[3],
            Block::Heading {
                level: 2,
                text: "Avsnitt".into(),
                line: 9
            }
        );
    }

    #[test]
    fn pipe_tables_read_like_tab_tables() {
        let document = parse_text(
            "| Belopp i tkr | Plan 2026 |\n|---|---:|\n| **Totalt** | **7** |\n| Rad | 7 |\n",
        )
        .expect("it reads");
        let Block::Table(table) = &document.blocks[0] else {
            panic!("a table")
        };
        assert_eq!(table.header, ["Belopp i tkr", "Plan 2026"]);
        assert_eq!(table.rows.len(), 2);
        assert!(table.rows[0].bold);
        assert_eq!((table.rows[0].line, table.rows[1].line), (3, 4));
    }

    #[test]
    fn a_document_past_its_limits_is_refused_naming_the_limit() {
        let limits = Limits {
            blocks: 3,
            line_bytes: 100,
            ..Limits::default()
        };
        assert!(parse_text_within("a\n\nb\n\nc\n", &limits).is_ok());
        let refusal = parse_text_within("a\nb\nc\nd\n", &limits).expect_err("four paragraphs");
        assert!(refusal.contains("gränsen blocks = 3"), "{refusal}");
        let long = format!("# Rubrik\n{}\n", "x".repeat(101));
        let refusal = parse_text_within(&long, &limits).expect_err("a long line");
        assert!(
            refusal.starts_with("rad 2 är längre än 100 byte"),
            "{refusal}"
        );
        let table = "a\t1\nb\t2\nc\t3\nd\t4\n";
        assert!(
            parse_text_within(table, &limits).is_err(),
            "four table rows"
        );
    }

    #[test]
    fn lines_may_end_in_a_carriage_return_alone() {
        let document = parse_text("# Budget\rText här.\r").expect("it reads");
        assert_eq!(document.blocks.len(), 2);
        assert_eq!(
            document.blocks[1],
            Block::Paragraph {
                text: "Text här.".into(),
                line: 2
            }
        );
    }

    #[test]
    fn direction_controls_are_removed_from_the_text_reviewed() {
        let document = parse_text("Summan är \u{202e}8,4\u{202c} mnkr.\n").expect("it reads");
        assert_eq!(
            document.blocks[0],
            Block::Paragraph {
                text: "Summan är 8,4 mnkr.".into(),
                line: 1
            }
        );
    }
}
