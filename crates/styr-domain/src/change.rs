//! Every edit a person can make to a budget, as a value, and the rules that decide whether it
//! may be made. The web application and the API build a [`Change`], the application layer
//! applies it here first (so an invalid edit never reaches the database), then stores it.

use serde::Serialize;
use thiserror::Error;

use crate::budget::Budget;
use crate::calendar::Year;
use crate::document::DocumentMetadata;
use crate::efficiency::EfficiencyInvestigation;
use crate::frame::FrameYear;
use crate::goals::Goal;
use crate::internal_control::{ControlActivity, ControlResult};
use crate::investment::InvestmentProject;
use crate::money::Amount;
use crate::operating::{ChangeExplanation, LineKind, UnitLines};
use crate::organisation::UnitId;
use crate::risk::Risk;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum Change {
    /// One cell of the operating budget: a unit's line in a year.
    SetLine {
        unit: UnitId,
        line: LineKind,
        year: Year,
        amount: Amount,
    },
    /// A unit's finansnetto in a year.
    SetFinancialNet {
        unit: UnitId,
        year: Year,
        amount: Amount,
    },
    /// The reasons for a line's change from the previous year to the budget year.
    SetExplanation {
        unit: UnitId,
        line: LineKind,
        text: String,
    },
    /// An entered year's kommunbidrag.
    SetFrameAmount {
        unit: UnitId,
        year: Year,
        amount: Amount,
    },
    /// Adds a project, or replaces the one named `replacing`.
    PutProject {
        replacing: Option<String>,
        project: InvestmentProject,
    },
    RemoveProject {
        name: String,
    },
    /// Adds a risk, or replaces the one with the same id.
    PutRisk {
        risk: Risk,
    },
    RemoveRisk {
        id: String,
    },
    /// Adds a control activity, or replaces the one with the same id.
    PutControl {
        control: ControlActivity,
    },
    RemoveControl {
        id: String,
    },
    AddControlResult {
        control: String,
        result: ControlResult,
    },
    /// Adds a goal or political direction, or replaces the one with the same id.
    PutGoal {
        goal: Goal,
    },
    RemoveGoal {
        id: String,
    },
    /// Adds an investigation (`position` none) or replaces the one at `position`.
    PutEfficiency {
        position: Option<usize>,
        investigation: EfficiencyInvestigation,
    },
    RemoveEfficiency {
        position: usize,
    },
    SetDocument {
        document: DocumentMetadata,
    },
}

/// Why a change cannot be made; each message is a sentence for the person who tried.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ChangeError {
    #[error("enheten ”{0}” finns inte")]
    UnknownUnit(UnitId),
    #[error("året {year} ingår inte i budgeten ({first}–{last})")]
    YearOutsideBudget { year: Year, first: Year, last: Year },
    #[error("{0} har ingen ram")]
    NoFrame(UnitId),
    #[error(
        "kommunbidraget {year} härleds ur ramen och kan inte skrivas in; ändra PKV eller grundbudgeten"
    )]
    DerivedFrameYear { year: Year },
    #[error("ett projekt som heter ”{0}” finns redan")]
    DuplicateProject(String),
    #[error("projektet ”{0}” finns inte")]
    UnknownProject(String),
    #[error("året {0} finns inte i investeringsplanen")]
    YearOutsidePlan(Year),
    #[error("risken ”{0}” finns inte")]
    UnknownRisk(String),
    #[error("risken ”{risk}” används av kontrollaktiviteten ”{control}”; ta bort den först")]
    RiskInUse { risk: String, control: String },
    #[error("kontrollaktiviteten ”{0}” finns inte")]
    UnknownControl(String),
    #[error("målet ”{0}” finns inte")]
    UnknownGoal(String),
    #[error("det finns ingen utredning på rad {0}")]
    UnknownEfficiency(usize),
    #[error("{field} får inte vara tomt")]
    Empty { field: &'static str },
    /// A new record's id outside the keys' safe alphabet (see [`crate::key`]).
    #[error("{field}: {reason}")]
    Key {
        field: &'static str,
        reason: crate::key::KeyError,
    },
}

