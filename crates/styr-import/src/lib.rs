//! Readers from bytes and text to styr's domain values. Every reader reports each issue with
//! its line and column and the offending line quoted, and collects all issues in one pass.

pub mod amount;
mod archive;
pub mod bidi;
pub mod budget_file;
pub mod csv;
pub mod document;
pub mod issue;
pub mod kolada;
pub mod kpi_values;
pub mod limits;
pub mod municipal_file;
pub mod sie;
pub mod template;
mod xml;

pub use budget_file::{parse_budget, parse_budget_within, parse_goals, write_budget};
pub use issue::{Issue, Issues, Severity};
pub use limits::{Exceeded, Limit, Limits};
pub use municipal_file::{parse_municipal_budget, parse_municipal_budget_within};
