//! A line chart of one follow-up row, accumulated month by month: the budget, the outcome to
//! date and the forecast, a straight line from the last booked month to the full-year
//! forecast. Accessible: a title and a description name what it shows; the table beside it
//! holds the same figures. The running sums are `styr_reports::shown::followup`'s; this only
//! maps them onto the drawing.

use std::fmt::Write;

use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_domain::money::{Amount, AmountOverflow};
use styr_reports::followup::{FollowupReport, RowFollowup};
use styr_reports::shown::followup::accumulated;

use super::period_words;
use crate::html::escape;

const WIDTH: i128 = 640;
const HEIGHT: i128 = 280;
const LEFT: i128 = 80;
const TOP: i128 = 20;
const PLOT_WIDTH: i128 = 540;
const PLOT_HEIGHT: i128 = 220;

/// The three series: (month from 0, running sum in öre).
struct Series {
    budget: Vec<(usize, i128)>,
    actual: Vec<(usize, i128)>,
    forecast: Vec<(usize, i128)>,
}

fn series(report: &FollowupReport, row: &RowFollowup) -> Result<Series, AmountOverflow> {
    let through = usize::from(report.through.min(12));
    let from_january = |values: Vec<Amount>| -> Vec<(usize, i128)> {
        std::iter::once((0, 0))
            .chain(
                values
                    .iter()
                    .enumerate()
                    .map(|(index, value)| (index + 1, i128::from(value.ore()))),
            )
            .collect()
    };
    let budget = from_january(accumulated(&row.budget)?);
    let actual = from_january(accumulated(&row.actual[..through])?);
    let start = actual.last().map_or(0, |(_, value)| *value);
    let forecast = if through == 12 {
        Vec::new()
    } else {
        vec![(through, start), (12, i128::from(row.forecast.ore()))]
    };
    Ok(Series {
        budget,
        actual: if through == 0 { Vec::new() } else { actual },
        forecast,
    })
}

pub fn chart_svg(report: &FollowupReport, row: &RowFollowup) -> String {
    let title = format!(
        "{}: budget, utfall och prognos ackumulerat per månad {}",
        row.label, report.year
    );
    let Ok(series) = series(report, row) else {
        return format!(
            "<svg class=\"followup-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title chart-description\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title><desc id=\"chart-description\">Beloppen är för stora för att ritas.</desc></svg>",
            escape(&title)
        );
    };
    let start = series.actual.last().map_or(0, |(_, value)| *value);
    let description = format!(
        "Budget helår {} tkr, utfall {} {} tkr, prognos helår {} tkr.",
        tkr(row.year_budget),
        period_words(report.through),
        tkr(Amount::from_ore(start as i64)),
        tkr(row.forecast)
    );
    let values = || {
        series
            .budget
            .iter()
            .chain(&series.actual)
            .chain(&series.forecast)
            .map(|(_, value)| *value)
    };
    let low = values().min().unwrap_or(0).min(0);
    let high = values().max().unwrap_or(0).max(0);
    let span = (high - low).max(1);
    let x = |month: usize| LEFT + PLOT_WIDTH * month as i128 / 12;
    let y = |value: i128| TOP + PLOT_HEIGHT - (value - low) * PLOT_HEIGHT / span;
    let points = |series: &[(usize, i128)]| -> String {
        series
            .iter()
            .map(|(month, value)| format!("{},{}", x(*month), y(*value)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut svg = format!(
        "<svg class=\"followup-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title chart-description\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title><desc id=\"chart-description\">{}</desc>",
        escape(&title),
        escape(&description)
    );
    let zero = y(0);
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{zero}\" x2=\"{}\" y2=\"{zero}\"/>",
        LEFT + PLOT_WIDTH
    );
    for value in [high, low] {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{} tkr</text>",
            LEFT - 6,
            y(value) + 4,
            escape(&tkr(Amount::from_ore(value as i64)))
        );
    }
    for (index, name) in MONTH_NAMES.iter().enumerate() {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x(index + 1),
            TOP + PLOT_HEIGHT + 18,
            &name[..3]
        );
    }
    for (class, line) in [
        ("series-budget", &series.budget),
        ("series-actual", &series.actual),
        ("series-forecast", &series.forecast),
    ] {
        if !line.is_empty() {
            let _ = write!(
                svg,
                "<polyline class=\"{class}\" points=\"{}\"/>",
                points(line)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}
