//! Figures stated in prose against the tables: changes ("ökar med 8,1 mnkr"), values, sums and
//! averages over years.

use styr_domain::budget::{Budget, FigureError};
use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::frame::{Base, FrameError};
use styr_domain::money::{Amount, AmountOverflow, Stated};
use styr_domain::operating::OperatingRow;
use styr_domain::statement::{Claim, Direction, Figure, StatedChange, Statement};

use crate::finding::notes::{change_text, unit_slip_note};
use crate::finding::{Finding, FindingKind, Severity, Shown, severity_of};

/// The change explanations' stated changes, as statements about their operating line.
pub fn explanations(budget: &Budget, findings: &mut Vec<Finding>) {
    for lines in &budget.lines {
        let heading = budget
            .operating_tables
            .iter()
            .find(|table| table.unit == lines.unit)
            .map(|table| table.heading.clone())
            .unwrap_or_else(|| lines.unit.to_string());
        for explanation in &lines.explanations {
            let Some(stated) = explanation.stated else {
                continue;
            };
            let statement = Statement {
                section: heading.clone(),
                text: if explanation.stated_sentence.is_empty() {
                    format!(
                        "{} {} med {}",
                        crate::sentences::line_subject(explanation.line),
                        stated.direction.swedish(),
                        format::with_unit(stated.magnitude.value, stated.magnitude.precision)
                    )
                } else {
                    explanation.stated_sentence.clone()
                },
                figure: Figure::Operating {
                    unit: lines.unit.clone(),
                    row: OperatingRow::Line(explanation.line),
                },
                claim: Claim::Change {
                    from: explanation.from,
                    to: explanation.to,
                    stated,
                },
            };
            check_statement(budget, &statement, findings);
        }
    }
}

pub fn statements(budget: &Budget, findings: &mut Vec<Finding>) {
    for statement in &budget.statements {
        check_statement(budget, statement, findings);
    }
}

/// Which figures a claim rests on: computed from the rows, or the table's own stated figures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Rows,
    StatedTable,
}

/// Why a claim's figure has no value: the table lacks the year, or the figure cannot be
/// computed (its message names it).
enum Missing {
    Year(Year),
    Uncomputable(String),
}

/// The figure's value in `year`.
fn value(budget: &Budget, figure: &Figure, year: Year, source: Source) -> Result<Amount, Missing> {
    match figure {
        Figure::Operating { unit, row } => {
            let stated = budget
                .operating_tables
                .iter()
                .find(|table| &table.unit == unit)
                .and_then(|table| table.stated.get(&(*row, year)));
            if let (Source::StatedTable, Some(stated)) = (source, stated) {
                return Ok(stated.value);
            }
            if !budget.years.columns().contains(&year) {
                return Err(Missing::Year(year));
            }
            match budget.operating_figures(unit, year) {
                Ok(figures) => Ok(figures.row(*row)),
                Err(FigureError::Overflow(overflow)) => {
                    Err(Missing::Uncomputable(overflow.to_string()))
                }
                Err(FigureError::Frame(_)) => Err(Missing::Year(year)),
            }
        }
        Figure::Frame { unit } => match budget
            .frame(unit)
            .map(|frame| frame.kommunbidrag(year, &budget.index))
        {
            Some(Ok(amount)) => Ok(amount),
            Some(Err(FrameError::Overflow(overflow))) => {
                Err(Missing::Uncomputable(overflow.to_string()))
            }
            _ => Err(Missing::Year(year)),
        },
        Figure::Investment { row } => {
            let plan = &budget.investment;
            if !plan.years.contains(&year) {
                return Err(Missing::Year(year));
            }
            match (source, plan.stated.get(&(row.clone(), year))) {
                (Source::StatedTable, Some(stated)) => Ok(stated.value),
                _ => match plan.row(row, year) {
                    Ok(Some(amount)) => Ok(amount),
                    Ok(None) => Err(Missing::Year(year)),
                    Err(overflow) => Err(Missing::Uncomputable(overflow.to_string())),
                },
            }
        }
    }
}

/// What a claim computes to, with how many table figures went into it.
enum Computed {
    Amount {
        amount: Amount,
        terms: usize,
    },
    Change {
        direction: Direction,
        magnitude: Amount,
    },
    Missing(Missing),
}

fn compute(budget: &Budget, statement: &Statement, source: Source) -> Computed {
    let figure = &statement.figure;
    let series = |years: &[Year]| -> Result<Vec<Amount>, Missing> {
        years
            .iter()
            .map(|year| value(budget, figure, *year, source))
            .collect()
    };
    let too_large = || {
        Computed::Missing(Missing::Uncomputable(format!(
            "”{}”: {AmountOverflow}",
            statement.text
        )))
    };
    let sum = |years: &[Year], terms: usize, mean: bool| match series(years) {
        Ok(values) => {
            let sum = Amount::try_sum(values);
            let amount = if mean {
                sum.map(|sum| sum.average_over(years.len()))
            } else {
                sum
            };
            match amount {
                Ok(amount) => Computed::Amount { amount, terms },
                Err(AmountOverflow) => too_large(),
            }
        }
        Err(missing) => Computed::Missing(missing),
    };
    match &statement.claim {
        Claim::Change { from, to, .. } => match series(&[*from, *to]) {
            Ok(values) => match Direction::of_change(values[0], values[1]) {
                Ok((direction, magnitude)) => Computed::Change {
                    direction,
                    magnitude,
                },
                Err(AmountOverflow) => too_large(),
            },
            Err(missing) => Computed::Missing(missing),
        },
        Claim::Value { year, .. } => sum(&[*year], 1, false),
        Claim::Sum { years, .. } => sum(years, years.len(), false),
        Claim::Average { years, .. } => sum(years, 1, true),
    }
}

