//! The budget file being written: tables and keys in order, one line each, with a blank line
//! before every table.

use std::fmt::Write;

use styr_domain::calendar::Date;

use super::values::{long_string, toml_string};

#[derive(Default)]
pub(super) struct Output {
    text: String,
}

impl Output {
    pub(super) fn table(&mut self, header: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(header);
        self.text.push('\n');
    }

    pub(super) fn raw(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.text, "{key} = {value}");
    }

    pub(super) fn text(&mut self, key: &str, value: &str) {
        self.raw(key, &toml_string(value));
    }

    pub(super) fn optional_text(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(key, value);
        }
    }

    pub(super) fn long_text(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.raw(key, &long_string(value));
        }
    }

    pub(super) fn optional_date(&mut self, key: &str, value: Option<Date>) {
        if let Some(date) = value {
            self.raw(key, &date.to_string());
        }
    }

    pub(super) fn finish(self) -> String {
        self.text
    }
}
