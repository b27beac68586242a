//! Readers from bytes and text to styr's domain values. Every reader reports each issue with
//! its line and column and the offending line quoted, and collects all issues in one pass.

pub mod amount;
pub mod budget_file;
pub mod csv;
pub mod document;
pub mod issue;
pub mod kolada;
pub mod kpi_values;
pub mod sie;
pub mod template;

pub use budget_file::{parse_budget, parse_goals, write_budget};
pub use issue::{Issue, Severity};
