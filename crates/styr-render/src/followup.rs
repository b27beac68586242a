//! The follow-up report as Markdown, CSV, JSON and an SVG chart. Tables in tkr (rounded half
//! away from zero, each figure on its own), Swedish number format.

use std::fmt::Write;

use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::OperatingRow;
use styr_reports::followup::{BudgetSource, FollowupReport, GroupFollowup, RowFollowup};

use crate::html::escape;

/// Which follow-up a controller is writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The monthly follow-up: the year to date as far as the books go, with a month table.
    Month,
    /// Delårsrapport: January–August, with the full-year forecast.
    Interim,
    /// Årsbokslut: the whole year, budget against outcome.
    YearEnd,
}

impl Layout {
    /// The months the layout covers, given how far the books go.
    pub fn through(self, report: &FollowupReport) -> u8 {
        match self {
            Layout::Month => report.through,
            Layout::Interim => 8,
            Layout::YearEnd => 12,
        }
    }
}

/// "januari–augusti", "januari", or "" before any month.
pub fn period_words(through: u8) -> String {
    match through {
        0 => String::new(),
        1 => MONTH_NAMES[0].to_string(),
        _ => format!(
            "{}–{}",
            MONTH_NAMES[0],
            MONTH_NAMES[usize::from(through - 1)]
        ),
    }
}

fn short_period(through: u8) -> String {
    match through {
        0 => "–".into(),
        1 => "jan".into(),
        _ => format!("jan–{}", &MONTH_NAMES[usize::from(through - 1)][..3]),
    }
}

pub fn heading(report: &FollowupReport, layout: Layout) -> String {
    let through = layout.through(report);
    match layout {
        Layout::Month => format!(
            "Uppföljning {} {}: {}",
            period_words(through),
            report.year,
            report.title
        ),
        Layout::Interim => format!(
            "Delårsrapport januari–augusti {}: {}",
            report.year, report.title
        ),
        Layout::YearEnd => format!("Årsbokslut {}: {}", report.year, report.title),
    }
}

fn source_sentence(report: &FollowupReport) -> &'static str {
    match report.budget_source {
        BudgetSource::Budget => {
            "Budgeten är nämndens driftbudget fördelad på månaderna, jämnt eller efter radens periodisering."
        }
        BudgetSource::PeriodBudget => "Budgeten är ekonomisystemets periodbudget (#PBUDGET).",
        BudgetSource::None => "Filen har ingen budget; tabellerna visar utfallet.",
    }
}

/// The year-to-date figures of a row as the layout shows them.
fn ytd(row: &RowFollowup, through: u8) -> (Shown, Shown) {
    let months = usize::from(through);
    (
        Amount::try_sum(row.budget[..months].iter().copied()),
        Amount::try_sum(row.actual[..months].iter().copied()),
    )
}

/// A figure this layout adds up itself, which may leave the range of an amount.
type Shown = Result<Amount, AmountOverflow>;

/// `one - other`, for a deviation the layout shows.
fn minus(one: Shown, other: Shown) -> Shown {
    one?.checked_sub(other?)
}

/// A figure in tkr, or that it is too large to show exactly.
fn cell(figure: Shown) -> String {
    figure.map_or_else(|_| "för stort".to_string(), tkr)
}

pub fn markdown(report: &FollowupReport, layout: Layout) -> String {
    let through = layout.through(report);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", heading(report, layout));
    let _ = writeln!(
        out,
        "{} Belopp i tkr; intäkter positiva, kostnader negativa, en positiv avvikelse är till nämndens fördel.\n",
        source_sentence(report)
    );
    for group in std::iter::once(&report.total).chain(&report.groups) {
        let _ = writeln!(out, "## {}\n", group.name);
        group_table(&mut out, group, through, layout);
        if group.code.is_empty() && through > 0 {
            month_table(&mut out, group, through);
        }
    }
    unmapped(&mut out, report);
    out
}

