//! The readers of files a person writes — the budget file, a CSV export, a budget template, a
//! document for review — within their limits, and without the direction controls that would
//! show a text in another order than it is stored.

use std::io::{Read, Write};

use styr_import::Limits;
use styr_import::csv::{Profile, read_csv, read_csv_within};
use styr_import::document::{parse_docx_within, parse_text};
use styr_import::template::{template_changes, template_changes_within};

const PROFILE: &str = "delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\namount = \"Belopp\"\ntext = \"Text\"\n";

fn example() -> &'static str {
    include_str!("../../../examples/alingsas-ks-2025.toml")
}

fn small(change: impl FnOnce(&mut Limits)) -> Limits {
    let mut limits = Limits::default();
    change(&mut limits);
    limits
}

#[test]
fn a_budget_file_past_its_size_or_with_a_long_line_is_refused_before_it_is_parsed() {
    let limits = small(|limits| limits.budget_file_bytes = 1_000);
    let issues = styr_import::parse_budget_within(example(), &limits).expect_err("too large");
    assert_eq!(
        issues[0].message,
        "budgetfilen är större än 1 000 byte (gränsen budget_file_bytes = 1 000 byte)"
    );
    let long = example().replacen(
        "name = ",
        &format!("name = \"{}\"\n# ", "x".repeat(70_000)),
        1,
    );
    let issues = styr_import::parse_budget(&long).expect_err("a long line");
    assert!(
        issues[0].message.contains("(gränsen line_bytes = 64 KiB)"),
        "{}",
        issues[0]
    );
    let deep = format!("format = {}1{}\n", "[\n".repeat(1_000), "]\n".repeat(1_000));
    let issues = styr_import::parse_budget(&deep).expect_err("too deep");
    assert!(
        issues[0].message.contains("för många nivåer"),
        "{}",
        issues[0]
    );
}

#[test]
fn a_direction_control_in_a_budget_file_is_refused_where_it_is() {
    let source = example().replacen("Kommunstyrelsen", "Kommun\u{202e}styrelsen", 1);
    let issues = styr_import::parse_budget(&source).expect_err("refused");
    let line = source
        .lines()
        .position(|line| line.contains('\u{202e}'))
        .expect("the line")
        + 1;
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].line, line);
    assert!(issues[0].message.contains("U+202E"), "{}", issues[0]);
}

#[test]
fn a_csv_export_is_read_within_its_limits() {
    let profile = Profile::parse(PROFILE).expect("a profile");
    let rows = "Datum;Konto;Belopp;Text\n2025-01-15;5011;100,00;Lön\n";
    let limits = small(|limits| limits.file_bytes = 20);
    let issues =
        read_csv_within(rows.as_bytes(), "x.csv", &profile, &limits).expect_err("too large");
    assert!(issues[0].message.contains("(gränsen file_bytes = 20 byte)"));
    let many = format!(
        "Datum;Konto;Belopp;Text\n{}",
        "2025-01-15;5011;1,00;Lön\n".repeat(1_000)
    );
    let limits = small(|limits| limits.ledger_bytes = 20_000);
    let issues =
        read_csv_within(many.as_bytes(), "x.csv", &profile, &limits).expect_err("too much held");
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0]
            .message
            .contains("(gränsen ledger_bytes = 20 000 byte)"),
        "{}",
        issues[0]
    );
    let spoofed = "Datum;Konto;Belopp;Text\n2025-01-15;5011;1,00;L\u{2066}ön\n";
    let issues = read_csv(spoofed.as_bytes(), "x.csv", &profile).expect_err("a direction control");
    assert_eq!((issues[0].line, issues[0].column), (2, 23));
    let centres =
        Profile::parse(&format!("{PROFILE}cost_centre = \"Ansvar\"\n")).expect("a profile");
    let rows: String = (0..4)
        .map(|centre| format!("2025-01-15;5011;1,00;Lön;{centre}\n"))
        .collect();
    let file = format!("Datum;Konto;Belopp;Text;Ansvar\n{rows}");
    let limits = small(|limits| limits.cost_centres = 3);
    let issues = read_csv_within(file.as_bytes(), "x.csv", &centres, &limits)
        .expect_err("four cost centres");
    assert_eq!((issues[0].line, issues.len()), (5, 1));
    assert!(
        issues[0].message.contains("(gränsen cost_centres = 3)"),
        "{}",
        issues[0]
    );
    let mac = "Datum;Konto;Belopp;Text\r2025-01-15;5011;1,00;Lön\r2025-01-16;5011;2,00;Lön\r";
    let ledger = read_csv(mac.as_bytes(), "x.csv", &profile).expect("lines that end in \\r");
    assert_eq!(ledger.rows.len(), 2);
}

