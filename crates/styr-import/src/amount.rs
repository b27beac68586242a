//! Amounts, percentages and changes as Swedish documents write them; the readers live in the
//! domain (`styr_domain::parse`) so that every crate reads a figure the same way.

pub use styr_domain::parse::{parse_amount, parse_change, parse_percent};
