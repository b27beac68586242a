//! The board's budget document as a sequence of blocks — headings, paragraphs, lists and
//! tables — in the reference's order: the metadata block, the table of contents, then each text
//! section with the table or register it places (`shows`). Every format that writes the document
//! (PDF, Word, HTML, Markdown) renders these blocks, so they cannot disagree about a figure or a
//! sentence.

pub mod html;
pub mod markdown;
mod placements;
mod prose;
pub mod tables;

use styr_reports::BudgetReport;

use crate::text::metadata_rows;

pub use prose::prose;

/// A whole document: its title, the metadata block and the blocks after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub metadata: Vec<(&'static str, String)>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 for a chapter down to 4; the title itself is not a block.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    Numbered(Vec<Vec<Span>>),
    /// An indented list: the organisation tree, each item with its depth (0 at the top).
    Outline(Vec<(u8, Vec<Span>)>),
    Table(Table),
    /// Where the table of contents goes: every heading, with its page where pages exist.
    Contents,
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Bold,
    Italic,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Plain,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Bold,
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Italic,
        }
    }
}

/// A table as the document shows it: every cell already formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub label: String,
    /// Figures: right-aligned.
    pub numeric: bool,
    /// The column's share of the width, relative to the other columns.
    pub weight: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Totals and the reference's bold rows.
    pub emphasised: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// A background colour "#rrggbb": the risk matrix's bands.
    pub fill: Option<String>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            fill: None,
        }
    }
}

impl Document {
    /// Every heading in order, as the table of contents lists them.
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str)> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
    }
}

/// The budget document of a report, section by section.
pub fn budget_document(report: &BudgetReport) -> Document {
    let mut blocks = vec![Block::Contents];
    for section in &report.sections {
        blocks.push(Block::Heading {
            level: section.level.clamp(1, 4),
            text: section.heading.clone(),
        });
        let (before, after) = section
            .shows
            .as_deref()
            .map(|shows| placements::place_around_text(report, shows))
            .unwrap_or_default();
        blocks.extend(before);
        blocks.extend(prose(&section.text));
        blocks.extend(after);
    }
    if report.sections.is_empty() {
        // A budget without prose still gets every table, each under its own heading.
        for shows in placements::every_placement(report) {
            blocks.push(Block::Heading {
                level: 2,
                text: placements::heading(report, &shows),
            });
            blocks.extend(placements::place(report, &shows));
        }
    }
    Document {
        title: report.document.title.clone(),
        metadata: metadata_rows(&report.document),
        blocks,
    }
}

/// The plain text of a paragraph's spans.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|span| span.text.as_str()).collect()
}
