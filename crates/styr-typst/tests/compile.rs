//! A small document through typst: a tagged PDF, the same bytes twice, and an SVG as PNG.

const FONTS: &[&[u8]] = &[
    include_bytes!("../../styr-pdf/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../styr-pdf/fonts/LiberationSans-Bold.ttf"),
];

fn job(source: &str) -> styr_typst::Job {
    styr_typst::Job {
        source: source.into(),
        files: vec![("/bild/1.svg".into(), br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#005691"/></svg>"##.to_vec())],
        fonts: FONTS,
        date: Some((2024, 12, 16)),
        ident: "prov".into(),
    }
}

#[test]
fn a_document_compiles_to_the_same_tagged_pdf_twice() {
    let source = "#set document(title: [Prov])\n#set text(font: \"Liberation Sans\", lang: \"sv\")\n= Inledning\nKommunstyrelsen.\n#image(\"/bild/1.svg\", alt: \"En ruta\")\n";
    let start = std::time::Instant::now();
    let first = styr_typst::pdf(&job(source)).expect("a PDF");
    eprintln!("{:?}", start.elapsed());
    let second = styr_typst::pdf(&job(source)).expect("a PDF");
    assert!(first.starts_with(b"%PDF-"));
    assert_eq!(first, second);
    std::fs::write(std::env::temp_dir().join("styr-typst-prov.pdf"), &first).ok();
}

#[test]
fn a_mistake_in_the_source_is_an_error_not_a_panic() {
    let error = styr_typst::pdf(&job("#image(\"/saknas.png\")")).expect_err("no file");
    assert!(
        error.to_string().starts_with("PDF:en kunde inte sättas"),
        "{error}"
    );
}

#[test]
fn an_svg_becomes_a_png() {
    let png = styr_typst::png(r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="15" font-family="Liberation Sans">Ab</text></svg>"#, 2, FONTS).expect("a PNG");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn a_character_no_font_has_still_gives_a_tagged_pdf() {
    // What a fuzzer typed into a budget's name: an unassigned code point and a combining mark
    // Liberation has no glyph for. PDF/UA refuses a glyph-less character, so without the
    // replacement no PDF would be written at all.
    let mut job = job(
        "#set document(title: [Prov])\n#set text(font: \"Liberation Sans\", lang: \"sv\")\n= Inledning\n#let data = json(\"/dokument.json\")\n#data.name \u{1abca}\n",
    );
    job.files.push((
        "/dokument.json".into(),
        "{\"name\": \"Nämnd \u{b9f15}\"}".as_bytes().to_vec(),
    ));
    let pdf = styr_typst::pdf(&job).expect("a PDF in spite of the unknown characters");
    assert!(pdf.starts_with(b"%PDF-"));
}
