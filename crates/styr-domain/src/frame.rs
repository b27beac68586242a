//! Frames (ramar): a board's kommunbidrag per year and the trail of how each figure arose.
//!
//! *Kommunbidrag* is the allocation the council gives a board from tax revenue; it has no
//! English twin, so the code keeps the word. A year's kommunbidrag is either entered as
//! decided, or derived from a base by index uprating and named adjustments:
//!
//! ```text
//! 2026 = kommunbidrag 2025 (grundbudget) × (1 + 100 % × PKV 2025)
//!      = 118 535 tkr × 1,025 = 121 498,375 tkr → 121 498 tkr
//! 2027 = 121 498,375 tkr × 1,032             = 125 386,3 tkr   → 125 386 tkr
//! ```
//!
//! Chaining from the *unrounded* previous year is the rule the reference follows (its
//! exploateringsenhet reaches 246 tkr in 2027 only that way). The grundbudget of a year is its
//! kommunbidrag without that year's temporary adjustments. PKV is kept as a versioned table
//! (vintage, year → percent), and every derived figure records which vintage it used.
//!
//! An entered year may carry the document's own trail (base, uprating, adjustments) stated at
//! the document's precision; styr checks each step of it without letting it override the
//! entered figure.
//!
//! The PKV table is in `index`, what a derivation states in `derivation`, and what its
//! evaluation gives, step by step, in `trail`. Every step is checked arithmetic: a frame
//! whose figures leave the range of an amount is a [`FrameError::Overflow`] naming the year.

mod derivation;
mod index;
mod trail;

use std::collections::BTreeMap;

use serde::Serialize;
use thiserror::Error;

pub use derivation::{Base, Derivation, Permanence, Step, StepKind};
pub use index::{IndexChoice, IndexTable, IndexVintage};
pub use trail::{Trail, TrailKind, TrailLine};

use crate::calendar::Year;
use crate::money::{Amount, AmountOverflow, OverflowAt, Precision};
use crate::organisation::UnitId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FrameYear {
    /// Decided as a figure; `trail` is the document's account of it, checked but not used.
    Entered {
        amount: Amount,
        trail: Option<Derivation>,
    },
    /// Computed by the derivation and rounded to whole tkr.
    Derived { derivation: Derivation },
}

/// One board's (or separately reported unit's) kommunbidrag over the budget's years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Frame {
    pub unit: UnitId,
    pub heading: String,
    pub index: IndexChoice,
    pub years: BTreeMap<Year, FrameYear>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FrameError {
    #[error("ramen för {unit} har inget kommunbidrag för {year}")]
    MissingYear { unit: UnitId, year: Year },
    #[error("{index} ({vintage}) har inget värde för {year}")]
    MissingIndexValue {
        index: String,
        vintage: String,
        year: Year,
    },
    #[error("ramen för {unit} härleder {year} ur sig själv")]
    Circular { unit: UnitId, year: Year },
    #[error(transparent)]
    Overflow(#[from] OverflowAt),
}

/// A frame's year as computed: the kommunbidrag in whole tkr and, where there is one, the trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameFigure {
    pub year: Year,
    pub kommunbidrag: Amount,
    pub entered: bool,
    pub trail: Option<Trail>,
}

impl Frame {
    /// The kommunbidrag of `year`: entered, or derived and rounded to whole tkr.
    pub fn kommunbidrag(&self, year: Year, index: &IndexTable) -> Result<Amount, FrameError> {
        Ok(self.figure(year, index)?.kommunbidrag)
    }

    /// Every year of the frame, computed.
    pub fn figures(&self, index: &IndexTable) -> Result<Vec<FrameFigure>, FrameError> {
        self.years
            .keys()
            .map(|year| self.figure(*year, index))
            .collect()
    }

    pub fn figure(&self, year: Year, index: &IndexTable) -> Result<FrameFigure, FrameError> {
        self.figure_at_depth(year, index, 0)
    }

    fn figure_at_depth(
        &self,
        year: Year,
        index: &IndexTable,
        depth: usize,
    ) -> Result<FrameFigure, FrameError> {
        if depth > self.years.len() {
            return Err(FrameError::Circular {
                unit: self.unit.clone(),
                year,
            });
        }
        let frame_year = self
            .years
            .get(&year)
            .ok_or_else(|| FrameError::MissingYear {
                unit: self.unit.clone(),
                year,
            })?;
        match frame_year {
            FrameYear::Entered { amount, trail } => Ok(FrameFigure {
                year,
                kommunbidrag: *amount,
                entered: true,
                trail: trail
                    .as_ref()
                    .map(|trail| self.evaluate(year, trail, index, depth))
                    .transpose()?,
            }),
            FrameYear::Derived { derivation } => {
                let trail = self.evaluate(year, derivation, index, depth)?;
                Ok(FrameFigure {
                    year,
                    kommunbidrag: trail
                        .result()
                        .round_to(Precision::TKR)
                        .map_err(|overflow| overflow.at(self.place(year)))?,
                    entered: false,
                    trail: Some(trail),
                })
            }
        }
    }

