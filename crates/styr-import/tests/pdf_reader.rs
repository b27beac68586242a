//! The PDF reader on PDFs made here with lopdf, where every character's place is known: lines,
//! cells, headings, paragraphs and tables rebuilt from positions, a table across a page break,
//! the running foot left out, and every limit — pages, characters, what a stream unpacks to —
//! checked while reading. Then arbitrary bytes and arbitrary page content, which must read or
//! be refused in a sentence, never end the program. 256 cases per property; STYR_FUZZ_CASES
//! for a longer run.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};
use proptest::prelude::*;
use styr_import::Limits;
use styr_import::document::pdf_text;

/// Text placed on a page: x and y in points from the bottom left, size, bold.
struct Text<'a>(f32, f32, f32, bool, &'a str);

/// WinAnsi bytes of `text` (the Swedish letters are in it).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|character| match character {
            'å' => 0xe5,
            'ä' => 0xe4,
            'ö' => 0xf6,
            'Å' => 0xc5,
            'Ä' => 0xc4,
            'Ö' => 0xd6,
            '–' => 0x96,
            other => u8::try_from(u32::from(other)).unwrap_or(b'?'),
        })
        .collect()
}

fn operations(texts: &[Text<'_>]) -> Vec<Operation> {
    let mut operations = Vec::new();
    for Text(x, y, size, bold, text) in texts {
        let font = if *bold { "F2" } else { "F1" };
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec![font.into(), (*size).into()]),
            Operation::new("Td", vec![(*x).into(), (*y).into()]),
            Operation::new(
                "Tj",
                vec![Object::String(win_ansi(text), StringFormat::Literal)],
            ),
            Operation::new("ET", vec![]),
        ]);
    }
    operations
}

/// A PDF of A4 pages, each the content stream given (unpacked).
fn pdf_of_streams(pages: Vec<Vec<u8>>, compress: bool) -> Vec<u8> {
    pdf_with_map(pages, compress, None)
}

/// As [`pdf_of_streams`], with a font F3 whose `/ToUnicode` map is `map`.
fn pdf_with_map(pages: Vec<Vec<u8>>, compress: bool, map: Option<&str>) -> Vec<u8> {
    let mut document = Document::with_version("1.7");
    let pages_id = document.new_object_id();
    let font = |document: &mut Document, name: &str| {
        document.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => name,
            "Encoding" => "WinAnsiEncoding",
        })
    };
    let regular = font(&mut document, "Helvetica");
    let bold = font(&mut document, "Helvetica-Bold");
    let mut fonts = dictionary! { "F1" => regular, "F2" => bold };
    if let Some(map) = map {
        let map = document.add_object(Stream::new(dictionary! {}, map.as_bytes().to_vec()));
        let mapped = document.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "ToUnicode" => map,
        });
        fonts.set("F3", mapped);
    }
    let resources = document.add_object(dictionary! { "Font" => fonts });
    let mut kids = Vec::new();
    for content in pages {
        let mut stream = Stream::new(dictionary! {}, content);
        if compress {
            stream.compress().expect("the stream compresses");
        }
        let content = document.add_object(stream);
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
        });
        kids.push(Object::from(page));
    }
    let count = kids.len() as i64;
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    document.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

