//! The operating budget as budget-file tables: `[[operating]]` per unit with its lines by year,
//! the financial net and the change explanations, and the stated operating tables.

use styr_domain::budget::Budget;
use styr_domain::operating::OperatingRow;

use super::output::Output;
use super::values::{change_text, entered_amount, stated, year_amounts, year_list};

pub(super) fn operating(out: &mut Output, budget: &Budget) {
    let mut written = Vec::new();
    for lines in &budget.lines {
        out.table("[[operating]]");
        out.text("unit", lines.unit.as_str());
        let table = budget
            .operating_tables
            .iter()
            .find(|table| table.unit == lines.unit);
        if let Some(table) = table {
            out.text("heading", &table.heading);
            written.push(&table.unit);
        }
        for (kind, amounts) in &lines.lines {
            out.raw(
                kind.key(),
                &year_amounts(
                    amounts
                        .iter()
                        .map(|(year, amount)| (*year, entered_amount(*amount))),
                ),
            );
        }
        if !lines.financial_net.is_empty() {
            let amounts = lines
                .financial_net
                .iter()
                .map(|(year, amount)| (*year, entered_amount(*amount)));
            out.raw("financial_net", &year_amounts(amounts));
        }
        if let Some(table) = table.filter(|table| !table.stated.is_empty()) {
            out.table("[operating.stated]");
            for row in OperatingRow::ALL {
                let figures: Vec<_> = table
                    .stated
                    .iter()
                    .filter(|((stated_row, _), _)| *stated_row == row)
                    .collect();
                if !figures.is_empty() {
                    out.raw(
                        row.key(),
                        &year_amounts(
                            figures
                                .into_iter()
                                .map(|((_, year), value)| (*year, stated(value))),
                        ),
                    );
                }
            }
        }
        if let Some(table) = table {
            super::details::operating_superseded(out, &table.superseded);
        }
        for explanation in &lines.explanations {
            out.table("[[operating.explanation]]");
            out.text("line", explanation.line.key());
            if let Some(change) = &explanation.stated {
                out.text("change", &change_text(change));
            }
            if !explanation.stated_sentence.is_empty() {
                out.text("sentence", &explanation.stated_sentence);
            }
            out.raw("years", &year_list(&[explanation.from, explanation.to]));
            out.long_text("text", &explanation.text);
            if explanation.superseded {
                out.raw("superseded", "true");
            }
        }
    }
    // A table shown for a unit that has no lines of its own (its units carry them).
    for table in budget
        .operating_tables
        .iter()
        .filter(|table| !written.contains(&&table.unit))
    {
        out.table("[[operating]]");
        out.text("unit", table.unit.as_str());
        out.text("heading", &table.heading);
        if !table.stated.is_empty() {
            out.table("[operating.stated]");
            for row in OperatingRow::ALL {
                let figures: Vec<_> = table
                    .stated
                    .iter()
                    .filter(|((stated_row, _), _)| *stated_row == row)
                    .collect();
                if !figures.is_empty() {
                    out.raw(
                        row.key(),
                        &year_amounts(
                            figures
                                .into_iter()
                                .map(|((_, year), value)| (*year, stated(value))),
                        ),
                    );
                }
            }
        }
        super::details::operating_superseded(out, &table.superseded);
    }
}
