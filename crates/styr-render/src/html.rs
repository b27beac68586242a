//! HTML pieces the web pages share with the document: text escaped for element content and
//! attribute values, and the risk matrix as an accessible SVG heat map. The pages themselves
//! render a [`crate::document::Document`] (`document/html.rs`) or their own templates.

use std::fmt::Write;

use styr_reports::risk::RiskReport;

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

/// The 4×4 matrix: probability upwards, materiality to the right, each cell coloured by its
/// band. Each cell is focusable and named (its value and its risks), for a pointer as a tooltip
/// and for a keyboard or screen reader as the cell's accessible name.
pub fn risk_matrix_svg(risks: &RiskReport) -> String {
    const CELL: usize = 90;
    // Room on the left for the axis title and the grades, below for the grades and the title.
    const MARGIN: usize = 64;
    const BELOW: usize = 56;
    let width = MARGIN + 4 * CELL;
    let height = 4 * CELL + BELOW;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" aria-label=\"Riskmatris: sannolikhet lodrätt, väsentlighet vågrätt\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">"
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
            MARGIN - 14,
            row_index * CELL + CELL / 2 + 5,
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
    // The axis titles, written out: which way each grade grows.
    let _ = writeln!(
        svg,
        "<text class=\"axis-title\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">Sannolikhet (1–4) →</text>",
        x = 18,
        y = 2 * CELL
    );
    let _ = writeln!(
        svg,
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">Väsentlighet (1–4) →</text>",
        MARGIN + 2 * CELL,
        4 * CELL + 46
    );
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_names_its_axes() {
        let report = RiskReport {
            probability_scale: Vec::new(),
            materiality_scale: Vec::new(),
            bands: Vec::new(),
            risks: Vec::new(),
            matrix: Vec::new(),
        };
        let svg = risk_matrix_svg(&report);
        assert!(svg.contains(">Sannolikhet (1–4) →</text>"), "{svg}");
        assert!(svg.contains(">Väsentlighet (1–4) →</text>"), "{svg}");
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<b>Risk & \"fel\"</b>"),
            "&lt;b&gt;Risk &amp; &quot;fel&quot;&lt;/b&gt;"
        );
    }
}
