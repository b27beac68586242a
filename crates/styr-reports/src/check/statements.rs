//! Figures stated in prose against the tables: changes ("ökar med 8,1 mnkr"), values, sums and
//! averages over years. What a claim computes to is in [`compute`]; here it is compared with
//! what the sentence says, and a disagreement explained where styr can tell why (the change
//! fits other years, or the grundbudget instead of last year's kommunbidrag).

mod compute;

use styr_domain::budget::Budget;
use styr_domain::format;
use styr_domain::frame::Base;
use styr_domain::operating::OperatingRow;
use styr_domain::statement::{Claim, Direction, Figure, Statement};

use compute::{Computed, Missing, Source, agrees, change_agrees, compute, stated_of};

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
        for explanation in lines
            .explanations
            .iter()
            .filter(|explanation| !explanation.superseded)
        {
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
                superseded: false,
            };
            check_statement(budget, &statement, findings);
        }
    }
}

pub fn statements(budget: &Budget, findings: &mut Vec<Finding>) {
    // A sentence a person has since changed a figure of no longer speaks for the budget.
    for statement in budget
        .statements
        .iter()
        .filter(|statement| !statement.superseded)
    {
        check_statement(budget, statement, findings);
    }
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
