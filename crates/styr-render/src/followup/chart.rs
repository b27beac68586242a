//! The follow-up's charts as SVG, readable without colour: one y-axis per panel, its values
//! at round steps in Swedish format ("-20 000"), and every series told apart by its shape as
//! well as its colour — budget as hatched bars and a dashed line, outcome as solid bars and a
//! solid line with points, the forecast dotted — with a legend in words. Months not booked
//! have no bar and no point. A title and a description say what the chart shows; the table
//! beside it holds the same figures. The running sums are `styr_reports::shown::followup`'s;
//! this only maps them onto the drawing.
//!
//! ```text
//! Per månad      ▥ budget  ■ utfall          Ackumulerat   - - budget  —●— utfall  ··· prognos
//! ```

use std::fmt::Write;

use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::{group_thousands, tkr};
use styr_domain::money::{Amount, AmountOverflow, ORE_PER_TKR};
use styr_reports::followup::{FollowupReport, RowFollowup};
use styr_reports::shown::followup::accumulated;

use super::period_words;
use crate::html::escape;

mod course;

pub use course::course_svg;

const WIDTH: i128 = 680;
const LEFT: i128 = 90;
const PLOT_WIDTH: i128 = 560;
const PANEL: i128 = 180;

const BUDGET: &str = "#1f5f99";
const ACTUAL: &str = "#a3431d";
const FORECAST: &str = "#3d5a22";

/// A panel's y-axis: its ticks at a round step in tkr, and where a value lies on it.
struct Axis {
    low: i128,
    high: i128,
    step: i128,
    top: i128,
}

impl Axis {
    /// An axis over `values` (öre) and zero, with about five steps of 1, 2 or 5 × 10ⁿ tkr.
    fn over(values: impl Iterator<Item = i128>, top: i128) -> Axis {
        let per = i128::from(ORE_PER_TKR);
        let (mut low, mut high) = (0i128, 0i128);
        for value in values {
            low = low.min(value.div_euclid(per));
            high = high.max((value + per - 1).div_euclid(per));
        }
        let span = (high - low).max(1);
        let mut step = 1i128;
        'search: loop {
            for factor in [1, 2, 5] {
                if span / (step * factor) <= 5 {
                    step *= factor;
                    break 'search;
                }
            }
            step *= 10;
        }
        Axis {
            low: low.div_euclid(step) * step,
            high: -((-high).div_euclid(step) * step),
            step,
            top,
        }
    }

    /// The y of a value in öre.
    fn y(&self, ore: i128) -> i128 {
        let per = i128::from(ORE_PER_TKR);
        let span = ((self.high - self.low) * per).max(1);
        self.top + PANEL - (ore - self.low * per) * PANEL / span
    }

    fn draw(&self, svg: &mut String) {
        let mut tick = self.low;
        while tick <= self.high {
            let y = self.y(tick * i128::from(ORE_PER_TKR));
            let _ = write!(
                svg,
                "<line x1=\"{LEFT}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">{}</text>",
                LEFT + PLOT_WIDTH,
                if tick == 0 { "#555" } else { "#ddd" },
                LEFT - 6,
                y + 4,
                escape(&group_thousands(tick))
            );
            tick += self.step;
        }
    }
}

fn x_of(month: usize) -> i128 {
    LEFT + PLOT_WIDTH * month as i128 / 12
}

fn months_axis(svg: &mut String, y: i128) {
    for (index, name) in MONTH_NAMES.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{}</text>",
            (x_of(index) + x_of(index + 1)) / 2,
            &name[..3]
        );
    }
}

fn legend(svg: &mut String, y: i128, items: &[(&str, &str)]) {
    let mut x = LEFT;
    for (swatch, label) in items {
        let _ = write!(
            svg,
            "<g transform=\"translate({x},{})\">{swatch}</g><text x=\"{}\" y=\"{y}\" font-size=\"12\" fill=\"#222\">{}</text>",
            y - 10,
            x + 28,
            escape(label)
        );
        x += 40 + 8 * label.chars().count() as i128;
    }
}

fn open(id: &str, title: &str, description: &str, height: i128) -> String {
    format!(
        "<svg class=\"followup-chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-description\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-description\">{}</desc><defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{BUDGET}\" stroke-width=\"3\"/></pattern></defs>",
        escape(title),
        escape(description)
    )
}

fn polyline(points: &[(usize, i128)], axis: &Axis, colour: &str, dash: &str, width: u8) -> String {
    let coordinates: Vec<String> = points
        .iter()
        .map(|(month, value)| format!("{},{}", x_of(*month), axis.y(*value)))
        .collect();
    format!(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"{dash}/>",
        coordinates.join(" ")
    )
}

/// The monthly bars of budget and outcome of `row` with its running sums and the forecast
/// below them, for `report`'s year; `id` tells two charts on one page apart.
pub fn chart_svg(report: &FollowupReport, row: &RowFollowup, id: &str) -> String {
    let title = format!(
        "{}: budget och utfall per månad och ackumulerat {}",
        row.label, report.year
    );
    match draw_months(report, row, id, &title) {
        Ok(svg) => svg,
        Err(_) => format!(
            "{}</svg>",
            open(id, &title, "Beloppen är för stora för att ritas.", 60)
        ),
    }
}

