//! Renderers: report values to files people read. One module per format; a new format never
//! touches report logic.

pub mod document;
pub mod docx;
pub mod fdp;
pub mod findings;
pub mod followup;
pub mod html;
pub mod json;
pub mod markdown;
pub mod package;
mod text;
pub mod xlsx;

pub use html::html;
pub use json::json;
pub use markdown::markdown;
