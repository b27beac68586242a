//! Writing a budget back as a budget file: the inverse of [`super::parse_budget`], so that
//! `parse_budget(&write_budget(&budget)) == Ok(budget)` for every budget. Used by `styr export`
//! and the web application's download. The layout follows examples/alingsas-ks-2025.toml: one
//! table per record, figures by year as inline tables, text as multi-line strings.

use styr_domain::budget::Budget;

use super::FORMAT_VERSION;
use frames::frames;
use operating::operating;
use output::Output;
use plans::{investment, statements};
use registers::{goals_and_registers, risks};
pub(crate) use values::toml_string;
use values::year_list;

mod details;
mod frames;
mod goals;
mod operating;
mod output;
mod plans;
mod profile;
mod registers;
mod values;

/// The budget as a budget file.
pub fn write_budget(budget: &Budget) -> String {
    let mut out = Output::default();
    header(&mut out, budget);
    for unit in budget.organisation.units() {
        out.table("[[unit]]");
        out.text("id", unit.id.as_str());
        out.text("name", &unit.name);
        out.text("kind", unit.kind.swedish());
        out.optional_text("parent", unit.parent.as_ref().map(|parent| parent.as_str()));
        out.optional_date("valid_from", unit.valid_from);
        out.optional_date("valid_to", unit.valid_to);
        out.optional_text(
            "predecessor",
            unit.predecessor
                .as_ref()
                .map(|predecessor| predecessor.as_str()),
        );
        if unit.separately_reported {
            out.raw("separately_reported", "true");
        }
        out.long_text("description", &unit.description);
    }
    for section in &budget.sections {
        out.table("[[section]]");
        out.text("heading", &section.heading);
        out.raw("level", &section.level.to_string());
        out.optional_text("shows", section.shows.as_deref());
        out.long_text("text", &section.text);
    }
    goals_and_registers(&mut out, budget);
    frames(&mut out, budget);
    operating(&mut out, budget);
    investment(&mut out, &budget.investment);
    statements(&mut out, budget);
    risks(&mut out, budget);
    if let Some(profile) = &budget.profile {
        profile::profile(&mut out, profile);
    }
    out.finish()
}

fn header(out: &mut Output, budget: &Budget) {
    out.raw("format", &FORMAT_VERSION.to_string());
    out.table("[municipality]");
    out.text("name", &budget.municipality.name);
    out.text("code", &budget.municipality.code);
    let document = &budget.document;
    out.table("[document]");
    out.text("title", &document.title);
    out.text("kind", &document.kind);
    out.text("decided_by", &document.decided_by);
    out.optional_date("decision_date", document.decision_date);
    out.text("registry_number", &document.registry_number);
    out.text("applies_to", &document.applies_to);
    out.text("validity", &document.validity);
    out.optional_date("valid_until", document.valid_until);
    out.optional_date("revise_by", document.revise_by);
    out.text("owner", &document.owner);
    out.table("[budget]");
    out.text("board", budget.board.as_str());
    out.raw("previous_year", &budget.years.previous.to_string());
    out.raw("year", &budget.years.budget.to_string());
    out.raw("plan_years", &year_list(&budget.years.plan));
}
