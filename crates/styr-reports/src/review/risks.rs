//! Risk tables: in the risk analysis riskvärde is sannolikhet × väsentlighet; every risk in the
//! control plan is in the risk analysis under the same name and with the same value.

use styr_domain::source_document::{Block, Document, Table};

use super::names::{normalised, same_name};
use crate::finding::{Finding, FindingKind, Severity, Shown};

fn column(table: &Table, name: &str) -> Option<usize> {
    table
        .header
        .iter()
        .position(|cell| cell.trim().eq_ignore_ascii_case(name))
}

/// A risk table (a "Risk" and a "Riskvärde" column): checked here, by its own rules.
pub fn is_risk_table(table: &Table) -> bool {
    column(table, "Risk").is_some() && column(table, "Riskvärde").is_some()
}

fn number(cell: Option<&String>) -> Option<u32> {
    cell?.trim().parse().ok()
}

struct AnalysedRisk {
    name: String,
    value: u32,
}

pub fn check(document: &Document, findings: &mut Vec<Finding>) {
    let mut analysis: Vec<AnalysedRisk> = Vec::new();
    let mut plans: Vec<(&str, &Table, usize, usize)> = Vec::new();
    for (section, block) in document.with_sections() {
        let Block::Table(table) = block else { continue };
        let (Some(risk), Some(value)) = (column(table, "Risk"), column(table, "Riskvärde")) else {
            continue;
        };
        match (column(table, "Sannolikhet"), column(table, "Väsentlighet")) {
            (Some(probability), Some(materiality)) => {
                for row in &table.rows {
                    let (Some(p), Some(m), Some(v)) = (
                        number(row.cells.get(probability)),
                        number(row.cells.get(materiality)),
                        number(row.cells.get(value)),
                    ) else {
                        continue;
                    };
                    let name = row.cells.get(risk).cloned().unwrap_or_default();
                    if p * m != v {
                        findings.push(Finding {
                            severity: Severity::Error,
                            kind: FindingKind::Figure,
                            section: section.to_string(),
                            place: format!("{name}, riskvärde (rad {})", row.line),
                            stated: Shown::text(v.to_string()),
                            computed: Shown::text(format!("{} ({p} × {m})", p * m)),
                            note: String::new(),
                        });
                    }
                    analysis.push(AnalysedRisk { name, value: p * m });
                }
            }
            _ => plans.push((section, table, risk, value)),
        }
    }
    if analysis.is_empty() {
        return;
    }
    for (section, table, risk, value) in plans {
        for row in &table.rows {
            let name = row.cells.get(risk).cloned().unwrap_or_default();
            let Some(stated) = number(row.cells.get(value)) else {
                continue;
            };
            let exact = analysis
                .iter()
                .find(|analysed| normalised(&analysed.name) == normalised(&name));
            let found = exact.or_else(|| {
                analysis
                    .iter()
                    .find(|analysed| same_name(&analysed.name, &name))
            });
            let Some(analysed) = found else {
                findings.push(Finding {
                    severity: Severity::Error,
                    kind: FindingKind::Name,
                    section: section.to_string(),
                    place: format!("{name} (rad {})", row.line),
                    stated: Shown::text(name.clone()),
                    computed: Shown::text("saknas i riskanalysen"),
                    note: "Kontrollplanens risk finns inte i risk- och väsentlighetsanalysen."
                        .into(),
                });
                continue;
            };
            if exact.is_none() {
                findings.push(Finding {
                    severity: Severity::Warning,
                    kind: FindingKind::Name,
                    section: section.to_string(),
                    place: format!("{name} (rad {})", row.line),
                    stated: Shown::text(name.clone()),
                    computed: Shown::text(analysed.name.clone()),
                    note: "Kontrollplanen och riskanalysen namnger risken olika.".into(),
                });
            }
            if stated != analysed.value {
                findings.push(Finding {
                    severity: Severity::Error,
                    kind: FindingKind::Figure,
                    section: section.to_string(),
                    place: format!("{name}, riskvärde (rad {})", row.line),
                    stated: Shown::text(stated.to_string()),
                    computed: Shown::text(analysed.value.to_string()),
                    note: format!(
                        "Riskanalysen ger risken ”{}” värdet {}.",
                        analysed.name, analysed.value
                    ),
                });
            }
        }
    }
}
