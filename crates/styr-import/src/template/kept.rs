//! What reading a workbook keeps, counted — cells and shared strings together, against
//! [`Limits::cells`] — and the two ways a workbook is refused as a whole: it is no workbook
//! styr can read, or it is larger than a budget template can be (a limit, named).
//!
//! [`Limits::cells`]: crate::limits::Limits::cells

use std::fmt::Display;

use crate::archive::ArchiveError;
use crate::limits::{Limit, Limits};
use crate::xml::XmlError;

/// The refusal of a file that is no workbook styr can read.
pub(super) fn unreadable(reason: impl Display) -> String {
    format!("filen är ingen läsbar Excel-arbetsbok (.xlsx): {reason}")
}

/// The refusal of a workbook past a limit.
pub(super) fn too_large(reason: impl Display) -> String {
    format!("arbetsboken är större än en budgetmall kan vara: {reason}")
}

pub(super) fn from_archive(error: ArchiveError) -> String {
    match error {
        ArchiveError::Exceeded(exceeded) => too_large(exceeded),
        other => unreadable(other),
    }
}

pub(super) fn from_xml(error: XmlError) -> String {
    match error {
        XmlError::Exceeded(exceeded) => too_large(exceeded),
        other => unreadable(other),
    }
}

/// How many cells and shared strings the workbook has kept so far.
pub(super) struct Kept<'l> {
    pub limits: &'l Limits,
    pub cells: u64,
}

impl Kept<'_> {
    /// One more cell or shared string; `Err` past the limit.
    pub(super) fn count(&mut self, part: &str) -> Result<(), String> {
        self.cells += 1;
        self.limits
            .check(
                Limit::Cells,
                self.cells,
                &format!("arbetsboken (vid {part})"),
            )
            .map_err(too_large)
    }
}
