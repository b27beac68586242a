//! The board's budget document as a typst job: the template (`document.typ`, typst code that
//! lays out every kind of block in the municipality's look), the document itself as data
//! (`/dokument.json`: the blocks, the metadata, the profile), the pictures (`/bild/N.svg`, the
//! logo) and the fonts shipped with styr (Liberation Sans and Serif, SIL OFL, `fonts/`).
//! `styr-typst` compiles the job into a tagged PDF; this crate stays free of typst itself, so it
//! builds in seconds and its tests need no typesetter (docs/adr/0007-documents-on-typst.md).
//!
//! ```text
//! Document { title, metadata, blocks: [Contents, Heading 2 "Inledning", Paragraph …], profile }
//!   → Typesetting { source: document.typ, files: [/dokument.json, /bild/1.svg, …], date, ident }
//! ```
//!
//! What people typed never becomes typst markup: every text reaches typst as a JSON string,
//! and the template shows strings as text. A `#`, `$`, `*` or `=` in a name is that character.

mod data;

use styr_render::document::Document;

/// The template every budget document is laid out by.
pub const TEMPLATE: &str = include_str!("document.typ");

/// The fonts typst may use: Liberation Sans and Liberation Serif, regular, bold and italic.
pub const FONTS: &[&[u8]] = &[
    include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
];

/// A job for typst: the template, the files it reads, the document's date and a stable name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typesetting {
    pub source: String,
    pub files: Vec<(String, Vec<u8>)>,
    /// The date the PDF is dated: the decision's; none for a draft (the PDF then carries no
    /// date). Never the clock's: the same document gives the same bytes.
    pub date: Option<(i32, u8, u8)>,
    pub ident: String,
}

/// The document as a typst job.
pub fn typesetting(document: &Document) -> Typesetting {
    let (data, mut files) = data::data(document);
    files.insert(0, ("/dokument.json".to_string(), data.into_bytes()));
    Typesetting {
        source: TEMPLATE.to_string(),
        files,
        date: data::date(document),
        ident: format!("styr:{}", document.title),
    }
}
