//! Changes to the frames' derivations and to the index table they are uprated by: a year
//! defined anew (decided, or derived from a base by steps), the vintage a frame uses, and a
//! vintage's values.
//!
//! ```text
//! PutFrameYear { ks, 2026, derived: grundbudget 2025 × PKV 2025, + Satsning 2,0 mnkr (tillfällig) }
//! SetFrameIndex { ks, PKV "SKR cirkulär 25:08" }
//! PutIndexVintage { PKV "SKR cirkulär 25:08": 2025 → 2,8 %, 2026 → 3,1 % }
//! ```
//!
//! Every such change is tried on the frames as a whole: each frame must still compute in
//! every year (no year derived from itself, no index year its vintage lacks, no figure out of
//! range), the comparison year's kommunbidrag must stay as decided, and the operating tables
//! must still compute; otherwise the frames and the index table are put back as they were.

use crate::budget::Budget;
use crate::calendar::Year;
use crate::frame::{FrameError, FrameYear, IndexChoice, IndexVintage, StepKind};
use crate::money::Amount;
use crate::organisation::UnitId;

use super::{ChangeError, require_text};

impl Budget {
    pub(super) fn put_frame_year(
        &mut self,
        unit: &UnitId,
        year: Year,
        frame_year: &FrameYear,
    ) -> Result<(), ChangeError> {
        self.require_frame_year(unit, year)?;
        let derivation = match frame_year {
            FrameYear::Entered { trail, .. } => trail.as_ref(),
            FrameYear::Derived { derivation } => Some(derivation),
        };
        for step in derivation.iter().flat_map(|derivation| &derivation.steps) {
            if let StepKind::Adjustment { name, .. } = &step.kind {
                require_text("Justeringens namn", name)?;
            }
        }
        self.with_frames_checked(|budget| {
            let frame = budget
                .frames
                .iter_mut()
                .find(|frame| &frame.unit == unit)
                .ok_or_else(|| ChangeError::NoFrame(unit.clone()))?;
            frame.years.insert(year, frame_year.clone());
            Ok(())
        })
    }

    pub(super) fn set_frame_index(
        &mut self,
        unit: &UnitId,
        index: &IndexChoice,
    ) -> Result<(), ChangeError> {
        self.require_index(index)?;
        self.with_frames_checked(|budget| {
            let frame = budget
                .frames
                .iter_mut()
                .find(|frame| &frame.unit == unit)
                .ok_or_else(|| ChangeError::NoFrame(unit.clone()))?;
            frame.index = index.clone();
            Ok(())
        })
    }

    pub(super) fn put_index_vintage(
        &mut self,
        replacing: Option<&IndexChoice>,
        vintage: &IndexVintage,
    ) -> Result<(), ChangeError> {
        require_text("Indexets namn", &vintage.name)?;
        require_text("Årgången", &vintage.vintage)?;
        let choice = IndexChoice {
            name: vintage.name.clone(),
            vintage: vintage.vintage.clone(),
        };
        if replacing != Some(&choice) && self.index_position(&choice).is_some() {
            return Err(ChangeError::DuplicateIndex {
                name: choice.name,
                vintage: choice.vintage,
            });
        }
        if let Some(replaced) = replacing {
            self.require_index(replaced)?;
        }
        self.with_frames_checked(|budget| {
            match replacing.and_then(|replaced| budget.index_position(replaced)) {
                Some(position) => budget.index.vintages[position] = vintage.clone(),
                None => budget.index.vintages.push(vintage.clone()),
            }
            if let Some(replaced) = replacing {
                for frame in budget
                    .frames
                    .iter_mut()
                    .filter(|frame| &frame.index == replaced)
                {
                    frame.index = choice.clone();
                }
            }
            Ok(())
        })
    }

    pub(super) fn remove_index_vintage(&mut self, index: &IndexChoice) -> Result<(), ChangeError> {
        let position = self.require_index(index)?;
        if let Some(frame) = self.frames.iter().find(|frame| &frame.index == index) {
            return Err(ChangeError::IndexInUse {
                name: index.name.clone(),
                vintage: index.vintage.clone(),
                unit: frame.unit.clone(),
            });
        }
        self.index.vintages.remove(position);
        Ok(())
    }

