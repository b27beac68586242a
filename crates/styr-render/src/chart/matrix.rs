//! The risk matrix: probability upwards (4 at the top), materiality to the right, both axes
//! titled; each cell in its band's colour with its risk value and band, and the risks that lie
//! in it named, one per line. A row is as tall as its fullest cell needs.

use styr_domain::profile::{Colour, Profile};

use super::svg::{Svg, Text, wrap};
use super::{Drawing, MatrixCell, WIDTH};

const LEFT: u32 = 60;
const CELL: u32 = (WIDTH - LEFT - 4) / 4;
const SIZE: u32 = 9;
const LINE: u32 = 11;

pub fn draw(rows: &[Vec<MatrixCell>], profile: &Profile) -> Drawing {
    let mut svg = Svg::new(WIDTH, profile.font.name());
    let ink = "#1a1a1a";
    let mut y = 4;
    let count = u32::try_from(rows.len()).unwrap_or(0);
    for (row_index, row) in (0_u32..).zip(rows) {
        let lines: Vec<Vec<String>> = row.iter().map(cell_lines).collect();
        let tallest = lines.iter().map(Vec::len).max().unwrap_or(0);
        let height = (u32::try_from(tallest).unwrap_or(0) + 1) * LINE + 16;
        let height = height.max(56);
        for (column, (cell, lines)) in (0_u32..).zip(row.iter().zip(&lines)) {
            let x = LEFT + column * CELL;
            let fill = Colour::parse(&cell.colour).unwrap_or(Colour([0xee; 3]));
            svg.rect(x, y, CELL, height, &fill.hex(), "#ffffff");
            let text = fill.text_on().hex();
            let heading = format!("{} {}", cell.value, cell.band);
            svg.text(
                (x + 6, y + 14),
                11,
                "start",
                &Text::new(heading, &text).bold(),
            );
            for (line_index, line) in (0_u32..).zip(lines) {
                let baseline = y + 16 + LINE * (line_index + 1);
                svg.text((x + 6, baseline), SIZE, "start", &Text::new(line, &text));
            }
        }
        let probability = count - row_index;
        let label = Text::new(probability.to_string(), ink).bold();
        svg.text((LEFT - 8, y + height / 2 + 4), 11, "end", &label);
        y += height;
    }
    for materiality in 1..=4_u32 {
        let x = LEFT + (materiality - 1) * CELL + CELL / 2;
        let label = Text::new(materiality.to_string(), ink).bold();
        svg.text((x, y + 16), 11, "middle", &label);
    }
    let across = Text::new("Väsentlighet", profile.primary.hex().as_str()).bold();
    svg.text((LEFT + 2 * CELL, y + 34), 12, "middle", &across);
    let up = Text::new("Sannolikhet", profile.primary.hex().as_str())
        .bold()
        .vertical();
    svg.text((18, 4 + (y - 4) / 2), 12, "middle", &up);
    svg.finish(y + 44)
}

/// The risks of a cell, each name wrapped to the cell's width, one risk after another.
fn cell_lines(cell: &MatrixCell) -> Vec<String> {
    cell.risks
        .iter()
        .flat_map(|risk| {
            let mut lines = wrap(risk, SIZE, CELL - 12);
            if let Some(first) = lines.first_mut() {
                first.insert_str(0, "• ");
            }
            lines
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(value: u8, risks: &[&str]) -> MatrixCell {
        MatrixCell {
            value,
            band: if value > 8 { "Hög" } else { "Låg" }.into(),
            colour: if value > 8 { "#e06666" } else { "#93c47d" }.into(),
            risks: risks.iter().map(|risk| risk.to_string()).collect(),
        }
    }

    #[test]
    fn the_axes_are_titled_and_every_risk_is_named_in_its_cell() {
        let rows = vec![
            vec![cell(2, &[]), cell(4, &["Cyberhot"])],
            vec![cell(1, &["Hot och otillbörlig påverkan"]), cell(2, &[])],
        ];
        let drawing = draw(&rows, &Profile::default());
        assert!(drawing.svg.contains(">Väsentlighet</text>"));
        assert!(drawing.svg.contains(">Sannolikhet</text>"));
        assert!(drawing.svg.contains(">• Cyberhot</text>"));
        assert!(
            drawing.svg.contains(">• Hot och otillbörlig</text>"),
            "wrapped in its cell"
        );
        assert!(drawing.svg.contains(">påverkan</text>"));
        assert!(drawing.svg.contains("fill=\"#93c47d\""));
        assert_eq!(drawing.svg.matches("<rect").count(), 4);
    }
}
