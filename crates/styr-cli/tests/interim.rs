//! `styr report --document delarsrapport` through the real binary in every format it names:
//! each file read back — the PDF by pdftotext, the Word file by styr's own DOCX reader, the
//! workbook by calamine, the HTML and Markdown as text, the JSON parsed — shows every figure
//! of the board's follow-up table (with a forecast entered) as the follow-up itself shows it,
//! and `styr check` finds no error in the Markdown and Word files.

mod support;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use styr_app::{Actor, App};
use styr_domain::calendar::Year;
use styr_domain::followup::{DeviationExplanation, Forecast};
use styr_domain::format::tkr;
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_domain::source_document::Block;
use support::{styr, text};

fn scratch(name: &str) -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("styr-cli-interim-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    directory
}

/// The board's table as the follow-up shows it: each row's label and its six figures in tkr
/// (budget for the year, budget, outcome and deviation to date, forecast, its deviation),
/// after a forecast and an explanation for personnel costs are entered.
fn prepared(database: &Path) -> Vec<(String, Vec<Amount>)> {
    let url = format!("sqlite://{}", database.display());
    for file in [
        "../../examples/alingsas-ks-2025.toml",
        "../../examples/alingsas-ks-2025-utfall.se",
    ] {
        let imported = styr(&["import", file, "--database", &url]);
        assert_eq!(
            imported.status.code(),
            Some(0),
            "{}",
            text(&imported.stderr)
        );
    }
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let app = App::open(&url).await.expect("the database opens");
        let actor = Actor::named("controller");
        let year = Year::new(2025).expect("a year");
        let personnel = OperatingRow::Line(LineKind::Personnel);
        let forecast = Forecast {
            unit: UnitId("ks".into()),
            row: personnel,
            year,
            amount: Amount::from_tkr(-118_500),
            comment: "Vikarier".into(),
        };
        app.set_forecast(&actor, 1, forecast)
            .await
            .expect("a forecast");
        let explanation = DeviationExplanation {
            unit: UnitId("ks".into()),
            row: personnel,
            year,
            text: "Vikarier under sjukskrivningar.".into(),
            by: String::new(),
            at: String::new(),
        };
        app.explain_deviation(&actor, 1, explanation)
            .await
            .expect("an explanation");
        let report = app.followup(1, None, Some(8)).await.expect("the follow-up");
        let shown = styr_reports::shown::followup::table(&report.total).expect("shown");
        report
            .total
            .rows
            .iter()
            .zip(&shown.rows)
            .map(|(row, shown)| {
                let figures = vec![
                    shown.year_budget,
                    shown.budget,
                    shown.actual,
                    shown.deviation,
                    shown.forecast,
                    shown.forecast_deviation,
                ];
                (row.label.to_string(), figures)
            })
            .collect()
    })
}

