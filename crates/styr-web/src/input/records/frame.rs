//! A frame year as typed (the Ramberäkning page's form, the API's body): decided with an
//! amount — and, if the document accounts for it, the trail of how it arose — or derived
//! from a base by its steps. Every field is read and every message comes back at once.
//!
//! ```text
//! derived, base: grundbudget 2025 (frame),
//!   step 0: uprating by 100 % of PKV 2025
//!   step 1: adjustment "Satsning", 2,0 mnkr, for the year only
//! ```
//!
//! A step whose kind is empty is left out: how a form removes a step, and how its blank row
//! for a new step stays unused.

use styr_domain::calendar::Year;
use styr_domain::frame::{Base, Derivation, FrameYear, Permanence, Step, StepKind};
use styr_domain::money::{Stated, Unit};
use styr_domain::parse::{parse_amount, parse_percent};
use styr_domain::percent::Percent;

use crate::input::{Errors, FieldErrors, amount, text};

/// A step as typed.
#[derive(Default)]
pub struct StepInput<'a> {
    /// "uprating", "adjustment", or "" for none.
    pub kind: &'a str,
    pub index_year: &'a str,
    /// The share of the index, "100" when empty.
    pub share: &'a str,
    pub name: &'a str,
    pub amount: &'a str,
    pub permanent: bool,
    /// The running figure as the document states it after the step, if it does.
    pub result: &'a str,
    pub text: &'a str,
}

/// A frame year as typed.
#[derive(Default)]
pub struct FrameYearInput<'a> {
    /// "entered" (decided) or "derived".
    pub mode: &'a str,
    pub amount: &'a str,
    /// "frame" (another year's grundbudget), "amount" (a stated grundbudget), or "" for none.
    pub base: &'a str,
    pub base_year: &'a str,
    pub base_amount: &'a str,
    pub steps: Vec<StepInput<'a>>,
}

pub fn frame_year(input: &FrameYearInput<'_>) -> Result<FrameYear, FieldErrors> {
    let mut errors = Errors::default();
    let base = match input.base {
        "" => None,
        "frame" => year(&mut errors, "base_year", input.base_year).map(|year| Base::Frame { year }),
        "amount" => {
            let year = year(&mut errors, "base_year", input.base_year);
            let amount = stated(&mut errors, "base_amount", input.base_amount, true);
            year.zip(amount)
                .map(|(year, amount)| Base::Amount { year, amount })
        }
        _ => {
            errors.add("base", "välj vad härledningen utgår från");
            None
        }
    };
    let mut steps = Vec::new();
    for (index, step) in input.steps.iter().enumerate() {
        let field = |part: &str| format!("step:{index}:{part}");
        let kind = match step.kind {
            "" => continue,
            "uprating" => {
                let index_year = year(&mut errors, &field("index_year"), step.index_year);
                let share = if step.share.trim().is_empty() {
                    Some(Percent::HUNDRED)
                } else {
                    parse_percent(step.share)
                        .map_err(|message| errors.add(&field("share"), message))
                        .ok()
                };
                index_year
                    .zip(share)
                    .map(|(index_year, share)| StepKind::Uprating { index_year, share })
            }
            "adjustment" => {
                let name = errors.required(&field("name"), step.name, "Justeringens namn");
                let amount = stated(&mut errors, &field("amount"), step.amount, true);
                amount.map(|amount| StepKind::Adjustment {
                    name,
                    amount,
                    permanence: if step.permanent {
                        Permanence::Permanent
                    } else {
                        Permanence::Temporary
                    },
                })
            }
            _ => {
                errors.add(&field("kind"), "välj uppräkning eller justering");
                None
            }
        };
        let stated_result = stated(&mut errors, &field("result"), step.result, false);
        let text = text(step.text).unwrap_or_else(|message| {
            errors.add(&field("text"), message);
            String::new()
        });
        if let Some(kind) = kind {
            steps.push(Step {
                kind,
                stated_result,
                text,
            });
        }
    }
    let derivation = base.map(|base| Derivation { base, steps });
    let year_value = match input.mode {
        "entered" => {
            let amount = match amount(input.amount) {
                Ok(amount) => Some(amount),
                Err(message) => {
                    errors.add("amount", message);
                    None
                }
            };
            amount.map(|amount| FrameYear::Entered {
                amount,
                trail: derivation,
            })
        }
        "derived" => match derivation {
            Some(derivation) => Some(FrameYear::Derived { derivation }),
            None => {
                errors.add(
                    "base",
                    "ett härlett år behöver en utgångspunkt: ett annat års grundbudget eller ett belopp",
                );
                None
            }
        },
        _ => {
            errors.add("mode", "välj beslutat eller härlett");
            None
        }
    };
    match year_value {
        Some(value) => errors.finish(|| value),
        None => Err(errors.into_inner()),
    }
}

fn year(errors: &mut Errors, field: &str, typed: &str) -> Option<Year> {
    match typed.trim().parse::<i64>().map(Year::new) {
        Ok(Ok(year)) => Some(year),
        Ok(Err(error)) => {
            errors.add(field, error.to_string());
            None
        }
        Err(_) => {
            errors.add(field, "ange ett år, till exempel 2025");
            None
        }
    }
}

/// A figure at the precision it is written ("113,3 mnkr", "233 tkr", "5 000"); empty is
/// none, or a message when `required`.
fn stated(errors: &mut Errors, field: &str, typed: &str, required: bool) -> Option<Stated> {
    if typed.trim().is_empty() {
        if required {
            errors.add(field, "beloppet behöver fyllas i");
        }
        return None;
    }
    parse_amount(typed, Unit::Tkr)
        .map_err(|message| errors.add(field, message))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::money::{Amount, Precision};

    #[test]
    fn a_derived_year_with_an_uprating_and_a_temporary_adjustment_reads() {
        let read = frame_year(&FrameYearInput {
            mode: "derived",
            base: "frame",
            base_year: "2025",
            steps: vec![
                StepInput {
                    kind: "uprating",
                    index_year: "2025",
                    ..StepInput::default()
                },
                StepInput {
                    kind: "adjustment",
                    name: "Satsning",
                    amount: "2,0 mnkr",
                    ..StepInput::default()
                },
                StepInput::default(),
            ],
            ..FrameYearInput::default()
        })
        .expect("reads");
        let FrameYear::Derived { derivation } = read else {
            panic!("derived: {read:?}")
        };
        assert_eq!(derivation.steps.len(), 2, "the blank row is no step");
        assert!(matches!(
            &derivation.steps[1].kind,
            StepKind::Adjustment { amount, permanence: Permanence::Temporary, .. }
                if *amount == Stated::new(Amount::from_tkr(2_000), Precision::MNKR_ONE_DECIMAL)
        ));
    }

    #[test]
    fn every_bad_field_has_its_message() {
        let errors = frame_year(&FrameYearInput {
            mode: "entered",
            amount: "mycket",
            base: "amount",
            base_year: "tjugo",
            base_amount: "",
            steps: vec![StepInput {
                kind: "adjustment",
                name: "",
                amount: "x",
                ..StepInput::default()
            }],
        })
        .expect_err("refused");
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            [
                "amount",
                "base_amount",
                "base_year",
                "step:0:amount",
                "step:0:name"
            ]
        );
        let derived_without_base = frame_year(&FrameYearInput {
            mode: "derived",
            ..FrameYearInput::default()
        })
        .expect_err("refused");
        assert!(derived_without_base.contains_key("base"));
    }
}