fn draw_months(
    report: &FollowupReport,
    row: &RowFollowup,
    id: &str,
    title: &str,
) -> Result<String, AmountOverflow> {
    let through = usize::from(report.through.min(12));
    let actual: Vec<Amount> = row.actual_months(report.through).collect();
    let budget_sums = accumulated(&row.budget)?;
    let actual_sums = accumulated(&actual)?;
    let reached = actual_sums.last().copied().unwrap_or_default();
    let description = format!(
        "Budget helår {} tkr, utfall {} {} tkr, prognos helår {} tkr. Staplarna visar varje månad, linjerna summan från januari.",
        tkr(row.year_budget),
        if through == 0 {
            "inget".to_string()
        } else {
            period_words(report.through)
        },
        tkr(reached),
        tkr(row.forecast)
    );
    let height = 2 * PANEL + 150;
    let mut svg = open(id, title, &description, height);
    let bars = Axis::over(
        row.budget
            .iter()
            .chain(&actual)
            .map(|amount| i128::from(amount.ore())),
        40,
    );
    let _ = write!(
        svg,
        "<text x=\"{LEFT}\" y=\"30\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">Per månad, tkr</text>"
    );
    bars.draw(&mut svg);
    let zero = bars.y(0);
    for index in 0..12 {
        let slot = (x_of(index + 1) - x_of(index)) / 2 - 4;
        let mut bar = |value: Amount, offset: i128, fill: String| {
            let y = bars.y(i128::from(value.ore()));
            let (top, height) = if y < zero {
                (y, zero - y)
            } else {
                (zero, y - zero)
            };
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{top}\" width=\"{slot}\" height=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"1\"/>",
                x_of(index) + 3 + offset,
                height.max(1),
                if fill.starts_with("url") {
                    BUDGET
                } else {
                    ACTUAL
                }
            );
        };
        bar(row.budget[index], 0, format!("url(#{id}-hatch)"));
        if let Some(value) = row.actual[index].filter(|_| index < through) {
            bar(value, slot + 2, ACTUAL.to_string());
        }
    }
    months_axis(&mut svg, 40 + PANEL + 16);
    let second = 40 + PANEL + 50;
    let forecast = i128::from(row.forecast.ore());
    let lines = Axis::over(
        budget_sums
            .iter()
            .chain(&actual_sums)
            .map(|amount| i128::from(amount.ore()))
            .chain([forecast]),
        second,
    );
    let _ = write!(
        svg,
        "<text x=\"{LEFT}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">Ackumulerat från januari, tkr</text>",
        second - 10
    );
    lines.draw(&mut svg);
    let from_january = |sums: &[Amount]| -> Vec<(usize, i128)> {
        std::iter::once((0, 0))
            .chain(
                sums.iter()
                    .enumerate()
                    .map(|(index, value)| (index + 1, i128::from(value.ore()))),
            )
            .collect()
    };
    svg.push_str(&polyline(
        &from_january(&budget_sums),
        &lines,
        BUDGET,
        " stroke-dasharray=\"8 5\"",
        2,
    ));
    if through > 0 {
        let points = from_january(&actual_sums);
        svg.push_str(&polyline(&points, &lines, ACTUAL, "", 3));
        for (month, value) in points.iter().skip(1) {
            let _ = write!(
                svg,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{ACTUAL}\"/>",
                x_of(*month),
                lines.y(*value)
            );
        }
    }
    if through < 12 {
        let start = i128::from(reached.ore());
        svg.push_str(&polyline(
            &[(through, start), (12, forecast)],
            &lines,
            FORECAST,
            " stroke-dasharray=\"2 4\" stroke-linecap=\"round\"",
            3,
        ));
    }
    months_axis(&mut svg, second + PANEL + 16);
    legend(
        &mut svg,
        height - 12,
        &[
            (
                &format!(
                    "<rect width=\"20\" height=\"12\" fill=\"url(#{id}-hatch)\" stroke=\"{BUDGET}\"/>"
                ),
                "budget (randig stapel, streckad linje)",
            ),
            (
                &format!("<rect width=\"20\" height=\"12\" fill=\"{ACTUAL}\"/>"),
                "utfall (hel stapel, heldragen linje)",
            ),
            (
                &format!(
                    "<line x1=\"0\" y1=\"6\" x2=\"20\" y2=\"6\" stroke=\"{FORECAST}\" stroke-width=\"3\" stroke-dasharray=\"2 4\"/>"
                ),
                "prognos (prickad)",
            ),
        ],
    );
    svg.push_str("</svg>");
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use styr_reports::followup::course::CoursePoint;

    use super::*;

    #[test]
    fn an_axis_steps_roundly_and_holds_zero() {
        let axis = Axis::over([-8_000_000_000i128, 1_000_000_000].into_iter(), 0);
        assert_eq!((axis.low, axis.high, axis.step), (-80_000, 20_000, 20_000));
        assert_eq!(axis.y(0), PANEL - 80_000 * PANEL / 100_000);
        let small = Axis::over(std::iter::empty(), 0);
        assert_eq!((small.low, small.high, small.step), (0, 0, 1));
    }

    #[test]
    fn the_course_names_the_last_month_and_the_forecast() {
        let points = [
            CoursePoint {
                month: 1,
                to_date: Amount::from_tkr(120),
                forecast: None,
            },
            CoursePoint {
                month: 2,
                to_date: Amount::from_tkr(-40),
                forecast: Some(Amount::from_tkr(-1_200)),
            },
        ];
        let svg = course_svg("Årets resultat", "2025", &points, "kurs");
        assert!(
            svg.contains(
                "t.o.m. februari: -40 tkr, prognostiserad avvikelse för helåret -1 200 tkr"
            ),
            "{svg}"
        );
        assert!(
            svg.contains(">-1 200<") || svg.contains(">-1 000<"),
            "{svg}"
        );
        assert_eq!(
            svg.matches("<rect x=").count(),
            2,
            "one forecast and one legend square"
        );
    }
}
