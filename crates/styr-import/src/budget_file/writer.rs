//! Writing a budget back as a budget file: the inverse of [`super::parse_budget`], so that
//! `parse_budget(&write_budget(&budget)) == Ok(budget)` for every budget. Used by `styr export`
//! and the web application's download. The layout follows examples/alingsas-ks-2025.toml: one
//! table per record, figures by year as inline tables, text as multi-line strings.

use std::fmt::Write;

use styr_domain::budget::Budget;
use styr_domain::calendar::{Date, Year};
use styr_domain::format;
use styr_domain::frame::{Base, FrameYear, Permanence, Step, StepKind};
use styr_domain::investment::{InvestmentPlan, InvestmentRow};
use styr_domain::money::{Amount, ORE_PER_TKR, Precision, Stated, Unit};
use styr_domain::operating::OperatingRow;
use styr_domain::statement::{Claim, Direction, Figure, StatedChange};

use super::FORMAT_VERSION;

mod details;

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

fn goals_and_registers(out: &mut Output, budget: &Budget) {
    for goal in &budget.goals {
        out.table("[[goal]]");
        out.text("id", &goal.id);
        out.text("kind", goal.kind.key());
        out.text("title", &goal.title);
        out.long_text("statement", &goal.statement);
        out.long_text("text", &goal.text);
        for kpi in &goal.kpis {
            out.table("[[goal.kpi]]");
            out.text("name", &kpi.name);
            out.text("source", &kpi.source);
            out.raw(
                "measurements_per_year",
                &kpi.measurements_per_year.to_string(),
            );
            out.optional_text("kolada_id", kpi.kolada_id.as_deref());
        }
    }
    for investigation in &budget.efficiency {
        out.table("[[efficiency]]");
        out.text("proposed_by", &investigation.proposed_by);
        out.text("investigation", &investigation.investigation);
        out.long_text("handling", &investigation.handling);
        let coordinators: Vec<String> = investigation
            .coordinators
            .iter()
            .map(|name| toml_string(name))
            .collect();
        out.raw("coordinators", &format!("[{}]", coordinators.join(", ")));
        out.raw(
            "prioritised",
            if investigation.prioritised {
                "true"
            } else {
                "false"
            },
        );
    }
    for vintage in &budget.index.vintages {
        out.table("[[index]]");
        out.text("name", &vintage.name);
        out.text("vintage", &vintage.vintage);
        let values: Vec<String> = vintage
            .values
            .iter()
            .map(|(year, percent)| format!("{year} = {}", toml_string(&percent.to_swedish())))
            .collect();
        out.raw("values", &format!("{{ {} }}", values.join(", ")));
    }
}

fn frames(out: &mut Output, budget: &Budget) {
    for frame in &budget.frames {
        out.table("[[frame]]");
        out.text("unit", frame.unit.as_str());
        out.text("heading", &frame.heading);
        out.text("index", &frame.index.name);
        out.text("vintage", &frame.index.vintage);
        for (year, frame_year) in &frame.years {
            out.table("[[frame.year]]");
            out.raw("year", &year.to_string());
            let derivation = match frame_year {
                FrameYear::Entered { amount, trail } => {
                    out.raw("amount", &entered_amount(*amount));
                    trail.as_ref()
                }
                FrameYear::Derived { derivation } => Some(derivation),
            };
            let Some(derivation) = derivation else {
                continue;
            };
            let base = match &derivation.base {
                Base::Amount { year, amount } => {
                    format!("{{ year = {year}, amount = {} }}", stated(amount))
                }
                Base::Frame { year } => format!("{{ frame = {year} }}"),
            };
            out.raw("base", &base);
            for step in &derivation.steps {
                frame_step(out, step);
            }
        }
    }
}

