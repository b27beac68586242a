//! The files styr writes, through the real router: the report page and every download show the
//! same rounded figure on every row of the reference's tables; and text people type — or an
//! object name from someone's SIE file — reaches no file as markup, a script link or a
//! spreadsheet formula.

mod support;

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use axum::Router;
use axum::http::{Method, StatusCode};
use calamine::{Data, Reader};
use serde_json::json;
use support::{Answer, add_user, get, json as send_json, router_with_example, token_for};

/// The program on PATH, or `None` (and a note) when it is missing outside CI.
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|directory| directory.join(name))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "{name} is missing");
        eprintln!("skipped: {name} is not installed");
    }
    found
}

/// Runs a program with `input` on its standard input; its standard output.
fn pipe(program: &PathBuf, arguments: &[&str], input: &[u8]) -> String {
    use std::io::Write;
    let mut child = Command::new(program)
        .args(arguments)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the tool runs");
    child
        .stdin
        .take()
        .expect("a standard input")
        .write_all(input)
        .expect("the input is written");
    let output = child.wait_with_output().expect("the tool ends");
    assert!(output.status.success(), "{} failed", program.display());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn reference_text() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/alingsas-ks-budget-2025-2027.txt");
    let text = std::fs::read_to_string(path).ok();
    if text.is_none() {
        eprintln!("skipped: ../shared/reference is not beside the project");
    }
    text
}

/// A reference table: its heading, column labels and rows (label, figures as printed).
struct ReferenceTable {
    heading: String,
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

fn reference_tables(reference: &str) -> Vec<ReferenceTable> {
    let mut tables = Vec::new();
    let mut heading = String::new();
    let mut current: Option<ReferenceTable> = None;
    for line in reference.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            heading = title.trim().to_string();
        }
        let cells: Vec<String> = line
            .split('\t')
            .map(|cell| {
                cell.replace("<b>", "")
                    .replace("</b>", "")
                    .trim()
                    .to_string()
            })
            .collect();
        if cells[0] == "Belopp i tkr" {
            current = Some(ReferenceTable {
                heading: heading.clone(),
                columns: cells[1..].to_vec(),
                rows: Vec::new(),
            });
        } else if line.trim().is_empty() {
            tables.extend(current.take());
        } else if let Some(table) = current.as_mut() {
            table.rows.push((cells[0].clone(), cells[1..].to_vec()));
        }
    }
    tables.extend(current);
    tables
}

/// "-114 196" → "-114196": figures compared digit by digit, whatever their grouping.
fn digits(figure: &str) -> String {
    figure
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect()
}

/// A table's rows as (label, figures) from rows of cells.
fn as_rows(cells: Vec<Vec<String>>) -> Vec<(String, Vec<String>)> {
    cells
        .into_iter()
        .filter(|row| row.len() > 1)
        .map(|row| {
            let label = row[0].replace("**", "").trim().to_string();
            let figures = row[1..].iter().map(|figure| digits(figure)).collect();
            (label, figures)
        })
        .collect()
}

fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of an HTML or XML fragment: its tags left out.
fn without_tags(fragment: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    for character in fragment.chars() {
        match character {
            '<' => inside = true,
            '>' => inside = false,
            other if !inside => text.push(other),
            _ => {}
        }
    }
    text
}

/// The parts of `text` between each `open` and the `close` after it.
fn parts<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        found.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    found
}

/// The first table after the heading `heading` (not its line in the contents) of an HTML page.
fn html_table(page: &str, heading: &str) -> Vec<(String, Vec<String>)> {
    let escaped = heading.replace('&', "&amp;");
    let at = page
        .match_indices(&format!(">{escaped}</h"))
        .map(|(at, _)| at)
        .next()
        .unwrap_or_else(|| panic!("the heading ”{heading}” on the page"));
    let table = parts(&page[at..], "<table>", "</table>")[0];
    as_rows(
        parts(table, "<tr", "</tr>")
            .into_iter()
            .map(|row| {
                parts(row, "<t", "</t")
                    .into_iter()
                    .map(|cell| unescape_html(&without_tags(&format!("<t{cell}"))))
                    .collect()
            })
            .collect(),
    )
}

