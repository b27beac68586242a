//! Converting the budget file's figures into domain values, each kind in its own file: index
//! vintages, frames and their steps, operating lines, the investment plan, and the statements
//! of figures in prose with what they claim. Every figure keeps the span it was read from, so
//! an issue points at the value in the file.

mod claims;
mod frames;
mod index;
mod investment;
mod operating;
mod statements;
mod steps;

pub use frames::{frame_year, frames, index_choice};
pub use index::index;
pub use investment::investment;
pub use operating::operating;
pub use statements::statements;
