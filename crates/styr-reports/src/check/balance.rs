//! The balance check: every operating table with a frame must not spend more than its
//! kommunbidrag. Årets resultat = nettokostnad + kommunbidrag + finansnetto; below zero, the
//! board's budget has a deficit against its frame (underskott mot ramen), which the check
//! reports as its own kind of finding in the budget year and every plan year. The
//! comparison year is the previous year's budget as decided and is not judged again.
//!
//! ```text
//! fel  Ekonomiska ramar, kommunstyrelsen › Årets resultat, Budget 2025: underskott mot ramen
//!      anges 0 tkr eller mer, beräknas -1 499 tkr
//! ```

use styr_domain::budget::Budget;
use styr_domain::format;
use styr_domain::money::Precision;

use crate::finding::{Finding, FindingKind, Severity, Shown};

pub fn balance(budget: &Budget, findings: &mut Vec<Finding>) {
    for table in &budget.operating_tables {
        if budget.frame(&table.unit).is_none() {
            continue;
        }
        for year in budget
            .years
            .columns()
            .into_iter()
            .filter(|year| *year >= budget.years.budget)
        {
            // A table that does not compute is a finding of the table check already.
            let Ok(figures) = budget.operating_figures(&table.unit, year) else {
                continue;
            };
            let result = figures.result();
            // A deficit as the table shows it: below zero in whole tkr.
            if result.round_to_tkr() >= 0 {
                continue;
            }
            let deficit = result.checked_neg().map(format::tkr).unwrap_or_default();
            findings.push(Finding {
                kind: FindingKind::Balance,
                severity: Severity::Error,
                section: table.heading.clone(),
                place: format!(
                    "Årets resultat, {}: underskott mot ramen",
                    budget.years.column_label(year)
                ),
                stated: Shown::text("0 tkr eller mer"),
                computed: Shown::amount(result, Precision::TKR),
                note: format!(
                    "Budgeten är inte i balans: kostnaderna överstiger kommunbidraget och intäkterna med {deficit} tkr."
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;
    use styr_domain::change::Change;
    use styr_domain::money::Amount;
    use styr_domain::operating::LineKind;

    #[test]
    fn a_balanced_budget_has_no_deficit() {
        let mut findings = Vec::new();
        balance(&small_budget(), &mut findings);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn a_cost_above_the_frame_is_a_deficit_in_its_year() {
        let mut budget = small_budget();
        let table = budget.operating_tables[0].unit.clone();
        let year = budget.years.budget;
        let figures = budget.operating_figures(&table, year).expect("computes");
        let other = budget
            .lines
            .iter()
            .find(|lines| lines.unit == table)
            .and_then(|lines| lines.lines.get(&LineKind::OtherCosts))
            .and_then(|years| years.get(&year))
            .copied()
            .unwrap_or_default();
        // Spend the result and 1 499 tkr more.
        let more = Amount::try_sum([
            other,
            figures.result().checked_neg().expect("in range"),
            Amount::from_tkr(-1_499),
        ])
        .expect("in range");
        budget
            .apply(&Change::SetLine {
                unit: table,
                line: LineKind::OtherCosts,
                year,
                amount: more,
            })
            .expect("applies");
        let mut findings = Vec::new();
        balance(&budget, &mut findings);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].kind, FindingKind::Balance);
        assert_eq!(findings[0].computed.text, "-1 499 tkr");
        assert!(findings[0].place.contains("underskott mot ramen"));
    }
}
