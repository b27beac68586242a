//! The budget report as one self-contained HTML page (no scripts, no external files), with
//! print-friendly CSS and the risk matrix as an SVG heat map.

use std::fmt::Write;

use styr_domain::format;
use styr_domain::money::{Amount, Precision};
use styr_reports::BudgetReport;
use styr_reports::risk::RiskReport;

use crate::findings::comparison;
use crate::text::{metadata_rows, one_line, plan_sentence};

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}\
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
td.number,th.number{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.sum{font-weight:bold}\
dl.metadata{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}\
.fel{color:#a00000}.avrundning{color:#555}.varning{color:#7a5200}\
@media print{body{max-width:none;margin:0}h2{break-before:page}table{break-inside:auto}thead{display:table-header-group}}";

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

pub fn html(report: &BudgetReport) -> String {
    let mut out = String::new();
    let title = escape(&report.document.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<dl class=\"metadata\">\n"
    );
    for (label, value) in metadata_rows(&report.document) {
        let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", escape(&value));
    }
    out.push_str("</dl>\n");

    let _ = writeln!(
        out,
        "<h2>Organisation {}</h2>\n<ul>",
        report.organisation.on.year()
    );
    for node in &report.organisation.tree {
        let marker = if node.separately_reported {
            " (särredovisas)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<li style=\"margin-left:{}rem\">{} – {}{marker}</li>",
            node.depth,
            escape(&node.name),
            node.kind
        );
    }
    out.push_str("</ul>\n");
    for moved in &report.organisation.moves {
        let _ = writeln!(
            out,
            "<p>Från {}: {} flyttas från {} till {}.</p>",
            moved.on,
            escape(&moved.name),
            escape(&moved.from_parent),
            escape(&moved.to_parent)
        );
    }

    out.push_str("<h2>Mål och politiska inriktningar</h2>\n");
    for goal in report.goals.iter().chain(&report.political_directions) {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p><em>{}</em></p>",
            escape(&goal.title),
            escape(goal.kind.swedish())
        );
        for text in [&goal.statement, &goal.text]
            .into_iter()
            .filter(|text| !text.is_empty())
        {
            let _ = writeln!(out, "<p>{}</p>", escape(&one_line(text)));
        }
        for kpi in &goal.kpis {
            let _ = writeln!(
                out,
                "<p>Nyckeltal: {} ({}, {})</p>",
                escape(&kpi.name),
                escape(&kpi.source),
                kpi.schedule()
            );
        }
    }

    out.push_str("<h2>Effektiviseringsåtgärder och utredningar</h2>\n<table>\n<thead><tr><th scope=\"col\">Förslag från nämnd</th><th scope=\"col\">Utredning</th><th scope=\"col\">Hantering</th><th scope=\"col\">Samordnas av</th></tr></thead>\n<tbody>\n");
    for row in &report.efficiency {
        let coordinators = if row.prioritised {
            row.coordinators.join(", ")
        } else {
            "Ej prioriterad".into()
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&row.proposed_by),
            escape(&row.investigation),
            escape(&one_line(&row.handling)),
            escape(&coordinators)
        );
    }
    out.push_str("</tbody>\n</table>\n");

    for table in &report.operating {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&table.heading));
        let rows: Vec<(&str, bool, &[Amount])> = table
            .rows
            .iter()
            .map(|row| (row.label, row.emphasised, row.values.as_slice()))
            .collect();
        amount_table(
            &mut out,
            table.columns.iter().map(|column| column.label.as_str()),
            &rows,
        );
        for change in &table.changes {
            let _ = writeln!(
                out,
                "<p>{} {}</p>",
                escape(&change.sentence),
                escape(&one_line(&change.explanation))
            );
        }
    }
    for frame in &report.frames {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p>Index: {} ({}).</p>\n<ul>",
            escape(&frame.heading),
            escape(&frame.index),
            escape(&frame.vintage)
        );
        for year in &frame.years {
            let how = if year.entered { "beslutat" } else { "härlett" };
            let _ = write!(
                out,
                "<li><strong>{}</strong>: {} ({how})",
                year.year,
                format::with_unit(year.kommunbidrag, Precision::TKR)
            );
            if !year.steps.is_empty() {
                out.push_str("<ul>");
                for step in &year.steps {
                    let _ = write!(
                        out,
                        "<li>{}: {}</li>",
                        escape(&step.description),
                        format::with_unit(step.running, step.precision)
                    );
                }
                out.push_str("</ul>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    let plan = &report.investment;
    let _ = writeln!(out, "<h2>{}</h2>", escape(&plan.heading));
    let rows: Vec<(&str, bool, &[Amount])> = plan
        .rows
        .iter()
        .map(|row| (row.label.as_str(), row.emphasised, row.values.as_slice()))
        .collect();
    amount_table(
        &mut out,
        plan.columns.iter().map(|column| column.label.as_str()),
        &rows,
    );
    let _ = writeln!(out, "<p>{}</p>", escape(&plan_sentence(plan)));

    risks(&mut out, &report.risks);

    out.push_str("<h2>Internkontrollplan</h2>\n<table>\n<thead><tr><th scope=\"col\">Risk</th><th scope=\"col\">Riskbeskrivning</th><th scope=\"col\" class=\"number\">Riskvärde</th><th scope=\"col\">Metod</th><th scope=\"col\">Ansvarig</th></tr></thead>\n<tbody>\n");
    for row in &report.control_plan {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"number\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&row.risk),
            escape(&row.description),
            row.value,
            escape(&one_line(&row.method)),
            escape(&row.responsible)
        );
    }
    out.push_str("</tbody>\n</table>\n<h2>Kontroll av angivna siffror</h2>\n");
    if report.findings.is_empty() {
        out.push_str("<p>Alla angivna siffror stämmer med det som beräknas.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for finding in &report.findings {
            let _ = writeln!(
                out,
                "<li class=\"{severity}\"><strong>{severity}</strong> – {} › {}: {}. {}</li>",
                escape(&finding.section),
                escape(&finding.place),
                escape(&comparison(finding)),
                escape(&finding.note),
                severity = finding.severity.swedish()
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn amount_table<'a>(
    out: &mut String,
    labels: impl Iterator<Item = &'a str>,
    rows: &[(&str, bool, &[Amount])],
) {
    out.push_str("<table>\n<thead><tr><th scope=\"col\">Belopp i tkr</th>");
    for label in labels {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"number\">{}</th>",
            escape(label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (label, emphasised, values) in rows {
        let class = if *emphasised { " class=\"sum\"" } else { "" };
        let _ = write!(out, "<tr{class}><th scope=\"row\">{}</th>", escape(label));
        for value in *values {
            let _ = write!(out, "<td class=\"number\">{}</td>", format::tkr(*value));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn risks(out: &mut String, risks: &RiskReport) {
    out.push_str("<h2>Risk- och väsentlighetsanalys</h2>\n");
    for (title, scale) in [
        ("Sannolikhet", &risks.probability_scale),
        ("Väsentlighet", &risks.materiality_scale),
    ] {
        let _ = writeln!(out, "<h3>{title}</h3>\n<ol>");
        for step in scale {
            let _ = writeln!(
                out,
                "<li><em>{}</em>: {}</li>",
                escape(&step.name),
                escape(&step.description)
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<h3>Riskmatris</h3>\n");
    out.push_str(&risk_matrix_svg(risks));
    out.push_str("<table>\n<thead><tr><th scope=\"col\">Risk</th><th scope=\"col\" class=\"number\">Sannolikhet</th><th scope=\"col\" class=\"number\">Väsentlighet</th><th scope=\"col\" class=\"number\">Riskvärde</th><th scope=\"col\">Hantering</th></tr></thead>\n<tbody>\n");
    for risk in &risks.risks {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\" style=\"background:{}\">{}</td><td>{}</td></tr>",
            escape(&risk.name),
            risk.probability,
            risk.materiality,
            escape(&risk.colour),
            risk.value,
            risk.handling.swedish()
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The 4×4 matrix: probability upwards, materiality to the right, each cell coloured by its
/// band. Each cell is focusable and named (its value and its risks), for a pointer as a tooltip
/// and for a keyboard or screen reader as the cell's accessible name.
pub fn risk_matrix_svg(risks: &RiskReport) -> String {
    const CELL: usize = 90;
    const MARGIN: usize = 40;
    let size = MARGIN + 4 * CELL;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" aria-label=\"Riskmatris: sannolikhet lodrätt, väsentlighet vågrätt\" viewBox=\"0 0 {size} {}\" width=\"{size}\" height=\"{}\">",
        size + 20,
        size + 20
    );
    for (row_index, row) in risks.matrix.iter().enumerate() {
        for (column_index, cell) in row.iter().enumerate() {
            let x = MARGIN + column_index * CELL;
            let y = row_index * CELL;
            let names = if cell.risks.is_empty() {
                "inga risker".to_string()
            } else {
                cell.risks.join("; ")
            };
            let name = format!(
                "Sannolikhet {}, väsentlighet {}, riskvärde {} ({}): {}",
                cell.probability, cell.materiality, cell.value, cell.band, names
            );
            let _ = writeln!(
                svg,
                "<g tabindex=\"0\" role=\"img\" aria-label=\"{label}\" data-cell=\"{}-{}\"><title>{label}</title><rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{}\" stroke=\"#fff\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"22\" aria-hidden=\"true\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" aria-hidden=\"true\">{} st</text></g>",
                cell.probability,
                cell.materiality,
                escape(&cell.colour),
                x + CELL / 2,
                y + CELL / 2,
                cell.value,
                x + CELL / 2,
                y + CELL / 2 + 20,
                cell.risks.len(),
                label = escape(&name),
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\" aria-hidden=\"true\">{}</text>",
            MARGIN / 2,
            row_index * CELL + CELL / 2,
            row.first().map_or(0, |cell| cell.probability)
        );
    }
    for materiality in 1..=4 {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\" aria-hidden=\"true\">{materiality}</text>",
            MARGIN + (materiality - 1) * CELL + CELL / 2,
            4 * CELL + 20
        );
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<b>Risk & \"fel\"</b>"),
            "&lt;b&gt;Risk &amp; &quot;fel&quot;&lt;/b&gt;"
        );
    }
}
