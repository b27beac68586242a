//! Bars, one per year: the investment plan's totals as the table prints them, each bar's
//! figure above it, the years beneath, and the unit ("tkr") at the axis. A bar's height is its
//! share of the largest figure; a negative figure or a plan of zeros draws no bar.

use styr_domain::money::Amount;
use styr_domain::profile::Profile;

use super::svg::{Svg, Text};
use super::{Drawing, WIDTH};

const HEIGHT: u32 = 240;
const TOP: u32 = 24;
const PLOT: u32 = 170;
const LEFT: u32 = 40;

pub fn draw(
    labels: &[String],
    values: &[Amount],
    texts: &[String],
    unit: &str,
    profile: &Profile,
) -> Drawing {
    let mut svg = Svg::new(WIDTH, profile.font.name());
    let largest = values
        .iter()
        .map(|value| value.ore().max(0))
        .max()
        .unwrap_or(0);
    let count = u32::try_from(labels.len()).unwrap_or(1).max(1);
    let slot = (WIDTH - LEFT - 10) / count;
    let base = TOP + PLOT;
    svg.line((LEFT, base), (WIDTH - 10, base), "#404040");
    svg.text((LEFT - 6, TOP + 4), 10, "end", &Text::new(unit, "#404040"));
    for (index, ((label, value), text)) in (0_u32..).zip(labels.iter().zip(values).zip(texts)) {
        let x = LEFT + index * slot + slot / 5;
        let width = slot * 3 / 5;
        let height = bar_height(value.ore(), largest);
        if height > 0 {
            svg.rect(
                x,
                base - height,
                width,
                height,
                &profile.primary.hex(),
                &profile.primary.hex(),
            );
        }
        let middle = x + width / 2;
        svg.text(
            (middle, base - height - 5),
            10,
            "middle",
            &Text::new(text, "#1a1a1a"),
        );
        svg.text(
            (middle, base + 16),
            11,
            "middle",
            &Text::new(label, "#1a1a1a").bold(),
        );
    }
    svg.finish(HEIGHT)
}

/// The bar's height in pixels: its share of the plot's height, in integers.
fn bar_height(ore: i64, largest: i64) -> u32 {
    if ore <= 0 || largest <= 0 {
        return 0;
    }
    let height = i128::from(ore) * i128::from(PLOT) / i128::from(largest);
    u32::try_from(height).unwrap_or(PLOT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_figure_fills_the_plot_and_the_others_their_share() {
        assert_eq!(bar_height(200, 200), PLOT);
        assert_eq!(bar_height(100, 200), PLOT / 2);
        assert_eq!(bar_height(-5, 200), 0);
        assert_eq!(bar_height(i64::MAX, i64::MAX), PLOT, "no overflow");
    }

    #[test]
    fn every_year_has_its_bar_its_figure_and_its_label() {
        let labels = ["2025", "2026"].map(String::from);
        let values = [Amount::from_tkr(106_790), Amount::from_tkr(144_853)];
        let texts = ["106 790", "144 853"].map(String::from);
        let drawing = draw(&labels, &values, &texts, "tkr", &Profile::default());
        assert_eq!(drawing.svg.matches("<rect").count(), 2);
        assert!(drawing.svg.contains(">106 790</text>") && drawing.svg.contains(">2026</text>"));
    }
}
