//! The blocks a document is made of: headings, paragraphs of styled spans, lists, an outline,
//! tables whose every cell is already formatted text, and the place of the contents. A renderer
//! only lays these out; every figure in them was worked out before (`styr_reports::shown`).

use styr_domain::profile::Profile;

use crate::chart::Chart;
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
    /// The municipality whose document this is ("Alingsås kommun"): the PDF's author.
    pub municipality: String,
    /// The municipality's look; every format that has a look takes it from here.
    pub profile: Profile,
    /// "UTKAST" or "FÖRSLAG" on every page of a version that is not adopted; none for an
    /// adopted version and for a budget file printed as it is.
    pub marking: Option<String>,
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
    /// A picture drawn from report values (the organisation chart, the risk matrix, the
    /// investment plan's bars), for the formats that hold pictures.
    Figure(Figure),
    /// What follows starts on a new page where there are pages: an appendix (bilaga).
    PageBreak,
    /// A list whose items hold blocks of their own, nested lists among them: what people type
    /// in Markdown. Flat lists of generated text are `Bullets` and `Numbered`.
    List(List),
}

/// A chart with its caption, the sentence that says what it shows (its alternative text), and
/// the blocks a format without pictures shows instead (Markdown). Each format draws the chart
/// in the document's profile (`Chart::draw`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub caption: String,
    pub description: String,
    pub chart: Chart,
    pub fallback: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    pub numbered: bool,
    pub items: Vec<Vec<Block>>,
}

/// A run of text in one style, a link when it has a target (only `https:`, `http:` and
/// `mailto:` targets reach a span: see `prose`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
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
            link: None,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Bold,
            link: None,
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Italic,
            link: None,
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
