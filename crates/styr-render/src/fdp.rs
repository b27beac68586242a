//! The open-data package of a budget: a Frictionless Fiscal Data Package — CSV files of the
//! operating tables and the investment plan with a `datapackage.json` that describes each
//! column and the fiscal model (what is measured, in which currency, along which dimensions).
//! Amounts are written exactly, in kronor with two decimals and a decimal point, as machines
//! read them; tables for people are elsewhere.

mod descriptor;

use serde_json::Value;
use styr_reports::BudgetReport;

use crate::csv::{Csv, Dialect, Field};

/// A file of the package: its name and its content.
pub struct PackageFile {
    pub name: String,
    pub content: String,
}

/// A short name for the package from the municipality, board and year: lower case a–z, 0–9, -.
fn package_name(report: &BudgetReport) -> String {
    let text = format!(
        "{}-{}-{}",
        report.municipality, report.document.title, report.years.budget
    );
    let mut name = String::new();
    for character in text.to_lowercase().chars() {
        let folded = match character {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            character if character.is_ascii_alphanumeric() => character,
            _ => '-',
        };
        if !(folded == '-' && name.ends_with('-')) {
            name.push(folded);
        }
    }
    name.trim_matches('-').to_string()
}

/// The package's files: `driftbudget.csv`, `investeringar.csv` and `datapackage.json`.
pub fn fiscal_data_package(report: &BudgetReport) -> Vec<PackageFile> {
    let mut operating = Csv::new(
        Dialect::COMMA,
        &[
            "enhet", "tabell", "rad", "rad_namn", "ar", "kolumn", "belopp",
        ],
    );
    for table in &report.operating {
        for row in &table.rows {
            for (column, value) in table.columns.iter().zip(&row.values) {
                operating.row([
                    Field::text(table.unit.to_string()),
                    Field::text(&table.heading),
                    Field::text(row.row.key()),
                    Field::text(row.label),
                    Field::integer(column.year.number()),
                    Field::text(&column.label),
                    Field::kronor(*value),
                ]);
            }
        }
    }
    let mut investments = Csv::new(Dialect::COMMA, &["rad", "summa", "ar", "kolumn", "belopp"]);
    for row in &report.investment.rows {
        for (column, value) in report.investment.columns.iter().zip(&row.values) {
            investments.row([
                Field::text(&row.label),
                Field::boolean(row.emphasised),
                Field::integer(column.year.number()),
                Field::text(&column.label),
                Field::kronor(*value),
            ]);
        }
    }
    vec![
        PackageFile {
            name: "driftbudget.csv".into(),
            content: operating.finish(),
        },
        PackageFile {
            name: "investeringar.csv".into(),
            content: investments.finish(),
        },
        PackageFile {
            name: "datapackage.json".into(),
            content: serde_json::to_string_pretty(&descriptor::descriptor(
                report,
                &package_name(report),
            ))
            .unwrap_or_default()
                + "\n",
        },
    ]
}

/// The package's descriptor as a value (for tests and the API).
pub fn descriptor(files: &[PackageFile]) -> Option<Value> {
    files
        .iter()
        .find(|file| file.name == "datapackage.json")
        .and_then(|file| serde_json::from_str(&file.content).ok())
}
