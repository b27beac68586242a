//! Lines of pages into the text form: tables ([`super::table`]), headings (a larger type than
//! the body, or a short line alone in bold) and paragraphs (lines as close as running text),
//! with bold cells marked `<b>` as the text form has them.

use super::PdfText;
use super::content::Glyph;
use super::layout::{self, Line, close, marker};
use super::table::{self, Table};

/// A block of the text form on its page.
enum Block {
    Text(usize, String),
    Table(Table),
    /// A table's lines, read once it is known whether they go on from the last page's table.
    Lines(Vec<Line>),
}

/// The text form of `pages`, and the line each page begins on.
pub fn text(pages: &[Vec<Glyph>]) -> PdfText {
    let mut page_lines: Vec<Vec<Line>> = pages.iter().map(|page| layout::lines(page)).collect();
    without_running_heads(&mut page_lines);
    let style = Style::of(&page_lines);
    let mut all: Vec<Block> = Vec::new();
    for (page, lines) in page_lines.iter().enumerate() {
        let mut first = 0;
        // A row the page break cut: its cells go on at the top of this page.
        if let Some(Block::Table(kept)) = all.last_mut() {
            while first < lines.len()
                && !style.is_heading(&lines[first])
                && kept.continued_by(&lines[first])
            {
                first += 1;
            }
        }
        for (index, block) in blocks(&lines[first..], page, &style)
            .into_iter()
            .enumerate()
        {
            let lines = match (all.last_mut(), block) {
                // A table that goes on at the top of the next page is one table.
                (Some(Block::Table(kept)), Block::Lines(more)) if index == 0 => {
                    if kept.extend(&more, page) {
                        continue;
                    }
                    more
                }
                (_, Block::Lines(more)) => more,
                (_, block) => {
                    all.push(block);
                    continue;
                }
            };
            match table::read(&lines, page) {
                Some(table) => all.push(Block::Table(table)),
                // Too many columns for a table: its lines as text.
                None => all.extend(lines.iter().map(|line| Block::Text(page, line_text(line)))),
            }
        }
    }
    write(all, pages.len())
}