#[test]
fn kolada_files_and_kpi_values_are_read_within_the_configured_limits() {
    let download = "kpi;municipality;period;value\nN00097;1489;2024;-1,2\nN00097;1441;2024;0,8\n";
    let answer = r#"{"values": [
 {"kpi": "N00097", "municipality": "1489", "period": 2024, "values": [{"gender": "T", "value": -1.2}]},
 {"kpi": "N00097", "municipality": "1441", "period": 2024, "values": [{"gender": "T", "value": 0.8}]}]}"#;
    let defaults = Limits::default();
    for file in [download, answer] {
        assert!(styr_import::kolada::read_file(file.as_bytes(), &defaults).is_ok());
        let rows = small(|limits| limits.value_rows = 1);
        let issues = styr_import::kolada::read_file(file.as_bytes(), &rows).expect_err("two rows");
        assert!(
            issues[0]
                .message
                .contains("har fler rader än 1 (gränsen value_rows = 1)"),
            "{}",
            issues[0]
        );
        let bytes = small(|limits| limits.file_bytes = 50);
        let issues =
            styr_import::kolada::read_file(file.as_bytes(), &bytes).expect_err("too large");
        assert!(
            issues[0]
                .message
                .starts_with("filen är större än 50 byte (gränsen file_bytes = 50 byte)"),
            "{}",
            issues[0]
        );
    }
    let mut survey = styr_domain::goals::Kpi::named("arbetsbelastning", "Arbetsbelastningen");
    survey.measurements_per_year = 3;
    let values =
        "nyckeltal;period;värde\narbetsbelastning;2025-O1;3,6\narbetsbelastning;2025-O2;3,7\n";
    let read = |limits: &Limits| {
        styr_import::kpi_values::read_kpi_values(values.as_bytes(), &[&survey], limits)
    };
    assert_eq!(read(&defaults).map(|rows| rows.len()), Ok(2));
    let issues = read(&small(|limits| limits.value_rows = 1)).expect_err("two rows");
    assert_eq!(issues[0].line, 3, "the row past the limit");
    assert_eq!(
        issues[0].message,
        "filen har fler rader än 1 (gränsen value_rows = 1)"
    );
    let issues = read(&small(|limits| limits.file_bytes = 50)).expect_err("too large");
    assert_eq!(
        issues[0].message,
        "filen är större än 50 byte (gränsen file_bytes = 50 byte)"
    );
}

fn budget() -> styr_domain::budget::Budget {
    styr_import::parse_budget(example()).expect("the example reads")
}

/// The template with `edit` applied to every entry's bytes, by name.
fn template_with(edit: impl Fn(&str, Vec<u8>) -> Option<(String, Vec<u8>)>) -> Vec<u8> {
    let template =
        styr_render::xlsx::template::template_workbook(&budget(), &[]).expect("a template");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(template)).expect("a ZIP");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("the entry");
        if let Some((name, content)) = edit(&name, content) {
            writer
                .start_file(name, zip::write::SimpleFileOptions::default())
                .expect("an entry");
            writer.write_all(&content).expect("written");
        }
    }
    writer.finish().expect("a ZIP").into_inner()
}

#[test]
fn a_template_whose_sheets_are_stored_elsewhere_reads_the_same() {
    let moved = template_with(|name, content| {
        let content = if name == "xl/_rels/workbook.xml.rels" {
            String::from_utf8(content)
                .expect("UTF-8")
                .replace("worksheets/sheet", "../blad/sheet")
                .into_bytes()
        } else {
            content
        };
        Some((name.replace("xl/worksheets/", "blad/"), content))
    });
    assert_eq!(template_changes(&moved, &budget()), Ok(Vec::new()));
}