fn frame_step(out: &mut Output, step: &Step) {
    out.table("[[frame.year.step]]");
    match &step.kind {
        StepKind::Uprating { index_year, share } => {
            out.raw("uprating", &index_year.to_string());
            out.text("share", &share.to_swedish());
        }
        StepKind::Adjustment {
            name,
            amount,
            permanence,
        } => {
            out.text("adjustment", name);
            out.raw("amount", &stated(amount));
            out.raw(
                "permanent",
                if *permanence == Permanence::Permanent {
                    "true"
                } else {
                    "false"
                },
            );
        }
    }
    if let Some(result) = &step.stated_result {
        out.raw("result", &stated(result));
    }
    out.long_text("text", &step.text);
}

fn operating(out: &mut Output, budget: &Budget) {
    let mut written = Vec::new();
    for lines in &budget.lines {
        out.table("[[operating]]");
        out.text("unit", lines.unit.as_str());
        let table = budget
            .operating_tables
            .iter()
            .find(|table| table.unit == lines.unit);
        if let Some(table) = table {
            out.text("heading", &table.heading);
            written.push(&table.unit);
        }
        for (kind, amounts) in &lines.lines {
            out.raw(
                kind.key(),
                &year_amounts(
                    amounts
                        .iter()
                        .map(|(year, amount)| (*year, entered_amount(*amount))),
                ),
            );
        }
        if !lines.financial_net.is_empty() {
            let amounts = lines
                .financial_net
                .iter()
                .map(|(year, amount)| (*year, entered_amount(*amount)));
            out.raw("financial_net", &year_amounts(amounts));
        }
        if let Some(table) = table.filter(|table| !table.stated.is_empty()) {
            out.table("[operating.stated]");
            for row in OperatingRow::ALL {
                let figures: Vec<_> = table
                    .stated
                    .iter()
                    .filter(|((stated_row, _), _)| *stated_row == row)
                    .collect();
                if !figures.is_empty() {
                    out.raw(
                        row.key(),
                        &year_amounts(
                            figures
                                .into_iter()
                                .map(|((_, year), value)| (*year, stated(value))),
                        ),
                    );
                }
            }
        }
        if let Some(table) = table {
            details::operating_superseded(out, &table.superseded);
        }
        for explanation in &lines.explanations {
            out.table("[[operating.explanation]]");
            out.text("line", explanation.line.key());
            if let Some(change) = &explanation.stated {
                out.text("change", &change_text(change));
            }
            if !explanation.stated_sentence.is_empty() {
                out.text("sentence", &explanation.stated_sentence);
            }
            out.raw("years", &year_list(&[explanation.from, explanation.to]));
            out.long_text("text", &explanation.text);
            if explanation.superseded {
                out.raw("superseded", "true");
            }
        }
    }
    // A table shown for a unit that has no lines of its own (its units carry them).
    for table in budget
        .operating_tables
        .iter()
        .filter(|table| !written.contains(&&table.unit))
    {
        out.table("[[operating]]");
        out.text("unit", table.unit.as_str());
        out.text("heading", &table.heading);
        if !table.stated.is_empty() {
            out.table("[operating.stated]");
            for row in OperatingRow::ALL {
                let figures: Vec<_> = table
                    .stated
                    .iter()
                    .filter(|((stated_row, _), _)| *stated_row == row)
                    .collect();
                if !figures.is_empty() {
                    out.raw(
                        row.key(),
                        &year_amounts(
                            figures
                                .into_iter()
                                .map(|((_, year), value)| (*year, stated(value))),
                        ),
                    );
                }
            }
        }
        details::operating_superseded(out, &table.superseded);
    }
}

