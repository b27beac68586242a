//! A finding: one place where a stated figure (or name) disagrees with what styr computes,
//! with both values as a reader sees them. The consistency check of a budget (`crate::check`)
//! and the review of a document ([`crate::review`]) both report findings.
//!
//! A finding is one of three severities ([`Severity`]):
//! - **fel**: the stated figure cannot be reached from the rows;
//! - **avrundning**: the difference is within what rounding each term to the shown precision
//!   can produce (a sum of four figures in whole tkr may be 2 tkr off);
//! - **varning**: not a wrong figure but a disagreement a reader should see, such as a risk
//!   named differently in the control plan and the risk analysis.
//!
//! ```text
//! fel  Driftbudget › Årets resultat, Budget 2025: angivet 0 tkr, beräknat 1 tkr
//! ```
//!
//! The notes that explain a disagreement ("Talet stämmer om enheten är tkr …") are in
//! `notes`.

pub(crate) mod notes;

use serde::Serialize;
use styr_domain::format;
use styr_domain::money::{Amount, ORE_PER_TKR, Precision};

pub use styr_domain::severity::Severity;

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

/// What disagrees: a figure (stated vs computed), a name (as written here vs elsewhere), or
/// the balance of a table against its frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Figure,
    Name,
    /// A table whose result is below zero: a deficit against its frame.
    Balance,
}

impl FindingKind {
    /// The kind's key in the API and in files: "figure", "name", "balance".
    pub const fn key(self) -> &'static str {
        match self {
            FindingKind::Figure => "figure",
            FindingKind::Name => "name",
            FindingKind::Balance => "balance",
        }
    }
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

impl Finding {
    /// The finding as a person names it, and as an adoption that passes over it refers to
    /// it: "Investeringsbudget › Totala utgifter, Plan 2028".
    pub fn key(&self) -> String {
        format!("{} › {}", self.section, self.place)
    }
}

/// How the disagreement between `computed` and `stated` is classed when `terms` figures, each
/// rounded to whole tkr, went into the computation and the result is shown at `precision`.
/// Worked in i128, where the difference of any two amounts fits.
pub(crate) fn severity_of(
    computed: Amount,
    stated: Amount,
    terms: usize,
    precision: Precision,
) -> Severity {
    let difference = i128::from(computed.ore()) - i128::from(stated.ore());
    let rounding = i128::from(precision.step_ore()) + i128::from(ORE_PER_TKR) * terms as i128;
    // Twice the difference against twice the tolerance, to stay in whole öre.
    if 2 * difference.abs() <= rounding {
        Severity::Rounding
    } else {
        Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_within_the_rounding_of_its_terms_is_rounding() {
        assert_eq!(
            severity_of(Amount::from_tkr(1), Amount::ZERO, 4, Precision::TKR),
            Severity::Rounding
        );
        // Two terms and the shown figure each carry up to half a tkr: 1,5 tkr in all.
        assert_eq!(
            severity_of(Amount::from_tkr(1), Amount::ZERO, 2, Precision::TKR),
            Severity::Rounding
        );
        assert_eq!(
            severity_of(Amount::from_tkr(2), Amount::ZERO, 2, Precision::TKR),
            Severity::Error
        );
        assert_eq!(
            severity_of(Amount::from_tkr(2), Amount::ZERO, 4, Precision::TKR),
            Severity::Rounding
        );
        assert_eq!(
            severity_of(Amount::from_tkr(3_000), Amount::ZERO, 3, Precision::TKR),
            Severity::Error
        );
    }

    #[test]
    fn a_difference_between_the_ends_of_the_range_is_an_error_not_an_overflow() {
        let most = Amount::from_ore(i64::MAX);
        let least = Amount::from_ore(-i64::MAX);
        assert_eq!(severity_of(most, least, 1, Precision::TKR), Severity::Error);
        assert_eq!(
            severity_of(most, most, 1, Precision::TKR),
            Severity::Rounding
        );
    }

    #[test]
    fn prose_in_mnkr_tolerates_half_a_tenth_and_the_terms() {
        let tenth = Precision::MNKR_ONE_DECIMAL;
        assert_eq!(
            severity_of(Amount::from_tkr(51), Amount::ZERO, 2, tenth),
            Severity::Rounding
        );
        assert_eq!(
            severity_of(Amount::from_tkr(52), Amount::ZERO, 2, tenth),
            Severity::Error
        );
    }
}
