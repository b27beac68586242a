//! Input from people — form fields and the API's JSON — turned into domain values, or a
//! message per field. This is the one place that reads what people type, so a value is refused
//! the same way wherever it is typed:
//!
//! - amounts ([`amount`]): "-47 652" is tkr, "1,5 mnkr" and "250 kr" name their unit;
//! - years, dates and months ([`year`], [`optional_date`] "2025-05-12", [`month`] "2025-03");
//! - ids ([`key`]): a record's id in a form or an address is a key of the safe alphabet of
//!   `styr_domain::key` — `energibrist-effektbrist`, never `zz/../other-risk`;
//! - text ([`text`], [`line`]): trimmed, and refused when it holds a control character or a
//!   bidi override (U+202E turns "fel.exe" into what looks like "exe.lef" in a list);
//! - a KPI's values ([`decimal`] "3,6", [`period`] "2025-O1", [`fulfilment`]);
//! - whole records ([`records`]): a risk, a project, a goal … with every field read at once,
//!   so a form comes back with all its messages.

mod amount;
mod calendar;
mod goals;
mod id;
pub mod records;
mod step;
mod text;

use std::collections::BTreeMap;

pub use amount::amount;
pub use calendar::{month, month_number, optional_date, year};
pub use goals::{decimal, fulfilment, period};
pub use id::{Key, Name, key, path_segment, slug};
pub use step::{StepForm, read_step};
pub use text::{line, text};

/// Messages by field name.
pub type FieldErrors = BTreeMap<String, String>;

/// The messages gathered while reading a form: the first per field.
#[derive(Default)]
pub struct Errors(FieldErrors);

impl Errors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    /// `value` read as text (see [`text`]); a refused text leaves its message at `field`.
    pub fn text(&mut self, field: &str, value: &str) -> String {
        text(value).unwrap_or_else(|message| {
            self.add(field, message);
            String::new()
        })
    }

    /// Like [`Errors::text`], and the field must not be empty: "`what` behöver fyllas i".
    pub fn required(&mut self, field: &str, value: &str, what: &str) -> String {
        let read = self.text(field, value);
        if value.trim().is_empty() {
            self.add(field, format!("{what} behöver fyllas i"));
        }
        read
    }

    pub fn into_inner(self) -> FieldErrors {
        self.0
    }

    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}