fn stated_of(claim: &Claim) -> Stated {
    match claim {
        Claim::Change { stated, .. } => stated.magnitude,
        Claim::Value { stated, .. } | Claim::Sum { stated, .. } | Claim::Average { stated, .. } => {
            *stated
        }
    }
}

fn agrees(claim: &Claim, computed: &Computed) -> bool {
    match (claim, computed) {
        (
            Claim::Change { stated, .. },
            Computed::Change {
                direction,
                magnitude,
            },
        ) => change_agrees(stated, *direction, *magnitude),
        (_, Computed::Amount { amount, .. }) => stated_of(claim).agrees_with(*amount),
        _ => false,
    }
}

fn change_agrees(stated: &StatedChange, direction: Direction, magnitude: Amount) -> bool {
    let size_agrees = stated.magnitude.agrees_with(magnitude);
    size_agrees
        && (stated.direction == direction
            || magnitude.shown_alike(Amount::ZERO, stated.magnitude.precision))
}

fn check_statement(budget: &Budget, statement: &Statement, findings: &mut Vec<Finding>) {
    let computed = compute(budget, statement, Source::Rows);
    if agrees(&statement.claim, &computed) {
        return;
    }
    let stated = stated_of(&statement.claim);
    let mut finding = Finding {
        kind: FindingKind::Figure,
        severity: Severity::Error,
        section: statement.section.clone(),
        place: format!("”{}”", statement.text),
        stated: Shown::amount(stated.value, stated.precision),
        computed: Shown::text(""),
        note: String::new(),
    };
    match computed {
        Computed::Missing(Missing::Year(year)) => {
            finding.computed = Shown::text("kan inte beräknas");
            finding.note = format!("Tabellen har inget år {year}.");
            if let Some(note) = other_years_note(budget, statement) {
                finding.note.push(' ');
                finding.note.push_str(&note);
            }
        }
        Computed::Missing(Missing::Uncomputable(reason)) => {
            finding.computed = Shown::text("kan inte beräknas");
            finding.note = reason;
        }
        Computed::Change {
            direction,
            magnitude,
        } => {
            let Claim::Change {
                stated: stated_change,
                ..
            } = &statement.claim
            else {
                return;
            };
            finding.stated = Shown::text(change_text(
                stated_change.direction,
                stated_change.magnitude.value,
                stated.precision,
            ));
            finding.computed = Shown {
                ore: Some(magnitude.ore()),
                ..Shown::text(change_text(direction, magnitude, stated.precision))
            };
            if stated_change.direction == direction {
                finding.severity = severity_of(magnitude, stated.value, 2, stated.precision);
            }
            finding.note = frame_base_note(budget, statement)
                .unwrap_or_else(|| unit_slip_note(stated, magnitude));
        }
        Computed::Amount { amount, terms } => {
            finding.severity = severity_of(amount, stated.value, terms, stated.precision);
            finding.computed = Shown::amount(amount, stated.precision);
            finding.note = unit_slip_note(stated, amount);
        }
    }
    if finding.note.is_empty()
        && agrees(
            &statement.claim,
            &compute(budget, statement, Source::StatedTable),
        )
    {
        finding.note = "Stämmer med tabellens angivna summor, men inte med raderna.".into();
    }
    findings.push(finding);
}

/// For a change between years the table does not have: the pair of adjacent years it fits.
fn other_years_note(budget: &Budget, statement: &Statement) -> Option<String> {
    let Claim::Change { from, to, stated } = &statement.claim else {
        return None;
    };
    budget.years.columns().windows(2).find_map(|pair| {
        let moved = Statement {
            claim: Claim::Change {
                from: pair[0],
                to: pair[1],
                stated: *stated,
            },
            ..statement.clone()
        };
        let fits = agrees(&moved.claim, &compute(budget, &moved, Source::Rows))
            && (pair[0], pair[1]) != (*from, *to);
        fits.then(|| format!("Förändringen stämmer för {}–{}.", pair[0], pair[1]))
    })
}

/// A frame change that matches the difference to the year's stated grundbudget rather than
/// to the previous year's kommunbidrag.
fn frame_base_note(budget: &Budget, statement: &Statement) -> Option<String> {
    let (Figure::Frame { unit }, Claim::Change { to, stated, .. }) =
        (&statement.figure, &statement.claim)
    else {
        return None;
    };
    let frame = budget.frame(unit)?;
    let figure = frame.figure(*to, &budget.index).ok()?;
    let base = match &frame.years.get(to)? {
        styr_domain::frame::FrameYear::Entered {
            trail: Some(derivation),
            ..
        }
        | styr_domain::frame::FrameYear::Derived { derivation } => match &derivation.base {
            Base::Amount { amount, .. } => amount,
            Base::Frame { .. } => return None,
        },
        _ => return None,
    };
    let (direction, magnitude) = Direction::of_change(base.value, figure.kommunbidrag).ok()?;
    change_agrees(stated, direction, magnitude).then(|| {
        format!(
            "Förändringen stämmer mot grundbudgeten {} i stället för föregående års kommunbidrag.",
            format::with_unit(base.value, base.precision)
        )
    })
}
