//! Two charts of a KPI, as SVG readable without colour: its trend (every value in period
//! order, entered values as circles and Kolada's as squares, each labelled with its figure,
//! and the year's target as a dashed step), and the kommun among its peers (a bar per
//! municipality, best first, each labelled; the kommun's bar hatched and its name marked; the
//! median a dashed line, named). A title and a description say what each shows; the tables
//! beside them hold the same figures.

use std::fmt::Write;

use styr_domain::decimal::Decimal;
use styr_domain::goals::{Kpi, Measurement, Source};
use styr_reports::goals::PeerComparison;

use crate::html::escape;

const WIDTH: i128 = 640;
const LEFT: i128 = 150;
const PLOT: i128 = 420;

/// The value in thousandths, for placing it (never shown: labels print the exact figure).
fn thousandths(value: Decimal) -> i128 {
    let rounded = value.rounded(3);
    rounded.units() * 10i128.pow(u32::from(3 - rounded.scale()))
}

fn open(class: &str, height: i128, id: &str, title: &str, description: &str) -> String {
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-description\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-description\">{}</desc>",
        escape(title),
        escape(description)
    )
}

pub fn trend_svg(kpi: &Kpi, values: &[Measurement]) -> String {
    let height: i128 = 260;
    let (top, plot_height) = (20, 180);
    let title = format!("{}: utveckling", kpi.name);
    let shown: Vec<String> = values
        .iter()
        .map(|value| format!("{} {}", value.period.swedish(), kpi.unit.show(value.value)))
        .collect();
    let targets: Vec<String> = kpi
        .targets
        .iter()
        .map(|target| format!("{} {}", target.year, kpi.unit.show(target.value)))
        .collect();
    let description = format!(
        "Mätvärden: {}. Målvärden: {}.",
        if shown.is_empty() {
            "inga".to_string()
        } else {
            shown.join(", ")
        },
        if targets.is_empty() {
            "inga".to_string()
        } else {
            targets.join(", ")
        }
    );
    let mut svg = open(
        "kpi-chart",
        height,
        &format!("trend-{}", kpi.id),
        &title,
        &description,
    );
    let figures = values
        .iter()
        .map(|value| thousandths(value.value))
        .chain(kpi.targets.iter().map(|target| thousandths(target.value)));
    let low = figures.clone().min().unwrap_or(0).min(0);
    let high = figures.max().unwrap_or(1).max(low + 1);
    let span = high - low;
    let count = i128::try_from(values.len()).unwrap_or(1).max(1);
    let x = |index: usize| {
        40 + (WIDTH - 80) * (2 * i128::try_from(index).unwrap_or(0) + 1) / (2 * count)
    };
    let y = |value: i128| top + plot_height - (value - low) * plot_height / span;
    let zero = y(0);
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"30\" y1=\"{zero}\" x2=\"{}\" y2=\"{zero}\"/>",
        WIDTH - 30
    );
    for (index, value) in values.iter().enumerate() {
        if let Some(target) = kpi.target(value.period.year) {
            let (from, to) = (x(index) - 20, x(index) + 20);
            let _ = write!(
                svg,
                "<line class=\"target\" stroke-dasharray=\"6 4\" x1=\"{from}\" y1=\"{}\" x2=\"{to}\" y2=\"{}\"/>",
                y(thousandths(target)),
                y(thousandths(target))
            );
        }
    }
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(index, value)| format!("{},{}", x(index), y(thousandths(value.value))))
        .collect();
    if points.len() > 1 {
        let _ = write!(
            svg,
            "<polyline class=\"series-actual\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    for (index, value) in values.iter().enumerate() {
        let (cx, cy) = (x(index), y(thousandths(value.value)));
        if value.source == Source::Kolada {
            let _ = write!(
                svg,
                "<rect class=\"marker kolada\" x=\"{}\" y=\"{}\" width=\"8\" height=\"8\"/>",
                cx - 4,
                cy - 4
            );
        } else {
            let _ = write!(
                svg,
                "<circle class=\"marker\" cx=\"{cx}\" cy=\"{cy}\" r=\"4\"/>"
            );
        }
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            cy - 9,
            escape(&value.value.to_swedish())
        );
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            top + plot_height + 30,
            escape(&value.period.key())
        );
    }
    let _ = write!(
        svg,
        "<text class=\"legend\" x=\"30\" y=\"{}\">● inmatat värde  ■ Kolada  – – målvärde</text>",
        height - 8
    );
    svg.push_str("</svg>");
    svg
}

