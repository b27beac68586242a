//! The budget document of the reference budget, checked in the files people get: the PDF
//! (pages, embedded fonts, contents against the headings, every table figure), the Word file
//! opened by LibreOffice, and the Excel workbook read by calamine with its formulas worked out.
//!
//! A figure the reference states wrongly (its own rows add up to something else) is expected
//! as styr computes it, and only where `styr check` names that very cell.

mod support;
mod tools;

use std::path::Path;

use support::{example, relative, styr, text};
use tools::{
    ReferenceTable, dehyphenated, libreoffice, normalised_lines, reference_tables, reference_text,
    run, scratch, tool,
};

/// What `styr check` finds in the example: (section, place, stated, computed) as printed.
fn findings() -> Vec<(String, String, String, String)> {
    let output = styr(&["check", &relative(&example()), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON findings");
    json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|finding| {
            let field = |name: &str| finding[name].as_str().unwrap_or("").to_string();
            let figure = |name: &str| finding[name]["text"].as_str().unwrap_or("").to_string();
            (
                field("section"),
                field("place"),
                figure("stated"),
                figure("computed"),
            )
        })
        .collect()
}

/// A reference row's figures as styr shows them: as printed, or computed where the check
/// names the cell as stated wrongly.
fn expected(
    table: &ReferenceTable,
    label: &str,
    figures: &[String],
    findings: &[(String, String, String, String)],
) -> Vec<String> {
    figures
        .iter()
        .zip(&table.columns)
        .map(|(figure, column)| {
            findings
                .iter()
                .find(|(section, place, stated, _)| {
                    *section == table.heading
                        && *place == format!("{label}, {column}")
                        && *stated == format!("{figure} tkr")
                })
                .map_or_else(
                    || figure.clone(),
                    |(_, _, _, computed)| computed.trim_end_matches(" tkr").to_string(),
                )
        })
        .collect()
}

/// Every figure of every amount table of the reference, on its row, under its heading.
fn assert_every_table_figure(
    text: &str,
    reference: &str,
    findings: &[(String, String, String, String)],
) {
    let lines = normalised_lines(text);
    let tables = reference_tables(reference);
    assert_eq!(tables.len(), 3, "the reference has three amount tables");
    for table in &tables {
        let start = lines
            .iter()
            .position(|line| *line == table.heading)
            .unwrap_or_else(|| panic!("the heading ”{}” is a line of its own", table.heading));
        for (label, figures) in &table.rows {
            let figures = expected(table, label, figures, findings).join(" ");
            assert!(
                lines[start..]
                    .iter()
                    .any(|line| line.starts_with(label.as_str()) && line.ends_with(&figures)),
                "{}: the row ”{label}” shows {figures}",
                table.heading
            );
        }
    }
}

/// The example's section headings in order: what the contents must list.
fn section_headings() -> Vec<String> {
    let source = std::fs::read_to_string(example()).expect("the example");
    let mut table = "";
    let mut headings = Vec::new();
    for line in source.lines() {
        if line.starts_with('[') {
            table = line.trim();
        } else if let Some(rest) = line.strip_prefix("heading = \"")
            && table == "[[section]]"
        {
            headings.push(rest.trim_end_matches('"').to_string());
        }
    }
    headings
}

fn render(format: &str, path: &Path) {
    let output = styr(&[
        "report",
        &relative(&example()),
        "--format",
        format,
        "--output",
        path.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn the_pdf_of_the_reference_reads_like_the_reference() {
    let (Some(pdftotext), Some(pdfinfo), Some(pdffonts), Some(pdftoppm)) = (
        tool("pdftotext"),
        tool("pdfinfo"),
        tool("pdffonts"),
        tool("pdftoppm"),
    ) else {
        return;
    };
    let Some(reference) = reference_text() else {
        return;
    };
    let directory = scratch("pdf");
    let pdf = directory.join("budget.pdf");
    render("pdf", &pdf);
    let pdf_path = pdf.to_str().expect("a UTF-8 path");

    let info = run(&pdfinfo, &[pdf_path]);
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("a page count");
    assert!(
        (12..=24).contains(&pages),
        "about the reference's 17 pages: {pages}"
    );
    assert!(info.contains("Title:           Kommunstyrelsen budget 2025–2027"));
    assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"));

    // Every font is embedded (as a subset, with a Unicode map for searching and copying).
    let fonts = run(&pdffonts, &[pdf_path]);
    let faces: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(faces.len(), 3, "{fonts}");
    assert!(
        faces.iter().all(|face| face.contains("yes yes yes")),
        "{fonts}"
    );

    // Every page rasterises.
    run(
        &pdftoppm,
        &[
            "-r",
            "30",
            "-png",
            pdf_path,
            directory.join("sida").to_str().expect("UTF-8"),
        ],
    );
    let images: Vec<_> = std::fs::read_dir(&directory)
        .expect("the directory")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".png"))
        .collect();
    assert_eq!(images.len(), pages);
    assert!(images.iter().all(|image| {
        image
            .metadata()
            .is_ok_and(|metadata| metadata.len() > 1_000)
    }));

    let text = run(&pdftotext, &["-layout", pdf_path, "-"]);
    assert_every_table_figure(&text, &reference, &findings());

    // The contents lists every heading in order, each with the page it stands on.
    let contents = run(
        &pdftotext,
        &["-layout", "-f", "2", "-l", "2", pdf_path, "-"],
    );
    let entries: Vec<(String, usize)> = normalised_lines(&contents)
        .iter()
        .filter(|line| line.contains(" .."))
        .map(|line| {
            let title = line.split(" ..").next().unwrap_or("").to_string();
            let page = line
                .rsplit(['.', ' '])
                .next()
                .and_then(|number| number.parse().ok())
                .unwrap_or_else(|| panic!("a page number: {line}"));
            (title, page)
        })
        .collect();
    let titles: Vec<String> = entries.iter().map(|(title, _)| title.clone()).collect();
    assert_eq!(titles, section_headings());
    for (title, page) in &entries {
        let number = page.to_string();
        let on_page = run(
            &pdftotext,
            &["-layout", "-f", &number, "-l", &number, pdf_path, "-"],
        );
        assert!(
            normalised_lines(&on_page).contains(title),
            "”{title}” stands on page {page}"
        );
    }

    // Every page is numbered, and a table longer than a page repeats its header.
    assert!(text.contains(&format!("Sida {pages} av {pages}")));
    let risk_headers = normalised_lines(&text)
        .iter()
        .filter(|line| line.starts_with("Risk Riskbeskrivning Sannolikhet Väsentlighet"))
        .count();
    assert!(
        risk_headers >= 2,
        "the risk table's header on each of its pages"
    );

    // Generated sentences, with the same rounded figures as the tables (read without the
    // layout, words typst hyphenated at a line's end joined again).
    let running = run(&pdftotext, &[pdf_path, "-"]);
    let prose = dehyphenated(&running)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for sentence in [
        "År 2025 tilldelas kommunstyrelsen ett kommunbidrag om 118,5 mnkr.",
        "Kommunbidraget ökar med 4,2 mnkr jämfört med föregående år.",
        "År 2026: uppräkning med 100 procent av PKV 2025 (2,5 procent) ger 121 498 tkr.",
        "Personalkostnaderna ökar med 2,0 mnkr.",
        "Den totala investeringsplanen åren 2025–2029 uppgår till sammanlagt 613,7 mnkr, i genomsnitt 122,7 mnkr per år.",
        "Kommunbidraget är oförändrat jämfört med föregående år.",
        "År 2025 uppgår investeringsnivån till 106,8 mnkr, åren 2026–2028 i genomsnitt till 140,1 mnkr och år 2029 till 86,6 mnkr.",
    ] {
        assert!(prose.contains(sentence), "the PDF says: {sentence}");
    }
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn the_word_document_opens_in_libreoffice_with_every_table() {
    let (Some(soffice), Some(pdftotext)) = (tool("soffice"), tool("pdftotext")) else {
        return;
    };
    let Some(reference) = reference_text() else {
        return;
    };
    let directory = scratch("docx");
    let docx = directory.join("budget.docx");
    render("docx", &docx);

    // Word's own structure: headings as Heading styles, tables as tables.
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&docx).expect("the file")).expect("a ZIP");
    let mut body = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("the body"),
        &mut body,
    )
    .expect("UTF-8");
    let markdown = text(&styr(&["report", &relative(&example())]).stdout);
    let tables = markdown
        .lines()
        .filter(|line| line.starts_with("|---"))
        .count();
    // The risk matrix is a picture in Word (and the PDF); Markdown, which holds no picture,
    // shows it as a table. Every other table is a Word table.
    let matrix = markdown
        .lines()
        .filter(|line| line.starts_with("| Sannolikhet \\\\ Väsentlighet |"))
        .count();
    assert_eq!(matrix, 1, "the matrix is a table in Markdown");
    assert_eq!(
        body.matches("<w:tbl>").count(),
        tables - matrix,
        "every table is a Word table"
    );
    assert_eq!(
        body.matches("<w:drawing>").count(),
        3,
        "the organisation chart, the investment bars and the risk matrix are pictures"
    );
    assert_eq!(
        body.matches("<w:pStyle w:val=\"Heading").count(),
        section_headings().len()
    );
    assert!(
        body.contains("<w:tblHeader/>"),
        "table headers repeat on each page"
    );

    let pdf = libreoffice(&soffice, &docx, "pdf", &directory);
    let text = run(&pdftotext, &["-layout", pdf.to_str().expect("UTF-8"), "-"]);
    assert_every_table_figure(&text, &reference, &findings());
    let lines = normalised_lines(&text);
    for heading in section_headings() {
        assert!(
            lines.contains(&heading),
            "”{heading}” survives the conversion"
        );
    }
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn styr_s_review_finds_no_error_in_the_documents_styr_writes() {
    let directory = scratch("self-review");
    for (file, format) in [("budget.md", "markdown"), ("budget.docx", "docx")] {
        let path = directory.join(file);
        render(format, &path);
        let output = styr(&["check", path.to_str().expect("UTF-8"), "--format", "json"]);
        let json: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("JSON findings");
        let findings = json["findings"].as_array().expect("a list");
        // Every table adds up and every sentence agrees with its table; what remains is the
        // reference's own prose: "Bälunge företagspark" where the tables say "Bälinge".
        assert!(
            findings
                .iter()
                .all(|finding| finding["severity"] == "varning"),
            "{format}: {findings:?}"
        );
        assert_eq!(findings.len(), 1, "{format}: {findings:?}");
        assert!(
            findings[0]["place"]
                .as_str()
                .is_some_and(|place| place.contains("Bälunge")),
            "{format}"
        );
        assert_eq!(output.status.code(), Some(0), "{format}");
    }
    let _ = std::fs::remove_dir_all(&directory);
}