/// The first pipe table after the heading line `heading` of a Markdown file.
fn markdown_table(markdown: &str, heading: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<&str> = markdown.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with('#') && line.trim_start_matches('#').trim() == heading)
        .unwrap_or_else(|| panic!("the heading ”{heading}” in the Markdown"));
    let rows = lines[start..]
        .iter()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().replace("\\", ""))
                .collect()
        })
        .collect();
    as_rows(rows)
}

/// The first table after the heading `heading` of a PDF as pdftotext lays it out: columns are
/// two or more spaces apart, a thousands space is one. A draft's watermark (UTKAST, set large
/// and rotated across the page by typst) comes out as single capital letters among the lines,
/// on lines of their own or as cells of their own: those are no part of the table and are left
/// out; a letter anywhere else still ends the table, so a row it spoils is missed, not guessed.
fn pdf_table(text: &str, heading: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.trim() == heading)
        .unwrap_or_else(|| panic!("the heading ”{heading}” is a line of the PDF"));
    let is_watermark = |cell: &str| {
        let mut letters = cell.chars();
        letters.next().is_some_and(|c| c.is_uppercase()) && letters.next().is_none()
    };
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .split("  ")
            .map(str::trim)
            .filter(|cell| !cell.is_empty() && !is_watermark(cell))
            .map(String::from)
            .collect()
    };
    let is_row = |cells: &Vec<String>| {
        cells.len() > 1
            && cells[1..].iter().all(|cell| {
                cell.chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
            })
    };
    let rows = lines[start + 1..]
        .iter()
        .skip_while(|line| !line.trim_start().starts_with("Belopp i tkr"))
        .skip(1)
        .map(|line| cells(line))
        .filter(|row| !row.is_empty())
        .take_while(is_row)
        .collect();
    as_rows(rows)
}

/// The first table after the heading paragraph `heading` of a Word document's body.
fn word_table(xml: &str, heading: &str) -> Vec<(String, Vec<String>)> {
    let needle = format!(">{}</w:t>", heading.replace('&', "&amp;"));
    let at = xml
        .match_indices(&needle)
        .map(|(at, _)| at)
        .find(|&at| {
            let paragraph = xml[..at].rfind("<w:p>").unwrap_or(0);
            xml[paragraph..at].contains("w:val=\"Heading")
        })
        .unwrap_or_else(|| panic!("the heading ”{heading}” in the Word file"));
    let table = parts(&xml[at..], "<w:tbl>", "</w:tbl>")[0];
    as_rows(
        parts(table, "<w:tr", "</w:tr>")
            .into_iter()
            .map(|row| {
                parts(row, "<w:tc>", "</w:tc>")
                    .into_iter()
                    .map(|cell| unescape_html(&without_tags(cell)))
                    .collect()
            })
            .collect(),
    )
}

/// The sheet whose title (A1) is `heading`, its rows below the header.
fn sheet_table(workbook: &[u8], heading: &str) -> Vec<(String, Vec<String>)> {
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(workbook.to_vec()))
            .expect("calamine opens the workbook");
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).expect("a sheet");
        let cell = |row: u32, column: u32| match range.get_value((row, column)) {
            Some(Data::String(text)) => text.clone(),
            Some(Data::Float(value)) => value.to_string(),
            Some(Data::Int(value)) => value.to_string(),
            _ => String::new(),
        };
        if cell(0, 0) == heading {
            let rows = (3..range.height() as u32)
                .map(|row| {
                    (0..range.width() as u32)
                        .map(|column| cell(row, column))
                        .collect()
                })
                .collect();
            return as_rows(rows);
        }
    }
    panic!("a sheet titled ”{heading}”");
}

async fn download(router: &Router, id: i64, format: &str) -> Vec<u8> {
    get_bytes(
        router,
        &format!("/api/v1/budgets/{id}/download?format={format}"),
    )
    .await
}

async fn get_bytes(router: &Router, uri: &str) -> Vec<u8> {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .expect("a request");
    let response = router.clone().oneshot(request).await.expect("an answer");
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes()
        .to_vec()
}

fn word_body(docx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a ZIP");
    let mut body = String::new();
    archive
        .by_name("word/document.xml")
        .expect("the body")
        .read_to_string(&mut body)
        .expect("UTF-8");
    body
}

/// What `styr check` finds: (section, place, stated, computed) as printed.
fn findings(report: &Answer) -> Vec<(String, String, String, String)> {
    report.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            let text = |value: &serde_json::Value| value.as_str().unwrap_or("").to_string();
            (
                text(&finding["section"]),
                text(&finding["place"]),
                text(&finding["stated"]["text"]),
                text(&finding["computed"]["text"]),
            )
        })
        .collect()
}

