//! The governance-document metadata (styrdokument) and the document's text sections.

use serde::Serialize;

use crate::calendar::Date;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentMetadata {
    pub title: String,
    /// Typ av styrdokument: "Budget".
    pub kind: String,
    /// Beslutande instans.
    pub decided_by: String,
    /// Datum för beslut.
    pub decision_date: Option<Date>,
    /// Diarienummer.
    pub registry_number: String,
    /// Gäller för.
    pub applies_to: String,
    /// Giltighetstid as the document words it ("t.o.m 2025-12-31").
    pub validity: String,
    pub valid_until: Option<Date>,
    /// Revideras senast.
    pub revise_by: Option<Date>,
    /// Dokumentansvarig.
    pub owner: String,
}

/// A heading and its Markdown text, in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    /// 1 for a chapter, 2 for a section, 3 for a subsection.
    pub level: u8,
    pub text: String,
    /// A table or register placed after the text: "operating:ks", "investment", "risks" …
    pub shows: Option<String>,
}
