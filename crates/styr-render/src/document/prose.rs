//! The Markdown that section texts are stored in, read as document blocks: paragraphs, bullet
//! and numbered lists, `**fetstil**` and `*kursiv*`. That is all budget prose uses; anything
//! else is kept as the text it is.

use super::{Block, Span, Style};

/// The blocks of a Markdown text, in order.
pub fn prose(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let mut numbered = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(item) = bullet(trimmed) {
            flush_paragraph(&mut blocks, &mut paragraph);
            if numbered {
                flush_items(&mut blocks, &mut items, numbered);
            }
            numbered = false;
            items.push(item.to_string());
        } else if let Some(item) = number(trimmed) {
            flush_paragraph(&mut blocks, &mut paragraph);
            if !numbered {
                flush_items(&mut blocks, &mut items, numbered);
            }
            numbered = true;
            items.push(item.to_string());
        } else if trimmed.is_empty() {
            flush_paragraph(&mut blocks, &mut paragraph);
            flush_items(&mut blocks, &mut items, numbered);
        } else if let Some(last) = items.last_mut().filter(|_| line.starts_with([' ', '\t'])) {
            // An indented line continues the list item above it.
            last.push(' ');
            last.push_str(trimmed);
        } else {
            flush_items(&mut blocks, &mut items, numbered);
            paragraph.push(trimmed);
        }
    }
    flush_paragraph(&mut blocks, &mut paragraph);
    flush_items(&mut blocks, &mut items, numbered);
    // Items written with blank lines between them are still one list.
    blocks.dedup_by(|next, previous| match (previous, next) {
        (Block::Bullets(previous), Block::Bullets(next))
        | (Block::Numbered(previous), Block::Numbered(next)) => {
            previous.append(next);
            true
        }
        _ => false,
    });
    blocks
}

fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .map(str::trim)
}

fn number(line: &str) -> Option<&str> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(". ").map(str::trim)
}

fn flush_paragraph(blocks: &mut Vec<Block>, lines: &mut Vec<&str>) {
    if !lines.is_empty() {
        blocks.push(Block::Paragraph(inline(&lines.join(" "))));
        lines.clear();
    }
}

fn flush_items(blocks: &mut Vec<Block>, items: &mut Vec<String>, numbered: bool) {
    if items.is_empty() {
        return;
    }
    let spans = items.drain(..).map(|item| inline(&item)).collect();
    blocks.push(if numbered {
        Block::Numbered(spans)
    } else {
        Block::Bullets(spans)
    });
}

/// `**fetstil**` and `*kursiv*` (or `_kursiv_`) within a line; an unclosed marker is text.
pub fn inline(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut rest = text;
    let mut plain = String::new();
    while !rest.is_empty() {
        let marked = [
            ("**", Style::Bold),
            ("*", Style::Italic),
            ("_", Style::Italic),
        ]
        .into_iter()
        .find_map(|(marker, style)| {
            let inner = rest.strip_prefix(marker)?;
            let end = inner.find(marker)?;
            (end > 0).then(|| (style, &inner[..end], &inner[end + marker.len()..]))
        });
        match marked {
            // An underscore inside a word ("e_arkiv") is not emphasis.
            Some((_, _, _)) if rest.starts_with('_') && plain.ends_with(char::is_alphanumeric) => {
                plain.push('_');
                rest = &rest[1..];
            }
            Some((style, inner, after)) => {
                if !plain.is_empty() {
                    spans.push(Span::plain(std::mem::take(&mut plain)));
                }
                spans.push(Span {
                    text: inner.to_string(),
                    style,
                });
                rest = after;
            }
            None => {
                let mut characters = rest.chars();
                if let Some(character) = characters.next() {
                    plain.push(character);
                }
                rest = characters.as_str();
            }
        }
    }
    if !plain.is_empty() {
        spans.push(Span::plain(plain));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let blocks = prose(
            "Detta förklaras framför allt av:\n\n- Högre intäkter\n- Lägre\n  kostnader\n\nSlut med *Pulsmätningen* och **fet** text.\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![Span::plain("Detta förklaras framför allt av:")]),
                Block::Bullets(vec![
                    vec![Span::plain("Högre intäkter")],
                    vec![Span::plain("Lägre kostnader")]
                ]),
                Block::Paragraph(vec![
                    Span::plain("Slut med "),
                    Span::italic("Pulsmätningen"),
                    Span::plain(" och "),
                    Span::bold("fet"),
                    Span::plain(" text.")
                ]),
            ]
        );
    }

    #[test]
    fn numbered_lists_and_unclosed_markers() {
        assert_eq!(
            prose("1. Osannolik\n2. Möjlig"),
            vec![Block::Numbered(vec![
                vec![Span::plain("Osannolik")],
                vec![Span::plain("Möjlig")]
            ])]
        );
        assert_eq!(
            inline("5 * 3 och e_arkiv_test"),
            vec![Span::plain("5 * 3 och e_arkiv_test")]
        );
    }
}
