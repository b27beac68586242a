//! The budget report as Markdown: pipe tables in tkr, prose figures in mnkr.

use std::fmt::Write;

use styr_domain::format;
use styr_domain::money::{Amount, Precision};
use styr_reports::BudgetReport;
use styr_reports::frame::FrameReport;
use styr_reports::investment::InvestmentReport;
use styr_reports::operating::OperatingTableReport;
use styr_reports::risk::RiskReport;

use crate::findings::comparison;
use crate::text::{one_line, plan_sentence};

pub fn markdown(report: &BudgetReport) -> String {
    let mut out = String::new();
    let document = &report.document;
    let _ = writeln!(out, "# {}\n", document.title);
    let metadata = crate::text::metadata_rows(document);
    for (label, value) in metadata {
        let _ = writeln!(out, "**{label}:** {value}  ");
    }
    out.push('\n');

    let _ = writeln!(out, "## Organisation {}\n", report.organisation.on.year());
    for node in &report.organisation.tree {
        let marker = if node.separately_reported {
            " (särredovisas)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}- {} – {}{marker}",
            "  ".repeat(node.depth),
            node.name,
            node.kind
        );
    }
    if !report.organisation.moves.is_empty() {
        let _ = writeln!(out, "\nOmorganisation {}:\n", report.organisation.on);
        for moved in &report.organisation.moves {
            let _ = writeln!(
                out,
                "- {}: från {} till {}",
                moved.name, moved.from_parent, moved.to_parent
            );
        }
    }
    out.push('\n');

    let _ = writeln!(out, "## Mål\n");
    for goal in &report.goals {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            goal.title,
            goal.kind.swedish().to_lowercase()
        );
        if !goal.statement.is_empty() {
            let _ = writeln!(out, "*{}*\n", goal.statement);
        }
        for kpi in &goal.kpis {
            let _ = writeln!(
                out,
                "- Nyckeltal: {} ({}, {})",
                kpi.name,
                kpi.source,
                kpi.schedule()
            );
        }
        if !goal.kpis.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Politiska inriktningar\n");
    for direction in &report.political_directions {
        let _ = writeln!(
            out,
            "- **{}**: {}",
            direction.title,
            one_line(&direction.text)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Effektiviseringsåtgärder och utredningar\n");
    let _ = writeln!(
        out,
        "| Förslag från nämnd | Utredning | Hantering | Samordnas av |\n|---|---|---|---|"
    );
    for row in &report.efficiency {
        let coordinators = if row.prioritised {
            row.coordinators.join(", ")
        } else {
            "Ej prioriterad".into()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            row.proposed_by,
            row.investigation,
            one_line(&row.handling),
            coordinators
        );
    }
    out.push('\n');

    for table in &report.operating {
        operating_table(&mut out, table);
    }
    for frame in &report.frames {
        frame_derivation(&mut out, frame);
    }
    investment(&mut out, &report.investment);
    risks(&mut out, &report.risks);

    let _ = writeln!(out, "## Internkontrollplan\n");
    let _ = writeln!(
        out,
        "| Risk | Riskvärde | Metod | Ansvarig |\n|---|---:|---|---|"
    );
    for row in &report.control_plan {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            row.risk,
            row.value,
            one_line(&row.method),
            row.responsible
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Kontroll av angivna siffror\n");
    if report.findings.is_empty() {
        let _ = writeln!(out, "Alla angivna siffror stämmer med det som beräknas.");
    }
    for finding in &report.findings {
        let note = if finding.note.is_empty() {
            String::new()
        } else {
            format!(" {}", finding.note)
        };
        let _ = writeln!(
            out,
            "- **{}** – {} › {}: {}.{note}",
            finding.severity.swedish(),
            finding.section,
            finding.place,
            comparison(finding)
        );
    }
    out
}

fn header(out: &mut String, labels: impl Iterator<Item = String>) {
    let labels: Vec<String> = labels.collect();
    let _ = writeln!(out, "| Belopp i tkr | {} |", labels.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(labels.len()));
}

fn row(out: &mut String, label: &str, emphasised: bool, values: &[Amount]) {
    let cells: Vec<String> = values
        .iter()
        .map(|value| {
            if emphasised {
                format!("**{}**", format::tkr(*value))
            } else {
                format::tkr(*value)
            }
        })
        .collect();
    let label = if emphasised {
        format!("**{label}**")
    } else {
        label.to_string()
    };
    let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
}

fn operating_table(out: &mut String, table: &OperatingTableReport) {
    let _ = writeln!(out, "## {}\n", table.heading);
    header(out, table.columns.iter().map(|column| column.label.clone()));
    for table_row in &table.rows {
        row(
            out,
            table_row.label,
            table_row.emphasised,
            &table_row.values,
        );
    }
    out.push('\n');
    for change in &table.changes {
        let _ = writeln!(out, "{}", change.sentence);
        if !change.explanation.is_empty() {
            let _ = writeln!(out, "{}", change.explanation);
        }
        out.push('\n');
    }
}

fn frame_derivation(out: &mut String, frame: &FrameReport) {
    let _ = writeln!(out, "## {}\n", frame.heading);
    let _ = writeln!(out, "Index: {} ({}).\n", frame.index, frame.vintage);
    for year in &frame.years {
        let how = if year.entered { "beslutat" } else { "härlett" };
        let _ = writeln!(
            out,
            "- **{}**: {} ({how})",
            year.year,
            format::with_unit(year.kommunbidrag, Precision::TKR)
        );
        for step in &year.steps {
            let _ = writeln!(
                out,
                "  - {}: {}",
                step.description,
                format::with_unit(step.running, step.precision)
            );
        }
    }
    out.push('\n');
}

fn investment(out: &mut String, plan: &InvestmentReport) {
    let _ = writeln!(out, "## {}\n", plan.heading);
    header(out, plan.columns.iter().map(|column| column.label.clone()));
    for table_row in &plan.rows {
        row(
            out,
            &table_row.label,
            table_row.emphasised,
            &table_row.values,
        );
    }
    let _ = writeln!(out, "\n{}\n", plan_sentence(plan));
}

fn risks(out: &mut String, risks: &RiskReport) {
    let _ = writeln!(out, "## Risk- och väsentlighetsanalys\n");
    for (title, scale) in [
        ("Sannolikhet", &risks.probability_scale),
        ("Väsentlighet", &risks.materiality_scale),
    ] {
        let _ = writeln!(out, "**{title}**\n");
        for step in scale {
            let _ = writeln!(
                out,
                "{}. *{}*: {}",
                step.grade.value(),
                step.name,
                step.description
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "| Risk | Sannolikhet | Väsentlighet | Riskvärde | Nivå | Hantering |\n|---|---:|---:|---:|---|---|"
    );
    for risk in &risks.risks {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            risk.name,
            risk.probability,
            risk.materiality,
            risk.value,
            risk.band,
            risk.handling.swedish()
        );
    }
    let _ = writeln!(
        out,
        "\n**Riskmatris** (sannolikhet nedåt, väsentlighet åt höger; antal risker per ruta)\n"
    );
    let _ = writeln!(
        out,
        "| Sannolikhet | 1 | 2 | 3 | 4 |\n|---|---|---|---|---|"
    );
    for matrix_row in &risks.matrix {
        let cells: Vec<String> = matrix_row
            .iter()
            .map(|cell| format!("{} ({}): {}", cell.value, cell.band, cell.risks.len()))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            matrix_row[0].probability,
            cells.join(" | ")
        );
    }
    out.push('\n');
}
