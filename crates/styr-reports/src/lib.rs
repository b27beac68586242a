//! Pure functions from a budget to report values: the operating tables, the frame derivation,
//! the investment plan, the risk analysis and control plan, and the consistency findings.
//! Renderers (HTML, Markdown, JSON, PDF …) turn these values into files; no report logic lives
//! in a renderer.

pub mod check;
pub mod followup;
pub mod frame;
pub mod investment;
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