pub fn peers_svg(
    kpi: &Kpi,
    comparison: &PeerComparison,
    own_name: &str,
    names: &dyn Fn(&str) -> String,
) -> String {
    let mut bars: Vec<(String, Decimal, bool)> = comparison
        .peers
        .iter()
        .map(|peer| (names(&peer.municipality), peer.value, false))
        .collect();
    if let Some(own) = comparison.own {
        let at = bars
            .iter()
            .position(|(_, value, _)| comparison.direction.beats(own, *value))
            .unwrap_or(bars.len());
        bars.insert(at, (format!("{own_name} (kommunen)"), own, true));
    }
    let row = 22;
    let height = 40 + row * i128::try_from(bars.len()).unwrap_or(0) + 30;
    let title = format!(
        "{}: kommunen bland liknande kommuner {}",
        kpi.name, comparison.year
    );
    let description = format!(
        "{}. Median {}.",
        bars.iter()
            .map(|(name, value, _)| format!("{name} {}", kpi.unit.show(*value)))
            .collect::<Vec<_>>()
            .join(", "),
        comparison
            .median
            .map_or("saknas".to_string(), |median| kpi.unit.show(median))
    );
    let mut svg = open(
        "peer-chart",
        height,
        &format!("peers-{}", kpi.id),
        &title,
        &description,
    );
    svg.push_str("<defs><pattern id=\"own-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"own-ground\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"own-line\"/></pattern></defs>");
    let figures = bars.iter().map(|(_, value, _)| thousandths(*value));
    let low = figures.clone().min().unwrap_or(0).min(0);
    let high = figures.max().unwrap_or(1).max(low + 1);
    let span = high - low;
    let x = |value: i128| LEFT + (value - low) * PLOT / span;
    for (index, (name, value, own)) in bars.iter().enumerate() {
        let top = 30 + row * i128::try_from(index).unwrap_or(0);
        let (from, to) = (
            x(0).min(x(thousandths(*value))),
            x(0).max(x(thousandths(*value))),
        );
        let fill = if *own {
            " fill=\"url(#own-hatch)\""
        } else {
            ""
        };
        let weight = if *own { " font-weight=\"bold\"" } else { "" };
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\"{weight}>{}</text>",
            LEFT - 6,
            top + 14,
            escape(name)
        );
        let _ = write!(
            svg,
            "<rect class=\"bar{}\" x=\"{from}\" y=\"{top}\" width=\"{}\" height=\"16\"{fill}/>",
            if *own { " own" } else { "" },
            (to - from).max(1)
        );
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>",
            to + 4,
            top + 13,
            escape(&value.to_swedish())
        );
    }
    if let Some(median) = comparison.median {
        let at = x(thousandths(median));
        let bottom = 30 + row * i128::try_from(bars.len()).unwrap_or(0);
        let _ = write!(
            svg,
            "<line class=\"median\" stroke-dasharray=\"4 3\" x1=\"{at}\" y1=\"24\" x2=\"{at}\" y2=\"{bottom}\"/>"
        );
        let _ = write!(
            svg,
            "<text class=\"legend\" x=\"{at}\" y=\"18\" text-anchor=\"middle\">median {}</text>",
            escape(&median.to_swedish())
        );
    }
    let _ = write!(
        svg,
        "<text class=\"legend\" x=\"10\" y=\"{}\">Randig stapel: kommunen. Streckad linje: medianen. Källa: Kolada</text>",
        height - 8
    );
    svg.push_str("</svg>");
    svg
}
