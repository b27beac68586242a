//! Goals and KPIs, and the results of the internal control, as the report lists them. Goals
//! carry no measured values in styr yet, so the report shows them as the budget states them
//! and says that their fulfilment is not judged; each control activity shows its latest
//! result performed in the report's year up to the end of its period, or that none is.

use styr_domain::budget::Budget;
use styr_domain::followup::month::MONTH_NAMES;

use crate::followup::FollowupReport;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownGoal {
    pub kind: &'static str,
    pub title: String,
    pub statement: String,
    /// One line per KPI: "Arbetsbelastningen (Pulsmätningen, tre gånger per år)".
    pub kpis: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownControl {
    pub risk: String,
    pub responsible: String,
    /// The latest result in the period: its date, sample, deviations found and actions.
    pub performed: Option<String>,
    pub sample: String,
    pub deviations: String,
    pub actions: String,
}

pub(super) fn goals(budget: &Budget) -> (Vec<ShownGoal>, String) {
    let goals = budget
        .goals
        .iter()
        .map(|goal| ShownGoal {
            kind: goal.kind.swedish(),
            title: goal.title.clone(),
            statement: goal.statement.clone(),
            kpis: goal
                .kpis
                .iter()
                .map(|kpi| {
                    let source = if kpi.source.is_empty() {
                        String::new()
                    } else {
                        format!("{}, ", kpi.source)
                    };
                    format!("{} ({source}{})", kpi.name, kpi.schedule())
                })
                .collect(),
        })
        .collect();
    let note = "Målen och nyckeltalen redovisas som budgeten anger dem. Nyckeltalen har inga uppmätta värden i styr, så måluppfyllelsen bedöms inte här.".to_string();
    (goals, note)
}

pub(super) fn controls(budget: &Budget, report: &FollowupReport) -> Vec<ShownControl> {
    let end = report.period.clamp(1, 12);
    budget
        .controls
        .iter()
        .map(|control| {
            let risk = control.stated_risk_name.clone().unwrap_or_else(|| {
                budget
                    .risk(&control.risk)
                    .map_or_else(|| control.risk.clone(), |risk| risk.name.clone())
            });
            let latest = control
                .results
                .iter()
                .filter(|result| {
                    result.performed_on.year() == report.year && result.performed_on.month() <= end
                })
                .max_by_key(|result| result.performed_on);
            match latest {
                Some(result) => ShownControl {
                    risk,
                    responsible: control.responsible.clone(),
                    performed: Some(result.performed_on.to_string()),
                    sample: result.sample.clone(),
                    deviations: match result.deviations_found {
                        0 => "Inga avvikelser".to_string(),
                        count => format!("{count}: {}", result.deviations),
                    },
                    actions: result.actions.clone(),
                },
                None => ShownControl {
                    risk,
                    responsible: control.responsible.clone(),
                    performed: None,
                    sample: String::new(),
                    deviations: format!(
                        "Ej genomförd t.o.m. {} {}",
                        MONTH_NAMES[usize::from(end - 1)],
                        report.year
                    ),
                    actions: String::new(),
                },
            }
        })
        .collect()
}
