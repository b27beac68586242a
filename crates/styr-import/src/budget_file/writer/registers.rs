//! Goals, the efficiency register, risks and controls as budget-file tables: `[[goal]]`,
//! `[[efficiency]]`, `[[risk_scale]]`, `[[risk_band]]`, `[[risk]]`, `[[control]]`.

use styr_domain::budget::Budget;

use super::goals::{key_list, kpi};
use super::output::Output;
use super::values::toml_string;

pub(super) fn goals_and_registers(out: &mut Output, budget: &Budget) {
    for goal in &budget.goals {
        out.table("[[goal]]");
        out.text("id", &goal.id);
        out.text("kind", goal.kind.key());
        out.text("title", &goal.title);
        out.optional_text("unit", goal.unit.as_ref().map(|unit| unit.as_str()));
        key_list(out, "directions", &goal.directions);
        out.long_text("statement", &goal.statement);
        out.long_text("text", &goal.text);
        for goal_kpi in &goal.kpis {
            kpi(out, goal_kpi);
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

pub(super) fn risks(out: &mut Output, budget: &Budget) {
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
        super::details::risk(out, risk);
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
        super::details::control(out, control);
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
