//! The consistency check: every figure a budget states, compared with what styr computes from
//! the rows, and every disagreement reported with its place as a [`Finding`].
//!
//! The check goes through the budget in the order of its document: the operating tables and
//! the investment plan (`tables`), the frames' trails (`figures`), the figures stated in
//! prose (`statements`), the risks and the control plan (`risks`), and the explanation
//! texts people write, reviewed like a document (`explanations`), and last whether each
//! table with a frame stays within it (`balance`). A figure that cannot be computed (too
//! large to hold) is a finding of its own, "kan inte beräknas", with the reason. A figure
//! the source document stated that a person has since changed the rows under is superseded
//! (`styr_domain::change::Superseded`) and not compared.

mod balance;
mod explanations;
mod figures;
mod risks;
mod statements;
mod tables;

use styr_domain::budget::Budget;

pub use crate::finding::{Finding, FindingKind, Severity, Shown};

/// Every disagreement between what the budget states and what its rows compute, in the
/// order of the document: tables, frames, statements, risks, and the balance.
pub fn check(budget: &Budget) -> Vec<Finding> {
    let mut findings = Vec::new();
    tables::operating_tables(budget, &mut findings);
    tables::investment(budget, &mut findings);
    figures::frame_trails(budget, &mut findings);
    statements::explanations(budget, &mut findings);
    statements::statements(budget, &mut findings);
    risks::risks(budget, &mut findings);
    explanations::texts(budget, &mut findings);
    balance::balance(budget, &mut findings);
    findings
}

#[cfg(test)]
mod findings_on_a_small_budget {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn a_control_plan_name_that_differs_is_the_only_finding() {
        let findings = check(&small_budget());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].kind, FindingKind::Name);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert_eq!(
            (
                findings[0].stated.text.as_str(),
                findings[0].computed.text.as_str()
            ),
            ("Brandrisk", "Brand")
        );
    }
}
