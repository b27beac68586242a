//! Text pieces every renderer shares: the metadata block's labels, and a text joined onto one
//! line for a table cell.

use styr_domain::document::DocumentMetadata;

/// The metadata block of a governance document, labelled as the reference labels it.
pub fn metadata_rows(document: &DocumentMetadata) -> Vec<(&'static str, String)> {
    let date = |date: Option<styr_domain::calendar::Date>| {
        date.map(|date| date.to_string()).unwrap_or_default()
    };
    vec![
        ("Typ av styrdokument", document.kind.clone()),
        ("Beslutande instans", document.decided_by.clone()),
        ("Datum för beslut", date(document.decision_date)),
        ("Diarienummer", document.registry_number.clone()),
        ("Gäller för", document.applies_to.clone()),
        ("Giltighetstid", document.validity.clone()),
        ("Revideras senast", date(document.revise_by)),
        ("Dokumentansvarig", document.owner.clone()),
    ]
}

/// Markdown paragraphs joined into one line, for a table cell.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
