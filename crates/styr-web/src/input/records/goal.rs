//! A goal or political direction with its KPIs.

use styr_domain::goals::{Goal, GoalKind, Kpi};

use super::record_id;
use crate::input::{Errors, FieldErrors};

/// A KPI as typed: name, source and measurements per year.
pub struct KpiInput<'a> {
    pub name: &'a str,
    pub source: &'a str,
    pub measurements_per_year: &'a str,
    pub kolada_id: &'a str,
}

pub fn goal(
    id: Option<&str>,
    kind: &str,
    title: &str,
    statement: &str,
    text: &str,
    kpis: &[KpiInput<'_>],
) -> Result<Goal, FieldErrors> {
    let mut errors = Errors::default();
    let title = errors.required("title", title, "Rubriken");
    let statement = errors.text("statement", statement);
    let text = errors.text("text", text);
    let kind = GoalKind::from_key(kind);
    if kind.is_none() {
        errors.add(
            "kind",
            "välj typ: overarching, political_direction eller board",
        );
    }
    let mut parsed = Vec::new();
    for (index, kpi) in kpis
        .iter()
        .enumerate()
        .filter(|(_, kpi)| !kpi.name.trim().is_empty())
    {
        let field = |part: &str| format!("kpi:{index}:{part}");
        let name = errors.text(&field("name"), kpi.name);
        let source = errors.text(&field("source"), kpi.source);
        let kolada_id = errors.text(&field("kolada_id"), kpi.kolada_id);
        match kpi
            .measurements_per_year
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|times| (1..=52).contains(times))
        {
            Some(times) => parsed.push(Kpi {
                name,
                source,
                measurements_per_year: times,
                kolada_id: Some(kolada_id).filter(|id| !id.is_empty()),
            }),
            None => errors.add(
                &field("measurements_per_year"),
                "ange hur många gånger per år, 1–52",
            ),
        }
    }
    let id = record_id(&mut errors, id, &title, "title");
    let Some(kind) = kind else {
        return Err(errors.into_inner());
    };
    errors.finish(|| Goal {
        id,
        kind,
        title,
        statement,
        text,
        kpis: parsed,
    })
}
