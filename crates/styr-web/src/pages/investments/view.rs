//! One project as the Investeringar page shows it: its amounts per year (the comparison
//! year's as decided, never a field), its details and its driftkonsekvens per year.

use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::investment::{InvestmentProject, ProjectStatus};
use styr_domain::money::Amount;

use crate::view::tkr;

/// A year's field of a project's form: (year, column label, text, a field to type in).
pub struct YearField {
    pub year: u16,
    pub label: String,
    pub value: String,
    pub editable: bool,
}

/// A year of driftkonsekvens: (year, kapitalkostnad, other effects, the two together).
pub struct EffectView {
    pub year: u16,
    pub capital_cost: String,
    pub other: String,
    pub total: String,
}

pub struct ProjectView {
    /// The record's version as read (see `styr_app::version_of`), sent back with a save.
    pub version: String,
    /// The form's target: the project's current name.
    pub target: String,
    pub anchor: String,
    pub name: String,
    pub category: &'static str,
    pub category_label: &'static str,
    pub amounts: Vec<YearField>,
    pub total_budget: String,
    pub start: String,
    pub end: String,
    pub owner: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub effects: Vec<EffectView>,
    /// What the plan's years spend of the project's total budget ("37 100 av 59 100 tkr").
    pub spent: String,
}

pub fn anchor(name: &str) -> String {
    format!("projekt-{}", crate::input::slug(name))
}

/// `project` as the page shows it; `labels` are the plan's columns, `effect_years` the years
/// driftkonsekvens is asked for, `comparison` the year shown as decided.
pub fn project_view(
    budget: &styr_domain::budget::Budget,
    project: &InvestmentProject,
    labels: &[(Year, String)],
    effect_years: &[Year],
) -> ProjectView {
    let comparison = budget.years.previous;
    let effects = effect_years
        .iter()
        .chain(
            project
                .operating_effects
                .keys()
                .filter(|year| !effect_years.contains(year)),
        )
        .map(|year| {
            let effect = project
                .operating_effects
                .get(year)
                .copied()
                .unwrap_or_default();
            EffectView {
                year: year.number(),
                capital_cost: shown(
                    project
                        .operating_effects
                        .get(year)
                        .map(|effect| effect.capital_cost),
                ),
                other: shown(
                    project
                        .operating_effects
                        .get(year)
                        .map(|effect| effect.other),
                ),
                total: effect.total().map(tkr).unwrap_or_default(),
            }
        })
        .collect();
    let planned = project.planned_sum().unwrap_or_default();
    ProjectView {
        version: styr_app::version_of(
            budget,
            &Change::PutProject {
                replacing: Some(project.name.clone()),
                project: project.clone(),
            },
        ),
        target: project.name.clone(),
        anchor: anchor(&project.name),
        name: project.name.clone(),
        category: project.category.key(),
        category_label: project.category.label(),
        amounts: labels
            .iter()
            .map(|(year, label)| YearField {
                year: year.number(),
                label: label.clone(),
                value: shown(project.amounts.get(year).copied()),
                editable: *year != comparison,
            })
            .collect(),
        total_budget: shown(project.total_budget),
        start: project
            .start
            .map(|date| date.to_string())
            .unwrap_or_default(),
        end: project.end.map(|date| date.to_string()).unwrap_or_default(),
        owner: project.owner.clone(),
        status: project.status.key(),
        status_label: project.status.label(),
        effects,
        spent: match project.total_budget {
            Some(total) => format!("{} av {} tkr", tkr(planned), tkr(total)),
            None => String::new(),
        },
    }
}

/// A new project's empty form.
pub fn new_project(
    labels: &[(Year, String)],
    effect_years: &[Year],
    comparison: Year,
) -> ProjectView {
    ProjectView {
        version: String::new(),
        target: String::new(),
        anchor: "nytt-projekt".into(),
        name: String::new(),
        category: "expansion",
        category_label: "",
        amounts: labels
            .iter()
            .map(|(year, label)| YearField {
                year: year.number(),
                label: label.clone(),
                value: String::new(),
                editable: *year != comparison,
            })
            .collect(),
        total_budget: String::new(),
        start: String::new(),
        end: String::new(),
        owner: String::new(),
        status: ProjectStatus::Planned.key(),
        status_label: ProjectStatus::Planned.label(),
        effects: effect_years
            .iter()
            .map(|year| EffectView {
                year: year.number(),
                capital_cost: String::new(),
                other: String::new(),
                total: String::new(),
            })
            .collect(),
        spent: String::new(),
    }
}

fn shown(amount: Option<Amount>) -> String {
    amount.map(tkr).unwrap_or_default()
}