fn group_table(out: &mut String, group: &GroupFollowup, through: u8, layout: Layout) {
    let period = short_period(through);
    if layout == Layout::YearEnd {
        let _ = writeln!(out, "| tkr | Budget | Utfall | Avvikelse |");
        let _ = writeln!(out, "|---|---:|---:|---:|");
    } else {
        let _ = writeln!(
            out,
            "| tkr | Budget helår | Budget {period} | Utfall {period} | Avvikelse | Prognos helår | Avvikelse mot budget |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    }
    for row in &group.rows {
        let (budget, actual) = ytd(row, through);
        let label = if row.row.is_emphasised() || row.row == OperatingRow::NetCost {
            format!("**{}**", row.label)
        } else {
            row.label.to_string()
        };
        if layout == Layout::YearEnd {
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} |",
                tkr(row.year_budget),
                cell(actual),
                cell(minus(actual, Ok(row.year_budget)))
            );
        } else {
            let marker = if row.forecast_entered { "" } else { " ¹" };
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} | {} | {}{marker} | {} |",
                tkr(row.year_budget),
                cell(budget),
                cell(actual),
                cell(minus(actual, budget)),
                tkr(row.forecast),
                tkr(row.forecast_deviation)
            );
        }
    }
    out.push('\n');
    if layout != Layout::YearEnd {
        let comments: Vec<&RowFollowup> = group
            .rows
            .iter()
            .filter(|row| !row.forecast_comment.is_empty())
            .collect();
        for row in comments {
            let _ = writeln!(out, "- *{}*: {}", row.label, row.forecast_comment);
        }
        let _ = writeln!(out, "\n¹ Ingen prognos inlagd: prognosen är budgeten.\n");
    }
}

fn month_table(out: &mut String, group: &GroupFollowup, through: u8) {
    let Some(row) = group.row(OperatingRow::NetCost) else {
        return;
    };
    let _ = writeln!(out, "### Verksamhetens nettokostnader per månad\n");
    let _ = writeln!(
        out,
        "| Månad | Budget | Utfall | Avvikelse | Ack. budget | Ack. utfall | Ack. avvikelse |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    let (mut budget_sum, mut actual_sum): (Shown, Shown) = (Ok(Amount::ZERO), Ok(Amount::ZERO));
    for (index, name) in MONTH_NAMES.iter().enumerate().take(usize::from(through)) {
        budget_sum = budget_sum.and_then(|sum| sum.checked_add(row.budget[index]));
        actual_sum = actual_sum.and_then(|sum| sum.checked_add(row.actual[index]));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            name,
            tkr(row.budget[index]),
            tkr(row.actual[index]),
            cell(minus(Ok(row.actual[index]), Ok(row.budget[index]))),
            cell(budget_sum),
            cell(actual_sum),
            cell(minus(actual_sum, budget_sum))
        );
    }
    out.push('\n');
}

fn unmapped(out: &mut String, report: &FollowupReport) {
    if !report.unmapped_accounts.is_empty() {
        let _ = writeln!(
            out,
            "## Konton utan budgetrad\n\nUtfallet på dessa konton ingår inte i tabellerna ovan förrän en regel i kontomappningen täcker dem.\n"
        );
        let _ = writeln!(out, "| Konto | Namn | Utfall tkr |\n|---|---|---:|");
        for item in &report.unmapped_accounts {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                item.code,
                item.name,
                tkr(item.amount)
            );
        }
        out.push('\n');
    }
    if !report.unmapped_cost_centres.is_empty() {
        let _ = writeln!(
            out,
            "## Kostnadsställen utan enhet\n\nUtfallet ingår i totalen under ”Ej fördelat” tills kostnadsstället kopplas till en enhet.\n"
        );
        let _ = writeln!(
            out,
            "| Kostnadsställe | Namn | Utfall tkr |\n|---|---|---:|"
        );
        for item in &report.unmapped_cost_centres {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                item.code,
                item.name,
                tkr(item.amount)
            );
        }
        out.push('\n');
    }
    if !report.excluded.is_zero() {
        let _ = writeln!(
            out,
            "Konton som kontomappningen med avsikt lämnar utanför uppföljningen (skatter, utjämning …) har utfallet {} tkr.\n",
            tkr(report.excluded)
        );
    }
}

