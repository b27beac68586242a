//! The Markdown that section texts are stored in, read as document blocks by a CommonMark
//! reader (pulldown-cmark, with GFM tables): paragraphs, headings, bullet and numbered lists
//! (nested ones too), tables, `**fetstil**`, `*kursiv*` and links. What people typed arrives in
//! every format as they meant it; raw HTML stays the text it is (each renderer escapes it), and
//! a link goes only to `https:`, `http:` or `mailto:` — any other target is kept as text.
//!
//! ```text
//! "## Mål\n\n- Högre *intäkter*\n  - i tid\n" → [Heading 4 "Mål"] [List [[Paragraph …] [Bullets …]]]
//! ```

mod inline;
mod table;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, List, Span};

pub use inline::inline;

type Events<'a> = std::iter::Peekable<Parser<'a>>;

/// The blocks of a Markdown text, in order; a heading in it stands under a level 3 section.
pub fn prose(text: &str) -> Vec<Block> {
    prose_within(text, 3)
}

/// The blocks of a section's Markdown text: a `#` heading in it is one level below the
/// section's own heading (`level`), down to level 4.
pub fn prose_within(text: &str, level: u8) -> Vec<Block> {
    let mut events = parser(text).peekable();
    read_blocks(&mut events, level)
}

fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
}

/// Blocks until the end of the enclosing element (consumed) or of the text.
fn read_blocks(events: &mut Events, level: u8) -> Vec<Block> {
    let mut blocks = Vec::new();
    while let Some(event) = events.peek() {
        match event {
            Event::End(_) => {
                events.next();
                break;
            }
            Event::Start(Tag::Paragraph) => {
                events.next();
                push_paragraph(&mut blocks, inline::read(events));
            }
            Event::Start(Tag::Heading { level: typed, .. }) => {
                let typed = *typed as u8;
                events.next();
                let text: String = inline::read(events)
                    .into_iter()
                    .map(|span| span.text)
                    .collect();
                blocks.push(Block::Heading {
                    level: level.saturating_add(typed).clamp(1, 4),
                    text: text.trim().to_string(),
                });
            }
            Event::Start(Tag::List(start)) => {
                let numbered = start.is_some();
                events.next();
                blocks.push(read_list(events, numbered, level));
            }
            Event::Start(Tag::Table(alignments)) => {
                let alignments = alignments.clone();
                events.next();
                blocks.push(Block::Table(table::read(events, &alignments)));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                events.next();
                blocks.extend(read_blocks(events, level));
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => {
                events.next();
                push_paragraph(&mut blocks, vec![Span::plain(literal(events))]);
            }
            Event::Rule => {
                events.next();
            }
            Event::Start(Tag::Item) => {
                // Only inside a list; read_list takes items itself.
                events.next();
                blocks.extend(read_blocks(events, level));
            }
            // Text of a tight list item stands without a paragraph around it.
            _ => push_paragraph(&mut blocks, inline::read(events)),
        }
    }
    blocks
}

fn push_paragraph(blocks: &mut Vec<Block>, spans: Vec<Span>) {
    if spans.iter().any(|span| !span.text.trim().is_empty()) {
        blocks.push(Block::Paragraph(spans));
    }
}

/// A code block's or an HTML block's text, on one line, as it was typed.
fn literal(events: &mut Events) -> String {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::Text(part) | Event::Html(part) | Event::Code(part) => text.push_str(&part),
            Event::End(_) => break,
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A list: flat (every item one paragraph) as `Bullets`/`Numbered`, otherwise a `List` whose
/// items keep their blocks, nested lists among them.
fn read_list(events: &mut Events, numbered: bool, level: u8) -> Block {
    let mut items = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Item) => items.push(read_blocks(events, level)),
            Event::End(TagEnd::List(_)) => break,
            _ => {}
        }
    }
    let flat: Option<Vec<Vec<Span>>> = items
        .iter()
        .map(|blocks| match blocks.as_slice() {
            [Block::Paragraph(spans)] => Some(spans.clone()),
            [] => Some(Vec::new()),
            _ => None,
        })
        .collect();
    match flat {
        Some(items) if numbered => Block::Numbered(items),
        Some(items) => Block::Bullets(items),
        None => Block::List(List { numbered, items }),
    }
}

#[cfg(test)]
mod tests;
