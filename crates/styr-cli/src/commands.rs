//! One module per subcommand, each a function from its arguments to an exit status: 0 when it
//! did what was asked, 1 when it could not (or `styr check` found errors), 2 when a file it was
//! given cannot be read. Messages go to standard error as sentences beginning "styr:".
//!
//! ```text
//! styr import budget.toml   → budget_file::import
//! styr import bok.se        → followup::import
//! styr import mall.xlsx     → template::import
//! styr report budget.toml   → report::run
//! styr report --document delarsrapport --period 2025-08 → interim::run
//! ```

pub mod backup;
pub mod budget_file;
pub mod check;
pub mod followup;
pub mod goals;
pub mod interim;
pub mod kolada;
pub mod municipal;
pub mod next_year;
pub mod report;
pub mod serve;
pub mod template;
pub mod user;