fn investment(out: &mut Output, plan: &InvestmentPlan) {
    if *plan == InvestmentPlan::default() {
        return;
    }
    out.table("[investment]");
    out.text("heading", &plan.heading);
    out.raw("years", &year_list(&plan.years));
    for project in &plan.projects {
        out.table("[[investment.project]]");
        out.text("name", &project.name);
        out.text("category", project.category.key());
        out.raw(
            "amounts",
            &year_amounts(
                project
                    .amounts
                    .iter()
                    .map(|(year, amount)| (*year, entered_amount(*amount))),
            ),
        );
        details::project(out, project);
    }
    if !plan.stated.is_empty() {
        out.table("[investment.stated]");
        let mut rows: Vec<&InvestmentRow> = plan.stated.keys().map(|(row, _)| row).collect();
        rows.dedup();
        for row in rows {
            let key = match row {
                InvestmentRow::Category(category) => category.key(),
                InvestmentRow::Total => "total",
                // The reader has no stated project rows: a project's amounts are its own.
                InvestmentRow::Project(_) => continue,
            };
            let figures = plan
                .stated
                .iter()
                .filter(|((stated_row, _), _)| stated_row == row);
            out.raw(
                key,
                &year_amounts(figures.map(|((_, year), value)| (*year, stated(value)))),
            );
        }
    }
    details::investment_superseded(out, &plan.superseded);
}

fn statements(out: &mut Output, budget: &Budget) {
    for statement in &budget.statements {
        out.table("[[statement]]");
        out.text("section", &statement.section);
        out.text("text", &statement.text);
        let figure = match &statement.figure {
            Figure::Operating { unit, row } => format!("operating:{unit}:{}", row.key()),
            Figure::Frame { unit } => format!("frame:{unit}"),
            Figure::Investment {
                row: InvestmentRow::Total,
            } => "investment:total".into(),
            Figure::Investment {
                row: InvestmentRow::Category(category),
            } => format!("investment:{}", category.key()),
            Figure::Investment {
                row: InvestmentRow::Project(name),
            } => format!("investment:project:{name}"),
        };
        out.text("figure", &figure);
        match &statement.claim {
            Claim::Change {
                from,
                to,
                stated: change,
            } => {
                out.text("change", &change_text(change));
                out.raw("years", &year_list(&[*from, *to]));
            }
            Claim::Value {
                year,
                stated: value,
            } => {
                out.raw("value", &stated(value));
                out.raw("year", &year.to_string());
            }
            Claim::Sum {
                years,
                stated: value,
            } => {
                out.raw("sum", &stated(value));
                out.raw("years", &year_list(years));
            }
            Claim::Average {
                years,
                stated: value,
            } => {
                out.raw("average", &stated(value));
                out.raw("years", &year_list(years));
            }
        }
        if statement.superseded {
            out.raw("superseded", "true");
        }
    }
}

fn risks(out: &mut Output, budget: &Budget) {
    for (key, steps) in [
        ("probability", &budget.scales.probability),
        ("materiality", &budget.scales.materiality),
    ] {
        for step in steps {
            out.table(&format!("[[risk_scale.{key}]]"));
            out.raw("grade", &step.grade.value().to_string());
            out.text("name", &step.name);
            out.text("description", &step.description);
        }
    }
    for band in budget.bands.bands() {
        out.table("[[risk_band]]");
        out.text("name", &band.name);
        out.raw("from", &band.from.to_string());
        out.raw("to", &band.to.to_string());
        out.text("colour", &band.colour);
        out.text("handling", band.suggested_handling.key());
    }
    for risk in &budget.risks {
        out.table("[[risk]]");
        out.text("id", &risk.id);
        out.text("name", &risk.name);
        out.text("description", &risk.description);
        out.raw("probability", &risk.probability.value().to_string());
        out.raw("materiality", &risk.materiality.value().to_string());
        if let Some(value) = risk.stated_value {
            out.raw("value", &value.to_string());
        }
        out.text("handling", risk.handling.key());
        out.long_text("handling_text", &risk.handling_text);
        details::risk(out, risk);
    }
    for control in &budget.controls {
        out.table("[[control]]");
        out.text("id", &control.id);
        out.text("risk", &control.risk);
        out.optional_text("risk_name", control.stated_risk_name.as_deref());
        if let Some(value) = control.stated_value {
            out.raw("value", &value.to_string());
        }
        out.text("description", &control.description);
        out.long_text("method", &control.method);
        out.text("responsible", &control.responsible);
        details::control(out, control);
        for result in &control.results {
            out.table("[[control.result]]");
            out.raw("performed_on", &result.performed_on.to_string());
            out.text("sample", &result.sample);
            out.raw("deviations_found", &result.deviations_found.to_string());
            out.long_text("deviations", &result.deviations);
            out.long_text("actions", &result.actions);
        }
    }
}

