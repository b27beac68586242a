//! The consistency check: every figure a source document states, compared with what styr
//! computes from the rows, and every disagreement reported with its place.
//!
//! A finding is one of three severities:
//! - **fel**: the stated figure cannot be reached from the rows;
//! - **avrundning**: the difference is within what rounding each term to the shown precision
//!   can produce (a sum of four figures in whole tkr may be 2 tkr off);
//! - **varning**: not a wrong figure but a disagreement a reader should see, such as a risk
//!   named differently in the control plan and the risk analysis.

mod explanations;
mod figures;
mod risks;
pub(crate) mod statements;
pub(crate) mod tables;

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::format;
use styr_domain::money::{Amount, ORE_PER_TKR, Precision};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Fel,
    Varning,
    Avrundning,
}

impl Severity {
    pub const fn swedish(self) -> &'static str {
        match self {
            Severity::Fel => "fel",
            Severity::Varning => "varning",
            Severity::Avrundning => "avrundning",
        }
    }
}

/// A value as a finding shows it: the text a reader sees and, for amounts, the exact öre.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub text: String,
    pub ore: Option<i64>,
}

impl Shown {
    pub fn amount(amount: Amount, precision: Precision) -> Shown {
        Shown {
            text: format::with_unit(amount, precision),
            ore: Some(amount.ore()),
        }
    }

    pub fn text(text: impl Into<String>) -> Shown {
        Shown {
            text: text.into(),
            ore: None,
        }
    }
}

/// What disagrees: a figure (stated vs computed) or a name (as written here vs elsewhere).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Figure,
    Name,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
    /// The heading of the section or table.
    pub section: String,
    /// Where in it: "Årets resultat, Budget 2025", or the sentence quoted.
    pub place: String,
    pub stated: Shown,
    pub computed: Shown,
    /// Why it disagrees, when styr can tell.
    pub note: String,
}

/// Every disagreement between what the budget states and what its rows compute, in the
/// order of the document: tables, frames, statements, risks.
pub fn check(budget: &Budget) -> Vec<Finding> {
    let mut findings = Vec::new();
    tables::operating_tables(budget, &mut findings);
    tables::investment(budget, &mut findings);
    figures::frame_trails(budget, &mut findings);
    statements::explanations(budget, &mut findings);
    statements::statements(budget, &mut findings);
    risks::risks(budget, &mut findings);
    explanations::texts(budget, &mut findings);
    findings
}

/// How a disagreement of `difference` is classed when `terms` figures, each rounded to whole
/// tkr, went into the computation and the result is shown at `precision`.
pub(crate) fn severity_of(difference: Amount, terms: usize, precision: Precision) -> Severity {
    let rounding = i128::from(precision.step_ore()) + i128::from(ORE_PER_TKR) * terms as i128;
    // Twice the difference against twice the tolerance, to stay in whole öre.
    if 2 * i128::from(difference.abs().ore()) <= rounding {
        Severity::Avrundning
    } else {
        Severity::Fel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_within_the_rounding_of_its_terms_is_rounding() {
        assert_eq!(
            severity_of(Amount::from_tkr(1), 4, Precision::TKR),
            Severity::Avrundning
        );
        // Two terms and the shown figure each carry up to half a tkr: 1,5 tkr in all.
        assert_eq!(
            severity_of(Amount::from_tkr(1), 2, Precision::TKR),
            Severity::Avrundning
        );
        assert_eq!(
            severity_of(Amount::from_tkr(2), 2, Precision::TKR),
            Severity::Fel
        );
        assert_eq!(
            severity_of(Amount::from_tkr(2), 4, Precision::TKR),
            Severity::Avrundning
        );
        assert_eq!(
            severity_of(Amount::from_tkr(3_000), 3, Precision::TKR),
            Severity::Fel
        );
    }

    #[test]
    fn prose_in_mnkr_tolerates_half_a_tenth_and_the_terms() {
        let tenth = Precision::MNKR_ONE_DECIMAL;
        assert_eq!(
            severity_of(Amount::from_tkr(51), 2, tenth),
            Severity::Avrundning
        );
        assert_eq!(severity_of(Amount::from_tkr(52), 2, tenth), Severity::Fel);
    }
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
        assert_eq!(findings[0].severity, Severity::Varning);
        assert_eq!(
            (
                findings[0].stated.text.as_str(),
                findings[0].computed.text.as_str()
            ),
            ("Brandrisk", "Brand")
        );
    }
}
