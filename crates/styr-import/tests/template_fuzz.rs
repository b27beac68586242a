//! The budget template reader against damaged files and anything typed into a cell: it never
//! panics, and a workbook either reads as changes to units of the budget or is refused with
//! problems that name their sheet and cell — never half of each. Runs 512 cases per property;
//! set STYR_FUZZ_CASES for a longer run.

use std::io::{Read, Write};
use std::sync::OnceLock;

use proptest::prelude::*;
use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_import::template::template_changes;

fn cases() -> u32 {
    std::env::var("STYR_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(512)
}

fn budget() -> &'static Budget {
    static BUDGET: OnceLock<Budget> = OnceLock::new();
    BUDGET.get_or_init(|| {
        styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
            .expect("the example reads")
    })
}

fn template() -> &'static [u8] {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        styr_render::xlsx::template::template_workbook(budget(), &[]).expect("a template")
    })
}

/// The first sheet's XML of the template.
fn first_sheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(template())).expect("a ZIP");
        let mut xml = String::new();
        archive
            .by_name("xl/worksheets/sheet1.xml")
            .expect("the sheet")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        xml
    })
}

/// The template with its first sheet replaced.
fn with_sheet(xml: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(template())).expect("a ZIP");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("the entry");
        if name == "xl/worksheets/sheet1.xml" {
            content = xml.as_bytes().to_vec();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        writer.write_all(&content).expect("written");
    }
    writer.finish().expect("a ZIP").into_inner()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .chars()
        .filter(|character| !character.is_control())
        .collect()
}

/// Every change names a unit of the budget and one of the template's kinds.
fn sound(changes: &[Change]) -> bool {
    let known = |unit: &styr_domain::organisation::UnitId| {
        budget().lines.iter().any(|lines| &lines.unit == unit)
    };
    changes.iter().all(|change| match change {
        Change::SetLine { unit, .. }
        | Change::SetFinancialNet { unit, .. }
        | Change::SetExplanation { unit, .. } => known(unit),
        _ => false,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_are_refused_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        prop_assert!(template_changes(&bytes, budget()).is_err());
    }

    #[test]
    fn a_damaged_template_reads_or_is_refused(position in 0..10_000_usize, byte in any::<u8>()) {
        let mut bytes = template().to_vec();
        let at = position % bytes.len();
        bytes[at] = byte;
        match template_changes(&bytes, budget()) {
            Ok(changes) => prop_assert!(sound(&changes)),
            Err(issues) => prop_assert!(!issues.is_empty()),
        }
    }

    #[test]
    fn anything_typed_into_a_cell_reads_or_names_that_cell(
        cell in prop::sample::select(vec!["C7", "C8", "D9", "E11", "C12", "F8", "B2", "A9"]),
        typed in prop_oneof![
            "[-+]?[0-9 ]{0,12}([,.][0-9]{0,7})?( tkr| mnkr| kr)?",
            ".{0,40}",
        ],
    ) {
        let xml = first_sheet();
        let start = xml.find(&format!("<c r=\"{cell}\"")).expect("the cell");
        let end = start + xml[start..].find("</c>").expect("its end") + "</c>".len();
        let replaced = format!(
            "{}<c r=\"{cell}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>{}",
            &xml[..start],
            escape(&typed),
            &xml[end..]
        );
        match template_changes(&with_sheet(&replaced), budget()) {
            Ok(changes) => {
                prop_assert!(sound(&changes));
                prop_assert!(changes.len() <= 1, "one cell changes at most one thing");
            }
            Err(issues) => {
                prop_assert!(issues.iter().all(|issue| issue.message.starts_with("blad ”Kommunstyrelsen”, cell ")));
                prop_assert!(issues.iter().any(|issue| issue.message.contains(&format!("cell {cell}"))), "{issues:?}");
            }
        }
    }
}