/// An entered amount: whole tkr as a TOML integer, anything finer as text in kr.
fn entered_amount(amount: Amount) -> String {
    if amount.ore() % ORE_PER_TKR == 0 {
        (amount.ore() / ORE_PER_TKR).to_string()
    } else {
        toml_string(&format!(
            "{} kr",
            format::decimal(i128::from(amount.ore()), 2)
        ))
    }
}

/// A stated figure at the precision it was stated: `100548`, `"113,3 mnkr"`, `"omkring 90 mnkr"`.
fn stated(value: &Stated) -> String {
    if value.precision == Precision::TKR {
        return (value.value.ore() / ORE_PER_TKR).to_string();
    }
    let written = format::with_unit(value.value, value.precision);
    if value.precision.tens > 1 {
        toml_string(&format!("omkring {written}"))
    } else {
        toml_string(&written)
    }
}

fn change_text(change: &StatedChange) -> String {
    match change.direction {
        Direction::Unchanged => "oförändrat".into(),
        direction => format!(
            "{} med {}",
            direction.swedish(),
            unquoted_stated(&change.magnitude)
        ),
    }
}

fn unquoted_stated(value: &Stated) -> String {
    let written = format::with_unit(value.value, value.precision);
    let written = if value.precision.unit == Unit::Tkr && value.precision == Precision::TKR {
        format!("{} tkr", format::tkr(value.value))
    } else {
        written
    };
    if value.precision.tens > 1 {
        format!("omkring {written}")
    } else {
        written
    }
}

fn year_list(years: &[Year]) -> String {
    format!(
        "[{}]",
        years
            .iter()
            .map(Year::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn year_amounts(values: impl Iterator<Item = (Year, String)>) -> String {
    let values: Vec<String> = values
        .map(|(year, value)| format!("{year} = {value}"))
        .collect();
    format!("{{ {} }}", values.join(", "))
}

/// A TOML basic string, escaped.
fn toml_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            control if control.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(control));
            }
            other => quoted.push(other),
        }
    }
    quoted.push('"');
    quoted
}

/// Multi-line text as a TOML literal block when it can be one, else a basic string.
fn long_string(text: &str) -> String {
    let literal_safe = text.contains('\n')
        && !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|character| character.is_control() && character != '\n' && character != '\t');
    if literal_safe {
        format!("'''\n{text}'''")
    } else {
        toml_string(text)
    }
}

#[derive(Default)]
struct Output {
    text: String,
}

impl Output {
    fn table(&mut self, header: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(header);
        self.text.push('\n');
    }

    fn raw(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.text, "{key} = {value}");
    }

    fn text(&mut self, key: &str, value: &str) {
        self.raw(key, &toml_string(value));
    }

    fn optional_text(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(key, value);
        }
    }

    fn long_text(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.raw(key, &long_string(value));
        }
    }

    fn optional_date(&mut self, key: &str, value: Option<Date>) {
        if let Some(date) = value {
            self.raw(key, &date.to_string());
        }
    }

    fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_so_toml_reads_them_back() {
        assert_eq!(
            toml_string("a \"b\" \\ c\nd\u{1}"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u0001\""
        );
        assert_eq!(
            long_string("rad ett\nrad två\n"),
            "'''\nrad ett\nrad två\n'''"
        );
        assert_eq!(long_string("slutar med 'citat'"), "\"slutar med 'citat'\"");
    }

    #[test]
    fn amounts_are_whole_tkr_or_text_in_kr() {
        assert_eq!(entered_amount(Amount::from_tkr(-114_196)), "-114196");
        assert_eq!(entered_amount(Amount::from_ore(123_456)), "\"1 234,56 kr\"");
    }
}
