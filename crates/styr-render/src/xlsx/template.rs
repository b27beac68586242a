//! The budget template: a workbook a unit manager fills in offline and a controller reads back
//! with `styr import` (the reader is `styr_import::template`). One sheet per unit with its own
//! budget lines: the previous year for comparison, a yellow cell for each line in each budget
//! and plan year (tkr, costs negative), the finansnetto, and a column for the explanation of
//! each line's change. The cells come filled with the budget as it is, so reading an untouched
//! template back changes nothing.
//!
//! The reader finds everything by its label ([`styr_domain::template`]), not by its position:
//! rows and columns a person inserts therefore do no harm.

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::{LineKind, OperatingRow, UnitLines};
use styr_domain::organisation::UnitId;
use styr_domain::template::{COMPARISON, EXPLANATION, FINANCIAL_NET, HEADER, NET, TITLE, UNIT_ID};

use styr_reports::shown::template::lines_net;

use super::{Cell, Look, Sheet, Value, range_sum, sheet_name, tkr_number};

/// The template for `units` (every unit with budget lines when empty).
pub fn template_workbook(budget: &Budget, units: &[UnitId]) -> Result<Vec<u8>, std::io::Error> {
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for lines in budget
        .lines
        .iter()
        .filter(|lines| units.is_empty() || units.contains(&lines.unit))
    {
        let name = budget
            .organisation
            .unit(&lines.unit)
            .map_or_else(|| lines.unit.to_string(), |unit| unit.name.clone());
        let mut sheet = unit_sheet(budget, lines, &name).map_err(std::io::Error::other)?;
        sheet.name = sheet_name(&name, &taken);
        taken.push(sheet.name.clone());
        sheets.push(sheet);
    }
    super::workbook(&sheets, &format!("{TITLE} – {}", budget.document.title))
}

fn unit_sheet(budget: &Budget, lines: &UnitLines, name: &str) -> Result<Sheet, AmountOverflow> {
    let years = &budget.years;
    let editable: Vec<Year> = std::iter::once(years.budget)
        .chain(years.plan.iter().copied())
        .collect();
    let text = |text: &str, look| Some(Cell::text(text, look));
    let mut rows = vec![
        vec![
            text(TITLE, Look::Bold),
            text(&budget.document.title, Look::Text),
        ],
        vec![
            text(UNIT_ID, Look::Bold),
            text(lines.unit.as_str(), Look::Text),
        ],
        vec![text("Enhet", Look::Bold), text(name, Look::Text)],
        vec![text(
            &format!(
                "Fyll i de gula cellerna i tkr, kostnader med minus. Förklara varje rads förändring {}–{} i kolumnen {EXPLANATION}. Läs in filen med styr import.",
                years.previous, years.budget
            ),
            Look::Text,
        )],
        Vec::new(),
    ];
    let mut header = vec![
        text(HEADER, Look::Header),
        text(
            &format!("{} {COMPARISON}", years.column_label(years.previous)),
            Look::Header,
        ),
    ];
    header.extend(
        editable
            .iter()
            .map(|year| text(&years.column_label(*year), Look::Header)),
    );
    header.push(text(
        &format!("{EXPLANATION} {}–{}", years.previous, years.budget),
        Look::Header,
    ));
    rows.push(header);
    let first = rows.len();
    let value = |line: LineKind, year: Year| {
        lines
            .lines
            .get(&line)
            .and_then(|amounts| amounts.get(&year))
            .copied()
            .unwrap_or(Amount::ZERO)
    };
    for line in LineKind::ALL {
        let mut row = vec![
            text(OperatingRow::Line(line).label(), Look::Text),
            Some(Cell::tkr(value(line, years.previous), Look::Tkr)),
        ];
        row.extend(
            editable
                .iter()
                .map(|year| Some(Cell::tkr(value(line, *year), Look::Input))),
        );
        let explanation = lines
            .explanations
            .iter()
            .find(|explanation| explanation.line == line && explanation.to == years.budget)
            .map(|explanation| explanation.text.clone())
            .unwrap_or_default();
        row.push(text(&explanation, Look::InputText));
        rows.push(row);
    }
    let net = |year: Year| {
        lines
            .financial_net
            .get(&year)
            .copied()
            .unwrap_or(Amount::ZERO)
    };
    let mut financial = vec![
        text(FINANCIAL_NET, Look::Text),
        Some(Cell::tkr(net(years.previous), Look::Tkr)),
    ];
    financial.extend(
        editable
            .iter()
            .map(|year| Some(Cell::tkr(net(*year), Look::Input))),
    );
    rows.push(financial);
    let last_line = first + LineKind::ALL.len() - 1;
    let mut sum = vec![text(NET, Look::Bold)];
    for (offset, year) in std::iter::once(years.previous)
        .chain(editable.iter().copied())
        .enumerate()
    {
        let column = offset + 1;
        let total = lines_net(lines, year)?;
        sum.push(Some(Cell {
            value: Value::Formula {
                formula: range_sum(column, first, last_line),
                value: tkr_number(total),
            },
            look: Look::TkrBold,
        }));
    }
    rows.push(sum);
    Ok(Sheet {
        name: name.to_string(),
        rows,
        widths: std::iter::once(34)
            .chain(std::iter::repeat_n(16, editable.len() + 1))
            .chain(std::iter::once(70))
            .collect(),
    })
}
