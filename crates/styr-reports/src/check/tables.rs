//! Table arithmetic: the operating tables' and the investment plan's stated rows against the
//! rows computed from the entered lines.

use styr_domain::budget::{Budget, FigureError, OperatingTable};
use styr_domain::calendar::Year;
use styr_domain::investment::InvestmentRow;
use styr_domain::money::{Amount, OverflowAt, Precision, Stated};
use styr_domain::operating::{OperatingRow, YearFigures};

use crate::finding::notes::inherited_from;
use crate::finding::{Finding, FindingKind, Severity, Shown, severity_of};

pub fn operating_tables(budget: &Budget, findings: &mut Vec<Finding>) {
    for table in &budget.operating_tables {
        // A column too large to compute is one finding, whether the document states its
        // figures or not; its stated figures are not compared.
        let mut too_large = Vec::new();
        for year in budget.years.columns() {
            if let Err(FigureError::Overflow(overflow)) =
                budget.operating_figures(&table.unit, year)
            {
                too_large.push(year);
                findings.push(uncomputable(
                    &table.heading,
                    budget.years.column_label(year),
                    &overflow,
                ));
            }
        }
        for (&(row, year), stated) in &table.stated {
            if too_large.contains(&year) {
                continue;
            }
            let figures = match budget.operating_figures(&table.unit, year) {
                Ok(figures) => figures,
                Err(error) => {
                    findings.push(Finding {
                        kind: FindingKind::Figure,
                        severity: Severity::Error,
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
                    Severity::Error
                } else {
                    severity_of(computed, stated.value, row.terms(), stated.precision)
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
    let entered = figures.entered();
    let (from_stated, cause) = match row {
        OperatingRow::NetCost => (
            stated(OperatingRow::Costs).and_then(|costs| entered.revenue.checked_add(costs).ok()),
            OperatingRow::Costs,
        ),
        OperatingRow::Result => (
            stated(OperatingRow::NetCost).and_then(|net_cost| {
                Amount::try_sum([net_cost, entered.kommunbidrag, entered.financial_net]).ok()
            }),
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

/// A figure that cannot be computed because a sum leaves the range: "kan inte beräknas".
fn uncomputable(section: &str, place: String, overflow: &OverflowAt) -> Finding {
    Finding {
        kind: FindingKind::Figure,
        severity: Severity::Error,
        section: section.to_string(),
        place,
        stated: Shown::text("–"),
        computed: Shown::text("kan inte beräknas"),
        note: overflow.to_string(),
    }
}

pub fn investment(budget: &Budget, findings: &mut Vec<Finding>) {
    let plan = &budget.investment;
    if let Err(overflow) = budget.verify_investment() {
        findings.push(uncomputable(
            &plan.heading,
            "Investeringsplanen".into(),
            &overflow,
        ));
        return;
    }
    for ((row, year), stated) in &plan.stated {
        let computed = match plan.row(row, *year) {
            Ok(Some(computed)) => computed,
            Ok(None) => continue,
            Err(overflow) => {
                findings.push(Finding {
                    kind: FindingKind::Figure,
                    severity: Severity::Error,
                    section: plan.heading.clone(),
                    place: format!("{}, {}", row.label(), budget.years.column_label(*year)),
                    stated: Shown::amount(stated.value, stated.precision),
                    computed: Shown::text("kan inte beräknas"),
                    note: overflow.to_string(),
                });
                continue;
            }
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
            severity: severity_of(computed, stated.value, terms, stated.precision),
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
        // A subtotal too large to compute is a finding of its own; no note rests on it.
        let Ok(computed) = plan.category_total(category, year) else {
            return String::new();
        };
        let part = match stated.get(&key) {
            Some(subtotal) => {
                if !subtotal.agrees_with(computed) {
                    wrong.push(category.label());
                }
                subtotal.value
            }
            None => computed,
        };
        let Ok(sum) = from_subtotals.checked_add(part) else {
            return String::new();
        };
        from_subtotals = sum;
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
