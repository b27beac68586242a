//! Text pieces every renderer shares: the metadata block's labels and the generated sentences
//! about the investment plan.

use styr_domain::calendar::Year;
use styr_domain::document::DocumentMetadata;
use styr_domain::format;
use styr_domain::money::{Amount, Precision};
use styr_reports::investment::InvestmentReport;

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

/// "Den totala investeringsplanen åren 2025–2029 uppgår till sammanlagt 613,7 mnkr, i genomsnitt 122,7 mnkr per år."
pub fn plan_sentence(plan: &InvestmentReport) -> String {
    plan_sentence_of(&plan.plan_years, plan.plan_sum, plan.plan_average)
}

/// The same sentence for a plan's years and given figures (the document's, as its table shows
/// them).
pub fn plan_sentence_of(years: &[Year], sum: Amount, average: Amount) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return String::new();
    };
    format!(
        "Den totala investeringsplanen åren {first}–{last} uppgår till sammanlagt {}, i genomsnitt {} per år.",
        format::with_unit(sum, Precision::MNKR_ONE_DECIMAL),
        format::with_unit(average, Precision::MNKR_ONE_DECIMAL)
    )
}

/// Markdown paragraphs joined into one line, for a table cell.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
