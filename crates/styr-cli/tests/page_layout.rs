//! The reference's PDF page by page, measured against the page its template sets up
//! (crates/styr-pdf/src/document.typ: A4 and its margins). poppler draws every page as PNG at
//! 127 dpi — five pixels to the millimetre, so the template's millimetres are whole pixels —
//! and on each page the boxes where its ink lies are compared with the template's boxes: the
//! header's rule in the top margin as wide as the text area, the body inside the text area and
//! starting at its left edge, the page number at the foot ending at the right margin, every
//! table's header row (the profile's table colour) no wider than the text area, and the cover
//! a cover: no header, the title large in the middle with the profile's bar beside it, the
//! metadata low. The words' boxes (pdftotext -bbox-layout) say where each heading ended up:
//! never as a page's last line. A page whose content runs into a margin, a table wider than
//! the page, a lost header or footer, or margins other than the template's fail here.

mod support;
mod tools;

use std::path::Path;

use support::{example, relative, styr, text};
use tools::{run, scratch, tool};

/// Pixels to the millimetre at the resolution the pages are drawn at (127 dpi).
const PER_MM: usize = 5;
const DPI: &str = "127";
/// How far an edge may lie from the template's, in pixels: a fifth of a millimetre of
/// antialiasing on either side, plus an italic's overhang.
const TOLERANCE: usize = 2;

/// The page the template sets up, in pixels.
#[derive(Debug)]
struct Geometry {
    width: usize,
    height: usize,
    left: usize,
    right: usize,
    top: usize,
    bottom: usize,
}

impl Geometry {
    /// Read from the template itself: `paper: "a4"` and `margin: (left: 22mm, …)`.
    fn of_template() -> Geometry {
        let template = include_str!("../../styr-pdf/src/document.typ");
        assert!(template.contains("paper: \"a4\""), "the template sets A4");
        let margins = template
            .split("margin: (")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .expect("the template sets the margins");
        let side = |name: &str| -> usize {
            margins
                .split(',')
                .find_map(|part| part.trim().strip_prefix(&format!("{name}: ")))
                .and_then(|value| value.strip_suffix("mm"))
                .and_then(|value| value.parse::<usize>().ok())
                .unwrap_or_else(|| panic!("the {name} margin in whole mm: {margins}"))
                * PER_MM
        };
        Geometry {
            width: 210 * PER_MM,
            height: 297 * PER_MM,
            left: side("left"),
            right: 210 * PER_MM - side("right"),
            top: side("top"),
            bottom: 297 * PER_MM - side("bottom"),
        }
    }
}

/// A box of pixels: left, top, right, bottom (inclusive).
type Area = (usize, usize, usize, usize);

/// A page drawn by poppler: its size and its pixels as RGB.
struct Page {
    width: usize,
    height: usize,
    pixels: Vec<[u8; 3]>,
}