    /// A frame year a person may define: the frame exists, the year is one of the budget's
    /// columns, and it is not the comparison year.
    pub(super) fn require_frame_year(&self, unit: &UnitId, year: Year) -> Result<(), ChangeError> {
        if self.frame(unit).is_none() {
            return Err(ChangeError::NoFrame(unit.clone()));
        }
        let columns = self.years.columns();
        if !columns.contains(&year) {
            let (first, last) = (columns[0], columns[columns.len() - 1]);
            return Err(ChangeError::YearOutsideBudget { year, first, last });
        }
        if year == self.years.previous {
            return Err(ChangeError::ComparisonYear { year });
        }
        Ok(())
    }

    fn index_position(&self, index: &IndexChoice) -> Option<usize> {
        self.index
            .vintages
            .iter()
            .position(|vintage| vintage.name == index.name && vintage.vintage == index.vintage)
    }

    fn require_index(&self, index: &IndexChoice) -> Result<usize, ChangeError> {
        self.index_position(index)
            .ok_or_else(|| ChangeError::UnknownIndex {
                name: index.name.clone(),
                vintage: index.vintage.clone(),
            })
    }

    /// Runs `edit` on the frames or the index table, then checks the frames as a whole (see
    /// the module's header); on any failure puts both back as they were.
    pub(super) fn with_frames_checked(
        &mut self,
        edit: impl FnOnce(&mut Budget) -> Result<(), ChangeError>,
    ) -> Result<(), ChangeError> {
        let saved = (self.frames.clone(), self.index.clone());
        let comparison = self.comparison_kommunbidrag();
        let result = edit(self).and_then(|()| self.frames_compute(&comparison));
        if result.is_err() {
            (self.frames, self.index) = saved;
        }
        result
    }

    /// Every frame's kommunbidrag in the comparison year, as far as it computes.
    fn comparison_kommunbidrag(&self) -> Vec<(UnitId, Option<Amount>)> {
        let year = self.years.previous;
        self.frames
            .iter()
            .map(|frame| {
                (
                    frame.unit.clone(),
                    frame.kommunbidrag(year, &self.index).ok(),
                )
            })
            .collect()
    }