#[test]
fn a_template_past_its_cells_or_nesting_is_refused_as_a_whole() {
    let unchanged = template_with(|name, content| Some((name.to_string(), content)));
    let limits = small(|limits| limits.cells = 50);
    let issues =
        template_changes_within(&unchanged, &budget(), &limits).expect_err("too many cells");
    assert!(
        issues[0]
            .message
            .starts_with("arbetsboken är större än en budgetmall kan vara: ")
    );
    assert!(
        issues[0].message.contains("(gränsen cells = 50)"),
        "{}",
        issues[0].message
    );
    let limits = small(|limits| limits.xml_depth = 3);
    let issues = template_changes_within(&unchanged, &budget(), &limits).expect_err("too deep");
    assert!(
        issues[0].message.contains("(gränsen xml_depth = 3)"),
        "{}",
        issues[0].message
    );
    let limits = small(|limits| limits.entry_bytes = 500);
    let issues = template_changes_within(&unchanged, &budget(), &limits).expect_err("too large");
    assert!(
        issues[0]
            .message
            .contains("(gränsen entry_bytes = 500 byte)"),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_direction_control_in_an_explanation_is_refused_at_its_cell() {
    let spoofed = template_with(|name, content| {
        let content = String::from_utf8(content).expect("UTF-8");
        let content = if name.starts_with("xl/worksheets/sheet1") {
            content.replacen(
                "Detta förklaras framför allt",
                "Detta f\u{202e}örklaras framför allt",
                1,
            )
        } else {
            content
        };
        Some((name.to_string(), content.into_bytes()))
    });
    let issues = template_changes(&spoofed, &budget()).expect_err("refused");
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0]
            .message
            .starts_with("blad ”Kommunstyrelsen”, cell "),
        "{}",
        issues[0].message
    );
    assert!(
        issues[0].message.contains("U+202E"),
        "{}",
        issues[0].message
    );
}

fn docx(document: &[u8]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("an entry");
    writer.write_all(document).expect("written");
    writer.finish().expect("a ZIP").into_inner()
}

#[test]
fn a_word_document_is_read_within_its_limits() {
    let paragraphs: String = (0..20)
        .map(|index| format!("<w:p><w:r><w:t>Stycke {index}</w:t></w:r></w:p>"))
        .collect();
    let document = docx(
        format!("<w:document xmlns:w=\"w\"><w:body>{paragraphs}</w:body></w:document>").as_bytes(),
    );
    assert_eq!(
        parse_docx_within(&document, &Limits::default()).map(|read| read.blocks.len()),
        Ok(20)
    );
    let limits = small(|limits| limits.blocks = 10);
    let refusal = parse_docx_within(&document, &limits).expect_err("too many blocks");
    assert!(refusal.contains("(gränsen blocks = 10)"), "{refusal}");
    let bomb = docx(&vec![b' '; 2 << 20]);
    let limits = small(|limits| limits.entry_bytes = 1 << 20);
    let refusal = parse_docx_within(&bomb, &limits).expect_err("too large unpacked");
    assert_eq!(
        refusal,
        "Word-dokumentet är för stort för att läsas: word/document.xml enligt arkivets innehållsförteckning packas upp till mer än 1 MiB (gränsen entry_bytes = 1 MiB)"
    );
    let cells: String = (0..30)
        .map(|_| "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>")
        .collect();
    let table = docx(format!("<w:document xmlns:w=\"w\"><w:body><w:tbl><w:tr>{cells}</w:tr></w:tbl></w:body></w:document>").as_bytes());
    let limits = small(|limits| limits.cells = 20);
    assert!(
        parse_docx_within(&table, &limits)
            .is_err_and(|refusal| refusal.contains("(gränsen cells = 20)"))
    );
    assert!(parse_text("Rubrik\n\nStycke\n").is_ok());
}
