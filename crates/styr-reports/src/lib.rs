//! Pure functions from a budget to report values: the operating tables, the frame derivation,
//! the investment plan, the risk analysis and control plan, budget versus actual
//! ([`followup`]), and the consistency findings (`check` of a budget, [`review`] of a
//! document styr did not write; both report a [`finding::Finding`]). Renderers (HTML,
//! Markdown, JSON, PDF …) turn these values into files; no report logic lives in a renderer.
//!
//! Every figure is computed with checked arithmetic: a report whose figures leave the range of
//! an amount is an error naming the figure ([`styr_domain::budget::FigureError`]), and the
//! check lists it as a finding ("kan inte beräknas") rather than compare a wrapped number.

pub mod check;
pub mod finding;
pub mod followup;
pub mod frame;
pub mod goals;
pub mod investment;
pub mod municipal;
pub mod operating;
pub mod organisation;
pub mod report;
pub mod review;
pub mod risk;
pub mod sentences;
pub mod shown;
#[cfg(test)]
mod test_budget;

pub use check::{Finding, Severity, check};
pub use report::{BudgetReport, budget_report};
