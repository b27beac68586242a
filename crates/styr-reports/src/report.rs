//! The whole budget report as one value: what `styr report` renders as Markdown, HTML or JSON.

use serde::Serialize;
use styr_domain::budget::{Budget, BudgetYears};
use styr_domain::document::{DocumentMetadata, Section};
use styr_domain::efficiency::EfficiencyInvestigation;
use styr_domain::frame::FrameError;
use styr_domain::goals::{Goal, GoalKind};

use crate::check::{Finding, check};
use crate::frame::{FrameReport, frame_report};
use crate::investment::{InvestmentReport, investment_report};
use crate::operating::{OperatingTableReport, operating_table};
use crate::organisation::{OrganisationReport, organisation_report};
use crate::risk::{ControlRow, RiskReport, control_plan, risk_report};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    pub municipality: String,
    pub document: DocumentMetadata,
    /// The document's prose in order, each section saying which table it places (`shows`).
    pub sections: Vec<Section>,
    pub years: BudgetYears,
    pub organisation: OrganisationReport,
    pub goals: Vec<Goal>,
    pub political_directions: Vec<Goal>,
    pub efficiency: Vec<EfficiencyInvestigation>,
    pub operating: Vec<OperatingTableReport>,
    pub frames: Vec<FrameReport>,
    pub investment: InvestmentReport,
    pub risks: RiskReport,
    pub control_plan: Vec<ControlRow>,
    /// The consistency check's findings, so every rendering can show them.
    pub findings: Vec<Finding>,
}

/// Computes every figure of the budget's report from its rows.
pub fn budget_report(budget: &Budget) -> Result<BudgetReport, FrameError> {
    let operating = budget
        .operating_tables
        .iter()
        .map(|table| operating_table(budget, &table.unit, &table.heading))
        .collect::<Result<Vec<_>, _>>()?;
    let frames = budget
        .frames
        .iter()
        .map(|frame| frame_report(budget, frame))
        .collect::<Result<Vec<_>, _>>()?;
    let (political_directions, goals) = budget
        .goals
        .iter()
        .cloned()
        .partition(|goal| goal.kind == GoalKind::PoliticalDirection);
    Ok(BudgetReport {
        municipality: budget.municipality.name.clone(),
        document: budget.document.clone(),
        sections: budget.sections.clone(),
        years: budget.years.clone(),
        organisation: organisation_report(budget),
        goals,
        political_directions,
        efficiency: budget.efficiency.clone(),
        operating,
        frames,
        investment: investment_report(budget),
        risks: risk_report(budget),
        control_plan: control_plan(budget),
        findings: check(budget),
    })
}
