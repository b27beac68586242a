//! The open-data package of a budget: a Frictionless Fiscal Data Package — CSV files of the
//! operating tables and the investment plan with a `datapackage.json` that describes each
//! column and the fiscal model (what is measured, in which currency, along which dimensions).
//! Amounts are written exactly, in kronor with two decimals and a decimal point, as machines
//! read them; tables for people are elsewhere.

use serde_json::{Value, json};
use styr_domain::money::Amount;
use styr_reports::BudgetReport;

/// A file of the package: its name and its content.
pub struct PackageFile {
    pub name: String,
    pub content: String,
}

/// An amount in kronor with two decimals: "-47652000.00".
fn kronor(amount: Amount) -> String {
    let ore = i128::from(amount.ore());
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (ore / 100).abs(), (ore % 100).abs())
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut text = header.join(",");
    text.push_str("\r\n");
    for row in rows {
        let fields: Vec<String> = row.iter().map(|value| field(value)).collect();
        text.push_str(&fields.join(","));
        text.push_str("\r\n");
    }
    text
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
    let mut operating = Vec::new();
    for table in &report.operating {
        for row in &table.rows {
            for (column, value) in table.columns.iter().zip(&row.values) {
                operating.push(vec![
                    table.unit.to_string(),
                    table.heading.clone(),
                    row.row.key().to_string(),
                    row.label.to_string(),
                    column.year.to_string(),
                    column.label.clone(),
                    kronor(*value),
                ]);
            }
        }
    }
    let mut investments = Vec::new();
    for row in &report.investment.rows {
        for (column, value) in report.investment.columns.iter().zip(&row.values) {
            investments.push(vec![
                row.label.clone(),
                row.emphasised.to_string(),
                column.year.to_string(),
                column.label.clone(),
                kronor(*value),
            ]);
        }
    }
    let string =
        |name: &str, title: &str| json!({ "name": name, "title": title, "type": "string" });
    let year = json!({ "name": "ar", "title": "År", "type": "integer" });
    let amount = json!({ "name": "belopp", "title": "Belopp (kronor)", "type": "number", "decimalChar": "." });
    let document = &report.document;
    let descriptor = json!({
        "profile": "data-package",
        "name": package_name(report),
        "title": format!("{} – {}", report.municipality, document.title),
        "description": format!(
            "Budget för {} {}–{}, beslutad av {} {} (diarienummer {}). Belopp i kronor.",
            report.municipality,
            report.years.budget,
            report.years.plan.last().copied().unwrap_or(report.years.budget),
            if document.decided_by.is_empty() { "(ej angivet)" } else { document.decided_by.as_str() },
            document.decision_date.map(|date| date.to_string()).unwrap_or_default(),
            document.registry_number,
        ),
        "licenses": [{ "name": "CC0-1.0", "title": "Creative Commons Zero v1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/" }],
        "resources": [
            {
                "name": "driftbudget",
                "path": "driftbudget.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": { "fields": [
                    string("enhet", "Enhet (id)"),
                    string("tabell", "Tabell"),
                    string("rad", "Rad (nyckel)"),
                    string("rad_namn", "Rad"),
                    year.clone(),
                    string("kolumn", "Kolumn"),
                    amount.clone(),
                ] }
            },
            {
                "name": "investeringar",
                "path": "investeringar.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": { "fields": [
                    string("rad", "Projekt eller summa"),
                    { "name": "summa", "title": "Summarad", "type": "boolean" },
                    year,
                    string("kolumn", "Kolumn"),
                    amount,
                ] }
            }
        ],
        // The fiscal model of the Fiscal Data Package specification: what is measured and along
        // which dimensions each resource's rows lie.
        "model": {
            "measures": {
                "belopp": { "source": "belopp", "currency": "SEK", "resource": "driftbudget" },
                "investering": { "source": "belopp", "currency": "SEK", "resource": "investeringar" }
            },
            "dimensions": {
                "enhet": { "dimensionType": "entity", "primaryKey": ["enhet"], "attributes": { "enhet": { "source": "enhet" }, "tabell": { "source": "tabell" } } },
                "rad": { "dimensionType": "classification", "primaryKey": ["rad"], "attributes": { "rad": { "source": "rad" }, "rad_namn": { "source": "rad_namn" } } },
                "ar": { "dimensionType": "datetime", "primaryKey": ["ar"], "attributes": { "ar": { "source": "ar" } } }
            }
        }
    });
    vec![
        PackageFile {
            name: "driftbudget.csv".into(),
            content: csv(
                &[
                    "enhet", "tabell", "rad", "rad_namn", "ar", "kolumn", "belopp",
                ],
                &operating,
            ),
        },
        PackageFile {
            name: "investeringar.csv".into(),
            content: csv(&["rad", "summa", "ar", "kolumn", "belopp"], &investments),
        },
        PackageFile {
            name: "datapackage.json".into(),
            content: serde_json::to_string_pretty(&descriptor).unwrap_or_default() + "\n",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_kronor_with_a_decimal_point() {
        assert_eq!(kronor(Amount::from_ore(-4_765_200_012)), "-47652000.12");
        assert_eq!(kronor(Amount::from_ore(-5)), "-0.05");
        assert_eq!(kronor(Amount::from_ore(100)), "1.00");
    }

    #[test]
    fn fields_with_commas_are_quoted() {
        assert_eq!(
            field("Ekonomiska ramar, kommunstyrelsen"),
            "\"Ekonomiska ramar, kommunstyrelsen\""
        );
        assert_eq!(field("ks"), "ks");
    }
}