    fn frames_compute(&self, comparison: &[(UnitId, Option<Amount>)]) -> Result<(), ChangeError> {
        for frame in &self.frames {
            match frame.figures(&self.index) {
                Ok(_) => {}
                Err(FrameError::Overflow(overflow)) => return Err(overflow.into()),
                Err(error) => return Err(ChangeError::Frame(error)),
            }
            self.frame_overflow(&frame.unit)?;
        }
        if self.comparison_kommunbidrag() != comparison {
            return Err(ChangeError::ComparisonYear {
                year: self.years.previous,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::change::Change;
    use crate::frame::{Base, Derivation, Frame, Permanence, Step};
    use crate::money::Stated;
    use crate::percent::Percent;
    use crate::testing::{budget, year};

    fn pkv(vintage: &str, tenths: &[(i64, i64)]) -> IndexVintage {
        IndexVintage {
            name: "PKV".into(),
            vintage: vintage.into(),
            values: tenths
                .iter()
                .map(|(y, tenths)| (year(*y), Percent::from_tenths(*tenths)))
                .collect(),
        }
    }

    fn choice(vintage: &str) -> IndexChoice {
        IndexChoice {
            name: "PKV".into(),
            vintage: vintage.into(),
        }
    }

    fn uprated(from: i64) -> FrameYear {
        FrameYear::Derived {
            derivation: Derivation {
                base: Base::Frame { year: year(from) },
                steps: vec![Step {
                    kind: StepKind::Uprating {
                        index_year: year(from),
                        share: Percent::HUNDRED,
                    },
                    stated_result: None,
                    text: String::new(),
                }],
            },
        }
    }

    /// The board's frame: 2024 and 2025 decided, 2026 uprated from 2025 by PKV "våren".
    fn with_frame() -> Budget {
        let mut budget = budget(&[[0; 5]; 3]);
        budget.index.vintages.push(pkv("våren", &[(2025, 25)]));
        budget.frames.push(Frame {
            unit: UnitId("board".into()),
            heading: "Kommunbidrag, nämnden".into(),
            index: choice("våren"),
            years: BTreeMap::from([
                (
                    year(2024),
                    FrameYear::Entered {
                        amount: Amount::from_tkr(9_800),
                        trail: None,
                    },
                ),
                (
                    year(2025),
                    FrameYear::Entered {
                        amount: Amount::from_tkr(10_000),
                        trail: None,
                    },
                ),
                (year(2026), uprated(2025)),
            ]),
        });
        budget
    }

    fn kommunbidrag(budget: &Budget, number: i64) -> Amount {
        budget.frames[0]
            .kommunbidrag(year(number), &budget.index)
            .expect("computes")
    }

    #[test]
    fn a_plan_year_gets_an_adjustment_and_the_figure_follows() {
        let mut budget = with_frame();
        assert_eq!(kommunbidrag(&budget, 2026), Amount::from_tkr(10_250));
        let FrameYear::Derived { mut derivation } = uprated(2025) else {
            unreachable!("uprated is derived")
        };
        derivation.steps.push(Step {
            kind: StepKind::Adjustment {
                name: "Satsning".into(),
                amount: Stated::tkr(500),
                permanence: Permanence::Temporary,
            },
            stated_result: None,
            text: String::new(),
        });
        budget
            .apply(&Change::PutFrameYear {
                unit: UnitId("board".into()),
                year: year(2026),
                frame_year: FrameYear::Derived { derivation },
            })
            .expect("a plan year may be derived anew");
        assert_eq!(kommunbidrag(&budget, 2026), Amount::from_tkr(10_750));
    }

    #[test]
    fn a_year_derived_from_itself_is_refused_and_the_frame_kept() {
        let mut budget = with_frame();
        let before = budget.clone();
        let refused = budget.apply(&Change::PutFrameYear {
            unit: UnitId("board".into()),
            year: year(2025),
            frame_year: uprated(2026),
        });
        assert!(
            matches!(
                refused,
                Err(ChangeError::Frame(FrameError::Circular { .. }))
            ),
            "{refused:?}"
        );
        assert_eq!(budget, before);
    }

    #[test]
    fn the_comparison_year_cannot_be_defined_anew() {
        let mut budget = with_frame();
        let refused = budget.apply(&Change::PutFrameYear {
            unit: UnitId("board".into()),
            year: year(2024),
            frame_year: FrameYear::Entered {
                amount: Amount::from_tkr(1),
                trail: None,
            },
        });
        assert_eq!(
            refused,
            Err(ChangeError::ComparisonYear { year: year(2024) })
        );
    }

    #[test]
    fn a_new_vintage_chosen_uprates_the_plan_year_by_its_values() {
        let mut budget = with_frame();
        budget
            .apply(&Change::PutIndexVintage {
                replacing: None,
                vintage: pkv("hösten", &[(2025, 30)]),
            })
            .expect("a vintage is added");
        budget
            .apply(&Change::SetFrameIndex {
                unit: UnitId("board".into()),
                index: choice("hösten"),
            })
            .expect("the frame uses it");
        assert_eq!(kommunbidrag(&budget, 2026), Amount::from_tkr(10_300));
        let refused = budget.apply(&Change::RemoveIndexVintage {
            index: choice("hösten"),
        });
        assert!(matches!(refused, Err(ChangeError::IndexInUse { .. })));
        budget
            .apply(&Change::RemoveIndexVintage {
                index: choice("våren"),
            })
            .expect("an unused vintage goes");
    }

    #[test]
    fn a_vintage_without_the_year_a_frame_needs_is_refused() {
        let mut budget = with_frame();
        let before = budget.clone();
        let refused = budget.apply(&Change::PutIndexVintage {
            replacing: Some(choice("våren")),
            vintage: pkv("våren", &[(2030, 10)]),
        });
        assert!(
            matches!(
                refused,
                Err(ChangeError::Frame(FrameError::MissingIndexValue { .. }))
            ),
            "{refused:?}"
        );
        assert_eq!(budget, before);
    }

    #[test]
    fn a_vintage_renamed_takes_its_frames_along() {
        let mut budget = with_frame();
        budget
            .apply(&Change::PutIndexVintage {
                replacing: Some(choice("våren")),
                vintage: pkv("SKR cirkulär 25:08", &[(2025, 25)]),
            })
            .expect("renamed");
        assert_eq!(budget.frames[0].index, choice("SKR cirkulär 25:08"));
    }
}
