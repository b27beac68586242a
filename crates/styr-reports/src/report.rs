//! The whole budget report as one value: what `styr report` renders as Markdown, HTML or JSON.

use serde::Serialize;
use styr_domain::budget::{Budget, BudgetYears, FigureError};
use styr_domain::document::{DocumentMetadata, Section};
use styr_domain::efficiency::EfficiencyInvestigation;
use styr_domain::goals::{Goal, GoalKind};

use crate::check::check;
use crate::finding::Finding;
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
    /// The municipality's graphic profile the documents are written in (none: the default).
    pub profile: Option<styr_domain::profile::Profile>,
    /// The goals followed up, where the report is made with the values kept beside the
    /// budget (a database); the document's goals then show their values and assessment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal_followup: Option<crate::goals::GoalsFollowUp>,
}

/// Computes every figure of the budget's report from its rows; or says which figure cannot be
/// computed (a frame without a year's index, a sum too large to hold).
pub fn budget_report(budget: &Budget) -> Result<BudgetReport, FigureError> {
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
        investment: investment_report(budget)?,
        risks: risk_report(budget),
        control_plan: control_plan(budget),
        findings: check(budget),
        profile: budget.profile.clone(),
        goal_followup: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget_where;

    #[test]
    fn a_revenue_at_the_end_of_the_range_is_refused_with_the_table_and_row_named() {
        // Issue 19: this revenue gave a net cost of +92 233 720 153 609 tkr.
        let budget = small_budget_where("2025 = 120,", "2025 = -92233720368547,");
        let error = budget_report(&budget).expect_err("too large to compute");
        assert_eq!(
            error.to_string(),
            "Driftbudget Provnämnden 2025, Verksamhetens nettokostnader: beloppet blir för stort för att räknas exakt"
        );
        let findings = check(&budget);
        let finding = findings
            .iter()
            .find(|finding| finding.computed.text == "kan inte beräknas")
            .expect("the check names what it cannot compute");
        assert_eq!(finding.note, error.to_string());
    }

    #[test]
    fn an_investment_plan_whose_sum_is_too_large_is_refused() {
        let budget = small_budget_where(
            "2025 = 1000, 2026 = 2001",
            "2025 = 92233720368000, 2026 = 2001",
        );
        let error = budget_report(&budget).expect_err("too large to compute");
        assert_eq!(
            error.to_string(),
            "Investeringsplan 2025–2026, summa: beloppet blir för stort för att räknas exakt"
        );
        let findings = check(&budget);
        assert!(
            findings
                .iter()
                .any(|finding| finding.note == error.to_string()),
            "the check names it too: {findings:?}"
        );
    }
}
