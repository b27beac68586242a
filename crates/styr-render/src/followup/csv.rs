//! The follow-up as CSV for a spreadsheet: one line per group, row and month, in kronor with a
//! decimal comma, written by the one CSV writer ([`crate::csv`]), so a group named
//! `=HYPERLINK(…)` in the books arrives as text.

use styr_domain::money::AmountOverflow;
use styr_reports::followup::FollowupReport;
use styr_reports::shown::followup::months;

use crate::csv::{Csv, Dialect, Field};

/// Semicolons as a Swedish Excel opens them, lines ending in a line feed.
const DIALECT: Dialect = Dialect {
    separator: ';',
    line_end: "\n",
};

pub fn csv(report: &FollowupReport) -> Result<String, AmountOverflow> {
    let mut csv = Csv::new(
        DIALECT,
        &[
            "enhet",
            "kod",
            "rad",
            "månad",
            "budget_kr",
            "utfall_kr",
            "avvikelse_kr",
        ],
    );
    for group in std::iter::once(&report.total).chain(&report.groups) {
        for row in &group.rows {
            for (index, month) in months(row, 12)?.into_iter().enumerate() {
                csv.row([
                    Field::text(&group.name),
                    Field::text(&group.code),
                    Field::text(row.label),
                    Field::text(format!("{}-{:02}", report.year, index + 1)),
                    Field::kronor_with_comma(month.month.budget),
                    Field::kronor_with_comma(month.month.actual),
                    Field::kronor_with_comma(month.month.deviation),
                ]);
            }
        }
    }
    Ok(csv.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::calendar::Year;
    use styr_domain::money::Amount;
    use styr_domain::operating::{LineKind, OperatingRow};
    use styr_reports::followup::{BudgetSource, GroupFollowup, RowFollowup};

    fn group(name: &str, code: &str) -> GroupFollowup {
        GroupFollowup {
            code: code.into(),
            unit: None,
            name: name.into(),
            rows: vec![RowFollowup {
                row: OperatingRow::Line(LineKind::Personnel),
                label: "Personalkostnader",
                budget: [Amount::from_kr(-1_000); 12],
                actual: [Amount::from_ore(-123_450); 12],
                year_budget: Amount::from_kr(-12_000),
                ytd_budget: Amount::ZERO,
                ytd_actual: Amount::ZERO,
                ytd_deviation: Amount::ZERO,
                forecast: Amount::ZERO,
                forecast_entered: false,
                forecast_comment: String::new(),
                forecast_deviation: Amount::ZERO,
            }],
        }
    }

    #[test]
    fn names_from_the_books_arrive_as_text_and_amounts_as_numbers() {
        let report = FollowupReport {
            title: "Kommunstyrelsen".into(),
            year: Year::new(2025).expect("a year"),
            through: 8,
            budget_source: BudgetSource::Budget,
            groups: vec![group("=HYPERLINK(\"http://x\";\"Klicka\")", "@7")],
            total: group("Kommunstyrelsen", ""),
            unmapped_accounts: Vec::new(),
            unmapped_cost_centres: Vec::new(),
            excluded: Amount::ZERO,
        };
        let text = csv(&report).expect("the figures fit");
        assert!(text.starts_with("enhet;kod;rad;månad;budget_kr;utfall_kr;avvikelse_kr\n"));
        assert!(
            text.contains("Kommunstyrelsen;;Personalkostnader;2025-01;-1000,00;-1234,50;-234,50\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "\"'=HYPERLINK(\"\"http://x\"\";\"\"Klicka\"\")\";'@7;Personalkostnader;2025-12;"
            ),
            "{text}"
        );
        assert_eq!(text.lines().count(), 1 + 2 * 12);
    }
}
