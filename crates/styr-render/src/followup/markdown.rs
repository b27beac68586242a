//! The follow-up as Markdown: per group (the board first, then each unit) a table of the
//! year to date against the budget with the forecast, the board's net cost month by month, and
//! the accounts and cost centres no rule covers yet. Names come from the books (a SIE file's
//! object names) and comments from people: every text is escaped ([`crate::markdown`]).

use std::fmt::Write;

use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_domain::money::AmountOverflow;
use styr_domain::operating::OperatingRow;
use styr_reports::followup::{FollowupReport, GroupFollowup, UnmappedAmount};
use styr_reports::shown::followup::{months, to_date, year_end};

use super::{Layout, heading, short_period, source_sentence};
use crate::markdown::{cell, inline, text};

pub fn markdown(report: &FollowupReport, layout: Layout) -> Result<String, AmountOverflow> {
    let through = layout.through(report);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text(&heading(report, layout)));
    let _ = writeln!(
        out,
        "{} Belopp i tkr; intäkter positiva, kostnader negativa, en positiv avvikelse är till nämndens fördel.\n",
        source_sentence(report)
    );
    for group in std::iter::once(&report.total).chain(&report.groups) {
        let _ = writeln!(out, "## {}\n", text(&group.name));
        group_table(&mut out, group, through, layout)?;
        if group.code.is_empty() && through > 0 {
            month_table(&mut out, group, through)?;
        }
    }
    unmapped(&mut out, report);
    Ok(out)
}

fn group_table(
    out: &mut String,
    group: &GroupFollowup,
    through: u8,
    layout: Layout,
) -> Result<(), AmountOverflow> {
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
        let label = if row.row.is_emphasised() || row.row == OperatingRow::NetCost {
            format!("**{}**", cell(row.label))
        } else {
            cell(row.label)
        };
        if layout == Layout::YearEnd {
            let year = year_end(row)?;
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} |",
                tkr(year.budget),
                tkr(year.actual),
                tkr(year.deviation)
            );
        } else {
            let so_far = to_date(row, through)?;
            let marker = if row.forecast_entered { "" } else { " ¹" };
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} | {} | {}{marker} | {} |",
                tkr(row.year_budget),
                tkr(so_far.budget),
                tkr(so_far.actual),
                tkr(so_far.deviation),
                tkr(row.forecast),
                tkr(row.forecast_deviation)
            );
        }
    }
    out.push('\n');
    if layout != Layout::YearEnd {
        for row in group
            .rows
            .iter()
            .filter(|row| !row.forecast_comment.is_empty())
        {
            let _ = writeln!(
                out,
                "- *{}*: {}",
                inline(row.label),
                inline(&row.forecast_comment)
            );
        }
        let _ = writeln!(out, "\n¹ Ingen prognos inlagd: prognosen är budgeten.\n");
    }
    Ok(())
}

fn month_table(out: &mut String, group: &GroupFollowup, through: u8) -> Result<(), AmountOverflow> {
    let Some(row) = group.row(OperatingRow::NetCost) else {
        return Ok(());
    };
    let _ = writeln!(out, "### Verksamhetens nettokostnader per månad\n");
    let _ = writeln!(
        out,
        "| Månad | Budget | Utfall | Avvikelse | Ack. budget | Ack. utfall | Ack. avvikelse |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    for (name, month) in MONTH_NAMES.iter().zip(months(row, through)?) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            name,
            tkr(month.month.budget),
            tkr(month.month.actual),
            tkr(month.month.deviation),
            tkr(month.to_date.budget),
            tkr(month.to_date.actual),
            tkr(month.to_date.deviation)
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
mod tests {
    use super::*;
    use styr_domain::calendar::Year;
    use styr_domain::money::Amount;
    use styr_reports::followup::BudgetSource;

    #[test]
    fn names_from_the_books_read_as_text() {
        let group = |name: &str| GroupFollowup {
            code: "k1".into(),
            unit: None,
            name: name.into(),
            rows: Vec::new(),
        };
        let report = FollowupReport {
            title: "Kommunstyrelsen".into(),
            year: Year::new(2025).expect("a year"),
            through: 8,
            budget_source: BudgetSource::Budget,
            groups: vec![group("<script>alert(1)</script>")],
            total: group("Kommunstyrelsen"),
            unmapped_accounts: Vec::new(),
            unmapped_cost_centres: vec![UnmappedAmount {
                code: "9|9".into(),
                name: "[klicka](javascript:alert(1))".into(),
                amount: Amount::from_tkr(-5),
            }],
            excluded: Amount::ZERO,
        };
        let text = markdown(&report, Layout::Month).expect("the figures fit");
        assert!(
            text.contains("## \\<script\\>alert(1)\\</script\\>\n"),
            "{text}"
        );
        assert!(
            text.contains("| 9\\|9 | \\[klicka\\](javascript:alert(1)) | -5 |"),
            "{text}"
        );
        assert!(!text.contains("<script>"));
    }
}
