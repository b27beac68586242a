//! Whole records read from their fields at once: every field is read, and all messages come
//! back together (`"name" → "Riskens namn behöver fyllas i"`, `"probability" → "välj ett
//! värde 1–4"`), so a form is shown again with each message beside its field. Pages and the
//! API both build their changes from these.

mod control;
mod document;
mod efficiency;
mod frame;
mod goal;
mod investment;
mod risk;

pub use control::{ControlInput, control, control_result};
pub use document::{DocumentInput, document};
pub use efficiency::efficiency;
pub use frame::{FrameYearInput, StepInput, frame_year};
pub use goal::{KpiInput, goal, keep_follow_up};
pub use investment::{ProjectInput, project};
pub use risk::{RiskInput, risk};

use super::{Errors, key, slug};

/// The record's id: the one given, or one made from `name` when none is; either way a key.
fn record_id(errors: &mut Errors, id: Option<&str>, name: &str, name_field: &str) -> String {
    match id.map(str::trim).filter(|id| !id.is_empty()) {
        Some(given) => key(given).unwrap_or_else(|message| {
            errors.add("id", message);
            String::new()
        }),
        None => {
            let made = slug(name);
            if made.is_empty() && !name.trim().is_empty() {
                errors.add(
                    name_field,
                    "namnet behöver minst en bokstav eller siffra (id:t görs av det)",
                );
            }
            made
        }
    }
}
