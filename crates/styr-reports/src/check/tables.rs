//! Table arithmetic: the operating tables' and the investment plan's stated rows against the
//! rows computed from the entered lines.

use styr_domain::budget::{Budget, OperatingTable};
use styr_domain::calendar::Year;
use styr_domain::investment::InvestmentRow;
use styr_domain::money::{Amount, Precision, Stated};
use styr_domain::operating::{OperatingRow, YearFigures};

use super::{Finding, FindingKind, Severity, Shown, severity_of};

pub fn operating_tables(budget: &Budget, findings: &mut Vec<Finding>) {
    for table in &budget.operating_tables {
        for (&(row, year), stated) in &table.stated {
            let figures = match budget.operating_figures(&table.unit, year) {
                Ok(figures) => figures,
                Err(error) => {
                    findings.push(Finding {
                        kind: FindingKind::Figure,
                        severity: Severity::Fel,
                        section: table.heading.clone(),
                        place: format!("{}, {}", row.label(), budget.years.column_label(year)),
                        stated: Shown::amount(stated.value, stated.precision),
                        computed: Shown::text("kan inte beräknas"),
                        note: error.to_string(),
                    });
                    continue;
                }
            };
            let computed = figures.row(row);
            if stated.agrees_with(computed) {
                continue;
            }
            let entered_row = !matches!(
                row,
                OperatingRow::Costs | OperatingRow::NetCost | OperatingRow::Result
            );
            findings.push(Finding {
                kind: FindingKind::Figure,
                severity: if entered_row {
                    Severity::Fel
                } else {
                    severity_of(computed - stated.value, row.terms(), stated.precision)
                },
                section: table.heading.clone(),
                place: format!("{}, {}", row.label(), budget.years.column_label(year)),
                stated: Shown::amount(stated.value, stated.precision),
                computed: Shown::amount(computed, Precision::TKR),
                note: inherited_note(table, row, year, &figures),
            });
        }
    }
}

/// When a derived row agrees with the table's own stated rows above it, the disagreement
/// comes from one of those: say which, so a reader fixes the cause and not the symptom.
fn inherited_note(
    table: &OperatingTable,
    row: OperatingRow,
    year: Year,
    figures: &YearFigures,
) -> String {
    let stated = |row| {
        table
            .stated
            .get(&(row, year))
            .map(|stated: &Stated| stated.value)
    };
    let (from_stated, cause) = match row {
        OperatingRow::NetCost => (
            stated(OperatingRow::Costs).map(|costs| figures.revenue + costs),
            OperatingRow::Costs,
        ),
        OperatingRow::Result => (
            stated(OperatingRow::NetCost)
                .map(|net_cost| net_cost + figures.kommunbidrag + figures.financial_net),
            OperatingRow::NetCost,
        ),
        _ => (None, row),
    };
    match (from_stated, stated(row)) {
        (Some(from_stated), Some(stated_value)) if from_stated == stated_value => {
            inherited_from(cause)
        }
        _ => String::new(),
    }
}

/// The note for a derived row that agrees with the table's own row above it.
pub(crate) fn inherited_from(cause: OperatingRow) -> String {
    format!(
        "Stämmer med tabellens egen rad ”{}”; skillnaden följer därifrån.",
        cause.label()
    )
}

pub fn investment(budget: &Budget, findings: &mut Vec<Finding>) {
    let plan = &budget.investment;
    for ((row, year), stated) in &plan.stated {
        let Some(computed) = plan.row(row, *year) else {
            continue;
        };
        if stated.agrees_with(computed) {
            continue;
        }
        let terms = match row {
            InvestmentRow::Category(category) => plan.projects_in(*category).count(),
            InvestmentRow::Project(_) => 1,
            InvestmentRow::Total => plan.projects.len(),
        };
        findings.push(Finding {
            kind: FindingKind::Figure,
            severity: severity_of(computed - stated.value, terms, stated.precision),
            section: plan.heading.clone(),
            place: format!("{}, {}", row.label(), budget.years.column_label(*year)),
            stated: Shown::amount(stated.value, stated.precision),
            computed: Shown::amount(computed, Precision::TKR),
            note: investment_note(row, *year, budget),
        });
    }
}

/// For a total that disagrees only because a stated subtotal does: say so.
fn investment_note(row: &InvestmentRow, year: Year, budget: &Budget) -> String {
    if *row != InvestmentRow::Total {
        return String::new();
    }
    let plan = &budget.investment;
    let stated = &plan.stated;
    let mut from_subtotals = Amount::ZERO;
    let mut wrong = Vec::new();
    for category in styr_domain::investment::InvestmentCategory::ALL {
        let key = (InvestmentRow::Category(category), year);
        let computed = plan.category_total(category, year);
        match stated.get(&key) {
            Some(subtotal) => {
                from_subtotals += subtotal.value;
                if !subtotal.agrees_with(computed) {
                    wrong.push(category.label());
                }
            }
            None => from_subtotals += computed,
        }
    }
    match stated.get(&(InvestmentRow::Total, year)) {
        Some(total) if total.agrees_with(from_subtotals) && !wrong.is_empty() => {
            format!(
                "Stämmer med tabellens egna delsummor; skillnaden följer av ”{}”.",
                wrong.join("”, ”")
            )
        }
        _ => String::new(),
    }
}
