//! The frame derivation per nämnd for the budget year, as a table that adds up as printed:
//! the previous year's kommunbidrag, the index uprating, the decided changes (and whatever
//! the derivation takes out again, such as last year's temporary adjustments) and the frame.
//! Each step with its text is kept for the document's list beside the table.

use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::frame::{FrameFigure, TrailKind};
use styr_domain::money::{Amount, AmountOverflow, OverflowAt, Precision};

use super::boards::BoardFigures;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameChange {
    pub board: String,
    /// Shown in whole tkr, so that previous + uprating + changes = frame as printed.
    pub previous: Amount,
    pub uprating: Amount,
    pub changes: Amount,
    pub frame: Amount,
    /// The derivation's steps as its trail states them ("Uppräkning med 100 % av PKV 2026").
    pub steps: Vec<String>,
}

/// The change of every board's frame from `columns[from]` to `columns[to]`.
pub fn frame_changes(
    boards: &[BoardFigures],
    columns: &[Year],
    from: usize,
    to: usize,
) -> Result<Vec<FrameChange>, OverflowAt> {
    boards
        .iter()
        .map(|board| {
            let place =
                || AmountOverflow.at(format!("Ramberäkning › {} {}", board.name, columns[to]));
            let previous = board.frame[from]
                .kommunbidrag
                .round_to(Precision::TKR)
                .map_err(|_| place())?;
            let frame = board.frame[to]
                .kommunbidrag
                .round_to(Precision::TKR)
                .map_err(|_| place())?;
            let (uprating, steps) = uprating_of(&board.frame[to]).map_err(|_| place())?;
            let uprating = uprating.round_to(Precision::TKR).map_err(|_| place())?;
            let changes = frame
                .checked_sub(previous)
                .and_then(|change| change.checked_sub(uprating))
                .map_err(|_| place())?;
            Ok(FrameChange {
                board: board.name.clone(),
                previous,
                uprating,
                changes,
                frame,
                steps,
            })
        })
        .collect()
}

/// What the year's index steps add, exactly, and every step in words.
fn uprating_of(figure: &FrameFigure) -> Result<(Amount, Vec<String>), AmountOverflow> {
    let Some(trail) = &figure.trail else {
        return Ok((Amount::ZERO, vec!["Beslutat belopp".to_string()]));
    };
    let mut uprating = Amount::ZERO;
    let mut before = Amount::ZERO;
    let mut steps = Vec::new();
    for line in &trail.lines {
        match &line.kind {
            TrailKind::Base { year } => steps.push(format!(
                "Utgångspunkt: grundbudget {year}, {}",
                crate::sentences::in_prose(line.running)
            )),
            TrailKind::Uprating {
                index_year,
                share,
                percent,
            } => {
                uprating = uprating.checked_add(line.running.checked_sub(before)?)?;
                steps.push(format!(
                    "Uppräkning {index_year} med {} % av indexet ({} %): {}",
                    share.to_swedish(),
                    percent.to_swedish(),
                    crate::sentences::in_prose(line.running.checked_sub(before)?)
                ));
            }
            TrailKind::Adjustment {
                name,
                amount,
                permanence,
            } => steps.push(format!(
                "{name} ({}): {}",
                permanence.swedish(),
                crate::sentences::in_prose(*amount)
            )),
        }
        before = line.running;
    }
    Ok((uprating, steps))
}

/// The changes of all boards added up, as the table's sum row prints them.
pub fn total(changes: &[FrameChange]) -> Result<FrameChange, OverflowAt> {
    let sum = |pick: fn(&FrameChange) -> Amount| {
        Amount::try_sum(changes.iter().map(pick))
            .map_err(|overflow| overflow.at("Ramberäkning › Summa"))
    };
    Ok(FrameChange {
        board: "Summa".to_string(),
        previous: sum(|change| change.previous)?,
        uprating: sum(|change| change.uprating)?,
        changes: sum(|change| change.changes)?,
        frame: sum(|change| change.frame)?,
        steps: Vec::new(),
    })
}