/// One line per group, row and month, in kronor with a decimal comma: for a spreadsheet.
pub fn csv(report: &FollowupReport) -> String {
    let mut out = String::from("enhet;kod;rad;månad;budget_kr;utfall_kr;avvikelse_kr\n");
    for group in std::iter::once(&report.total).chain(&report.groups) {
        for row in &group.rows {
            for index in 0..12 {
                let _ = writeln!(
                    out,
                    "{};{};{};{}-{:02};{};{};{}",
                    csv_field(&group.name),
                    csv_field(&group.code),
                    row.label,
                    report.year,
                    index + 1,
                    kronor(row.budget[index]),
                    kronor(row.actual[index]),
                    row.actual[index]
                        .checked_sub(row.budget[index])
                        .map_or_else(|_| "för stort".to_string(), kronor)
                );
            }
        }
    }
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Öre as kronor with a decimal comma and no grouping: -1234,50.
fn kronor(amount: Amount) -> String {
    let ore = amount.ore();
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", ore.abs() / 100, ore.abs() % 100)
}

pub fn json(report: &FollowupReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// A line chart of one row, accumulated month by month: the budget, the outcome to date and
/// the forecast from the last booked month to the full-year forecast. Accessible: a title and
/// a description name what it shows; the table beside it holds the same figures.
pub fn chart_svg(report: &FollowupReport, row: &RowFollowup) -> String {
    let through = usize::from(report.through);
    // The chart's points are worked in i128 öre, where twelve months of any amounts add up.
    let accumulate = |values: &[Amount]| -> Vec<i128> {
        values
            .iter()
            .scan(0i128, |sum, value| {
                *sum += i128::from(value.ore());
                Some(*sum)
            })
            .collect()
    };
    let shown = |ore: i128| {
        i64::try_from(ore).map_or_else(
            |_| "för stort".to_string(),
            |ore| tkr(Amount::from_ore(ore)),
        )
    };
    let budget = accumulate(&row.budget);
    let actual: Vec<i128> = accumulate(&row.actual)[..through].to_vec();
    let start = actual.last().copied().unwrap_or(0);
    let remaining = 12 - through;
    let forecast: Vec<(usize, i128)> = if remaining == 0 {
        Vec::new()
    } else {
        let step = (i128::from(row.forecast.ore()) - start) / remaining as i128;
        (through..=12)
            .map(|month| {
                let value = if month == 12 {
                    i128::from(row.forecast.ore())
                } else {
                    start + step * (month - through) as i128
                };
                (month, value)
            })
            .collect()
    };
    let values = budget
        .iter()
        .chain(&actual)
        .copied()
        .chain(forecast.iter().map(|(_, value)| *value))
        .chain(std::iter::once(0));
    let (low, high) = values.fold((i128::MAX, i128::MIN), |(low, high), value| {
        (low.min(value), high.max(value))
    });
    let span = (high - low).max(1);
    let (width, height, left, top, plot_width, plot_height) = (640, 280, 80, 20, 540, 220);
    let x = |month: usize| left + plot_width * month as i64 / 12;
    let y = |value: i128| top + plot_height - ((value - low) * plot_height as i128 / span) as i64;
    let points = |series: &mut dyn Iterator<Item = (usize, i128)>| -> String {
        series
            .map(|(month, value)| format!("{},{}", x(month), y(value)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let budget_points = points(
        &mut std::iter::once((0, 0)).chain(
            budget
                .iter()
                .enumerate()
                .map(|(index, value)| (index + 1, *value)),
        ),
    );
    let actual_points = points(
        &mut std::iter::once((0, 0)).chain(
            actual
                .iter()
                .enumerate()
                .map(|(index, value)| (index + 1, *value)),
        ),
    );
    let forecast_points = points(&mut forecast.iter().copied());
    let title = format!(
        "{}: budget, utfall och prognos ackumulerat per månad {}",
        row.label, report.year
    );
    let description = format!(
        "Budget helår {} tkr, utfall {} {} tkr, prognos helår {} tkr.",
        tkr(row.year_budget),
        period_words(report.through),
        shown(start),
        tkr(row.forecast)
    );
    let mut svg = format!(
        "<svg class=\"followup-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-description\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title><desc id=\"chart-description\">{}</desc>",
        escape(&title),
        escape(&description)
    );
    let zero = y(0);
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{zero}\" x2=\"{}\" y2=\"{zero}\"/>",
        left + plot_width
    );
    for (value, label) in [(high, shown(high)), (low, shown(low))] {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{} tkr</text>",
            left - 6,
            y(value) + 4,
            escape(&label)
        );
    }
    for (index, name) in MONTH_NAMES.iter().enumerate() {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x(index + 1),
            top + plot_height + 18,
            &name[..3]
        );
    }
    let _ = write!(
        svg,
        "<polyline class=\"series-budget\" points=\"{budget_points}\"/>"
    );
    if !actual.is_empty() {
        let _ = write!(
            svg,
            "<polyline class=\"series-actual\" points=\"{actual_points}\"/>"
        );
    }
    if !forecast.is_empty() {
        let _ = write!(
            svg,
            "<polyline class=\"series-forecast\" points=\"{forecast_points}\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_named_in_swedish() {
        assert_eq!(period_words(8), "januari–augusti");
        assert_eq!(period_words(1), "januari");
        assert_eq!(short_period(3), "jan–mar");
        assert_eq!(kronor(Amount::from_ore(-123_450)), "-1234,50");
        assert_eq!(csv_field("a;b"), "\"a;b\"");
    }
}
