//! The package's `datapackage.json`: each resource's columns with their types (amounts are
//! numbers in kronor with a decimal point), the licence, and the fiscal model of the Fiscal
//! Data Package specification — what is measured, in which currency, along which dimensions.

use serde_json::{Value, json};
use styr_reports::BudgetReport;

pub fn descriptor(report: &BudgetReport, name: &str) -> Value {
    let string =
        |name: &str, title: &str| json!({ "name": name, "title": title, "type": "string" });
    let year = json!({ "name": "ar", "title": "År", "type": "integer" });
    let amount = json!({ "name": "belopp", "title": "Belopp (kronor)", "type": "number", "decimalChar": "." });
    let document = &report.document;
    json!({
        "profile": "data-package",
        "name": name,
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
    })
}
