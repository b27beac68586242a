//! The follow-up as Markdown: which version it compares with and what is booked, then per
//! group (the board's total first, then each table, the separately reported marked so) a
//! table of the period to date against the budget with the forecast — or, for a closed year,
//! budget against outcome —, the board's net cost month by month (months not booked read "ej
//! bokfört"), and the accounts and cost centres no rule covers yet. Names come from the books
//! and comments from people: every text is escaped ([`crate::markdown`]).

use std::fmt::Write;

use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_domain::money::AmountOverflow;
use styr_domain::operating::OperatingRow;
use styr_reports::followup::{FollowupReport, GroupFollowup, UnmappedAmount};
use styr_reports::shown::followup::{months, table};

use super::{Layout, NOT_BOOKED, SIGNS, booked_sentence, heading, short_period, source_sentence};
use crate::markdown::{cell, inline, text};

pub fn markdown(report: &FollowupReport, layout: Layout) -> Result<String, AmountOverflow> {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text(&heading(report, layout)));
    let _ = writeln!(
        out,
        "{} {} {SIGNS}\n",
        inline(&source_sentence(report)),
        inline(&booked_sentence(report))
    );
    let closed = layout == Layout::YearEnd && report.is_closed();
    for group in std::iter::once(&report.total).chain(&report.groups) {
        let apart = if group.separately_reported {
            " (särredovisas, ingår inte i totalen)"
        } else {
            ""
        };
        let _ = writeln!(out, "## {}{apart}\n", text(&group.name));
        group_table(&mut out, report, group, closed)?;
        if group.code.is_empty() && report.period > 0 {
            month_table(&mut out, report, group)?;
        }
    }
    unmapped(&mut out, report);
    Ok(out)
}

fn group_table(
    out: &mut String,
    report: &FollowupReport,
    group: &GroupFollowup,
    closed: bool,
) -> Result<(), AmountOverflow> {
    let shown = table(group)?;
    let period = short_period(report.through);
    if closed {
        let _ = writeln!(out, "| tkr | Budget | Utfall | Avvikelse |");
        let _ = writeln!(out, "|---|---:|---:|---:|");
    } else {
        let _ = writeln!(
            out,
            "| tkr | Budget helår | Budget {period} | Utfall {period} | Avvikelse | Prognos helår | Avvikelse mot budget |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    }
    for (row, figures) in group.rows.iter().zip(&shown.rows) {
        let label = if row.row.is_emphasised() {
            format!("**{}**", cell(row.label))
        } else {
            cell(row.label)
        };
        if closed {
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} |",
                tkr(figures.year_budget),
                tkr(figures.actual),
                tkr(figures.deviation)
            );
        } else {
            let marker = if row.forecast_entered { "" } else { " ¹" };
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} | {} | {}{marker} | {} |",
                tkr(figures.year_budget),
                tkr(figures.budget),
                tkr(figures.actual),
                tkr(figures.deviation),
                tkr(figures.forecast),
                tkr(figures.forecast_deviation)
            );
        }
    }
    out.push('\n');
    for row in &group.rows {
        if !row.forecast_comment.is_empty() && !closed {
            let _ = writeln!(
                out,
                "- *Prognos, {}*: {}",
                inline(row.label),
                inline(&row.forecast_comment)
            );
        }
        if let Some(explanation) = &row.explanation {
            let _ = writeln!(
                out,
                "- *Avvikelse, {}*: {}",
                inline(row.label),
                inline(explanation)
            );
        }
    }
    if !closed {
        let _ = writeln!(out, "\n¹ Ingen prognos inlagd: prognosen är budgeten.\n");
    } else {
        out.push('\n');
    }
    Ok(())
}

fn month_table(
    out: &mut String,
    report: &FollowupReport,
    group: &GroupFollowup,
) -> Result<(), AmountOverflow> {
    let shown = table(group)?;
    let (Some(row), Some(shown_row)) = (
        group.row(OperatingRow::NetCost),
        shown.row(OperatingRow::NetCost),
    ) else {
        return Ok(());
    };
    let _ = writeln!(out, "### Verksamhetens nettokostnader per månad\n");
    let _ = writeln!(
        out,
        "| Månad | Budget | Utfall | Avvikelse | Ack. budget | Ack. utfall | Ack. avvikelse |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    let shown_or = |amount: Option<styr_domain::money::Amount>| {
        amount.map_or_else(|| NOT_BOOKED.to_string(), tkr)
    };
    for month in months(report, row, shown_row)? {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            MONTH_NAMES[usize::from(month.number - 1)],
            tkr(month.budget),
            shown_or(month.actual),
            shown_or(month.deviation),
            tkr(month.budget_to_date),
            shown_or(month.actual_to_date),
            shown_or(month.deviation_to_date)
        );
    }
    out.push('\n');
    Ok(())
}

fn unmapped(out: &mut String, report: &FollowupReport) {
    if !report.unmapped_accounts.is_empty() {
        let _ = writeln!(
            out,
            "## Konton utan budgetrad\n\nUtfallet på dessa konton ingår inte i tabellerna ovan förrän en regel i kontomappningen täcker dem.\n"
        );
        amounts(out, "Konto", &report.unmapped_accounts);
    }
    if !report.unmapped_cost_centres.is_empty() {
        let _ = writeln!(
            out,
            "## Kostnadsställen utan enhet\n\nUtfallet ingår i totalen under ”Ej fördelat” tills kostnadsstället kopplas till en enhet.\n"
        );
        amounts(out, "Kostnadsställe", &report.unmapped_cost_centres);
    }
    if !report.excluded.is_zero() {
        let _ = writeln!(
            out,
            "Konton som kontomappningen med avsikt lämnar utanför uppföljningen (skatter, utjämning …) har utfallet {} tkr.\n",
            tkr(report.excluded)
        );
    }
}

fn amounts(out: &mut String, what: &str, items: &[UnmappedAmount]) {
    let _ = writeln!(out, "| {what} | Namn | Utfall tkr |\n|---|---|---:|");
    for item in items {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&item.code),
            cell(&item.name),
            tkr(item.amount)
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests;
