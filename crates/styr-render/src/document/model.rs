//! The blocks a document is made of: headings, paragraphs of styled spans, lists, an outline,
//! tables whose every cell is already formatted text, and the place of the contents. A renderer
//! only lays these out; every figure in them was worked out before (`styr_reports::shown`).

use crate::xlsx::Sheet;

/// A whole document: its title, the metadata block, the blocks after it and its tables as sheets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub metadata: Vec<(&'static str, String)>,
    pub blocks: Vec<Block>,
    /// The tables as the workbook holds them: figures as numbers in tkr, subtotals as formulas
    /// over the cells they add up, the same shown figures as the blocks' tables.
    pub sheets: Vec<Sheet>,
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
