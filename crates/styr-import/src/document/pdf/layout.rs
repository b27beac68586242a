//! A page's characters as lines, top to bottom, and each line as cells: the words that stand
//! together, apart from the next by more than a word space. Whole hundredths of a point.

use super::content::Glyph;

/// Words that stand together on a line: a table cell, or all of a line of running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub bold: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub cells: Vec<Cell>,
    /// The baseline, from the top of the page.
    pub y: i64,
    /// The largest type on the line.
    pub size: i64,
}

/// `more`, the next line's words, after `kept`. A word hyphenated with a soft hyphen (as typst
/// writes one) is one word again; a hyphen that is a character of the text stays as printed,
/// joined to the next word ("IT-" / "säkerhet", "Budget-" / "avvikelse") or apart before a
/// conjunction ("el-" / "och"). Where a publisher hyphenated with a plain hyphen the word keeps
/// it: the text is quoted as printed rather than guessed at.
pub fn join_line(kept: &mut String, more: &str) {
    if kept.ends_with('\u{ad}') {
        kept.pop();
        kept.push_str(more);
        return;
    }
    let first_word = more.split_whitespace().next().unwrap_or("");
    let conjunction = matches!(
        first_word,
        "och" | "eller" | "samt" | "respektive" | "som" | "till"
    );
    if !kept.ends_with(['-', '–']) || conjunction {
        kept.push(' ');
    }
    kept.push_str(more);
}

/// The lines of a page's glyphs.
pub fn lines(page: &[Glyph]) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = page
        .iter()
        .filter(|glyph| !glyph.text.trim().is_empty())
        .collect();
    glyphs.sort_by_key(|glyph| (glyph.y, glyph.x));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            // The same line while within half a character's height of where it began.
            Some(row) if (glyph.y - row[0].y).abs() * 2 <= row[0].size.max(glyph.size) => {
                row.push(glyph);
            }
            _ => rows.push(vec![glyph]),
        }
    }
    rows.into_iter().map(line).collect()
}

fn line(mut row: Vec<&Glyph>) -> Line {
    row.sort_by_key(|glyph| glyph.x);
    // A character drawn twice in the same place (shadowed or overprinted bold) is one.
    row.dedup_by(|next, kept| next.text == kept.text && (next.x - kept.x).abs() * 10 < kept.size);
    let size = row.iter().map(|glyph| glyph.size).max().unwrap_or(1);
    let y = row.first().map_or(0, |glyph| glyph.y);
    let mut cells: Vec<(Cell, usize, usize)> = Vec::new();
    for glyph in row {
        let bold = usize::from(glyph.bold);
        match cells.last_mut() {
            Some((cell, bolds, count)) if !starts_cell(cell, glyph) => {
                // A gap wider than an eighth of an em between characters is a word space.
                if glyph.x - cell.end > glyph.size / 8 {
                    cell.text.push(' ');
                }
                cell.text.push_str(&glyph.text);
                cell.end = cell.end.max(glyph.right);
                *bolds += bold;
                *count += 1;
            }
            _ => cells.push((
                Cell {
                    start: glyph.x,
                    end: glyph.right,
                    text: glyph.text.clone(),
                    bold: false,
                },
                bold,
                1,
            )),
        }
    }
    let cells = cells
        .into_iter()
        .map(|(mut cell, bolds, count)| {
            // Bold when most of its characters are: a bold figure in a regular row stays a
            // regular row.
            cell.bold = bolds * 2 > count;
            cell
        })
        .collect();
    Line { cells, y, size }
}

/// Whether `glyph` begins a new cell after `cell`: a gap of most of an em, or of half an em
/// before a figure that follows words or a whole figure (a table's next column, which a
/// thousands space never is).
fn starts_cell(cell: &Cell, glyph: &Glyph) -> bool {
    let gap = glyph.x - cell.end;
    if gap * 10 > glyph.size * 9 {
        return true;
    }
    let figure_follows = glyph.text.chars().next().is_some_and(|first| {
        first.is_ascii_digit() || matches!(first, '-' | '−' | '–' | '+' | '(')
    });
    let last_group = cell.text.rsplit(' ').next().unwrap_or("");
    let after_words = !last_group.chars().any(|c| c.is_ascii_digit());
    // "114 196": a group of three digits after a space is the same figure.
    let whole_group = last_group.chars().filter(char::is_ascii_digit).count() >= 4
        || last_group.contains(',')
        || last_group.ends_with('%');
    figure_follows && gap * 20 > glyph.size * 9 && (after_words || whole_group)
}

/// Whether `next` follows `line` as the next line of the same paragraph or cell.
pub fn close(line: &Line, next: &Line) -> bool {
    (next.y - line.y) * 100 <= line.size.max(next.size) * 145
}

/// A list item's marker standing apart before its text.
pub fn marker(line: &Line) -> Option<&Cell> {
    line.cells.first().filter(|cell| {
        matches!(
            cell.text.as_str(),
            "•" | "◦" | "▪" | "–" | "-" | "·" | "*" | "○" | "■"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from `x`, each half an em wide at 10 pt, on baseline `y`.
    fn word(text: &str, x: i64, y: i64, bold: bool) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .filter(|(_, character)| *character != ' ')
            .map(|(index, character)| Glyph {
                x: x + index as i64 * 500,
                right: x + index as i64 * 500 + 500,
                y,
                size: 1000,
                text: character.to_string(),
                bold,
            })
            .collect()
    }

    #[test]
    fn a_word_broken_over_lines_is_whole_again_and_a_compound_keeps_its_hyphen() {
        let joined = |kept: &str, more: &str| {
            let mut kept = kept.to_string();
            join_line(&mut kept, more);
            kept
        };
        assert_eq!(
            joined("Kultur- och fri\u{ad}", "tidsnämnden"),
            "Kultur- och fritidsnämnden"
        );
        assert_eq!(joined("Budget-", "avvikelse"), "Budget-avvikelse");
        assert_eq!(
            joined("kunskap kring IT-", "säkerhet"),
            "kunskap kring IT-säkerhet"
        );
        assert_eq!(
            joined("för el-", "och energiavbrott"),
            "för el- och energiavbrott"
        );
        assert_eq!(joined("Risk att", "medarbetare"), "Risk att medarbetare");
        assert_eq!(
            joined("jämfört med föregå\u{ad}", "ende år"),
            "jämfört med föregående år"
        );
    }

    #[test]
    fn words_make_cells_and_columns_split_where_the_gap_is_wide() {
        let mut page = word("Personalkostnader", 0, 10_000, false);
        page.extend(word("-114 196", 20_000, 10_020, false));
        page.extend(word("-116 205", 30_000, 9_990, false));
        page.extend(word("Summa", 0, 11_500, true));
        let lines = lines(&page);
        assert_eq!(lines.len(), 2);
        let texts: Vec<&str> = lines[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Personalkostnader", "-114 196", "-116 205"]);
        assert!(lines[1].cells[0].bold && !lines[0].cells[0].bold);
    }

    #[test]
    fn a_figure_close_after_words_is_still_its_own_cell() {
        // Half an em and a little more: too wide for a word space before a figure.
        let mut page = word("Intäkter", 0, 10_000, false);
        page.extend(word("5 400", 4_000 + 550, 10_000, false));
        let cells = &lines(&page)[0].cells;
        assert_eq!(cells.len(), 2, "{cells:?}");
    }
}