impl Budget {
    /// Applies `change`, or leaves the budget as it was and says why not.
    pub fn apply(&mut self, change: &Change) -> Result<(), ChangeError> {
        match change {
            Change::SetLine {
                unit,
                line,
                year,
                amount,
            } => {
                self.require_operating_year(unit, *year)?;
                self.unit_lines(unit)
                    .lines
                    .entry(*line)
                    .or_default()
                    .insert(*year, *amount);
            }
            Change::SetFinancialNet { unit, year, amount } => {
                self.require_operating_year(unit, *year)?;
                self.unit_lines(unit).financial_net.insert(*year, *amount);
            }
            Change::SetExplanation { unit, line, text } => {
                self.require_unit(unit)?;
                let (from, to) = (self.years.previous, self.years.budget);
                let explanations = &mut self.unit_lines(unit).explanations;
                match explanations
                    .iter_mut()
                    .find(|explanation| explanation.line == *line && explanation.to == to)
                {
                    Some(explanation) => explanation.text = text.trim().to_string(),
                    None => explanations.push(ChangeExplanation {
                        line: *line,
                        from,
                        to,
                        stated: None,
                        stated_sentence: String::new(),
                        text: text.trim().to_string(),
                    }),
                }
            }
            Change::SetFrameAmount { unit, year, amount } => {
                let frame = self
                    .frames
                    .iter_mut()
                    .find(|frame| &frame.unit == unit)
                    .ok_or_else(|| ChangeError::NoFrame(unit.clone()))?;
                match frame.years.get_mut(year) {
                    Some(FrameYear::Entered {
                        amount: entered, ..
                    }) => *entered = *amount,
                    Some(FrameYear::Derived { .. }) => {
                        return Err(ChangeError::DerivedFrameYear { year: *year });
                    }
                    None => {
                        frame.years.insert(
                            *year,
                            FrameYear::Entered {
                                amount: *amount,
                                trail: None,
                            },
                        );
                    }
                }
            }
            Change::PutProject { replacing, project } => {
                self.put_project(replacing.as_deref(), project)?
            }
            Change::RemoveProject { name } => {
                let before = self.investment.projects.len();
                self.investment
                    .projects
                    .retain(|project| &project.name != name);
                if self.investment.projects.len() == before {
                    return Err(ChangeError::UnknownProject(name.clone()));
                }
            }
            Change::PutRisk { risk } => {
                require_text("Riskens namn", &risk.name)?;
                require_text("Riskens id", &risk.id)?;
                let known = self.risks.iter().any(|existing| existing.id == risk.id);
                require_new_key("Riskens id", known, &risk.id)?;
                match self
                    .risks
                    .iter_mut()
                    .find(|existing| existing.id == risk.id)
                {
                    Some(existing) => *existing = risk.clone(),
                    None => self.risks.push(risk.clone()),
                }
            }
            Change::RemoveRisk { id } => {
                if let Some(control) = self.controls.iter().find(|control| &control.risk == id) {
                    return Err(ChangeError::RiskInUse {
                        risk: id.clone(),
                        control: control.id.clone(),
                    });
                }
                let before = self.risks.len();
                self.risks.retain(|risk| &risk.id != id);
                if self.risks.len() == before {
                    return Err(ChangeError::UnknownRisk(id.clone()));
                }
            }
            Change::PutControl { control } => {
                require_text("Kontrollaktivitetens id", &control.id)?;
                let known = self
                    .controls
                    .iter()
                    .any(|existing| existing.id == control.id);
                require_new_key("Kontrollaktivitetens id", known, &control.id)?;
                if self.risk(&control.risk).is_none() {
                    return Err(ChangeError::UnknownRisk(control.risk.clone()));
                }
                match self
                    .controls
                    .iter_mut()
                    .find(|existing| existing.id == control.id)
                {
                    Some(existing) => *existing = control.clone(),
                    None => self.controls.push(control.clone()),
                }
            }
            Change::RemoveControl { id } => {
                let before = self.controls.len();
                self.controls.retain(|control| &control.id != id);
                if self.controls.len() == before {
                    return Err(ChangeError::UnknownControl(id.clone()));
                }
            }
            Change::AddControlResult { control, result } => {
                require_text("Urvalet", &result.sample)?;
                let activity = self
                    .controls
                    .iter_mut()
                    .find(|activity| &activity.id == control);
                activity
                    .ok_or_else(|| ChangeError::UnknownControl(control.clone()))?
                    .results
                    .push(result.clone());
            }
            Change::PutGoal { goal } => {
                require_text("Målets rubrik", &goal.title)?;
                require_text("Målets id", &goal.id)?;
                let known = self.goals.iter().any(|existing| existing.id == goal.id);
                require_new_key("Målets id", known, &goal.id)?;
                match self
                    .goals
                    .iter_mut()
                    .find(|existing| existing.id == goal.id)
                {
                    Some(existing) => *existing = goal.clone(),
                    None => self.goals.push(goal.clone()),
                }
            }
            Change::RemoveGoal { id } => {
                let before = self.goals.len();
                self.goals.retain(|goal| &goal.id != id);
                if self.goals.len() == before {
                    return Err(ChangeError::UnknownGoal(id.clone()));
                }
            }
            Change::PutEfficiency {
                position,
                investigation,
            } => {
                require_text("Utredningen", &investigation.investigation)?;
                require_text("Förslag från nämnd", &investigation.proposed_by)?;
                match position {
                    Some(position) => {
                        let slot = self
                            .efficiency
                            .get_mut(*position)
                            .ok_or(ChangeError::UnknownEfficiency(*position))?;
                        *slot = investigation.clone();
                    }
                    None => self.efficiency.push(investigation.clone()),
                }
            }
            Change::RemoveEfficiency { position } => {
                if *position >= self.efficiency.len() {
                    return Err(ChangeError::UnknownEfficiency(*position));
                }
                self.efficiency.remove(*position);
            }
            Change::SetDocument { document } => {
                require_text("Titeln", &document.title)?;
                self.document = document.clone();
            }
        }
        Ok(())
    }

