//! The investment plan (`[investment]`, its projects and rows) and the statements of figures in
//! prose (`[[statement]]`) as budget-file tables.

use styr_domain::budget::Budget;
use styr_domain::investment::{InvestmentPlan, InvestmentRow};
use styr_domain::statement::{Claim, Figure};

use super::output::Output;
use super::values::{change_text, entered_amount, stated, year_amounts, year_list};

pub(super) fn investment(out: &mut Output, plan: &InvestmentPlan) {
    if *plan == InvestmentPlan::default() {
        return;
    }
    out.table("[investment]");
    out.text("heading", &plan.heading);
    out.raw("years", &year_list(&plan.years));
    for project in &plan.projects {
        out.table("[[investment.project]]");
        out.text("name", &project.name);
        out.text("category", project.category.key());
        out.raw(
            "amounts",
            &year_amounts(
                project
                    .amounts
                    .iter()
                    .map(|(year, amount)| (*year, entered_amount(*amount))),
            ),
        );
        super::details::project(out, project);
    }
    if !plan.stated.is_empty() {
        out.table("[investment.stated]");
        let mut rows: Vec<&InvestmentRow> = plan.stated.keys().map(|(row, _)| row).collect();
        rows.dedup();
        for row in rows {
            let key = match row {
                InvestmentRow::Category(category) => category.key(),
                InvestmentRow::Total => "total",
                // The reader has no stated project rows: a project's amounts are its own.
                InvestmentRow::Project(_) => continue,
            };
            let figures = plan
                .stated
                .iter()
                .filter(|((stated_row, _), _)| stated_row == row);
            out.raw(
                key,
                &year_amounts(figures.map(|((_, year), value)| (*year, stated(value)))),
            );
        }
    }
    super::details::investment_superseded(out, &plan.superseded);
}

pub(super) fn statements(out: &mut Output, budget: &Budget) {
    for statement in &budget.statements {
        out.table("[[statement]]");
        out.text("section", &statement.section);
        out.text("text", &statement.text);
        let figure = match &statement.figure {
            Figure::Operating { unit, row } => format!("operating:{unit}:{}", row.key()),
            Figure::Frame { unit } => format!("frame:{unit}"),
            Figure::Investment {
                row: InvestmentRow::Total,
            } => "investment:total".into(),
            Figure::Investment {
                row: InvestmentRow::Category(category),
            } => format!("investment:{}", category.key()),
            Figure::Investment {
                row: InvestmentRow::Project(name),
            } => format!("investment:project:{name}"),
        };
        out.text("figure", &figure);
        match &statement.claim {
            Claim::Change {
                from,
                to,
                stated: change,
            } => {
                out.text("change", &change_text(change));
                out.raw("years", &year_list(&[*from, *to]));
            }
            Claim::Value {
                year,
                stated: value,
            } => {
                out.raw("value", &stated(value));
                out.raw("year", &year.to_string());
            }
            Claim::Sum {
                years,
                stated: value,
            } => {
                out.raw("sum", &stated(value));
                out.raw("years", &year_list(years));
            }
            Claim::Average {
                years,
                stated: value,
            } => {
                out.raw("average", &stated(value));
                out.raw("years", &year_list(years));
            }
        }
        if statement.superseded {
            out.raw("superseded", "true");
        }
    }
}
