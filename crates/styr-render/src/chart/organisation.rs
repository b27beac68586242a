//! The organisation chart: every unit a box, indented under its parent and joined to it by a
//! line, the board at the top in the profile's colour and each level below in a lighter tint.
//! A separately reported unit says so in its box.

use styr_domain::profile::{Colour, Profile};

use super::svg::{Svg, Text};
use super::{Drawing, Unit, WIDTH};

const ROW: u32 = 30;
const BOX: u32 = 22;
const INDENT: u32 = 26;
const SIZE: u32 = 11;

pub fn draw(units: &[Unit], profile: &Profile) -> Drawing {
    let mut svg = Svg::new(WIDTH, profile.font.name());
    let mut parents: Vec<u32> = Vec::new();
    for (row, unit) in (0_u32..).zip(units) {
        let depth = u32::from(unit.depth);
        let (x, y) = (4 + depth * INDENT, 4 + row * ROW);
        // The parent is the last unit drawn one level up: join its box to this one.
        parents.truncate(unit.depth.into());
        if let Some(parent_y) = parents.last() {
            let stem = x - INDENT + 10;
            svg.line((stem, *parent_y + BOX), (stem, y + BOX / 2), "#7a7a7a");
            svg.line((stem, y + BOX / 2), (x, y + BOX / 2), "#7a7a7a");
        }
        parents.push(y);
        let label = if unit.separately_reported {
            format!("{} (särredovisas)", unit.name)
        } else {
            unit.name.clone()
        };
        let fill = tint(profile.primary, depth);
        let width = text_width(&label).min(WIDTH - x - 4);
        svg.rect(x, y, width, BOX, &fill.hex(), &profile.primary.hex());
        let mut text = Text::new(label, &fill.text_on().hex());
        if depth == 0 {
            text = text.bold();
        }
        svg.text((x + 8, y + BOX / 2 + SIZE / 2 - 1), SIZE, "start", &text);
    }
    let rows = u32::try_from(units.len()).unwrap_or(u32::MAX);
    svg.finish(8 + rows.saturating_mul(ROW))
}

/// The box around a label: its estimated width and a margin on each side.
fn text_width(label: &str) -> u32 {
    let characters = u32::try_from(label.chars().count()).unwrap_or(u32::MAX);
    characters.saturating_mul(SIZE * 6) / 10 + 18
}

/// The colour lightened towards white, a step per level: the board full, its units lighter.
fn tint(colour: Colour, depth: u32) -> Colour {
    let share = [0, 55, 75, 85, 90][usize::try_from(depth.min(4)).unwrap_or(4)];
    Colour(colour.0.map(|channel| {
        let channel = u32::from(channel);
        let lighter = channel + (255 - channel) * share / 100;
        u8::try_from(lighter).unwrap_or(255)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(depth: u8, name: &str) -> Unit {
        Unit {
            depth,
            name: name.into(),
            separately_reported: depth == 2,
        }
    }

    #[test]
    fn each_unit_is_a_box_joined_to_its_parent() {
        let units = [
            unit(0, "Kommunstyrelsen"),
            unit(1, "Kommunledningskontoret"),
            unit(2, "Exploateringsenheten"),
            unit(1, "Samhällsbyggnad"),
        ];
        let drawing = draw(&units, &Profile::default());
        assert_eq!(drawing.svg.matches("<rect").count(), 4);
        assert_eq!(
            drawing.svg.matches("<line").count(),
            6,
            "two lines per child"
        );
        assert!(
            drawing
                .svg
                .contains(">Exploateringsenheten (särredovisas)</text>")
        );
        assert!(
            drawing.svg.contains("fill=\"#122b4a\""),
            "the board in the profile's colour"
        );
        assert_eq!(drawing.height, 8 + 4 * ROW);
    }

    #[test]
    fn levels_are_lighter_tints_of_the_colour() {
        let colour = Colour([0, 0x56, 0x91]);
        assert_eq!(tint(colour, 0), colour);
        assert!(
            tint(colour, 2)
                .0
                .iter()
                .zip(tint(colour, 1).0)
                .all(|(deep, shallow)| *deep >= shallow)
        );
    }
}
