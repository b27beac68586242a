//! A derived frame year's steps (`[[frame.year.step]]`): uprating by the index, or a named
//! adjustment, each permanent or for the one year.

use styr_domain::frame::{Permanence, Step, StepKind};
use styr_domain::money::Unit;
use styr_domain::percent::Percent;
use toml::Spanned;

use crate::amount::parse_percent;
use crate::budget_file::raw::RawStep;
use crate::budget_file::reader::Reader;

pub(super) fn steps(reader: &mut Reader, raw_steps: &[RawStep]) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut complete = true;
    for raw in raw_steps {
        let stated_result = raw
            .result
            .as_ref()
            .and_then(|result| reader.amount(result, Unit::Tkr));
        let kind = match (&raw.uprating, &raw.adjustment) {
            (Some(index_year), None) => {
                let share = match &raw.share {
                    None => Some(Percent::HUNDRED),
                    Some(share) => parse_percent(share.get_ref())
                        .map_err(|message| reader.issue(share.span(), message))
                        .ok(),
                };
                reader
                    .year(index_year)
                    .zip(share)
                    .map(|(index_year, share)| StepKind::Uprating { index_year, share })
            }
            (None, Some(name)) => match &raw.amount {
                Some(amount) => {
                    reader
                        .amount(amount, Unit::Tkr)
                        .map(|amount| StepKind::Adjustment {
                            name: name.get_ref().clone(),
                            amount,
                            permanence: if raw.permanent {
                                Permanence::Permanent
                            } else {
                                Permanence::Temporary
                            },
                        })
                }
                None => {
                    reader.issue(
                        name.span(),
                        format!(
                            "justeringen ”{}” saknar belopp (amount = …)",
                            name.get_ref()
                        ),
                    );
                    None
                }
            },
            (Some(span), Some(_)) => {
                reader.issue(
                    span.span(),
                    "ett steg är antingen en uppräkning (uprating) eller en justering (adjustment)",
                );
                None
            }
            (None, None) => {
                let span = raw.result.as_ref().map(Spanned::span).unwrap_or(0..0);
                reader.issue(
                    span,
                    "ett steg behöver uprating = ÅR eller adjustment = \"namn\"",
                );
                None
            }
        };
        match kind {
            Some(kind) => steps.push(Step {
                kind,
                stated_result,
                text: raw.text.clone(),
            }),
            None => complete = false,
        }
    }
    complete.then_some(steps)
}