    /// The grundbudget of `year` exactly: the unrounded derivation result less temporary
    /// adjustments, or the entered amount less the temporary adjustments of its trail.
    fn grundbudget(
        &self,
        year: Year,
        index: &IndexTable,
        depth: usize,
    ) -> Result<Amount, FrameError> {
        let figure = self.figure_at_depth(year, index, depth + 1)?;
        match (&figure.trail, figure.entered) {
            (Some(trail), false) => Ok(trail.grundbudget),
            (Some(trail), true) => trail
                .result()
                .checked_sub(trail.grundbudget)
                .and_then(|temporary| figure.kommunbidrag.checked_sub(temporary))
                .map_err(|overflow| FrameError::from(overflow.at(self.place(year)))),
            (None, _) => Ok(figure.kommunbidrag),
        }
    }

    /// The frame's year as a person finds it: "Kommunbidrag, exploateringsenheten 2026".
    fn place(&self, year: Year) -> String {
        if self.heading.is_empty() {
            format!("Ramen för {} {year}", self.unit)
        } else {
            format!("{} {year}", self.heading)
        }
    }

    /// Carries out `year`'s derivation (or its entered figure's trail).
    fn evaluate(
        &self,
        year: Year,
        derivation: &Derivation,
        index: &IndexTable,
        depth: usize,
    ) -> Result<Trail, FrameError> {
        let too_large = |_: AmountOverflow| FrameError::from(AmountOverflow.at(self.place(year)));
        let (base_year, mut running, mut precision) = match &derivation.base {
            Base::Amount { year, amount } => (*year, amount.value, amount.precision),
            Base::Frame { year } => (
                *year,
                self.grundbudget(*year, index, depth)?,
                Precision::TKR,
            ),
        };
        let mut temporary = Amount::ZERO;
        let mut lines = vec![TrailLine {
            kind: TrailKind::Base { year: base_year },
            running,
            stated: match &derivation.base {
                Base::Amount { amount, .. } => Some(*amount),
                Base::Frame { .. } => None,
            },
            text: String::new(),
        }];
        for step in &derivation.steps {
            let kind = match &step.kind {
                StepKind::Uprating { index_year, share } => {
                    let value = index.value(&self.index, *index_year).ok_or_else(|| {
                        FrameError::MissingIndexValue {
                            index: self.index.name.clone(),
                            vintage: self.index.vintage.clone(),
                            year: *index_year,
                        }
                    })?;
                    let percent = share
                        .share_of(value)
                        .ok_or(AmountOverflow)
                        .map_err(too_large)?;
                    running = percent.uprate(running).map_err(too_large)?;
                    TrailKind::Uprating {
                        index_year: *index_year,
                        share: *share,
                        percent,
                    }
                }
                StepKind::Adjustment {
                    name,
                    amount,
                    permanence,
                } => {
                    running = running.checked_add(amount.value).map_err(too_large)?;
                    precision = precision.coarser(amount.precision);
                    if *permanence == Permanence::Temporary {
                        temporary = temporary.checked_add(amount.value).map_err(too_large)?;
                    }
                    TrailKind::Adjustment {
                        name: name.clone(),
                        amount: amount.value,
                        permanence: *permanence,
                    }
                }
            };
            lines.push(TrailLine {
                kind,
                running,
                stated: step.stated_result,
                text: step.text.clone(),
            });
        }
        Ok(Trail {
            lines,
            precision,
            grundbudget: running.checked_sub(temporary).map_err(too_large)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Stated;
    use crate::percent::Percent;

    fn year(number: i64) -> Year {
        Year::new(number).expect("test years are in range")
    }

    fn pkv() -> (IndexChoice, IndexTable) {
        let choice = IndexChoice {
            name: "PKV".into(),
            vintage: "test".into(),
        };
        let table = IndexTable {
            vintages: vec![IndexVintage {
                name: "PKV".into(),
                vintage: "test".into(),
                values: [(2024, 2), (2025, 25), (2026, 32)]
                    .into_iter()
                    .map(|(y, tenths)| (year(y), Percent::from_tenths(tenths)))
                    .collect(),
            }],
        };
        (choice, table)
    }

    fn uprated_from(previous: i64) -> FrameYear {
        FrameYear::Derived {
            derivation: Derivation {
                base: Base::Frame {
                    year: year(previous),
                },
                steps: vec![Step {
                    kind: StepKind::Uprating {
                        index_year: year(previous),
                        share: Percent::HUNDRED,
                    },
                    stated_result: None,
                    text: String::new(),
                }],
            },
        }
    }

    fn frame(budget_year_tkr: i64) -> Frame {
        let (index, _) = pkv();
        Frame {
            unit: UnitId("ks".into()),
            heading: String::new(),
            index,
            years: [
                (
                    year(2025),
                    FrameYear::Entered {
                        amount: Amount::from_tkr(budget_year_tkr),
                        trail: None,
                    },
                ),
                (year(2026), uprated_from(2025)),
                (year(2027), uprated_from(2026)),
            ]
            .into_iter()
            .collect(),
        }
    }

    #[test]
    fn plan_years_are_uprated_by_pkv() {
        let (_, table) = pkv();
        let frame = frame(118_535);
        assert_eq!(
            frame.kommunbidrag(year(2026), &table),
            Ok(Amount::from_tkr(121_498))
        );
        assert_eq!(
            frame.kommunbidrag(year(2027), &table),
            Ok(Amount::from_tkr(125_386))
        );
    }

    #[test]
    fn plan_years_chain_from_the_unrounded_previous_year() {
        let (_, table) = pkv();
        let frame = frame(233);
        // 233 × 1,025 = 238,825 → 239; 238,825 × 1,032 = 246,47 → 246 (not 239 × 1,032 = 246,65 → 247).
        assert_eq!(
            frame.kommunbidrag(year(2026), &table),
            Ok(Amount::from_tkr(239))
        );
        assert_eq!(
            frame.kommunbidrag(year(2027), &table),
            Ok(Amount::from_tkr(246))
        );
    }

    #[test]
    fn a_temporary_adjustment_stays_out_of_the_next_years_base() {
        let (index, table) = pkv();
        let adjustment = |permanence| Step {
            kind: StepKind::Adjustment {
                name: "Satsning".into(),
                amount: Stated::tkr(1_000),
                permanence,
            },
            stated_result: None,
            text: String::new(),
        };
        let with = |permanence| Frame {
            unit: UnitId("ks".into()),
            heading: String::new(),
            index: index.clone(),
            years: [
                (
                    year(2025),
                    FrameYear::Derived {
                        derivation: Derivation {
                            base: Base::Amount {
                                year: year(2024),
                                amount: Stated::tkr(10_000),
                            },
                            steps: vec![adjustment(permanence)],
                        },
                    },
                ),
                (year(2026), uprated_from(2025)),
            ]
            .into_iter()
            .collect(),
        };
        let temporary = with(Permanence::Temporary);
        assert_eq!(
            temporary.kommunbidrag(year(2025), &table),
            Ok(Amount::from_tkr(11_000))
        );
        assert_eq!(
            temporary.kommunbidrag(year(2026), &table),
            Ok(Amount::from_tkr(10_250))
        );
        let permanent = with(Permanence::Permanent);
        assert_eq!(
            permanent.kommunbidrag(year(2026), &table),
            Ok(Amount::from_tkr(11_275))
        );
    }

    #[test]
    fn a_missing_index_value_is_an_error_that_names_it() {
        let (_, table) = pkv();
        let mut frame = frame(100);
        frame.years.insert(year(2028), uprated_from(2027));
        assert_eq!(
            frame.kommunbidrag(year(2028), &table),
            Err(FrameError::MissingIndexValue {
                index: "PKV".into(),
                vintage: "test".into(),
                year: year(2027)
            })
        );
    }

    #[test]
    fn a_year_derived_from_itself_is_refused() {
        let (_, table) = pkv();
        let mut frame = frame(100);
        frame.years.insert(year(2025), uprated_from(2025));
        assert!(matches!(
            frame.kommunbidrag(year(2025), &table),
            Err(FrameError::Circular { .. })
        ));
    }

    #[test]
    fn a_trail_stated_in_mnkr_is_good_to_a_tenth_of_a_mnkr() {
        let (index, table) = pkv();
        let tenth = Precision::MNKR_ONE_DECIMAL;
        let trail = Derivation {
            base: Base::Amount {
                year: year(2024),
                amount: Stated::new(Amount::from_tkr(113_300), tenth),
            },
            steps: vec![
                Step {
                    kind: StepKind::Uprating {
                        index_year: year(2024),
                        share: Percent::HUNDRED,
                    },
                    stated_result: Some(Stated::new(Amount::from_tkr(113_500), tenth)),
                    text: String::new(),
                },
                Step {
                    kind: StepKind::Adjustment {
                        name: "Omställningsfond".into(),
                        amount: Stated::new(Amount::from_tkr(5_000), tenth),
                        permanence: Permanence::Permanent,
                    },
                    stated_result: None,
                    text: String::new(),
                },
            ],
        };
        let frame = Frame {
            years: [(
                year(2025),
                FrameYear::Entered {
                    amount: Amount::from_tkr(118_535),
                    trail: Some(trail),
                },
            )]
            .into_iter()
            .collect(),
            index,
            ..frame(0)
        };
        let figure = frame
            .figure(year(2025), &table)
            .expect("the trail evaluates");
        let trail = figure.trail.expect("the year has a trail");
        assert_eq!(trail.precision, tenth);
        assert_eq!(trail.lines[1].running, Amount::from_kr(113_526_600));
        assert_eq!(trail.result(), Amount::from_kr(118_526_600));
        assert!(
            Stated::new(trail.result().round_to(tenth).expect("in range"), tenth)
                .agrees_with(figure.kommunbidrag)
        );
    }
}