fn written(url: &str, format: &str, path: &Path) {
    let output = styr(&[
        "report",
        "--database",
        url,
        "--document",
        "delarsrapport",
        "--period",
        "2025-08",
        "--format",
        format,
        "--output",
        path.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{format}: {}",
        text(&output.stderr)
    );
    assert!(
        std::fs::metadata(path).is_ok_and(|file| file.len() > 0),
        "{format} is written"
    );
}

/// Text with every run of spaces (non-breaking ones included) one space, line by line.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            line.replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Each expected row is a line of `text` that ends with its figures and starts with its label
/// — or with the label's start, its rest on the lines below (a label the PDF wraps between
/// words, or at a soft hyphen).
fn every_row_on_a_line(format: &str, text: &str, expected: &[(String, Vec<Amount>)]) {
    let shown = lines(text);
    for (label, figures) in expected {
        let figures: Vec<String> = figures.iter().map(|figure| tkr(*figure)).collect();
        let figures = lines(&figures.join(" ")).join("");
        let found = shown.iter().enumerate().any(|(index, line)| {
            let Some(start) = line.strip_suffix(figures.as_str()) else {
                return false;
            };
            let mut name = start.trim().to_string();
            for next in &shown[index + 1..] {
                if name.replace('\u{ad}', "").len() >= label.len() || next.is_empty() {
                    break;
                }
                match name.strip_suffix('\u{ad}') {
                    Some(broken) => name = format!("{broken}{next}"),
                    None => name = format!("{name} {next}"),
                }
            }
            name.replace('\u{ad}', "") == *label
        });
        assert!(found, "{format}: the row ”{label}” shows {figures}");
    }
}

/// The HTML's table rows as lines: each cell's text, tags removed, one space apart.
fn html_rows(html: &str) -> String {
    html.split("<tr")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or_default();
            let mut cells = Vec::new();
            for cell in row.split("<t").skip(1) {
                let content = cell.split_once('>').map_or("", |(_, rest)| rest);
                let mut plain = String::new();
                let mut inside = false;
                for character in content.chars() {
                    match character {
                        '<' => inside = true,
                        '>' => inside = false,
                        _ if !inside => plain.push(character),
                        _ => {}
                    }
                }
                if !plain.trim().is_empty() {
                    cells.push(plain.trim().replace("&nbsp;", " ").replace("&#160;", " "));
                }
            }
            cells.join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_finds_no_error(path: &Path) {
    let checked = styr(&["check", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(
        checked.status.code(),
        Some(0),
        "{}: {}{}",
        path.display(),
        text(&checked.stdout),
        text(&checked.stderr)
    );
    assert!(
        text(&checked.stdout).contains("Inga avvikelser i det som kunde kontrolleras."),
        "{}",
        text(&checked.stdout)
    );
}

#[test]
fn the_delarsrapport_is_written_in_every_format_with_the_followups_figures() {
    let directory = scratch("formats");
    let database = directory.join("styr.db");
    let url = format!("sqlite://{}", database.display());
    let expected = prepared(&database);
    for label in ["Kommunbidrag", "Årets resultat"] {
        assert!(
            expected.iter().any(|(row, _)| row == label),
            "the board's table has {label}: {expected:?}"
        );
    }
    let personnel = expected
        .iter()
        .find(|(label, _)| label == "Personalkostnader")
        .expect("personnel");
    assert_eq!(personnel.1[4], Amount::from_tkr(-118_500), "the forecast");

    let markdown = directory.join("delarsrapport.md");
    written(&url, "markdown", &markdown);
    let source = std::fs::read_to_string(&markdown).expect("UTF-8");
    let table_lines: String = source
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| line.replace('|', " ").replace("**", ""))
        .collect::<Vec<_>>()
        .join("\n");
    every_row_on_a_line("markdown", &table_lines, &expected);
    assert!(source.contains("Vikarier under sjukskrivningar."));
    check_finds_no_error(&markdown);

    let html = directory.join("delarsrapport.html");
    written(&url, "html", &html);
    let page = std::fs::read_to_string(&html).expect("UTF-8");
    every_row_on_a_line("html", &html_rows(&page), &expected);

    let pdf = directory.join("delarsrapport.pdf");
    written(&url, "pdf", &pdf);
    match std::process::Command::new("pdftotext")
        .args(["-layout", pdf.to_str().expect("UTF-8"), "-"])
        .output()
    {
        Ok(output) if output.status.success() => {
            every_row_on_a_line("pdf", &text(&output.stdout), &expected);
        }
        _ => {
            assert!(std::env::var_os("CI").is_none(), "CI has poppler");
            eprintln!("skipped the PDF's text: pdftotext is not installed");
        }
    }

    let docx = directory.join("delarsrapport.docx");
    written(&url, "docx", &docx);
    let bytes = std::fs::read(&docx).expect("the Word file");
    let document =
        styr_import::document::parse_docx_within(&bytes, &styr_import::Limits::default())
            .expect("styr's DOCX reader reads it");
    let rows: Vec<String> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .flat_map(|table| table.rows.iter())
        .map(|row| row.cells.join(" "))
        .collect();
    every_row_on_a_line("docx", &rows.join("\n"), &expected);
    check_finds_no_error(&docx);

    let xlsx = directory.join("delarsrapport.xlsx");
    written(&url, "xlsx", &xlsx);
    let mut workbook: Xlsx<_> = calamine::open_workbook(&xlsx).expect("calamine opens it");
    let first = workbook.sheet_names()[0].clone();
    assert!(first.starts_with("Drift Kommunstyrelsen"), "{first}");
    let sheet = workbook.worksheet_range(&first).expect("the board's sheet");
    for (label, figures) in &expected {
        let row = sheet
            .rows()
            .find(|row| row.first() == Some(&Data::String(label.clone())))
            .unwrap_or_else(|| panic!("xlsx: a row ”{label}”"));
        let read: Vec<Amount> = row[1..]
            .iter()
            .map(|cell| match cell {
                // Whole tkr, written as integers: exact in a double.
                Data::Float(value) => Amount::from_tkr(*value as i64),
                Data::Int(value) => Amount::from_tkr(*value),
                other => panic!("xlsx: ”{label}” has {other:?}"),
            })
            .collect();
        assert_eq!(&read, figures, "xlsx: the row ”{label}”");
    }

    let json = directory.join("delarsrapport.json");
    written(&url, "json", &json);
    let parsed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("the file")).expect("JSON");
    assert_eq!(parsed["kind"], "delarsrapport");
    assert_eq!(parsed["amounts"], "öre");
    let board = &parsed["tables"][0]["rows"];
    for (index, (label, figures)) in expected.iter().enumerate() {
        let row = &board[index];
        assert_eq!(row["label"], label.as_str());
        let read: Vec<Amount> = [
            "year_budget",
            "budget",
            "actual",
            "deviation",
            "forecast",
            "forecast_deviation",
        ]
        .iter()
        .map(|name| Amount::from_ore(row[name].as_i64().expect("öre")))
        .collect();
        assert_eq!(&read, figures, "json: the row ”{label}”");
    }
    let explained = parsed["deviations"]
        .as_array()
        .expect("deviations")
        .iter()
        .find(|deviation| deviation["row"] == "Personalkostnader")
        .expect("the personnel deviation");
    assert_eq!(explained["explanation"], "Vikarier under sjukskrivningar.");

    let refused = styr(&[
        "report",
        "--database",
        &url,
        "--document",
        "delarsrapport",
        "--period",
        "2025-08",
        "--format",
        "fdp",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("fdp är budgetens öppna data"),
        "{}",
        text(&refused.stderr)
    );
}
