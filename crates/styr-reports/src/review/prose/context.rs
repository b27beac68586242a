//! What a sentence is checked against and how its findings are made: the table above it, the
//! row it names, and the sentence's place ("”…” (rad 12)") in every finding or "ej
//! kontrollerat" it gives.

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, Stated};

use crate::finding::notes::unit_slip_note;
use crate::finding::{Finding, FindingKind, Severity, Shown, severity_of};
use crate::review::amounts::{AmountRow, AmountTable};
use crate::review::{Review, Unchecked};

/// Why a figure the document states is not checked when styr cannot compute it exactly.
pub(super) const TOO_LARGE: &str = "beloppet blir för stort för att räknas exakt";

/// The sentence being checked, and the review its findings go to.
pub(super) struct Context<'a, 'r> {
    pub section: &'a str,
    pub sentence: &'a str,
    pub line: usize,
    pub review: &'r mut Review,
}

impl Context<'_, '_> {
    pub(super) fn place(&self) -> String {
        format!("”{}” (rad {})", self.sentence, self.line)
    }

    pub(super) fn disagree(
        &mut self,
        severity: Severity,
        stated: Shown,
        computed: Shown,
        note: String,
    ) {
        let finding = Finding {
            severity,
            kind: FindingKind::Figure,
            section: self.section.to_string(),
            place: self.place(),
            stated,
            computed,
            note,
        };
        self.review.findings.push(finding);
    }

    pub(super) fn leave(&mut self, reason: &str) {
        self.review.unchecked.push(Unchecked {
            section: self.section.to_string(),
            place: self.place(),
            reason: reason.to_string(),
        });
    }

    /// A stated amount against a computed one at the stated precision. A figure that agrees
    /// with the table as its rows compute it (`alternative`) is not wrong on its own: the table
    /// disagrees with itself, and that is reported once, at the table.
    pub(super) fn compare(
        &mut self,
        stated: Stated,
        computed: Amount,
        terms: usize,
        alternative: Option<Amount>,
    ) {
        if stated.agrees_with(computed)
            || alternative.is_some_and(|alternative| stated.agrees_with(alternative))
        {
            return;
        }
        let severity = severity_of(computed, stated.value, terms, stated.precision);
        let note = unit_slip_note(stated, computed);
        self.disagree(
            severity,
            Shown::amount(stated.value, stated.precision),
            Shown::amount(computed, stated.precision),
            note,
        );
    }
}

/// The row a clause is about: the longest row name the clause contains at a word start.
pub(super) fn row_named<'t>(table: &'t AmountTable<'_>, clause: &str) -> Option<&'t AmountRow> {
    let lower = format!(" {}", clause.to_lowercase());
    table
        .rows
        .iter()
        .filter(|row| {
            !row.label.is_empty() && lower.contains(&format!(" {}", row.label.to_lowercase()))
        })
        .max_by_key(|row| row.label.len())
}

pub(super) fn total_row<'t>(table: &'t AmountTable<'_>) -> Option<&'t AmountRow> {
    table.rows.iter().rev().find(|row| {
        let lower = row.label.to_lowercase();
        row.bold && (lower.starts_with("total") || lower.starts_with("summa"))
    })
}

pub(super) fn value_of(table: &AmountTable<'_>, row: &AmountRow, year: Year) -> Option<Amount> {
    row.values.get(table.column(year)?).copied().flatten()
}

/// A claim about a year the table does not have: an error, with the years it has.
pub(super) fn missing_year(context: &mut Context<'_, '_>, table: &AmountTable<'_>, year: Year) {
    let years: Vec<String> = table.years.iter().map(Year::to_string).collect();
    let note = format!(
        "Tabellen har inget år {year} (den har {}).",
        years.join(", ")
    );
    context.disagree(
        Severity::Error,
        Shown::text(year.to_string()),
        Shown::text("kan inte beräknas"),
        note,
    );
}
