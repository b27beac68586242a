//! The follow-up as CSV for a spreadsheet: one line per group, row and month, in kronor with a
//! decimal comma, whether the month is booked (a month that is not has empty outcome and
//! deviation cells, never 0) and the budget version compared with; written by the one CSV
//! writer ([`crate::csv`]), so a group named `=HYPERLINK(…)` in the books arrives as text.

use styr_domain::money::{Amount, AmountOverflow};
use styr_reports::followup::FollowupReport;

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
            "bokfört",
            "budgetversion",
        ],
    );
    let version = report
        .version
        .as_ref()
        .map(|version| version.describe())
        .unwrap_or_default();
    for group in std::iter::once(&report.total).chain(&report.groups) {
        for row in &group.rows {
            for index in 0..12 {
                let budget = row.budget[index];
                let actual = row.actual[index];
                let deviation = actual
                    .map(|actual: Amount| actual.checked_sub(budget))
                    .transpose()?;
                let optional = |amount: Option<Amount>| {
                    amount.map_or_else(|| Field::text(""), Field::kronor_with_comma)
                };
                csv.row([
                    Field::text(&group.name),
                    Field::text(&group.code),
                    Field::text(row.label),
                    Field::text(format!("{}-{:02}", report.year, index + 1)),
                    Field::kronor_with_comma(budget),
                    optional(actual),
                    optional(deviation),
                    Field::text(if actual.is_some() { "ja" } else { "nej" }),
                    Field::text(&version),
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
    use styr_domain::operating::{LineKind, OperatingRow};
    use styr_reports::followup::{
        BudgetSource, ComparedVersion, GroupFollowup, KommunbidragSource, RowFollowup,
    };

    fn group(name: &str, code: &str) -> GroupFollowup {
        GroupFollowup {
            code: code.into(),
            unit: None,
            name: name.into(),
            separately_reported: false,
            rows: vec![RowFollowup {
                row: OperatingRow::Line(LineKind::Personnel),
                label: "Personalkostnader",
                budget: [Amount::from_kr(-1_000); 12],
                actual: std::array::from_fn(|index| {
                    (index < 8).then_some(Amount::from_ore(-123_450))
                }),
                year_budget: Amount::from_kr(-12_000),
                ytd_budget: Amount::ZERO,
                ytd_actual: Amount::ZERO,
                ytd_deviation: Amount::ZERO,
                forecast: Amount::ZERO,
                forecast_entered: false,
                forecast_comment: String::new(),
                forecast_deviation: Amount::ZERO,
                explanation: None,
                significant: false,
            }],
        }
    }

    #[test]
    fn names_from_the_books_arrive_as_text_and_unbooked_months_stay_empty() {
        let report = FollowupReport {
            title: "Kommunstyrelsen".into(),
            year: Year::new(2025).expect("a year"),
            version: Some(ComparedVersion {
                number: 1,
                status: "utkast".into(),
                adopted: None,
            }),
            period: 8,
            through: 8,
            booked: std::array::from_fn(|index| index < 8),
            budget_source: BudgetSource::Budget,
            kommunbidrag: KommunbidragSource::Allocated,
            groups: vec![group("=HYPERLINK(\"http://x\";\"Klicka\")", "@7")],
            total: group("Kommunstyrelsen", ""),
            units: Vec::new(),
            unmapped_accounts: Vec::new(),
            unmapped_cost_centres: Vec::new(),
            excluded: Amount::ZERO,
        };
        let text = csv(&report).expect("the figures fit");
        assert!(text.starts_with(
            "enhet;kod;rad;månad;budget_kr;utfall_kr;avvikelse_kr;bokfört;budgetversion\n"
        ));
        assert!(
            text.contains("Kommunstyrelsen;;Personalkostnader;2025-01;-1000,00;-1234,50;-234,50;ja;version 1, utkast (inte fastställd)\n"),
            "{text}"
        );
        assert!(
            text.contains("Kommunstyrelsen;;Personalkostnader;2025-09;-1000,00;;;nej;"),
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
