//! The figures a reader sees: every table rounded to whole tkr as a whole, its subtotals added
//! up from the rounded rows, and the sentences and plan sums worked out from those same rounded
//! figures. Every format (the PDF, Word, Excel, Markdown and the web pages) shows these values;
//! none of them rounds or adds anything itself.
//!
//! Why as a whole: the exact costs of a table may be -114 195,6 + -7 985,6 + … tkr. Rounded one
//! by one the rows need not add up to the rounded total ("100 + 200 ≠ 301"); rounded together
//! by the largest-remainder method ([`styr_domain::rounding`]) they do, and the reader's own sum
//! of the printed rows gives the printed subtotal:
//!
//! ```text
//! Personalkostnader          -114 196     the lines are apportioned to their rounded sum;
//! Lokalhyror                   -7 986
//! Köp av tjänster             -51 171
//! Övriga kostnader            -41 587
//! Verksamhetens kostnader    -214 940     the subtotal is the sum of the rows above it.
//! ```
//!
//! A sum that leaves the range of an amount is an [`AmountOverflow`], never a wrong figure.

pub mod followup;
mod frame;
pub mod interim;
mod investment;
mod operating;
pub mod template;

use styr_domain::money::AmountOverflow;
use styr_domain::organisation::UnitId;

use crate::report::BudgetReport;

pub use crate::frame::derivation_warning;
pub use frame::ShownFrame;
pub use investment::{ShownInvestment, plan_sentence};
pub use operating::ShownOperating;

/// The shown figures and sentences of a whole budget report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// One per operating table, in the report's order.
    pub operating: Vec<ShownOperating>,
    pub investment: ShownInvestment,
    /// One per frame that has a figure for the budget year, in the report's order.
    pub frames: Vec<ShownFrame>,
}

impl Shown {
    /// The operating table of `unit` as shown.
    pub fn operating_of(&self, unit: &UnitId) -> Option<&ShownOperating> {
        self.operating.iter().find(|table| table.unit == *unit)
    }

    /// The frame sentences of `unit`.
    pub fn frame_of(&self, unit: &UnitId) -> Option<&ShownFrame> {
        self.frames.iter().find(|frame| frame.unit == *unit)
    }
}

/// Works out every shown figure and generated sentence of `report`.
pub fn shown(report: &BudgetReport) -> Result<Shown, AmountOverflow> {
    let operating = report
        .operating
        .iter()
        .map(ShownOperating::of)
        .collect::<Result<Vec<_>, _>>()?;
    let frames = report
        .frames
        .iter()
        .filter_map(|frame| ShownFrame::of(report, frame).transpose())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Shown {
        operating,
        investment: ShownInvestment::of(&report.investment)?,
        frames,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn every_operating_table_and_frame_of_the_report_is_shown() {
        let report = crate::budget_report(&small_budget()).expect("the report");
        let shown = shown(&report).expect("the figures fit");
        assert_eq!(shown.operating.len(), report.operating.len());
        for table in &report.operating {
            let figures = shown.operating_of(&table.unit).expect("the table");
            assert_eq!(figures.rows.len(), table.rows.len());
        }
        assert!(shown.frame_of(&report.frames[0].unit).is_some());
    }
}
