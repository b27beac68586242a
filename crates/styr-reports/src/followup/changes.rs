//! What an import changed, for the confirmation a controller reads after it: which months it
//! booked for the first time and which it replaced, and for each row of the board's total the
//! outcome of those months before and after.
//!
//! ```text
//! januari–augusti 2025: augusti ny, januari–juli ersatta
//! Personalkostnader  -75 002 → -75 340 tkr
//! ```

use serde::Serialize;
use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::OperatingRow;

use super::FollowupReport;

/// One row of the total whose outcome in the imported months changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowChange {
    pub row: OperatingRow,
    pub label: &'static str,
    /// `None` when none of the months was booked before.
    pub before: Option<Amount>,
    pub after: Amount,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportChanges {
    /// Months of the year (1–12) the import booked for the first time.
    pub new_months: Vec<u8>,
    /// Months it booked again, replacing an earlier import.
    pub replaced_months: Vec<u8>,
    pub rows: Vec<RowChange>,
}

/// What changed between `before` and `after` in the months `first` to `last` (1–12) of the
/// year both follow up.
pub fn import_changes(
    before: &FollowupReport,
    after: &FollowupReport,
    first: u8,
    last: u8,
) -> Result<ImportChanges, AmountOverflow> {
    let months: Vec<usize> = (first.max(1)..=last.min(12))
        .map(|month| usize::from(month - 1))
        .collect();
    let mut rows = Vec::new();
    for row in &after.total.rows {
        let sum = |values: &[Option<Amount>; 12]| -> Result<Option<Amount>, AmountOverflow> {
            let booked: Vec<Amount> = months.iter().filter_map(|index| values[*index]).collect();
            if booked.is_empty() {
                return Ok(None);
            }
            Amount::try_sum(booked).map(Some)
        };
        let now = sum(&row.actual)?.unwrap_or_default();
        let earlier = before
            .total
            .row(row.row)
            .map(|old| sum(&old.actual))
            .transpose()?
            .flatten();
        if earlier != Some(now) {
            rows.push(RowChange {
                row: row.row,
                label: row.label,
                before: earlier,
                after: now,
            });
        }
    }
    Ok(ImportChanges {
        new_months: months
            .iter()
            .filter(|index| !before.booked[**index] && after.booked[**index])
            .map(|index| *index as u8 + 1)
            .collect(),
        replaced_months: months
            .iter()
            .filter(|index| before.booked[**index])
            .map(|index| *index as u8 + 1)
            .collect(),
        rows,
    })
}
