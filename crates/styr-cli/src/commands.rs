//! One module per subcommand.

pub mod backup;
pub mod check;
pub mod database;
pub mod followup;
pub mod report;
pub mod serve;
pub mod template;
pub mod user;
