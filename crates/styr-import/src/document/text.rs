//! Reading the text/Markdown form of a budget document.

use super::{Block, Document, Table, TableRow};

/// Reads a document. Reading text cannot fail: what is not a heading or a table is prose.
pub fn parse_text(source: &str) -> Document {
    let lines: Vec<&str> = source.lines().collect();
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim_end_matches('\r');
        let number = index + 1;
        if let Some((level, text)) = heading(line) {
            blocks.push(Block::Heading {
                level,
                text,
                line: number,
            });
            index += 1;
        } else if is_tab_row(line) {
            let start = index;
            while index < lines.len() && is_tab_row(lines[index]) {
                index += 1;
            }
            blocks.push(Block::Table(table(
                &lines[start..index],
                start + 1,
                |line| line.split('\t').map(str::to_string).collect(),
            )));
        } else if is_pipe_row(line) {
            let start = index;
            while index < lines.len() && is_pipe_row(lines[index]) {
                index += 1;
            }
            let rows: Vec<&str> = lines[start..index]
                .iter()
                .copied()
                .filter(|row| !is_pipe_separator(row))
                .collect();
            let mut parsed = table(&rows, start + 1, pipe_cells);
            // Line numbers after a separator row shift by one; renumber from the source.
            let numbers: Vec<usize> = (start..index)
                .filter(|row| !is_pipe_separator(lines[*row]))
                .map(|row| row + 1)
                .collect();
            parsed.line = numbers.first().copied().unwrap_or(start + 1);
            for (row, number) in parsed.rows.iter_mut().zip(numbers.iter().skip(1)) {
                row.line = *number;
            }
            blocks.push(Block::Table(parsed));
        } else {
            // A list item's marker is layout, not text: Word keeps it out of the paragraph too.
            let item = line
                .trim_start()
                .strip_prefix("- ")
                .or_else(|| line.trim_start().strip_prefix("* "))
                .unwrap_or(line);
            let text = clean(item);
            if !text.is_empty() {
                blocks.push(Block::Paragraph { text, line: number });
            }
            index += 1;
        }
    }
    Document { blocks }
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

fn table(lines: &[&str], first_line: usize, cells: impl Fn(&str) -> Vec<String>) -> Table {
    let mut rows = lines.iter().enumerate().map(|(offset, line)| {
        let raw = cells(line.trim_end_matches('\r'));
        let bold = raw.first().is_some_and(|cell| is_bold(cell));
        TableRow {
            cells: raw.iter().map(|cell| clean(cell)).collect(),
            bold,
            line: first_line + offset,
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

/// Text without its markup: `<b>`, `<i>`, `<p>`, `**`, `*` and heading emphasis.
pub fn clean(text: &str) -> String {
    let mut cleaned = text.to_string();
    for tag in ["<b>", "</b>", "<i>", "</i>", "<p>", "</p>", "**"] {
        cleaned = cleaned.replace(tag, " ");
    }
    let cleaned = cleaned.trim().trim_matches('*').trim();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_tables_and_paragraphs_are_told_apart() {
        let document = parse_text(
            "# Budget 2025\n\nText här.\n\nBelopp i tkr\tBudget 2024\tBudget 2025\n<b>Summa</b>\t<b>10</b>\t<b>12</b>\nRad\t10\t12\n\n## *Avsnitt*\n",
        );
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
        );
        let Block::Table(table) = &document.blocks[0] else {
            panic!("a table")
        };
        assert_eq!(table.header, ["Belopp i tkr", "Plan 2026"]);
        assert_eq!(table.rows.len(), 2);
        assert!(table.rows[0].bold);
        assert_eq!((table.rows[0].line, table.rows[1].line), (3, 4));
    }
}