/// The report page and every download of budget `id`, read back as text.
struct Formats {
    page: String,
    markdown: String,
    word: String,
    workbook: Vec<u8>,
    /// pdftotext's layout of the PDF, when poppler is installed.
    pdf: Option<String>,
}

impl Formats {
    async fn of(router: &Router, id: i64) -> Formats {
        let page = get_bytes(router, &format!("/budget/{id}/rapport")).await;
        let markdown = download(router, id, "markdown").await;
        let pdf = download(router, id, "pdf").await;
        Formats {
            page: String::from_utf8(page).expect("UTF-8"),
            markdown: String::from_utf8(markdown).expect("UTF-8"),
            word: word_body(&download(router, id, "docx").await),
            workbook: download(router, id, "xlsx").await,
            pdf: tool("pdftotext").map(|pdftotext| pipe(&pdftotext, &["-layout", "-", "-"], &pdf)),
        }
    }

    /// The figures of the row `label` in the table under `heading`, as each format shows
    /// them; every format must show the report page's.
    fn row(&self, heading: &str, label: &str) -> Vec<String> {
        let mut shown = vec![
            ("the report page", html_table(&self.page, heading)),
            ("the Markdown", markdown_table(&self.markdown, heading)),
            ("the Word file", word_table(&self.word, heading)),
            ("the workbook", sheet_table(&self.workbook, heading)),
        ];
        if let Some(pdf) = &self.pdf {
            shown.push(("the PDF", pdf_table(pdf, heading)));
        }
        let figures = |(name, rows): &(&str, Vec<(String, Vec<String>)>)| {
            rows.iter()
                .find(|(row, _)| row == label)
                .map(|(_, figures)| figures.clone())
                .unwrap_or_else(|| panic!("{heading}: {name} has the row ”{label}”"))
        };
        let page = figures(&shown[0]);
        for format in &shown[1..] {
            assert_eq!(
                figures(format),
                page,
                "{heading}, ”{label}”: {} and the report page",
                format.0
            );
        }
        page
    }
}

