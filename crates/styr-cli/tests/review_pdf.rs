//! `styr check budget.pdf`: a published PDF reviewed as its text and Word forms are. The
//! reference and the corpus of other municipalities' tables (the corpus also as Word, by
//! pandoc, and as Markdown pipe tables) are printed to PDF by Chromium (as
//! a municipality's own publishing would lay them out: running text, tables across page
//! breaks, labels wrapped in their cells); the review must find the same things in the PDF as
//! in the text, and say where by page and line.

mod printed;
mod support;
mod tools;

use support::{findings_without_lines as findings, styr, text};

fn reference_path() -> std::path::PathBuf {
    support::manifest_dir().join("../../../shared/reference/alingsas-ks-budget-2025-2027.txt")
}

#[test]
fn the_reference_as_a_pdf_gives_the_same_findings_as_its_text() {
    let Some(reference) = tools::reference_text() else {
        return;
    };
    let directory = tools::scratch("review-pdf-reference");
    let Some(pdf) = printed::as_pdf(&reference, &directory, "reference") else {
        return;
    };
    let from_text = findings(&reference_path());
    assert_eq!(
        from_text.len(),
        13,
        "the reference's findings: {from_text:#?}"
    );
    assert_eq!(findings(&pdf), from_text);
    let output = styr(&["check", pdf.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1), "the reference has errors");
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn a_finding_in_a_pdf_names_the_page_and_line_it_stands_on() {
    let Some(reference) = tools::reference_text() else {
        return;
    };
    let Some(pdftotext) = tools::tool("pdftotext") else {
        return;
    };
    let mutated = reference.replacen(
        "Personalkostnader\t-114 196\t-116 205\t-119 110\t-122 922",
        "Personalkostnader\t-114 196\t-116 205\t-119 110\t-122 822",
        1,
    );
    assert_ne!(mutated, reference, "the mutation applies");
    let directory = tools::scratch("review-pdf-place");
    let Some(pdf) = printed::as_pdf(&mutated, &directory, "mutated") else {
        return;
    };
    let output = styr(&[
        "check",
        pdf.to_str().expect("a UTF-8 path"),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON findings");
    let place = json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|finding| finding["place"].as_str())
        .find(|place| place.starts_with("Verksamhetens kostnader, Plan 2027"))
        .unwrap_or_else(|| panic!("the changed cost line is found: {json:#}"))
        .to_string();
    // "… (sida 5, rad 31)": the page poppler reads the changed figure on.
    let page = place
        .rsplit_once("(sida ")
        .and_then(|(_, rest)| rest.split(',').next())
        .and_then(|page| page.trim().parse::<usize>().ok())
        .unwrap_or_else(|| panic!("a page in {place}"));
    let page_text = tools::run(
        &pdftotext,
        &[
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            pdf.to_str().expect("UTF-8"),
            "-",
        ],
    );
    assert!(
        page_text.contains("-122 822"),
        "page {page} has the changed figure"
    );
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn styr_s_own_pdf_of_a_consistent_budget_reviews_clean() {
    let directory = tools::scratch("review-pdf-own");
    let pdf = directory.join("consistent.pdf");
    let written = styr(&[
        "report",
        "tests/fixtures/consistent.toml",
        "--format",
        "pdf",
        "--output",
        pdf.to_str().expect("a UTF-8 path"),
    ]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    let output = styr(&["check", pdf.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert_eq!(
        text(&output.stdout),
        "Inga avvikelser i det som kunde kontrolleras.\n"
    );
    assert!(
        text(&output.stderr).contains("tabeller lästa"),
        "{}",
        text(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn every_corpus_excerpt_as_pdf_word_and_markdown_gives_the_same_findings_as_its_text() {
    let folder = support::manifest_dir().join("../styr-reports/tests/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the corpus")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 16, "the corpus");
    let directory = tools::scratch("review-pdf-corpus");
    let (mut compared, mut different) = (0, Vec::new());
    for name in &names {
        let source = folder.join(name);
        let excerpt = std::fs::read_to_string(&source).expect("an excerpt");
        let stem = name.trim_end_matches(".txt");
        let markdown = directory.join(format!("{stem}-pipes.md"));
        std::fs::write(&markdown, printed::as_pandoc_markdown(&excerpt)).expect("written");
        let (Some(pdf), Some(word)) = (
            printed::as_pdf(&excerpt, &directory, stem),
            printed::as_word(&excerpt, &directory, stem),
        ) else {
            return;
        };
        let as_text = findings(&source);
        for (form, path) in [("PDF", &pdf), ("Word", &word), ("Markdown", &markdown)] {
            let found = findings(path);
            if found != as_text {
                different.push(format!(
                    "{name} as {form}:\n  {found:#?}\n  text {as_text:#?}"
                ));
            }
        }
        compared += 1;
    }
    assert!(
        different.is_empty(),
        "not as the text: {}",
        different.join("\n")
    );
    println!(
        "{compared} corpus excerpts reviewed as text, PDF, Word and Markdown: the same findings"
    );
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn what_is_not_a_pdf_is_refused_with_a_sentence_and_status_2() {
    let directory = tools::scratch("review-pdf-refused");
    for (name, bytes) in [
        ("not.pdf", b"inte en pdf".as_slice()),
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog".as_slice(),
        ),
    ] {
        let path = directory.join(name);
        std::fs::write(&path, bytes).expect("a file");
        let output = styr(&["check", path.to_str().expect("a UTF-8 path")]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            text(&output.stderr).contains("ingen PDF"),
            "{name}: {}",
            text(&output.stderr)
        );
        assert!(output.stdout.is_empty(), "{name}: nothing on standard out");
    }
    let _ = std::fs::remove_dir_all(&directory);
}