impl Page {
    fn read(path: &Path) -> Page {
        let file = std::fs::File::open(path).expect("a page");
        let decoder = png::Decoder::new(std::io::BufReader::new(file));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buffer = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buffer).expect("the pixels");
        assert_eq!(info.color_type, png::ColorType::Rgb, "poppler draws RGB");
        Page {
            width: info.width as usize,
            height: info.height as usize,
            pixels: buffer[..info.buffer_size()]
                .chunks(3)
                .map(|rgb| [rgb[0], rgb[1], rgb[2]])
                .collect(),
        }
    }

    fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        self.pixels[y * self.width + x]
    }

    /// The box around the pixels in rows `rows` that `is` picks.
    fn area(&self, rows: std::ops::Range<usize>, is: impl Fn([u8; 3]) -> bool) -> Option<Area> {
        let mut found: Option<Area> = None;
        for y in rows {
            for x in 0..self.width {
                if is(self.pixel(x, y)) {
                    let (l, t, r, b) = found.unwrap_or((x, y, x, y));
                    found = Some((l.min(x), t.min(y), r.max(x), b.max(y)));
                }
            }
        }
        found
    }

    /// The box around the ink (text, rules, dark strokes) in rows `rows`.
    fn ink(&self, rows: std::ops::Range<usize>) -> Option<Area> {
        self.area(rows, is_ink)
    }

    /// The rows in `rows` where the pixels `is` picks run at least `length` without a break.
    fn rows_with_run(
        &self,
        rows: std::ops::Range<usize>,
        length: usize,
        is: impl Fn([u8; 3]) -> bool,
    ) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for y in rows {
            let mut start = None;
            for x in 0..=self.width {
                let on = x < self.width && is(self.pixel(x, y));
                match (on, start) {
                    (true, None) => start = Some(x),
                    (false, Some(from)) => {
                        if x - from >= length {
                            found.push((y, from, x - 1));
                        }
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        found
    }
}

fn luma([r, g, b]: [u8; 3]) -> u32 {
    (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000
}

/// Text and strokes: darker than the lightest fills (the table colour, a watermark).
fn is_ink(pixel: [u8; 3]) -> bool {
    luma(pixel) < 160
}

fn near(pixel: [u8; 3], colour: [u8; 3], by: u8) -> bool {
    pixel.iter().zip(colour).all(|(a, b)| a.abs_diff(b) <= by)
}

/// The default profile's colours (styr_domain::profile::Profile::default).
const PRIMARY: [u8; 3] = [0x12, 0x2b, 0x4a];
const TABLE: [u8; 3] = [0xe8, 0xec, 0xf1];

/// A word of the text layer: its box in pixels and its text.
#[derive(Debug)]
struct Word {
    area: Area,
    text: String,
}

/// The lines of every page as `pdftotext -bbox-layout` gives them, each line its words.
fn lines_by_page(pdftotext: &Path, pdf: &str) -> Vec<Vec<Vec<Word>>> {
    let layout = run(pdftotext, &["-bbox-layout", pdf, "-"]);
    let attribute = |tag: &str, name: &str| -> usize {
        let value = tag
            .split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|value| value.split('.').next())
            .and_then(|whole| whole.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("{name} in {tag}"));
        // Points to pixels: 127 / 72, in integers.
        value * 127 / 72
    };
    let mut pages = Vec::new();
    for page in layout.split("<page ").skip(1) {
        let mut lines = Vec::new();
        for line in page.split("<line ").skip(1) {
            let words = line
                .split("<word ")
                .skip(1)
                .map(|word| {
                    let (tag, rest) = word.split_once('>').expect("a word's tag");
                    Word {
                        area: (
                            attribute(tag, "xMin"),
                            attribute(tag, "yMin"),
                            attribute(tag, "xMax"),
                            attribute(tag, "yMax"),
                        ),
                        text: rest
                            .split("</word>")
                            .next()
                            .unwrap_or("")
                            .replace("&amp;", "&"),
                    }
                })
                .collect::<Vec<_>>();
            if !words.is_empty() {
                lines.push(words);
            }
        }
        pages.push(lines);
    }
    pages
}

fn line_text(line: &[Word]) -> String {
    line.iter()
        .map(|word| word.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The example's section headings (`heading = "…"` of each `[[section]]`).
fn section_headings() -> Vec<String> {
    let source = std::fs::read_to_string(example()).expect("the example");
    let mut in_section = false;
    let mut headings = Vec::new();
    for line in source.lines() {
        if line.starts_with('[') {
            in_section = line.trim() == "[[section]]";
        } else if let Some(rest) = line.strip_prefix("heading = \"")
            && in_section
        {
            headings.push(rest.trim_end_matches('"').to_string());
        }
    }
    headings
}

/// How many tables the document has: its Markdown's header separators ("|---").
fn tables_in_document() -> usize {
    let markdown = text(&styr(&["report", &relative(&example()), "--format", "markdown"]).stdout);
    markdown
        .lines()
        .filter(|line| line.starts_with("|-") || line.starts_with("| -") || line.starts_with("|:"))
        .count()
}

fn draw(pdftoppm: &Path, pdf: &str, directory: &Path) -> Vec<Page> {
    let prefix = directory.join("sida");
    run(
        pdftoppm,
        &["-r", DPI, "-png", pdf, prefix.to_str().expect("UTF-8")],
    );
    let mut paths: Vec<_> = std::fs::read_dir(directory)
        .expect("the pages")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "png"))
        .collect();
    // "sida-01.png" … : the names sort in page order.
    paths.sort();
    paths.iter().map(|path| Page::read(path)).collect()
}

#[test]
fn every_page_keeps_to_the_template_s_margins_header_footer_and_cover() {
    let (Some(pdftoppm), Some(pdftotext)) = (tool("pdftoppm"), tool("pdftotext")) else {
        return;
    };
    let geometry = Geometry::of_template();
    let directory = scratch("page-layout");
    let pdf = directory.join("budget.pdf");
    let pdf = pdf.to_str().expect("UTF-8");
    let output = styr(&[
        "report",
        &relative(&example()),
        "--format",
        "pdf",
        "-o",
        pdf,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let pages = draw(&pdftoppm, pdf, &directory);
    assert!((12..=24).contains(&pages.len()), "{} pages", pages.len());
    let lines = lines_by_page(&pdftotext, pdf);
    assert_eq!(lines.len(), pages.len());
    let texts: Vec<String> = lines
        .iter()
        .map(|page| {
            page.iter()
                .map(|line| line_text(line))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let mut problems = Vec::new();
    let mut table_headers = 0;
    for (index, page) in pages.iter().enumerate() {
        let number = index + 1;
        let mut problem = |what: String| problems.push(format!("sida {number}: {what}"));
        // poppler rounds the page's size up to whole pixels (595,28 pt is 1 050,0… px).
        if page.width.abs_diff(geometry.width) > 1 || page.height.abs_diff(geometry.height) > 1 {
            problem(format!("{}×{} px, not A4", page.width, page.height));
            continue;
        }
        // The cover's bar (a 4 pt stroke) is drawn centred on the left margin: half of it,
        // 2 pt, lies in the margin by design.
        let allowed_left = if index == 0 {
            geometry.left - 4
        } else {
            geometry.left - TOLERANCE
        };
        // The body: inside the text area, from its left edge (a page that is a centred
        // figure, its caption "Figur N", starts further in).
        match page.ink(geometry.top..geometry.bottom) {
            None => problem("no body".into()),
            Some((left, _, right, _)) => {
                if left < allowed_left || right > geometry.right + TOLERANCE {
                    problem(format!(
                        "the body runs from {left} to {right} px, the text area from {} to {}",
                        geometry.left, geometry.right
                    ));
                }
                let figure_page = texts[index].contains("Figur ");
                if index > 0 && !figure_page && left > geometry.left + TOLERANCE {
                    problem(format!(
                        "the body starts at {left} px, not at the margin {}",
                        geometry.left
                    ));
                }
            }
        }
        // Nothing beside the text area in the side margins, header and footer included.
        for (name, columns) in [
            ("left", 0..allowed_left),
            ("right", geometry.right + TOLERANCE + 1..geometry.width),
        ] {
            let spilled = (0..page.height)
                .flat_map(|y| columns.clone().map(move |x| (x, y)))
                .find(|(x, y)| is_ink(page.pixel(*x, *y)));
            if let Some((x, y)) = spilled {
                problem(format!("ink in the {name} margin at ({x}, {y})"));
            }
        }
        // The foot: the page number, ending at the right margin, below the text area.
        match page.ink(geometry.bottom..geometry.height) {
            None => problem("no footer".into()),
            Some((_, _, right, _)) if right + TOLERANCE < geometry.right => problem(format!(
                "the page number ends at {right} px, not at the margin"
            )),
            Some(_) => {}
        }
        // The head: none on the cover; after it the rule under the header, in the top margin
        // and as wide as the text area.
        let header = page.ink(0..geometry.top);
        if index == 0 {
            if let Some(area) = header {
                problem(format!("the cover has ink in the top margin: {area:?}"));
            }
        } else {
            let rules = page.rows_with_run(
                0..geometry.top,
                geometry.right - geometry.left - 2 * TOLERANCE,
                |pixel| near(pixel, PRIMARY, 90),
            );
            match rules.first() {
                None => problem("no rule under the header".into()),
                Some((_, from, to)) => {
                    if from.abs_diff(geometry.left) > TOLERANCE
                        || to.abs_diff(geometry.right) > TOLERANCE
                    {
                        problem(format!(
                            "the header's rule runs from {from} to {to} px, the text area from {} to {}",
                            geometry.left, geometry.right
                        ));
                    }
                }
            }
        }
        // Every table's header row: the table colour, within the text area.
        let fills = page.rows_with_run(geometry.top..geometry.bottom, 10 * PER_MM, |pixel| {
            near(pixel, TABLE, 3)
        });
        let mut previous_row = None;
        for (row, from, to) in fills {
            if previous_row != Some(row.saturating_sub(1)) && previous_row != Some(row) {
                table_headers += 1;
            }
            previous_row = Some(row);
            if from + TOLERANCE < geometry.left || to > geometry.right + TOLERANCE {
                problem(format!(
                    "a table's header row runs from {from} to {to} px at row {row}, wider than the text area"
                ));
                break;
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let tables = tables_in_document();
    assert!(
        table_headers >= tables && tables > 5,
        "every one of the document's {tables} tables shows its header row: {table_headers} found"
    );

    // The cover: the title large in the middle of the page with the profile's bar at the left
    // margin beside it, the metadata in the lower part, no logo or header above.
    let title = lines[0]
        .iter()
        .find(|line| line_text(line).starts_with("Kommunstyrelsen"))
        .expect("the title on the cover");
    let (title_top, title_bottom) = (title[0].area.1, title[0].area.3);
    let body_word = &lines[2][lines[2].len() / 2][0];
    let body_height = body_word.area.3 - body_word.area.1;
    assert!(
        (title_bottom - title_top) >= 2 * body_height,
        "the title ({} px high) is at least twice the body's text ({body_height} px)",
        title_bottom - title_top
    );
    assert!(
        title_top > geometry.height * 3 / 10 && title_bottom < geometry.height * 7 / 10,
        "the title in the middle of the cover: {title_top}–{title_bottom} px"
    );
    let bar = pages[0].area(title_top..title_bottom, |pixel| near(pixel, PRIMARY, 8));
    let Some((bar_left, _, _, _)) = bar else {
        panic!("the title in the profile's colour")
    };
    assert!(
        bar_left <= geometry.left && geometry.left <= bar_left + PER_MM,
        "the cover's bar centred on the left margin: from {bar_left} px"
    );
    let lowest = lines[0]
        .iter()
        .filter(|line| line[0].area.3 < geometry.bottom)
        .map(|line| line[0].area.1)
        .max()
        .expect("the metadata");
    assert!(
        lowest > geometry.height * 3 / 4,
        "the metadata low on the cover: its last line at {lowest} px"
    );

    // A heading is never a page's last line: the text under it follows it.
    let headings = section_headings();
    assert!(headings.len() > 10, "{headings:?}");
    for (index, page) in lines.iter().enumerate() {
        let last = page
            .iter()
            .filter(|line| line[0].area.3 < geometry.bottom)
            .max_by_key(|line| line[0].area.3)
            .map(|line| line_text(line));
        if let Some(last) = last {
            assert!(
                !headings.contains(&last),
                "page {}: the heading ”{last}” stands alone at the page's foot",
                index + 1
            );
        }
    }
    // The appendices start on a page of their own: their heading is the first line under the
    // header.
    for appendix in [
        "Bilaga 1 – Internkontrollplan 2025",
        "Bilaga 2 – Risk och väsentlighetsanalys",
    ] {
        let starts_a_page = lines.iter().any(|page| {
            page.iter()
                .filter(|line| line[0].area.1 >= geometry.top - TOLERANCE)
                .min_by_key(|line| line[0].area.1)
                .is_some_and(|line| line_text(line) == appendix)
        });
        assert!(starts_a_page, "”{appendix}” starts a page");
    }
    let _ = std::fs::remove_dir_all(&directory);
}
