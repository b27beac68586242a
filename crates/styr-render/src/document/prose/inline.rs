//! The text within a paragraph, heading or cell as spans: emphasis is italic, strong emphasis
//! bold (strong wins inside emphasis), a link keeps its target only when it is `https:`,
//! `http:` or `mailto:`, code and raw HTML are their own text, and a picture is its alt text.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Events, parser};
use crate::document::{Span, Style};

/// `**fetstil**`, `*kursiv*` and links within one line of Markdown.
pub fn inline(text: &str) -> Vec<Span> {
    let mut events = parser(text).peekable();
    let mut spans = Vec::new();
    while events.peek().is_some() {
        match events.peek() {
            Some(event) if is_block_start(event) || matches!(event, Event::End(_)) => {
                events.next();
            }
            _ => {
                let mut read = read(&mut events);
                if !spans.is_empty() && !read.is_empty() {
                    spans.push(Span::plain(" "));
                }
                spans.append(&mut read);
            }
        }
    }
    merge(spans)
}

/// Spans until the end of the element they stand in (consumed), or until a block starts
/// (left for the caller: a tight list item's nested list).
pub(super) fn read(events: &mut Events) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let (mut emphasis, mut strong) = (0_u32, 0_u32);
    let mut links: Vec<Option<String>> = Vec::new();
    while let Some(event) = events.peek() {
        // A block starting, or the end of a container (an item, a list) that the block reader
        // closes: the text before it is done.
        if is_block_start(event) || is_container_end(event) {
            break;
        }
        let Some(event) = events.next() else { break };
        let style = if strong > 0 {
            Style::Bold
        } else if emphasis > 0 {
            Style::Italic
        } else {
            Style::Plain
        };
        let link = links.iter().rev().flatten().next().cloned();
        let mut push = |text: &str| {
            spans.push(Span {
                text: text.to_string(),
                style,
                link: link.clone(),
            });
        };
        match event {
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                push(&text);
            }
            Event::SoftBreak | Event::HardBreak => push(" "),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(safe_target(&dest_url)),
            Event::End(TagEnd::Link) => {
                links.pop();
            }
            // A picture from outside is not fetched: its alt text (the Text events inside) stays.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => {}
            Event::End(_) => break,
            _ => {}
        }
    }
    merge(spans)
}

fn is_container_end(event: &Event) -> bool {
    matches!(
        event,
        Event::End(
            TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
        )
    )
}

fn is_block_start(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
        )
    )
}

/// A link's target when it is one a reader can follow safely; `javascript:`, `data:` and
/// relative targets are none.
fn safe_target(target: &str) -> Option<String> {
    let lower = target.trim().to_ascii_lowercase();
    let safe = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !target.chars().any(|c| c.is_control() || c.is_whitespace());
    safe.then(|| target.trim().to_string())
}

/// Neighbouring spans of one style and link as one.
fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.style == span.style && last.link == span.link => {
                last.text.push_str(&span.text);
            }
            _ => merged.push(span),
        }
    }
    merged
}
