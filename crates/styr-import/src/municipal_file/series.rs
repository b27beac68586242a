//! Figures by year (`{ 2025 = -1200, 2026 = "-1 250" }`, in tkr unless the text names a unit)
//! laid out as one figure per column of the municipality's budget: every column given, no
//! year outside them.

use std::ops::Range;

use styr_domain::calendar::Year;
use styr_domain::money::Amount;
use toml::Spanned;

use crate::budget_file::raw::YearAmounts;
use crate::budget_file::reader::Reader;

pub struct Columns {
    years: Vec<Year>,
}

impl Columns {
    pub fn new(years: Vec<Year>) -> Columns {
        Columns { years }
    }

    pub fn years(&self) -> &[Year] {
        &self.years
    }

    fn span_text(&self) -> String {
        match (self.years.first(), self.years.last()) {
            (Some(first), Some(last)) => format!("{first}–{last}"),
            _ => String::new(),
        }
    }

    /// One figure per column; an issue for a year missing or outside the columns.
    pub fn required(
        &self,
        reader: &mut Reader,
        values: &Spanned<YearAmounts>,
        what: &str,
    ) -> Option<Vec<Amount>> {
        self.read(reader, values.get_ref(), values.span(), what, false)
    }

    /// As [`Columns::required`], but a series not written at all is zero every year.
    pub fn optional(
        &self,
        reader: &mut Reader,
        values: Option<&Spanned<YearAmounts>>,
        what: &str,
    ) -> Option<Vec<Amount>> {
        match values {
            Some(values) => self.read(reader, values.get_ref(), values.span(), what, false),
            None => Some(vec![Amount::ZERO; self.years.len()]),
        }
    }

    /// As [`Columns::required`], but a year not written is zero (a board without
    /// investments some year).
    pub fn sparse(
        &self,
        reader: &mut Reader,
        values: &YearAmounts,
        span: Range<usize>,
        what: &str,
    ) -> Option<Vec<Amount>> {
        self.read(reader, values, span, what, true)
    }

    fn read(
        &self,
        reader: &mut Reader,
        values: &YearAmounts,
        span: Range<usize>,
        what: &str,
        zero_when_missing: bool,
    ) -> Option<Vec<Amount>> {
        let mut amounts: Vec<Option<Amount>> =
            vec![zero_when_missing.then_some(Amount::ZERO); self.years.len()];
        let mut complete = true;
        for (year, amount) in reader.year_amounts(values) {
            match self.years.iter().position(|column| *column == year) {
                Some(column) => amounts[column] = Some(amount.value),
                None => {
                    let key = values
                        .keys()
                        .find(|key| key.get_ref() == &year.to_string())
                        .map_or(span.clone(), |key| key.span());
                    reader.issue(
                        key,
                        format!(
                            "{what}: {year} är inget av budgetens år ({})",
                            self.span_text()
                        ),
                    );
                    complete = false;
                }
            }
        }
        let missing: Vec<String> = self
            .years
            .iter()
            .zip(&amounts)
            .filter(|(_, amount)| amount.is_none())
            .map(|(year, _)| year.to_string())
            .collect();
        if !missing.is_empty() {
            reader.issue(
                span,
                format!("{what}: belopp saknas för {}", missing.join(", ")),
            );
            return None;
        }
        if !complete {
            return None;
        }
        amounts.into_iter().collect()
    }
}
