//! The delårsrapport and the verksamhetsberättelse as JSON: the same figures and sentences as
//! the document (`styr_reports::shown::interim`), every amount exact in öre as the budget
//! report's JSON gives them, each table's rows with the row's key for a program to find it.
//!
//! ```text
//! {"kind": "delarsrapport", "title": "Delårsrapport januari–augusti 2025, Kommunstyrelsen",
//!  "tables": [{"heading": "Driftredovisning, …", "rows": [{"row": "personnel",
//!  "label": "Personalkostnader", "year_budget": -11620500000, …}]}], …}
//! ```

use serde_json::{Map, Value, json};
use styr_reports::shown::followup::ShownRow;
use styr_reports::shown::interim::ShownInterim;

fn figures(row: &ShownRow) -> Map<String, Value> {
    let mut figures = Map::new();
    for (name, amount) in [
        ("year_budget", row.year_budget),
        ("budget", row.budget),
        ("actual", row.actual),
        ("deviation", row.deviation),
        ("forecast", row.forecast),
        ("forecast_deviation", row.forecast_deviation),
    ] {
        figures.insert(name.into(), json!(amount.ore()));
    }
    figures
}

fn with(mut base: Map<String, Value>, more: Value) -> Value {
    if let Value::Object(more) = more {
        base.extend(more);
    }
    Value::Object(base)
}

/// The report as a JSON document, pretty-printed.
pub fn json(shown: &ShownInterim) -> String {
    let tables: Vec<Value> = shown
        .tables
        .iter()
        .map(|table| {
            let rows: Vec<Value> = table
                .rows
                .iter()
                .map(|(label, sum, row)| {
                    with(
                        figures(row),
                        json!({"row": row.row.key(), "label": label, "sum": sum}),
                    )
                })
                .collect();
            json!({"heading": table.heading, "sentences": table.sentences, "rows": rows})
        })
        .collect();
    let ansvar: Vec<Value> = shown
        .ansvar
        .iter()
        .map(|unit| {
            with(
                figures(&unit.net_cost),
                json!({"name": unit.name, "depth": unit.depth, "has_budget": unit.has_budget}),
            )
        })
        .collect();
    let deviations: Vec<Value> = shown
        .deviations
        .iter()
        .map(|deviation| {
            json!({"unit": deviation.unit, "row": deviation.row, "sentence": deviation.sentence,
                   "explanation": deviation.explanation})
        })
        .collect();
    let investments = &shown.investments;
    let projects: Vec<Value> = investments
        .rows
        .iter()
        .map(|row| {
            json!({"label": row.label, "sum": row.sum, "year_budget": row.year_budget.ore(),
                   "actual": row.actual.ore(), "forecast": row.forecast.ore(),
                   "deviation": row.deviation.ore(), "total_budget": row.total_budget.ore(),
                   "total_actual": row.total_actual.ore(), "comment": row.comment})
        })
        .collect();
    let unplaced: Vec<Value> = investments
        .unplaced
        .iter()
        .map(|(code, name, amount)| json!({"code": code, "name": name, "amount": amount.ore()}))
        .collect();
    let goals: Vec<Value> = shown
        .goals
        .iter()
        .map(|goal| {
            json!({"kind": goal.kind, "title": goal.title, "statement": goal.statement,
                   "kpis": goal.kpis})
        })
        .collect();
    let controls: Vec<Value> = shown
        .controls
        .iter()
        .map(|control| {
            json!({"risk": control.risk, "responsible": control.responsible,
                   "performed": control.performed, "sample": control.sample,
                   "deviations": control.deviations, "actions": control.actions})
        })
        .collect();
    let metadata: Map<String, Value> = shown
        .metadata
        .iter()
        .map(|(name, value)| ((*name).to_string(), json!(value)))
        .collect();
    let document = json!({
        "kind": shown.kind.key(),
        "title": shown.title,
        "municipality": shown.municipality,
        "metadata": metadata,
        "amounts": "öre",
        "columns": shown.columns.headings(),
        "closed": shown.columns.closed,
        "introduction": shown.introduction,
        "texts": {"events": shown.texts.events, "outlook": shown.texts.outlook},
        "tables": tables,
        "ansvar": ansvar,
        "deviations": deviations,
        "investments": {"plan_years": investments.plan_years, "sentence": investments.sentence,
                        "rows": projects, "unplaced": unplaced},
        "goals": goals,
        "goals_note": shown.goals_note,
        "controls": controls,
    });
    // A `Value` built here has only string keys: printing it cannot fail.
    serde_json::to_string_pretty(&document).expect("JSON values print")
}
