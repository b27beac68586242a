//! Every edit a person can make to a budget, as a value, and the rules that decide whether it
//! may be made. The web application and the API build a [`Change`], the application layer
//! applies it here first (so an invalid edit never reaches the database), then stores it.
//!
//! ```text
//! Change::SetLine { unit: "ks", line: Personnel, year: 2025, amount: -116 205 tkr }
//!   → the cell is written, unless the unit is unknown, the year is not a column, or a table
//!     the unit counts towards would no longer compute ("Driftbudget Kommunstyrelsen 2025,
//!     Verksamhetens kostnader: beloppet blir för stort för att räknas exakt")
//! ```
//!
//! A refused change leaves the budget exactly as it was. The figures of the operating budget
//! and its frames are changed in `operating`; the frames' derivations and the index table in
//! `frames`; the registers (projects, risks, controls, goals, investigations, the document's
//! metadata) in `records`; the text sections in `sections`. The comparison year (the previous
//! year's budget) is history: no change may alter a figure of it. A change that alters a figure
//! the source document stated marks that statement superseded (`superseded`), so the check
//! compares only what still stands.

mod frames;
mod operating;
mod records;
mod sections;
mod superseded;

pub use superseded::Superseded;

use serde::Serialize;
use thiserror::Error;

use crate::budget::Budget;
use crate::calendar::Year;
use crate::decimal::Decimal;
use crate::document::{DocumentMetadata, Section};
use crate::efficiency::EfficiencyInvestigation;
use crate::frame::{FrameError, FrameYear, IndexChoice, IndexVintage};
use crate::goals::Goal;
use crate::internal_control::{ControlActivity, ControlResult};
use crate::investment::InvestmentProject;
use crate::money::{Amount, OverflowAt};
use crate::operating::LineKind;
use crate::organisation::UnitId;
use crate::profile::Profile;
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
    /// Adds a text section (`position` none: at the end) or replaces the one at `position`.
    PutSection {
        position: Option<usize>,
        section: Section,
    },
    RemoveSection {
        position: usize,
    },
    /// Moves the section at `from` to `to` (both counted before the move).
    MoveSection {
        from: usize,
        to: usize,
    },
    /// The municipality's graphic profile, shared by every budget of the municipality.
    SetProfile {
        profile: Profile,
    },
    /// A KPI's målvärde for a year; `None` removes it.
    SetKpiTarget {
        goal: String,
        kpi: String,
        year: Year,
        value: Option<Decimal>,
    },
    /// A frame's year defined anew: decided (an amount, with the document's account of it or
    /// none) or derived (a base and steps).
    PutFrameYear {
        unit: UnitId,
        year: Year,
        frame_year: FrameYear,
    },
    /// Which index vintage a frame is uprated by.
    SetFrameIndex {
        unit: UnitId,
        index: IndexChoice,
    },
    /// Adds an index vintage, or replaces the one named `replacing` (frames that used it
    /// follow it to its new name).
    PutIndexVintage {
        replacing: Option<IndexChoice>,
        vintage: IndexVintage,
    },
    RemoveIndexVintage {
        index: IndexChoice,
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
    #[error("målet ”{goal}” har inget nyckeltal ”{kpi}”")]
    UnknownKpi { goal: String, kpi: String },
    #[error(
        "nyckeltalet ”{0}” finns redan under ett annat mål; ett nyckeltals id används för dess värden och måste vara unikt"
    )]
    DuplicateKpi(String),
    /// A value the KPI cannot take (see `goals::Kpi::check_value`).
    #[error(transparent)]
    KpiValue(#[from] crate::goals::ValueError),
    #[error("det finns ingen utredning på rad {0}")]
    UnknownEfficiency(usize),
    #[error("det finns inget avsnitt nummer {0}")]
    UnknownSection(usize),
    #[error("rubriknivån ska vara 1–4, inte {0}")]
    SectionLevel(u8),
    #[error("{field} får inte vara tomt")]
    Empty { field: &'static str },
    /// A figure the change would make too large to compute, named.
    #[error(transparent)]
    Overflow(#[from] OverflowAt),
    /// A new record's id outside the keys' safe alphabet (see [`crate::key`]).
    #[error("{field}: {reason}")]
    Key {
        field: &'static str,
        reason: crate::key::KeyError,
    },
    #[error(
        "{year} är jämförelseåret (föregående års budget) och kan inte ändras; det visas som det beslutades"
    )]
    ComparisonYear { year: Year },
    #[error(
        "projektet ”{project}” har belopp i jämförelseåret {year} och kan inte tas bort; sätt planårens belopp till 0 i stället"
    )]
    ProjectInComparisonYear { project: String, year: Year },
    #[error("projektets slut ({end}) ligger före dess start ({start})")]
    ProjectEndsBeforeStart {
        start: crate::calendar::Date,
        end: crate::calendar::Date,
    },
    #[error("indexet {name} ({vintage}) finns inte")]
    UnknownIndex { name: String, vintage: String },
    #[error("indexet {name} ({vintage}) finns redan")]
    DuplicateIndex { name: String, vintage: String },
    #[error(
        "indexet {name} ({vintage}) används av ramen för {unit}; välj ett annat index där först"
    )]
    IndexInUse {
        name: String,
        vintage: String,
        unit: UnitId,
    },
    #[error("ramen för {unit} har inget år {year}")]
    NoFrameYear { unit: UnitId, year: Year },
    /// The frame would no longer compute: a year derived from itself or a later year, or an
    /// index year the vintage lacks.
    #[error("ramen går inte att räkna fram: {0}")]
    Frame(FrameError),
}

