//! The frames' trails: each step the document states ("till 113,5 mnkr") against the step
//! computed from the one before, and the trail's end against the entered kommunbidrag.

use styr_domain::budget::Budget;

use crate::finding::notes::unit_slip_note;
use crate::finding::{Finding, FindingKind, Severity, Shown, severity_of};

pub fn frame_trails(budget: &Budget, findings: &mut Vec<Finding>) {
    for frame in &budget.frames {
        let figures = match frame.figures(&budget.index) {
            Ok(figures) => figures,
            Err(error) => {
                findings.push(Finding {
                    kind: FindingKind::Figure,
                    severity: Severity::Error,
                    section: frame.heading.clone(),
                    place: "Kommunbidrag".into(),
                    stated: Shown::text("–"),
                    computed: Shown::text("kan inte beräknas"),
                    note: error.to_string(),
                });
                continue;
            }
        };
        for figure in figures {
            let Some(trail) = &figure.trail else { continue };
            for line in &trail.lines {
                let Some(stated) = line.stated else { continue };
                if stated.agrees_with(line.running) {
                    continue;
                }
                findings.push(Finding {
                    kind: FindingKind::Figure,
                    severity: severity_of(line.running, stated.value, 1, stated.precision),
                    section: frame.heading.clone(),
                    place: if line.text.is_empty() {
                        format!("Kommunbidrag {}", figure.year)
                    } else {
                        format!("”{}”", line.text)
                    },
                    stated: Shown::amount(stated.value, stated.precision),
                    computed: Shown::amount(line.running, stated.precision),
                    note: unit_slip_note(stated, line.running),
                });
            }
            // A decided year the derivation does not lead to.
            if figure.entered
                && !figure
                    .kommunbidrag
                    .shown_alike(trail.result(), trail.precision)
            {
                findings.push(Finding {
                    kind: FindingKind::Figure,
                    severity: severity_of(
                        trail.result(),
                        figure.kommunbidrag,
                        trail.lines.len(),
                        trail.precision,
                    ),
                    section: frame.heading.clone(),
                    place: format!("Kommunbidrag {}: härledningen", figure.year),
                    stated: Shown::amount(figure.kommunbidrag, styr_domain::money::Precision::TKR),
                    computed: Shown::amount(trail.result(), trail.precision),
                    note: format!(
                        "Härledningens steg leder inte fram till det beslutade kommunbidraget. {}",
                        crate::frame::derivation_warning(
                            figure.year,
                            figure.kommunbidrag,
                            trail.result(),
                            trail.precision
                        )
                    ),
                });
            }
        }
    }
}