/// The page's running head and foot left out: a first or last line that, its digits aside,
/// stands on most pages ("Kommunstyrelsen budget 2025–2027   Sida 3 av 40"), or a page
/// number alone. They would otherwise stand between the parts of a table a page break cuts.
fn without_running_heads(pages: &mut [Vec<Line>]) {
    let shape = |line: &Line| -> String {
        line.cells
            .iter()
            .map(|cell| cell.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|character| !character.is_ascii_digit())
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for lines in pages.iter() {
        let mut ends: Vec<String> = lines
            .first()
            .into_iter()
            .chain(lines.last())
            .map(shape)
            .collect();
        ends.dedup();
        for end in ends {
            *counts.entry(end).or_default() += 1;
        }
    }
    let running = |line: &Line| {
        let shape = shape(line);
        // A page number alone: a short line of two numbers at most ("12", "Sida 12 av 40",
        // "12 (40)"), not a row of figures.
        let text: String = line.cells.iter().map(|cell| cell.text.as_str()).collect();
        let numbers = text
            .split(|character: char| !character.is_ascii_digit())
            .filter(|part| !part.is_empty())
            .count();
        let number_alone = text.chars().count() <= 14
            && numbers <= 2
            && shape
                .trim()
                .trim_start_matches("Sida")
                .trim_start_matches("sida")
                .replace(['(', ')', '/', '-', '–'], "")
                .replace("av", "")
                .trim()
                .is_empty();
        number_alone
            || (pages.len() >= 3
                && counts
                    .get(&shape)
                    .is_some_and(|count| count * 2 >= pages.len()))
    };
    // A running head or foot stands apart from the page's text, in its margin.
    let apart = |line: &Line, other: &Line| (line.y - other.y).abs() * 100 > line.size * 200;
    let flags: Vec<(bool, bool)> = pages
        .iter()
        .map(|lines| match lines.as_slice() {
            [first, second, .., last] | [first, second @ last] => (
                running(first) && apart(first, second),
                lines.len() > 2 && running(last) && apart(last, &lines[lines.len() - 2]),
            ),
            _ => (false, false),
        })
        .collect();
    for (lines, (head, foot)) in pages.iter_mut().zip(flags) {
        if foot {
            lines.pop();
        }
        if head {
            lines.remove(0);
        }
    }
}

fn write(all: Vec<Block>, pages: usize) -> PdfText {
    let mut out = PdfText::default();
    let mut line = 1;
    let begin = |page: usize, line: usize, out: &mut PdfText| {
        while out.page_lines.len() <= page {
            out.page_lines.push(line);
        }
    };
    for block in all {
        match block {
            Block::Text(page, text) => {
                begin(page, line, &mut out);
                out.text.push_str(&text);
                out.text.push('\n');
                line += 1;
            }
            Block::Lines(_) => {}
            Block::Table(table) => {
                for (page, cells) in table.texts() {
                    begin(page, line, &mut out);
                    out.text.push_str(&cells.join("\t"));
                    out.text.push('\n');
                    line += 1;
                }
            }
        }
        // A blank line between blocks.
        out.text.push('\n');
        line += 1;
    }
    begin(pages.saturating_sub(1), line, &mut out);
    out
}

/// The document's type sizes: the body's, and those of its headings, largest first.
struct Style {
    body: i64,
    headings: Vec<i64>,
}

impl Style {
    fn of(pages: &[Vec<Line>]) -> Style {
        // The size most characters have is the body's.
        let mut sizes: Vec<i64> = pages
            .iter()
            .flatten()
            .flat_map(|line| {
                line.cells
                    .iter()
                    .map(move |cell| (line.size, cell.text.len()))
            })
            .flat_map(|(size, count)| std::iter::repeat_n(size, count.min(200)))
            .collect();
        sizes.sort_unstable();
        let body = sizes.get(sizes.len() / 2).copied().unwrap_or(1000);
        let mut style = Style {
            body,
            headings: Vec::new(),
        };
        let mut headings: Vec<i64> = pages
            .iter()
            .flatten()
            .filter(|line| style.is_heading(line))
            .map(|line| line.size)
            .collect();
        headings.sort_unstable_by(|a, b| b.cmp(a));
        headings.dedup();
        style.headings = headings;
        style
    }

    fn is_heading(&self, line: &Line) -> bool {
        line.size * 100 >= self.body * 112
    }

    /// The heading level of a line in a heading's size; a bold line of the body's size is the
    /// level below them.
    fn level(&self, size: i64) -> usize {
        self.headings
            .iter()
            .position(|heading| *heading == size)
            .unwrap_or(self.headings.len())
            .saturating_add(1)
            .min(6)
    }
}

/// A line all in bold at the body's size, short and not a sentence: a heading below the
/// larger ones when it stands alone.
fn is_bold_heading(line: &Line) -> bool {
    let text = line_text(line);
    line.cells.iter().all(|cell| cell.bold)
        && text.split_whitespace().count() <= 14
        && !text.ends_with(['.', ':', ','])
        && marker(line).is_none()
}

/// A page's blocks.
fn blocks(lines: &[Line], page: usize, style: &Style) -> Vec<Block> {
    let is_heading = |line: &Line| style.is_heading(line);
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if let Some(end) = table::end(lines, index, is_heading) {
            blocks.push(Block::Lines(lines[index..end].to_vec()));
            index = end;
            continue;
        }
        let line = &lines[index];
        let mut text = line_text(line);
        let heading = style.is_heading(line);
        let mut end = index + 1;
        while end < lines.len()
            && close(&lines[end - 1], &lines[end])
            && style.is_heading(&lines[end]) == heading
            && lines[end].size == line.size
            && table::end(lines, end, is_heading).is_none()
            && marker(&lines[end]).is_none()
        {
            layout::join_line(&mut text, &line_text(&lines[end]));
            end += 1;
        }
        let alone = end == index + 1
            && lines
                .get(end)
                .is_none_or(|next| !close(line, next) || style.is_heading(next));
        if heading {
            text = format!("{} {text}", "#".repeat(style.level(line.size)));
        } else if alone && is_bold_heading(line) {
            text = format!("{} {text}", "#".repeat(style.level(0)));
        }
        blocks.push(Block::Text(page, text));
        index = end;
    }
    blocks
}

/// A line's words as one paragraph's, without a list marker.
fn line_text(line: &Line) -> String {
    let skip = usize::from(marker(line).is_some() && line.cells.len() > 1);
    let words: Vec<&str> = line.cells[skip..]
        .iter()
        .map(|cell| cell.text.as_str())
        .collect();
    words.join(" ")
}
