//! The operating budget (driftbudget): revenue and cost lines per unit and year, and the rows
//! derived from them.
//!
//! The rules, as every Swedish board budget states them (amounts signed: revenue positive,
//! cost negative):
//!
//! ```text
//! Verksamhetens kostnader       = Personalkostnader + Lokalhyror + Köp av tjänster + Övriga kostnader
//! Verksamhetens nettokostnader  = Verksamhetens intäkter + Verksamhetens kostnader
//! Årets resultat                = nettokostnad + kommunbidrag + finansnetto
//! ```
//!
//! For Kommunstyrelsen 2025: 108 608 + (−227 242) = −118 634, and −118 634 + 118 535 + 100 = 1.
//!
//! The lines and rows are named here; a year's figures and their checked sums are in
//! `figures`.

use std::collections::BTreeMap;

use serde::Serialize;

mod figures;

pub use figures::{EnteredFigures, YearFigures};

use crate::calendar::Year;
use crate::direction::StatedChange;
use crate::money::Amount;
use crate::organisation::UnitId;

/// An entered line of the operating budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Revenue,
    Personnel,
    PremisesRent,
    PurchasedServices,
    OtherCosts,
}

impl LineKind {
    pub const ALL: [LineKind; 5] = [
        LineKind::Revenue,
        LineKind::Personnel,
        LineKind::PremisesRent,
        LineKind::PurchasedServices,
        LineKind::OtherCosts,
    ];
    pub const COSTS: [LineKind; 4] = [
        LineKind::Personnel,
        LineKind::PremisesRent,
        LineKind::PurchasedServices,
        LineKind::OtherCosts,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            LineKind::Revenue => "revenue",
            LineKind::Personnel => "personnel",
            LineKind::PremisesRent => "premises_rent",
            LineKind::PurchasedServices => "purchased_services",
            LineKind::OtherCosts => "other_costs",
        }
    }

    pub fn from_key(key: &str) -> Option<LineKind> {
        LineKind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// Every row an operating table shows: the entered lines and the derived and allocated rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OperatingRow {
    Line(LineKind),
    Costs,
    NetCost,
    Kommunbidrag,
    FinancialNet,
    Result,
}

impl OperatingRow {
    /// The rows in the order the reference's tables show them.
    pub const ALL: [OperatingRow; 10] = [
        OperatingRow::Line(LineKind::Revenue),
        OperatingRow::Line(LineKind::Personnel),
        OperatingRow::Line(LineKind::PremisesRent),
        OperatingRow::Line(LineKind::PurchasedServices),
        OperatingRow::Line(LineKind::OtherCosts),
        OperatingRow::Costs,
        OperatingRow::NetCost,
        OperatingRow::Kommunbidrag,
        OperatingRow::FinancialNet,
        OperatingRow::Result,
    ];

    /// The row's name in the budget document.
    pub const fn label(self) -> &'static str {
        match self {
            OperatingRow::Line(LineKind::Revenue) => "Verksamhetens intäkter",
            OperatingRow::Line(LineKind::Personnel) => "Personalkostnader",
            OperatingRow::Line(LineKind::PremisesRent) => "Lokalhyror",
            OperatingRow::Line(LineKind::PurchasedServices) => "Köp av tjänster",
            OperatingRow::Line(LineKind::OtherCosts) => "Övriga kostnader",
            OperatingRow::Costs => "Verksamhetens kostnader",
            OperatingRow::NetCost => "Verksamhetens nettokostnader",
            OperatingRow::Kommunbidrag => "Kommunbidrag",
            OperatingRow::FinancialNet => "Finansnetto",
            OperatingRow::Result => "Årets resultat",
        }
    }

    /// The key the budget file uses for the row.
    pub const fn key(self) -> &'static str {
        match self {
            OperatingRow::Line(kind) => kind.key(),
            OperatingRow::Costs => "costs",
            OperatingRow::NetCost => "net_cost",
            OperatingRow::Kommunbidrag => "kommunbidrag",
            OperatingRow::FinancialNet => "financial_net",
            OperatingRow::Result => "result",
        }
    }

    pub fn from_key(key: &str) -> Option<OperatingRow> {
        OperatingRow::ALL.into_iter().find(|row| row.key() == key)
    }

    /// Rows the document shows in bold: totals and rows that are not one cost line.
    pub const fn is_emphasised(self) -> bool {
        !matches!(
            self,
            OperatingRow::Line(
                LineKind::Personnel
                    | LineKind::PremisesRent
                    | LineKind::PurchasedServices
                    | LineKind::OtherCosts
            )
        )
    }

    /// How many figures a derived row adds up, each of which may carry half a tkr of rounding.
    pub const fn terms(self) -> usize {
        match self {
            OperatingRow::Costs => LineKind::COSTS.len(),
            OperatingRow::NetCost => 2,
            OperatingRow::Result => 3,
            _ => 1,
        }
    }
}

/// One unit's entered amounts, year by year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UnitLines {
    pub unit: UnitId,
    pub lines: BTreeMap<LineKind, BTreeMap<Year, Amount>>,
    pub financial_net: BTreeMap<Year, Amount>,
    /// Why each line changes, in the responsible person's words.
    pub explanations: Vec<ChangeExplanation>,
}

/// The reasons for one line's change between two years; the change itself is computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeExplanation {
    pub line: LineKind,
    pub from: Year,
    pub to: Year,
    /// The change as the source document words it, checked against the computation.
    pub stated: Option<StatedChange>,
    /// The source document's sentence that states the change, quoted in findings.
    pub stated_sentence: String,
    /// Markdown written by people after the generated sentence.
    pub text: String,
    /// A person has since changed a figure the stated change is between: the statement is
    /// kept, no longer checked.
    pub superseded: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_key_that_leads_back_to_it() {
        for row in OperatingRow::ALL {
            assert_eq!(OperatingRow::from_key(row.key()), Some(row));
        }
    }
}