    fn require_unit(&self, unit: &UnitId) -> Result<(), ChangeError> {
        self.organisation
            .unit(unit)
            .map(|_| ())
            .ok_or_else(|| ChangeError::UnknownUnit(unit.clone()))
    }

    fn require_operating_year(&self, unit: &UnitId, year: Year) -> Result<(), ChangeError> {
        self.require_unit(unit)?;
        let columns = self.years.columns();
        if columns.contains(&year) {
            return Ok(());
        }
        let (first, last) = (columns[0], columns[columns.len() - 1]);
        Err(ChangeError::YearOutsideBudget { year, first, last })
    }

    /// The lines of `unit`, created empty if the unit has none yet.
    fn unit_lines(&mut self, unit: &UnitId) -> &mut UnitLines {
        let position = match self.lines.iter().position(|lines| &lines.unit == unit) {
            Some(position) => position,
            None => {
                self.lines.push(UnitLines {
                    unit: unit.clone(),
                    ..UnitLines::default()
                });
                self.lines.len() - 1
            }
        };
        &mut self.lines[position]
    }

    fn put_project(
        &mut self,
        replacing: Option<&str>,
        project: &InvestmentProject,
    ) -> Result<(), ChangeError> {
        require_text("Projektets namn", &project.name)?;
        if let Some(year) = project
            .amounts
            .keys()
            .find(|year| !self.investment.years.contains(year))
        {
            return Err(ChangeError::YearOutsidePlan(*year));
        }
        let clash = self.investment.projects.iter().any(|existing| {
            existing.name == project.name && Some(existing.name.as_str()) != replacing
        });
        if clash {
            return Err(ChangeError::DuplicateProject(project.name.clone()));
        }
        match replacing {
            Some(name) => {
                let existing = self
                    .investment
                    .projects
                    .iter_mut()
                    .find(|existing| existing.name == name);
                *existing.ok_or_else(|| ChangeError::UnknownProject(name.to_string()))? =
                    project.clone();
            }
            None => self.investment.projects.push(project.clone()),
        }
        Ok(())
    }
}

/// A new record's id must be a key; a record already in the budget keeps the id it has.
fn require_new_key(field: &'static str, known: bool, key: &str) -> Result<(), ChangeError> {
    if known {
        return Ok(());
    }
    crate::key::check(key).map_err(|reason| ChangeError::Key { field, reason })
}

fn require_text(field: &'static str, text: &str) -> Result<(), ChangeError> {
    if text.trim().is_empty() {
        Err(ChangeError::Empty { field })
    } else {
        Ok(())
    }
}
