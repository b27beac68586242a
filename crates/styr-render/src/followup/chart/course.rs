//! The course of a deviation over the year as a chart: the deviation to date after each
//! month's outcome and the full-year forecast's deviation as it stood then, on the follow-up
//! charts' axis and legend.

use std::fmt::Write;

use styr_reports::followup::course::CoursePoint;

use super::*;

/// The course of a deviation over the year: to date (a solid line with points) and the
/// full-year forecast deviation as it stood each month (dotted, with squares).
pub fn course_svg(label: &str, year: &str, points: &[CoursePoint], id: &str) -> String {
    let title = format!("{label}: avvikelsen mot budget månad för månad {year}");
    let last = points.last();
    let description = match last {
        Some(point) => format!(
            "Avvikelse hittills t.o.m. {}: {} tkr{}. En positiv avvikelse är till nämndens fördel.",
            MONTH_NAMES[usize::from(point.month.clamp(1, 12) - 1)],
            tkr(point.to_date),
            point
                .forecast
                .map(|forecast| format!(
                    ", prognostiserad avvikelse för helåret {} tkr",
                    tkr(forecast)
                ))
                .unwrap_or_default()
        ),
        None => "Inget utfall är bokfört än.".to_string(),
    };
    let height = PANEL + 110;
    let mut svg = open(id, &title, &description, height);
    let axis = Axis::over(
        points.iter().flat_map(|point| {
            std::iter::once(i128::from(point.to_date.ore()))
                .chain(point.forecast.map(|forecast| i128::from(forecast.ore())))
        }),
        30,
    );
    axis.draw(&mut svg);
    let middle = |month: u8| (x_of(usize::from(month) - 1) + x_of(usize::from(month))) / 2;
    let to_date: Vec<String> = points
        .iter()
        .map(|point| {
            format!(
                "{},{}",
                middle(point.month),
                axis.y(i128::from(point.to_date.ore()))
            )
        })
        .collect();
    if !to_date.is_empty() {
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{ACTUAL}\" stroke-width=\"3\"/>",
            to_date.join(" ")
        );
    }
    for point in points {
        let _ = write!(
            svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{ACTUAL}\"/>",
            middle(point.month),
            axis.y(i128::from(point.to_date.ore()))
        );
        if let Some(forecast) = point.forecast {
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"{FORECAST}\"/>",
                middle(point.month) - 4,
                axis.y(i128::from(forecast.ore())) - 4
            );
        }
    }
    let forecasts: Vec<String> = points
        .iter()
        .filter_map(|point| {
            point.forecast.map(|forecast| {
                format!(
                    "{},{}",
                    middle(point.month),
                    axis.y(i128::from(forecast.ore()))
                )
            })
        })
        .collect();
    if forecasts.len() > 1 {
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{FORECAST}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>",
            forecasts.join(" ")
        );
    }
    months_axis(&mut svg, 30 + PANEL + 16);
    legend(
        &mut svg,
        height - 12,
        &[
            (
                &format!("<circle cx=\"10\" cy=\"6\" r=\"4\" fill=\"{ACTUAL}\"/>"),
                "avvikelse hittills (heldragen, ringar)",
            ),
            (
                &format!("<rect x=\"6\" y=\"2\" width=\"8\" height=\"8\" fill=\"{FORECAST}\"/>"),
                "prognostiserad avvikelse helår (rutor)",
            ),
        ],
    );
    svg.push_str("</svg>");
    svg
}
