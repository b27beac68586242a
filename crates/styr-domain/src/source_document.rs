//! The shape of a budget document that styr did not write: headings, paragraphs and tables,
//! each with its line, as the readers in styr-import produce them and the review in
//! styr-reports checks them.

/// One block of a document, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        line: usize,
    },
    Paragraph {
        text: String,
        line: usize,
    },
    Table(Table),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The line of the header row.
    pub line: usize,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// The row is emphasised (bold in its first cell): a subtotal or a heading row.
    pub bold: bool,
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    /// The blocks with the heading each stands under (the nearest heading above it).
    pub fn with_sections(&self) -> Vec<(&str, &Block)> {
        let mut heading = "";
        self.blocks
            .iter()
            .map(|block| {
                if let Block::Heading { text, .. } = block {
                    heading = text;
                }
                (heading, block)
            })
            .collect()
    }

    /// The document's first heading: its title.
    pub fn title(&self) -> Option<&str> {
        self.blocks.iter().find_map(|block| match block {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}