fn pdf(pages: &[&[Text<'_>]]) -> Vec<u8> {
    let streams = pages
        .iter()
        .map(|texts| {
            Content {
                operations: operations(texts),
            }
            .encode()
            .expect("the content encodes")
        })
        .collect();
    pdf_of_streams(streams, true)
}

/// A budget table's row at `y`: the label, and figures right-aligned at 300, 380, 460 (each
/// character of Helvetica without widths is read as half an em). Positions on a page, not
/// amounts: floating point as a PDF has them.
#[allow(clippy::float_arithmetic)]
fn row<'a>(y: f32, label: &'a str, figures: [&'a str; 3], bold: bool) -> Vec<Text<'a>> {
    let mut texts = vec![Text(50.0, y, 10.0, bold, label)];
    for (figure, right) in figures.into_iter().zip([300.0_f32, 380.0, 460.0]) {
        texts.push(Text(
            right - figure.chars().count() as f32 * 5.0,
            y,
            10.0,
            bold,
            figure,
        ));
    }
    texts
}

#[test]
fn headings_paragraphs_and_a_table_are_rebuilt_from_where_the_text_stands() {
    let mut page = vec![
        Text(50.0, 780.0, 16.0, false, "Ekonomiska ramar"),
        Text(
            50.0,
            750.0,
            10.0,
            false,
            "Kommunbidraget ökar med 4,2 mnkr jämfört med",
        ),
        Text(50.0, 738.0, 10.0, false, "föregående år."),
    ];
    page.extend(row(
        700.0,
        "Belopp i tkr",
        ["Budget 2024", "Budget 2025", "Plan 2026"],
        false,
    ));
    page.extend(row(
        686.0,
        "Verksamhetens intäkter",
        ["100 548", "108 608", "111 879"],
        false,
    ));
    page.extend(row(
        672.0,
        "Personalkostnader inklusive",
        ["-114 196", "-116 205", "-119 110"],
        false,
    ));
    page.push(Text(50.0, 661.0, 10.0, false, "sociala avgifter"));
    page.extend(row(646.0, "Summa", ["-13 648", "-7 597", "-7 231"], true));
    let read = pdf_text(&pdf(&[&page]), &Limits::default()).expect("the PDF reads");
    assert_eq!(
        read.text,
        "# Ekonomiska ramar\n\n\
         Kommunbidraget ökar med 4,2 mnkr jämfört med föregående år.\n\n\
         Belopp i tkr\tBudget 2024\tBudget 2025\tPlan 2026\n\
         Verksamhetens intäkter\t100 548\t108 608\t111 879\n\
         Personalkostnader inklusive sociala avgifter\t-114 196\t-116 205\t-119 110\n\
         <b>Summa</b>\t<b>-13 648</b>\t<b>-7 597</b>\t<b>-7 231</b>\n\n"
    );
    let document = styr_import::document::parse_text(&read.text).expect("the text form reads");
    assert_eq!(
        document.blocks.len(),
        3,
        "a heading, a paragraph and a table"
    );
}

#[test]
fn a_table_across_a_page_break_is_one_table_without_its_repeated_header_or_the_running_foot() {
    let header = row(
        700.0,
        "Belopp i tkr",
        ["Budget 2024", "Budget 2025", "Plan 2026"],
        false,
    );
    let mut first = header;
    first.extend(row(
        686.0,
        "Lokalhyror",
        ["-7 986", "-8 260", "-8 803"],
        false,
    ));
    first.push(Text(280.0, 40.0, 9.0, false, "Sida 1 av 2"));
    let mut second = row(
        800.0,
        "Belopp i tkr",
        ["Budget 2024", "Budget 2025", "Plan 2026"],
        false,
    );
    second.extend(row(
        786.0,
        "Köp av tjänster",
        ["-51 171", "-55 125", "-56 722"],
        false,
    ));
    second.push(Text(280.0, 40.0, 9.0, false, "Sida 2 av 2"));
    let read = pdf_text(&pdf(&[&first, &second]), &Limits::default()).expect("the PDF reads");
    assert_eq!(
        read.text,
        "Belopp i tkr\tBudget 2024\tBudget 2025\tPlan 2026\n\
         Lokalhyror\t-7 986\t-8 260\t-8 803\n\
         Köp av tjänster\t-51 171\t-55 125\t-56 722\n\n"
    );
    assert_eq!(
        read.page_lines,
        vec![1, 3],
        "page 2 begins on the third line"
    );
    assert_eq!(read.place(3), (2, 1));
}

#[test]
fn pages_characters_and_unpacked_streams_are_held_to_their_limits() {
    let page = [Text(50.0, 780.0, 10.0, false, "Budget")];
    let three_pages = pdf(&[&page, &page, &page]);
    let limits = Limits {
        pages: 2,
        ..Limits::default()
    };
    let refusal = pdf_text(&three_pages, &limits).expect_err("three pages");
    assert!(
        refusal.contains("har fler sidor än 2") && refusal.contains("pages"),
        "{refusal}"
    );
    let limits = Limits {
        glyphs: 12,
        ..Limits::default()
    };
    let refusal = pdf_text(&three_pages, &limits).expect_err("eighteen characters");
    assert!(
        refusal.contains("har fler tecken än 12") && refusal.contains("glyphs"),
        "{refusal}"
    );
    assert!(pdf_text(&three_pages, &Limits::default()).is_ok());
    // A page whose stream unpacks to 4 MiB of nothing, past a limit of 1 MiB.
    let bomb = pdf_of_streams(vec![vec![b' '; 4 << 20]], true);
    assert!(bomb.len() < 64 << 10, "a small file: {} bytes", bomb.len());
    let limits = Limits {
        entry_bytes: 1 << 20,
        ..Limits::default()
    };
    let refusal = pdf_text(&bomb, &limits).expect_err("the stream is past the limit");
    assert!(refusal.contains("sidan 1"), "{refusal}");
    let limits = Limits {
        file_bytes: 100,
        ..Limits::default()
    };
    let refusal = pdf_text(&three_pages, &limits).expect_err("past its bytes");
    assert!(refusal.contains("file_bytes"), "{refusal}");
}

#[test]
fn a_font_whose_character_map_covers_billions_of_codes_is_refused_before_it_is_read() {
    let page = b"BT /F3 10 Tf 50 780 Td <0041> Tj ET".to_vec();
    let map = |range: &str| {
        format!("/CIDInit /ProcSet findresource begin\n1 beginbfrange\n{range}\nendbfrange\nend\n")
    };
    let bomb = pdf_with_map(
        vec![page.clone()],
        false,
        Some(&map("<00000000> <FFFFFFFF> <0041>")),
    );
    let refusal = pdf_text(&bomb, &Limits::default()).expect_err("the map is refused");
    assert!(refusal.contains("teckentabell"), "{refusal}");
    let honest = pdf_with_map(vec![page], false, Some(&map("<0041> <005A> <0041>")));
    assert!(pdf_text(&honest, &Limits::default()).is_ok());
}

fn cases() -> u32 {
    std::env::var("STYR_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(256)
}

/// Pieces of page content: operators of text and graphics state, their operands, and junk.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BT".to_string()),
        Just("ET".to_string()),
        Just("q".to_string()),
        Just("Q".to_string()),
        Just("/F1 10 Tf".to_string()),
        Just("/F2 0 Tf".to_string()),
        Just("/F9 12 Tf".to_string()),
        Just("(Summa) Tj".to_string()),
        Just("[(Sum) -250 (ma)] TJ".to_string()),
        Just("(x) '".to_string()),
        Just("1 2 (y) \"".to_string()),
        Just("T*".to_string()),
        Just("/X Do".to_string()),
        (-1e6_f32..1e6, -1e6_f32..1e6).prop_map(|(x, y)| format!("{x} {y} Td")),
        (-1e3_f32..1e3).prop_map(|scale| format!("{scale} 0 0 {scale} 0 0 cm")),
        (-1e3_f32..1e3).prop_map(|value| format!("{value} Tz {value} TL {value} Tc {value} Tw")),
        Just("1 0 0 1 NaN 5 Tm".to_string()),
        Just("[ [ [ ] ] ] TJ".to_string()),
        Just("<00ff> Tj".to_string()),
        "[ -~]{0,12}".prop_map(|junk| junk),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_read_or_are_refused_in_a_sentence(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut with_header = b"%PDF-1.7\n".to_vec();
        with_header.extend(&bytes);
        for input in [&bytes, &with_header] {
            if let Err(refusal) = pdf_text(input, &Limits::default()) {
                prop_assert!(!refusal.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_page_content_reads_or_is_refused_in_a_sentence(
        tokens in proptest::collection::vec(token(), 0..80),
        compress in any::<bool>(),
    ) {
        let content = tokens.join("\n").into_bytes();
        let bytes = pdf_of_streams(vec![content.clone(), content], compress);
        match pdf_text(&bytes, &Limits::default()) {
            Ok(read) => prop_assert!(read.page_lines.len() <= 2),
            Err(refusal) => prop_assert!(!refusal.is_empty()),
        }
    }

    #[test]
    fn a_damaged_pdf_reads_or_is_refused_in_a_sentence(
        at in 0_usize..4096,
        with in any::<u8>(),
        cut in any::<bool>(),
    ) {
        let page = row(700.0, "Verksamhetens intäkter", ["100 548", "108 608", "111 879"], false);
        let mut bytes = pdf(&[&page]);
        let at = at % bytes.len();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = with;
        }
        if let Err(refusal) = pdf_text(&bytes, &Limits::default()) {
            prop_assert!(!refusal.is_empty());
        }
    }
}
