//! The reference's PDF as typst sets it, read the way a reader and a screen reader read it:
//! tagged (pdfinfo says so), its tag tree holding the sections' headings in order and the
//! tables' header cells, no word broken at a line's end without a hyphen, its pages laid out
//! like a municipal budget document (the pages drawn by poppler and their ink measured), and a
//! draft from the database marked UTKAST on every page with no decision date.

mod support;
mod tools;

use std::path::Path;

use support::{example, relative, styr, text};
use tools::{normalised_lines, run, scratch, tool};

fn render_pdf(directory: &Path) -> String {
    let pdf = directory.join("budget.pdf");
    let path = pdf.to_str().expect("UTF-8").to_string();
    let output = styr(&[
        "report",
        &relative(&example()),
        "--format",
        "pdf",
        "-o",
        &path,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    path
}

/// The example's section headings in order.
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

#[test]
fn the_pdf_is_tagged_with_its_headings_and_table_headers_in_the_tag_tree() {
    let Some(pdfinfo) = tool("pdfinfo") else {
        return;
    };
    let directory = scratch("typeset-tags");
    let pdf = render_pdf(&directory);
    let info = run(&pdfinfo, &[&pdf]);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Title:           Kommunstyrelsen budget 2025–2027"));

    // The tag tree (pdfinfo -struct-text): every section heading as a heading element, in the
    // document's order, and the operating table's header cells as TH.
    let tree = run(&pdfinfo, &["-struct-text", &pdf]);
    let lines: Vec<&str> = tree.lines().map(str::trim).collect();
    // A heading element's line names its tag ("H2 …"); its text is the quoted lines under it.
    let mut headings: Vec<String> = Vec::new();
    let mut in_heading = false;
    for line in &lines {
        let tag = line.split([' ', ':']).next().unwrap_or("");
        let is_heading =
            tag.len() == 2 && tag.starts_with('H') && tag[1..].chars().all(|c| c.is_ascii_digit());
        if is_heading {
            headings.push(String::new());
            in_heading = true;
        } else if in_heading && line.starts_with('"') {
            if let Some(heading) = headings.last_mut() {
                heading.push_str(line.trim_matches('"'));
            }
        } else {
            in_heading = false;
        }
    }
    let headings: Vec<String> = headings
        .iter()
        .map(|heading| heading.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // The contents' own heading first, then every section's.
    let mut expected = vec!["Innehåll".to_string()];
    expected.extend(section_headings());
    assert_eq!(headings, expected);
    // A header cell (TH, scope column) and the first text under it.
    let headers: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.starts_with("TH"))
        .filter_map(|(at, _)| lines[at + 1..].iter().find(|line| line.starts_with('"')))
        .map(|text| text.trim_matches('"').trim())
        .collect();
    assert!(
        tree.contains("/Scope /Column"),
        "header cells head their columns"
    );
    for label in [
        "Belopp i tkr",
        "Budget 2025",
        "Plan 2027",
        "Riskbeskrivning",
        "Hantering",
    ] {
        assert!(
            headers.contains(&label),
            "a header cell {label}: {headers:?}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("L ") || *line == "L" || line.starts_with("L (")),
        "lists are tagged as lists"
    );
    assert!(
        lines.iter().any(|line| line.starts_with("Figure")),
        "figures are tagged"
    );
    let _ = std::fs::remove_dir_all(&directory);
}

/// Every word the document is made of, from its Markdown: what a line's end may be split into.
fn vocabulary() -> std::collections::BTreeSet<String> {
    let markdown = text(&styr(&["report", &relative(&example())]).stdout);
    markdown
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_word_is_broken_at_a_line_s_end_without_a_hyphen() {
    let Some(pdftotext) = tool("pdftotext") else {
        return;
    };
    let directory = scratch("typeset-hyphens");
    let pdf = render_pdf(&directory);
    let words = vocabulary();
    let text = run(&pdftotext, &[&pdf, "-"]);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let mut broken = Vec::new();
    let mut hyphenated = 0;
    for pair in lines.windows(2) {
        let last = pair[0].split_whitespace().last().unwrap_or("");
        let first = pair[1].split_whitespace().next().unwrap_or("");
        let tail: String = last
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let head: String = first.chars().take_while(|c| c.is_alphabetic()).collect();
        if last.ends_with(['\u{ad}', '-']) {
            hyphenated += 1;
            continue;
        }
        if tail.is_empty() || head.is_empty() || !head.starts_with(char::is_lowercase) {
            continue;
        }
        let joined = format!("{tail}{head}").to_lowercase();
        let parts_are_words =
            words.contains(&tail.to_lowercase()) && words.contains(&head.to_lowercase());
        if words.contains(&joined) && !parts_are_words {
            broken.push(format!("{last} / {first}"));
        }
    }
    assert!(
        broken.is_empty(),
        "words broken without a hyphen: {broken:?}"
    );
    assert!(
        hyphenated > 10,
        "typst hyphenates Swedish: {hyphenated} hyphens at line ends"
    );
    let _ = std::fs::remove_dir_all(&directory);
}

/// A page drawn by poppler in grey (PGM): its size and where its ink is.
struct Page {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Page {
    fn read(path: &Path) -> Page {
        let bytes = std::fs::read(path).expect("a PGM");
        // "P5\n<width> <height>\n255\n" then one byte a pixel.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).to_string());
        }
        let width: usize = fields[1].parse().expect("a width");
        let height: usize = fields[2].parse().expect("a height");
        Page {
            width,
            height,
            pixels: bytes[at + 1..].to_vec(),
        }
    }

    /// The box around the ink in rows `top..bottom` (in per mille of the page), as per mille of
    /// the page: (left, top, right, bottom).
    fn ink(&self, top: usize, bottom: usize) -> Option<(usize, usize, usize, usize)> {
        let rows = self.height * top / 1000..self.height * bottom / 1000;
        let mut found: Option<(usize, usize, usize, usize)> = None;
        for y in rows {
            for x in 0..self.width {
                if self.pixels[y * self.width + x] < 160 {
                    let (l, t, r, b) = found.unwrap_or((x, y, x, y));
                    found = Some((l.min(x), t.min(y), r.max(x), b.max(y)));
                }
            }
        }
        found.map(|(l, t, r, b)| {
            (
                l * 1000 / self.width,
                t * 1000 / self.height,
                r * 1000 / self.width,
                b * 1000 / self.height,
            )
        })
    }

    /// How much of the page is ink, in per mille.
    fn coverage(&self) -> usize {
        let dark = self.pixels.iter().filter(|pixel| **pixel < 160).count();
        dark * 1000 / self.pixels.len().max(1)
    }
}

#[test]
fn the_pages_look_like_a_municipal_budget_document() {
    let (Some(pdftoppm), Some(pdftotext)) = (tool("pdftoppm"), tool("pdftotext")) else {
        return;
    };
    let directory = scratch("typeset-pages");
    let pdf = render_pdf(&directory);
    let prefix = directory.join("sida");
    run(
        &pdftoppm,
        &["-r", "40", "-gray", &pdf, prefix.to_str().expect("UTF-8")],
    );
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .expect("the pages")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "pgm"))
        .collect();
    paths.sort();
    let pages: Vec<Page> = paths.iter().map(|path| Page::read(path)).collect();
    assert!((12..=24).contains(&pages.len()), "{} pages", pages.len());

    // A4 with margins of 22 mm (105 per mille of the width): no ink outside them on any page,
    // and a footer (the page number) in the bottom band of every page.
    for (number, page) in pages.iter().enumerate() {
        let (left, _, right, _) = page.ink(0, 1000).expect("ink on every page");
        assert!(
            left >= 90 && right <= 910,
            "page {}: ink from {left} to {right}",
            number + 1
        );
        let footer = page.ink(930, 1000);
        assert!(
            footer.is_some_and(|(_, top, _, _)| top >= 930),
            "page {}: a footer",
            number + 1
        );
    }
    // The cover: the title large in the middle of the page, the metadata block low, no header.
    let cover = &pages[0];
    assert!(cover.ink(0, 80).is_none(), "the cover has no header");
    let (_, title_top, _, title_bottom) = cover.ink(300, 600).expect("the title mid-page");
    assert!(
        title_bottom - title_top > 40,
        "a large title: {title_top}–{title_bottom}"
    );
    assert!(
        cover.ink(750, 920).is_some(),
        "the metadata block low on the cover"
    );
    // Every page after it has its header: the rule under it near the top.
    for (number, page) in pages.iter().enumerate().skip(1) {
        let (_, top, _, _) = page.ink(0, 120).expect("a header");
        assert!(top < 80, "page {}: the header at {top}", number + 1);
        assert!(page.coverage() > 2, "page {} is not empty", number + 1);
    }
    // The appendices start on a page of their own: their heading is the first line of it
    // after the header.
    for appendix in [
        "Bilaga 1 – Internkontrollplan 2025",
        "Bilaga 2 – Risk och väsentlighetsanalys",
    ] {
        let starts_a_page = (1..=pages.len()).any(|number| {
            let number = number.to_string();
            let page = run(
                &pdftotext,
                &["-layout", "-f", &number, "-l", &number, &pdf, "-"],
            );
            normalised_lines(&page)
                .iter()
                .find(|line| !line.is_empty())
                .is_some_and(|line| line == appendix)
        });
        assert!(starts_a_page, "”{appendix}” starts a page");
    }
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn a_draft_from_the_database_says_utkast_on_every_page_and_has_no_decision_date() {
    let (Some(pdftotext), Some(pdfinfo)) = (tool("pdftotext"), tool("pdfinfo")) else {
        return;
    };
    let directory = scratch("typeset-draft");
    let database = directory.join("budget.db");
    let database = database.to_str().expect("UTF-8");
    let imported = styr(&["import", &relative(&example()), "--database", database]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    let pdf = directory.join("utkast.pdf");
    let pdf = pdf.to_str().expect("UTF-8");
    let output = styr(&[
        "report",
        "--database",
        database,
        "--format",
        "pdf",
        "-o",
        pdf,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let info = run(&pdfinfo, &[pdf]);
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("a page count");
    for number in 1..=pages {
        let number = number.to_string();
        let page = run(&pdftotext, &["-f", &number, "-l", &number, pdf, "-"]);
        assert!(page.contains("UTKAST"), "page {number} says UTKAST");
    }
    let cover = run(&pdftotext, &["-layout", "-f", "1", "-l", "1", pdf, "-"]);
    assert!(
        !cover.contains("2024-12-16"),
        "no decision date on a draft: {cover}"
    );
    assert!(
        !info.contains("CreationDate"),
        "a draft is dated by nothing: {info}"
    );

    // A version that is not there is said so.
    let missing = styr(&["report", "--database", database, "--version", "7"]);
    assert_ne!(missing.status.code(), Some(0));
    assert!(text(&missing.stderr).contains("ingen version 7"));
    let _ = std::fs::remove_dir_all(&directory);
}
