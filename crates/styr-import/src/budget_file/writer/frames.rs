//! Frames as budget-file tables: `[[frame]]` with its years, each entered or derived from a
//! base by steps (`[[frame.year.step]]`).

use styr_domain::budget::Budget;
use styr_domain::frame::{Base, FrameYear, Permanence, Step, StepKind};

use super::output::Output;
use super::values::{entered_amount, stated};

pub(super) fn frames(out: &mut Output, budget: &Budget) {
    for frame in &budget.frames {
        out.table("[[frame]]");
        out.text("unit", frame.unit.as_str());
        out.text("heading", &frame.heading);
        out.text("index", &frame.index.name);
        out.text("vintage", &frame.index.vintage);
        for (year, frame_year) in &frame.years {
            out.table("[[frame.year]]");
            out.raw("year", &year.to_string());
            let derivation = match frame_year {
                FrameYear::Entered { amount, trail } => {
                    out.raw("amount", &entered_amount(*amount));
                    trail.as_ref()
                }
                FrameYear::Derived { derivation } => Some(derivation),
            };
            let Some(derivation) = derivation else {
                continue;
            };
            let base = match &derivation.base {
                Base::Amount { year, amount } => {
                    format!("{{ year = {year}, amount = {} }}", stated(amount))
                }
                Base::Frame { year } => format!("{{ frame = {year} }}"),
            };
            out.raw("base", &base);
            for step in &derivation.steps {
                frame_step(out, step);
            }
        }
    }
}

pub(super) fn frame_step(out: &mut Output, step: &Step) {
    out.table("[[frame.year.step]]");
    match &step.kind {
        StepKind::Uprating { index_year, share } => {
            out.raw("uprating", &index_year.to_string());
            out.text("share", &share.to_swedish());
        }
        StepKind::Adjustment {
            name,
            amount,
            permanence,
        } => {
            out.text("adjustment", name);
            out.raw("amount", &stated(amount));
            out.raw(
                "permanent",
                if *permanence == Permanence::Permanent {
                    "true"
                } else {
                    "false"
                },
            );
        }
    }
    if let Some(result) = &step.stated_result {
        out.raw("result", &stated(result));
    }
    out.long_text("text", &step.text);
}