impl Budget {
    /// Applies `change`, or leaves the budget as it was and says why not.
    pub fn apply(&mut self, change: &Change) -> Result<(), ChangeError> {
        self.apply_superseding(change).map(|_| ())
    }

    /// Applies `change` like [`Budget::apply`] and marks superseded every stated figure whose
    /// computed value it altered; says which parts of the budget that touched beyond the
    /// change's own.
    pub fn apply_superseding(&mut self, change: &Change) -> Result<Superseded, ChangeError> {
        let before = superseded::Before::of(self, change);
        self.apply_only(change)?;
        Ok(self.supersede(change, before))
    }

    fn apply_only(&mut self, change: &Change) -> Result<(), ChangeError> {
        match change {
            Change::SetLine {
                unit,
                line,
                year,
                amount,
            } => self.set_line(unit, *line, *year, *amount),
            Change::SetFinancialNet { unit, year, amount } => {
                self.set_financial_net(unit, *year, *amount)
            }
            Change::SetExplanation { unit, line, text } => self.set_explanation(unit, *line, text),
            Change::SetFrameAmount { unit, year, amount } => {
                self.set_frame_amount(unit, *year, *amount)
            }
            Change::PutProject { replacing, project } => {
                self.put_project(replacing.as_deref(), project)
            }
            Change::RemoveProject { name } => self.remove_project(name),
            Change::PutRisk { risk } => self.put_risk(risk),
            Change::RemoveRisk { id } => self.remove_risk(id),
            Change::PutControl { control } => self.put_control(control),
            Change::RemoveControl { id } => self.remove_control(id),
            Change::AddControlResult { control, result } => {
                self.add_control_result(control, result)
            }
            Change::PutGoal { goal } => self.put_goal(goal),
            Change::RemoveGoal { id } => self.remove_goal(id),
            Change::PutEfficiency {
                position,
                investigation,
            } => self.put_efficiency(*position, investigation),
            Change::RemoveEfficiency { position } => self.remove_efficiency(*position),
            Change::SetDocument { document } => {
                require_text("Titeln", &document.title)?;
                self.document = document.clone();
                Ok(())
            }
            Change::PutSection { position, section } => self.put_section(*position, section),
            Change::RemoveSection { position } => self.remove_section(*position),
            Change::MoveSection { from, to } => self.move_section(*from, *to),
            Change::SetProfile { profile } => {
                self.profile = Some(profile.clone());
                Ok(())
            }
            Change::SetKpiTarget {
                goal,
                kpi,
                year,
                value,
            } => self.set_kpi_target(goal, kpi, *year, *value),
            Change::PutFrameYear {
                unit,
                year,
                frame_year,
            } => self.put_frame_year(unit, *year, frame_year),
            Change::SetFrameIndex { unit, index } => self.set_frame_index(unit, index),
            Change::PutIndexVintage { replacing, vintage } => {
                self.put_index_vintage(replacing.as_ref(), vintage)
            }
            Change::RemoveIndexVintage { index } => self.remove_index_vintage(index),
        }
    }
}

fn require_text(field: &'static str, text: &str) -> Result<(), ChangeError> {
    if text.trim().is_empty() {
        Err(ChangeError::Empty { field })
    } else {
        Ok(())
    }
}