#[tokio::test]
async fn the_page_and_every_file_show_the_same_rounded_figure_on_every_row_of_the_reference() {
    let Some(reference) = reference_text() else {
        return;
    };
    let router = router_with_example("files-figures").await;
    let formats = Formats::of(&router, 1).await;
    let findings = findings(&get(&router, "/api/v1/budgets/1/report").await);
    let tables = reference_tables(&reference);
    assert_eq!(tables.len(), 3, "the reference has three amount tables");
    let mut compared = 0;
    for table in &tables {
        for (label, printed) in &table.rows {
            let shown = formats.row(&table.heading, label);
            // As printed in the reference, or as computed where the check names the reference's
            // own figure as stated wrongly.
            for ((figure, column), shown) in printed.iter().zip(&table.columns).zip(&shown) {
                let corrected = findings.iter().find(|(section, place, stated, _)| {
                    *section == table.heading
                        && *place == format!("{label}, {column}")
                        && *stated == format!("{figure} tkr")
                });
                let expected = corrected.map_or_else(|| digits(figure), |found| digits(&found.3));
                assert_eq!(*shown, expected, "{}, ”{label}”, {column}", table.heading);
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "every figure of every row: {compared}");
}

/// The reference budget with the board's 2025 costs entered to the hundred kronor, each 0,4 tkr
/// above the reference's figure: one by one every line still rounds to the reference's, but
/// their sum, -227 240,4 tkr, rounds to -227 240 — two less than the lines rounded one by one.
fn budget_to_the_krona() -> String {
    let mut budget = support::EXAMPLE.to_string();
    for (line, before, after) in [
        ("personnel", "2025 = -116205", "2025 = \"-116 204,6\""),
        ("premises_rent", "2025 = -8260", "2025 = \"-8 259,6\""),
        (
            "purchased_services",
            "2025 = -55125",
            "2025 = \"-55 124,6\"",
        ),
        ("other_costs", "2025 = -47652", "2025 = \"-47 651,6\""),
    ] {
        let start = budget.find(&format!("{line} = {{ 2024")).expect("the line");
        let at = start + budget[start..].find(before).expect("the 2025 figure");
        budget.replace_range(at..at + before.len(), after);
    }
    budget
}

#[tokio::test]
async fn a_table_entered_to_the_krona_shows_the_same_figures_everywhere_and_adds_up() {
    let app = support::app_with_example("files-krona").await;
    add_user(&app, "admin", "admin", None).await;
    let token = token_for(&app, "admin").await;
    let id = app
        .import(&styr_app::Actor::named("test"), &budget_to_the_krona())
        .await
        .expect("the budget imports");
    let router = support::acting_with(Arc::clone(&app), token);
    let formats = Formats::of(&router, id).await;
    let heading = "Ekonomiska ramar, kommunstyrelsen (exkl. exploateringsenheten)";
    let budget_2025 = |label: &str| -> i64 {
        formats.row(heading, label)[1]
            .parse()
            .expect("a whole number")
    };
    let lines: i64 = [
        "Personalkostnader",
        "Lokalhyror",
        "Köp av tjänster",
        "Övriga kostnader",
    ]
    .into_iter()
    .map(budget_2025)
    .sum();
    assert_eq!(budget_2025("Verksamhetens kostnader"), -227_240);
    assert_eq!(lines, -227_240, "the shown lines add up to the shown costs");
    assert_eq!(
        budget_2025("Verksamhetens nettokostnader"),
        budget_2025("Verksamhetens intäkter") + lines
    );
}

/// The reference budget with what a careless or hostile person could type: a script, raw HTML
/// and script links (as Markdown links too, which CommonMark reads as links) in a section's
/// text, markup in a heading, formulas as project and unit names. The text's `# heading` and
/// `+ item` are Markdown the section's author may write (section texts are CommonMark): they
/// become a heading and a list, as meant.
fn hostile_budget() -> String {
    let budget = support::EXAMPLE
        .replacen(
            "heading = \"Inledning\"\nlevel = 2\ntext = '''\n",
            "heading = \"Inledning <img src=x onerror=alert(1)>\"\nlevel = 2\ntext = '''\n<script>alert(1)</script> och [klicka här](javascript:alert(1)) och <a href=\"javascript:alert(2)\">länk</a>\n\nSe [klicka här](javascript:alert(3)), [här](JaVaScRiPt:alert(4)), <javascript:alert(5)> och ![bild](javascript:alert(6)).\n\n# Inte en rubrik\n\n+ inte en punkt\n\n",
            1,
        )
        .replacen(
            "name = \"Bälinge företagspark\"",
            "name = \"=HYPERLINK(\\\"http://exempel.invalid\\\";\\\"Bälinge\\\")\"",
            1,
        );
    assert!(budget.contains("<script>") && budget.contains("=HYPERLINK"));
    budget
}

#[tokio::test]
async fn text_people_type_reaches_no_file_as_markup_a_script_link_or_a_formula() {
    let app = support::app_with_example("files-hostile").await;
    add_user(&app, "admin", "admin", None).await;
    let token = token_for(&app, "admin").await;
    let id = app
        .import(&styr_app::Actor::named("test"), &hostile_budget())
        .await
        .expect("the hostile budget imports");
    let router = support::acting_with(Arc::clone(&app), token);

    // The web page and the HTML download: text, never tags or links.
    let page = String::from_utf8(get_bytes(&router, &format!("/budget/{id}/rapport")).await)
        .expect("UTF-8");
    let html = String::from_utf8(download(&router, id, "html").await).expect("UTF-8");
    for (name, markup) in [("the report page", &page), ("the HTML download", &html)] {
        assert!(
            markup.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{name}"
        );
        for raw in ["<script", "<img", "href=\"javascript:"] {
            assert!(!markup.contains(raw), "{name} carries {raw}");
        }
        // No tag anywhere carries a script link or a handler: what was typed is only text.
        for tag in parts(&markup.to_lowercase(), "<", ">") {
            assert!(
                !tag.contains("javascript") && !tag.contains("onerror"),
                "{name} makes the tag <{tag}>"
            );
        }
        assert!(
            markup.contains(">Inte en rubrik</h4>"),
            "{name}: the heading"
        );
        assert!(
            markup.contains("<li>inte en punkt</li>"),
            "{name}: the list"
        );
    }
    // The Word file: the text as text, no hyperlink.
    let word = word_body(&download(&router, id, "docx").await);
    assert!(word.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!word.contains("<w:hyperlink") && !word.contains("<script"));
    // The Markdown, read by a Markdown reader, shows the text and no markup or link.
    let markdown = download(&router, id, "markdown").await;
    let text = String::from_utf8(markdown.clone()).expect("UTF-8");
    assert!(text.contains("\\<script\\>alert(1)\\</script\\>"), "{text}");
    if let Some(pandoc) = tool("pandoc") {
        for reader in ["commonmark", "gfm", "markdown"] {
            let shown = pipe(&pandoc, &["-f", reader, "-t", "html"], &markdown);
            assert!(
                shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{reader}: {shown}"
            );
            // The Markdown the author wrote is that structure still: a heading, a list.
            assert!(
                shown.contains("Inte en rubrik</h4>"),
                "the heading: {reader}: {shown}"
            );
            assert!(
                shown.contains("<li>inte en punkt</li>"),
                "the list: {reader}: {shown}"
            );
            for script in ["alert(3)", "alert(4)", "alert(5)", "alert(6)"] {
                assert!(
                    parts(&shown, "<", ">")
                        .iter()
                        .all(|tag| !tag.contains(script)),
                    "{reader} makes a tag of {script}"
                );
            }
            // A tag or a link would be markup; the same characters escaped are text.
            for raw in ["<script", "<img", "<a "] {
                assert!(!shown.contains(raw), "{reader} makes {raw} of the Markdown");
            }
        }
    }
    // The PDF: the text as text, and no link at all (typst links only a span's safe target).
    let pdf = download(&router, id, "pdf").await;
    if let Some(pdftotext) = tool("pdftotext") {
        let shown = pipe(&pdftotext, &["-", "-"], &pdf);
        assert!(shown.contains("<script>alert(1)</script>"), "{shown}");
        assert!(shown.contains("Se klicka här, här, javascript:alert(5) och bild."));
    }
    if let Some(pdfinfo) = tool("pdfinfo") {
        let links = pipe(&pdfinfo, &["-url", "-"], &pdf);
        assert_eq!(links.lines().skip(1).count(), 0, "the PDF links: {links}");
    }
    // The open-data package: the project name arrives as text, the amounts as numbers.
    let package = package_investments(&hostile_budget());
    assert!(
        package
            .contains("\"'=HYPERLINK(\"\"http://exempel.invalid\"\";\"\"Bälinge\"\")\",false,2024"),
        "{package}"
    );
}

/// The open-data package's investeringar.csv for a budget file. (The web publishes a package
/// only from an adopted version; the package is the same function of the budget.)
fn package_investments(budget: &str) -> String {
    let budget = styr_import::parse_budget(budget).expect("the budget reads");
    let report = styr_reports::budget_report(&budget).expect("the report");
    styr_render::fdp::fiscal_data_package(&report)
        .into_iter()
        .find(|file| file.name == "investeringar.csv")
        .expect("the investments")
        .content
}

#[tokio::test]
async fn the_audit_log_csv_defuses_what_was_typed() {
    let router = router_with_example("files-audit").await;
    for (line, text) in [
        (
            "premises_rent",
            "=HYPERLINK(\"http://exempel.invalid\";\"Klicka\")",
        ),
        ("personnel", "-2+3"),
        ("other_costs", "\t=1+1"),
    ] {
        let saved = send_json(
            &router,
            Method::PUT,
            &format!("/api/v1/budgets/1/operating/ks/explanations/{line}"),
            json!({ "text": text }),
        )
        .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }
    for uri in ["/logg.csv", "/api/v1/audit?format=csv"] {
        let csv = String::from_utf8(get_bytes(&router, uri).await).expect("UTF-8");
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"http://exempel.invalid\"\";\"\"Klicka\"\")\""),
            "{uri}: {csv}"
        );
        assert!(csv.contains(";'-2+3"), "{uri}: {csv}");
        // The input module trims the tab the text began with; the writer's own tests cover a
        // cell that still begins with one.
        assert!(
            csv.contains(";'\t=1+1") || csv.contains(";'=1+1"),
            "{uri}: {csv}"
        );
        for line in csv.split("\r\n") {
            for field in line.split(';') {
                assert!(
                    !field.trim_start_matches('"').starts_with(['=', '+', '@']),
                    "{uri}: a formula in {line}"
                );
            }
        }
    }
}
