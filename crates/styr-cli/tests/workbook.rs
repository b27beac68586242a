//! The Excel files: the tables workbook read back by calamine (and LibreOffice), its formulas
//! worked out independently; and the budget template's round trip through a database — out,
//! filled in, back in — with its error cases, each naming sheet and cell and changing nothing.

mod support;
mod tools;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use support::{example, relative, styr, text};
use tools::{libreoffice, reference_tables, reference_text, scratch, tool};

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).expect("calamine opens the workbook")
}

/// A numeric cell as the decimal it holds ("-114196"); text as it is.
fn shown(cell: &Data) -> String {
    match cell {
        Data::Float(value) => format!("{value}"),
        Data::Int(value) => value.to_string(),
        Data::String(text) => text.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// An integer cell's value.
fn whole(cell: &Data) -> i64 {
    shown(cell)
        .parse()
        .unwrap_or_else(|_| panic!("a whole number: {cell:?}"))
}

/// "C7" → (row 6, column 2).
fn position(reference: &str) -> (u32, u32) {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let column = letters.chars().fold(0, |column, letter| {
        column * 26 + (letter as u32 - 'A' as u32 + 1)
    }) - 1;
    let row: u32 = reference[letters.len()..].parse().expect("a row number");
    (row - 1, column)
}

/// Works out a formula of the kinds styr writes — SUM(B5:B8), B4+B9+B10, C4*D4 — from the
/// cells' values, independently of whatever value the file carries for it.
fn evaluate(formula: &str, values: &calamine::Range<Data>) -> i64 {
    let value = |reference: &str| {
        whole(
            values
                .get_value(position(reference))
                .unwrap_or(&Data::Empty),
        )
    };
    if let Some(range) = formula
        .strip_prefix("SUM(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        let (from, to) = range.split_once(':').expect("a range");
        let ((first, column), (last, _)) = (position(from), position(to));
        return (first..=last)
            .map(|row| whole(values.get_value((row, column)).unwrap_or(&Data::Empty)))
            .sum();
    }
    if let Some((left, right)) = formula.split_once('*') {
        return value(left) * value(right);
    }
    formula.split('+').map(value).sum()
}

#[test]
fn the_tables_workbook_has_the_reference_figures_and_its_formulas_give_the_subtotals() {
    let directory = scratch("xlsx");
    let path = directory.join("tabeller.xlsx");
    let output = styr(&[
        "report",
        &relative(&example()),
        "--format",
        "xlsx",
        "-o",
        path.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let mut workbook = open(&path);
    let names = workbook.sheet_names();
    for wanted in [
        "Drift Kommunstyrelsen",
        "Drift Mark- och exploateringsen",
        "Investeringar",
        "Kommunbidrag",
        "Risker",
        "Internkontroll",
        "Effektivisering",
    ] {
        assert!(
            names.iter().any(|name| name == wanted),
            "{wanted} in {names:?}"
        );
    }

    // Every formula, worked out from the cells, gives the value the sheet shows.
    let mut formulas = 0;
    for name in &names {
        let values = workbook.worksheet_range(name).expect("values");
        let cells = workbook.worksheet_formula(name).expect("formulas");
        for (row, column, formula) in cells.used_cells() {
            if formula.is_empty() {
                continue;
            }
            let (start_row, start_column) = cells.start().unwrap_or((0, 0));
            let at = (start_row + row as u32, start_column + column as u32);
            let cached = whole(values.get_value(at).expect("a value beside the formula"));
            assert_eq!(evaluate(formula, &values), cached, "{name}!{formula}");
            formulas += 1;
        }
    }
    assert!(formulas > 50, "subtotals are formulas: {formulas}");
    let drift = workbook
        .worksheet_formula("Drift Kommunstyrelsen")
        .expect("formulas");
    assert!(
        drift
            .used_cells()
            .any(|(_, _, formula)| formula == "SUM(B5:B8)")
    );

    // The same numbers as the reference's tables, as numbers (in tkr), not text.
    if let Some(reference) = reference_text() {
        let tables = reference_tables(&reference);
        let operating = workbook
            .worksheet_range("Drift Kommunstyrelsen")
            .expect("the sheet");
        for (label, figures) in &tables[0].rows {
            let row = (0..operating.height() as u32)
                .find(|row| shown(operating.get_value((*row, 0)).unwrap_or(&Data::Empty)) == *label)
                .unwrap_or_else(|| panic!("a row ”{label}”"));
            for (column, figure) in figures.iter().enumerate() {
                let cell = operating
                    .get_value((row, column as u32 + 1))
                    .expect("a cell");
                assert!(
                    matches!(cell, Data::Float(_) | Data::Int(_)),
                    "a number: {cell:?}"
                );
                let digits = figure.replace(' ', "");
                // The reference's rounding slips in 2024 and 2025 are computed, as in the PDF.
                let known_slip = matches!(
                    (label.as_str(), digits.as_str()),
                    ("Verksamhetens kostnader", "-214941")
                        | ("Verksamhetens nettokostnader", "-114393")
                        | ("Årets resultat", "0")
                );
                if !known_slip {
                    assert_eq!(shown(cell), digits, "{label}, column {column}");
                }
            }
        }
    }

    // LibreOffice opens it and reads the same figures.
    if let Some(soffice) = tool("soffice") {
        // Comma-separated, quoted with ", in UTF-8 (76).
        let csv = libreoffice(
            &soffice,
            &path,
            "csv:Text - txt - csv (StarCalc):44,34,76",
            &directory,
        );
        let sheet = std::fs::read_to_string(csv).expect("the CSV");
        // The CSV shows each number through the cell's tkr format ("#,##0"), here in
        // LibreOffice's default (English) locale.
        assert!(
            sheet.contains("Personalkostnader,\"-114,196\",\"-116,205\",\"-119,110\",\"-122,922\""),
            "{sheet}"
        );
        assert!(
            sheet.contains(
                "Verksamhetens kostnader,\"-214,940\",\"-227,242\",\"-233,479\",\"-240,950\""
            ),
            "{sheet}"
        );
    }
    let _ = std::fs::remove_dir_all(&directory);
}

/// A database with the example in it, for one test.
fn database(directory: &Path) -> String {
    let path = directory.join("styr.db");
    let output = styr(&[
        "import",
        &relative(&example()),
        "--database",
        path.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    path.to_str().expect("UTF-8").to_string()
}

fn export_template(database: &str, directory: &Path) -> PathBuf {
    let path = directory.join("budgetmall.xlsx");
    let output = styr(&[
        "export",
        "--format",
        "mall",
        "--database",
        database,
        "-o",
        path.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    path
}

fn budget_file(database: &str) -> String {
    text(&styr(&["export", "--database", database]).stdout)
}

/// The template with one sheet's XML edited, as a person editing the file would change it.
fn edited(template: &Path, sheet: &str, from: &str, to: &str, name: &str) -> PathBuf {
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(template).expect("the template")).expect("a ZIP");
    let path = template.with_file_name(name);
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).expect("a new file"));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let entry_name = entry.name().expect("an entry name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("the entry");
        if entry_name == sheet {
            let xml = String::from_utf8(content).expect("UTF-8 XML");
            assert!(xml.contains(from), "{from} in {sheet}");
            content = xml.replacen(from, to, 1).into_bytes();
        }
        writer
            .start_file(entry_name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        writer.write_all(&content).expect("written");
    }
    writer.finish().expect("the archive");
    path
}

fn import(database: &str, file: &Path) -> std::process::Output {
    styr(&[
        "import",
        file.to_str().expect("UTF-8"),
        "--database",
        database,
    ])
}

#[test]
fn a_filled_in_template_comes_back_as_the_changes_made_in_it() {
    let directory = scratch("template");
    let database = database(&directory);
    let template = export_template(&database, &directory);

    // Untouched, it changes nothing.
    let output = import(&database, &template);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains(": 0 ändringar."),
        "{}",
        text(&output.stdout)
    );

    // A unit manager raises personnel costs 2025 by 1 000 tkr and rewrites an explanation.
    let filled = edited(
        &template,
        "xl/worksheets/sheet1.xml",
        "<c r=\"C8\" s=\"6\"><v>-116205</v></c>",
        "<c r=\"C8\" s=\"6\"><v>-117205.5</v></c>",
        "ifylld.xlsx",
    );
    let filled = edited(
        &filled,
        "xl/worksheets/sheet1.xml",
        "Detta förklaras framför allt av löneökning och sänkt PO-pålägg.",
        "Löneökning, sänkt PO-pålägg och en ny tjänst.",
        "ifylld-2.xlsx",
    );
    let output = import(&database, &filled);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains(": 2 ändringar."),
        "{}",
        text(&output.stdout)
    );
    let report = text(&styr(&["report", "--database", &database, "--format", "json"]).stdout);
    let json: serde_json::Value = serde_json::from_str(&report).expect("JSON");
    let personnel = json["operating"][0]["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|row| row["row"]["line"] == "personnel"))
        .expect("the personnel row");
    assert_eq!(
        personnel["values"][1], -11_720_550_000_i64,
        "exact to the öre"
    );
    let document = text(&styr(&["report", "--database", &database]).stdout);
    assert!(document.contains(
        "Personalkostnaderna ökar med 3,0 mnkr. Löneökning, sänkt PO-pålägg och en ny tjänst."
    ));
    // Shown in whole tkr, the table still adds up (largest remainder).
    assert!(
        document.contains("| Personalkostnader | -114 196 | -117 206 |"),
        "{document}"
    );
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn a_template_resaved_by_libreoffice_still_reads_back_unchanged() {
    let Some(soffice) = tool("soffice") else {
        return;
    };
    let directory = scratch("template-lo");
    let database = database(&directory);
    let template = export_template(&database, &directory);
    // LibreOffice writes shared strings, its own styles and cached values: what a template
    // that went through a spreadsheet program looks like.
    let resaved = libreoffice(
        &soffice,
        &template,
        "xlsx:Calc MS Excel 2007 XML",
        &directory,
    );
    let output = import(&database, &resaved);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains(": 0 ändringar."),
        "{}",
        text(&output.stdout)
    );
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn a_template_with_problems_names_each_sheet_and_cell_and_changes_nothing() {
    let directory = scratch("template-errors");
    let database = database(&directory);
    let template = export_template(&database, &directory);
    let before = budget_file(&database);

    let cases = [
        (
            "text where an amount belongs",
            "<c r=\"C8\" s=\"6\"><v>-116205</v></c>",
            "<c r=\"C8\" s=\"6\" t=\"inlineStr\"><is><t>ungefär lika</t></is></c>",
            "blad ”Kommunstyrelsen”, cell C8: ”ungefär lika” är inget belopp i tkr",
        ),
        (
            "an emptied cell",
            "<c r=\"D9\" s=\"6\"><v>-8803</v></c>",
            "",
            "blad ”Kommunstyrelsen”, cell D9: beloppet saknas",
        ),
        (
            "an unknown unit",
            "<t xml:space=\"preserve\">ks</t>",
            "<t xml:space=\"preserve\">ks-gammal</t>",
            "blad ”Kommunstyrelsen”, cell B2: enheten ”ks-gammal” finns inte i budgeten",
        ),
        (
            "a year outside the budget",
            "<t xml:space=\"preserve\">Plan 2027</t>",
            "<t xml:space=\"preserve\">Plan 2031</t>",
            "blad ”Kommunstyrelsen”, cell E6: året 2031 kan inte läsas in",
        ),
        (
            "a renamed row",
            "<t xml:space=\"preserve\">Lokalhyror</t>",
            "<t xml:space=\"preserve\">Hyror</t>",
            "blad ”Kommunstyrelsen”, cell A9: raden ”Hyror” är ingen budgetrad",
        ),
    ];
    for (index, (case, from, to, message)) in cases.iter().enumerate() {
        let broken = edited(
            &template,
            "xl/worksheets/sheet1.xml",
            from,
            to,
            &format!("fel-{index}.xlsx"),
        );
        // A correct change on the other sheet must not go in either: all or nothing.
        let broken = edited(
            &broken,
            "xl/worksheets/sheet2.xml",
            "<c r=\"C8\" s=\"6\"><v>-7675</v></c>",
            "<c r=\"C8\" s=\"6\"><v>-9999</v></c>",
            &format!("fel-{index}-b.xlsx"),
        );
        let output = import(&database, &broken);
        let errors = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{case}: {errors}");
        assert!(errors.contains(message), "{case}: {errors}");
        assert!(errors.contains("ingenting är ändrat"), "{case}: {errors}");
        assert_eq!(
            budget_file(&database),
            before,
            "{case}: the budget is as it was"
        );
    }

    let not_a_workbook = directory.join("inte-excel.xlsx");
    std::fs::write(&not_a_workbook, "Personalkostnader;-116205\n").expect("written");
    let output = import(&database, &not_a_workbook);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("ingen läsbar Excel-arbetsbok"));
    assert_eq!(budget_file(&database), before);
    let _ = std::fs::remove_dir_all(&directory);
}
