use super::*;
use styr_render::document::{Block, Cell, Column, Row, Span, Table};

fn long_document() -> Document {
    let table = Table {
        columns: vec![
            Column {
                label: "Risk".into(),
                numeric: false,
                weight: 70,
            },
            Column {
                label: "Riskvärde".into(),
                numeric: true,
                weight: 30,
            },
        ],
        rows: (1..=120)
            .map(|number| Row {
                cells: vec![Cell::new(format!("Risk nummer {number}")), Cell::new("6")],
                emphasised: false,
            })
            .collect(),
    };
    Document {
        title: "Provbudget".into(),
        metadata: vec![("Diarienummer", "2025.001".into())],
        sheets: Vec::new(),
        blocks: vec![
            Block::Contents,
            Block::Heading {
                level: 1,
                text: "Inledning".into(),
            },
            Block::Paragraph(vec![Span::plain("Text. ".repeat(200))]),
            Block::Heading {
                level: 2,
                text: "Risker".into(),
            },
            Block::Table(table),
        ],
    }
}

fn texts(page: &Page) -> Vec<&str> {
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            Item::Fill { .. } => None,
        })
        .collect()
}

#[test]
fn a_long_table_repeats_its_header_and_every_page_is_numbered() {
    let fonts = Fonts::load().expect("the fonts");
    let layout = layout(&long_document(), &fonts);
    let count = layout.pages.len();
    assert!(count >= 5, "{count} pages");
    let with_header = layout
        .pages
        .iter()
        .filter(|page| texts(page).contains(&"Riskvärde"))
        .count();
    let with_rows = layout
        .pages
        .iter()
        .filter(|page| {
            texts(page)
                .iter()
                .any(|text| text.starts_with("Risk nummer"))
        })
        .count();
    assert!(with_rows >= 2);
    assert_eq!(
        with_header, with_rows,
        "the header on every page of the table"
    );
    for (index, page) in layout.pages.iter().enumerate() {
        let footer = format!("Sida {} av {count}", index + 1);
        assert!(texts(page).contains(&footer.as_str()), "{footer}");
    }
}

#[test]
fn the_contents_gives_the_page_each_heading_stands_on() {
    let fonts = Fonts::load().expect("the fonts");
    let layout = layout(&long_document(), &fonts);
    // Title page, contents, then the chapter.
    assert_eq!(layout.headings[0].page, 3);
    for entry in &layout.headings {
        let page = &layout.pages[entry.page - 1];
        assert!(texts(page).contains(&entry.text.as_str()), "{}", entry.text);
        let contents = texts(&layout.pages[1]);
        assert!(contents.contains(&entry.page.to_string().as_str()));
    }
}

#[test]
fn no_content_runs_into_the_margins() {
    let fonts = Fonts::load().expect("the fonts");
    let layout = layout(&long_document(), &fonts);
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                text,
                size,
                font,
                ..
            } = item
            {
                assert!(*x >= MARGIN, "{text}");
                assert!(
                    x + fonts.width(*font, *size, text) <= PAGE_WIDTH - MARGIN + 1,
                    "{text}"
                );
                assert!(*y <= FOOTER, "{text}");
            }
        }
    }
}
