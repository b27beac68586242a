use super::*;
use crate::document::{Cell, Column, Row, Style, Table};

fn link(text: &str, target: &str) -> Span {
    Span {
        text: text.into(),
        style: Style::Plain,
        link: Some(target.into()),
    }
}

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
fn numbered_lists_and_markers_that_are_no_emphasis() {
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

#[test]
fn a_typed_heading_stands_below_its_section() {
    assert_eq!(
        prose_within("# Bakgrund\n\nText.\n\n## Detalj", 2),
        vec![
            Block::Heading {
                level: 3,
                text: "Bakgrund".into()
            },
            Block::Paragraph(vec![Span::plain("Text.")]),
            Block::Heading {
                level: 4,
                text: "Detalj".into()
            },
        ]
    );
}

#[test]
fn nested_lists_keep_their_nesting() {
    let blocks = prose("- Ekonomi\n  - Budget\n  - Bokslut\n- Personal\n");
    assert_eq!(
        blocks,
        vec![Block::List(List {
            numbered: false,
            items: vec![
                vec![
                    Block::Paragraph(vec![Span::plain("Ekonomi")]),
                    Block::Bullets(vec![
                        vec![Span::plain("Budget")],
                        vec![Span::plain("Bokslut")]
                    ]),
                ],
                vec![Block::Paragraph(vec![Span::plain("Personal")])],
            ],
        })]
    );
}

#[test]
fn a_typed_table_is_a_table_with_figures_to_the_right() {
    let blocks = prose("| Enhet | Belopp |\n|---|---:|\n| Kansli | 1 200 |\n| IT |\n");
    assert_eq!(
        blocks,
        vec![Block::Table(Table {
            columns: vec![
                Column {
                    label: "Enhet".into(),
                    numeric: false,
                    weight: 10
                },
                Column {
                    label: "Belopp".into(),
                    numeric: true,
                    weight: 10
                },
            ],
            rows: vec![
                Row {
                    cells: vec![Cell::new("Kansli"), Cell::new("1 200")],
                    emphasised: false
                },
                Row {
                    cells: vec![Cell::new("IT"), Cell::new("")],
                    emphasised: false
                },
            ],
        })]
    );
}

#[test]
fn links_go_only_where_it_is_safe_and_raw_html_is_text() {
    assert_eq!(
        inline("Se [kommunen](https://alingsas.se) och [klicka](javascript:alert(1))."),
        vec![
            Span::plain("Se "),
            link("kommunen", "https://alingsas.se"),
            Span::plain(" och klicka."),
        ]
    );
    assert_eq!(
        prose("<script>alert(1)</script>\n\nEn <b>fet</b> rad."),
        vec![
            Block::Paragraph(vec![Span::plain("<script>alert(1)</script>")]),
            Block::Paragraph(vec![Span::plain("En <b>fet</b> rad.")]),
        ]
    );
    assert_eq!(
        inline("![bild](https://example.org/x.png) och `kod`"),
        vec![Span::plain("bild och kod")]
    );
}
