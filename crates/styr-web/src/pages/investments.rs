//! Investeringar: the five-year plan by category and project, with totals and the plan's sum;
//! every project's total budget, start and end, owner, status and driftkonsekvens
//! (kapitalkostnad and other operating effects per year); and, for those who may change the
//! plan, forms to add and change projects and a confirmation before one is removed. The
//! comparison year's amounts are shown as decided, never as fields.
//!
//! `view` makes each project's view.

mod view;

use std::collections::BTreeMap;

use askama::Template;
use styr_app::AppError;
use styr_domain::access::Action;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::investment::{InvestmentCategory, ProjectStatus};

use super::after_change;
use super::{FormState, PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Name, records};
use crate::view::{NavItem, mnkr, nav, tkr};
use view::{ProjectView, anchor, new_project, project_view};

pub struct RowView {
    pub label: String,
    pub emphasised: bool,
    pub values: Vec<String>,
}

pub struct CategoryOption {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Template)]
#[template(path = "investments.html")]
pub struct InvestmentsPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<RowView>,
    pub summary: String,
    pub projects: Vec<ProjectView>,
    pub categories: Vec<CategoryOption>,
    pub statuses: Vec<(&'static str, &'static str)>,
    pub new_project: ProjectView,
    pub form: FormState,
    pub message: String,
    /// Whether this person may change the plan now (role and status).
    pub may_edit: bool,
    /// The years driftkonsekvens is shown for.
    pub effect_years: Vec<u16>,
}

/// The years a project's driftkonsekvens is asked for: the budget year and every later year
/// of the plan.
fn effect_years(budget: &styr_domain::budget::Budget) -> Vec<Year> {
    budget
        .investment
        .years
        .iter()
        .copied()
        .filter(|year| *year >= budget.years.budget)
        .collect()
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<InvestmentsPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    let report = &snapshot.report().investment;
    let labels: Vec<(Year, String)> = report
        .columns
        .iter()
        .map(|column| (column.year, column.label.clone()))
        .collect();
    let summary = match (report.plan_years.first(), report.plan_years.last()) {
        (Some(first), Some(last)) => format!(
            "Investeringsplanen {first}–{last} uppgår till sammanlagt {}, i genomsnitt {} per år.",
            mnkr(report.plan_sum),
            mnkr(report.plan_average)
        ),
        _ => String::new(),
    };
    let effect_years = effect_years(budget);
    let projects = budget
        .investment
        .projects
        .iter()
        .map(|project| project_view(budget, project, &labels, &effect_years))
        .collect();
    Ok(InvestmentsPage {
        title: format!("Investeringar – {}", budget.document.title),
        nav: nav(id, "investeringar"),
        id,
        revision: snapshot.revision,
        heading: report.heading.clone(),
        columns: labels.iter().map(|(_, label)| label.clone()).collect(),
        rows: report
            .rows
            .iter()
            .map(|row| RowView {
                label: row.label.clone(),
                emphasised: row.emphasised,
                values: row.values.iter().map(|value| tkr(*value)).collect(),
            })
            .collect(),
        summary,
        projects,
        categories: InvestmentCategory::ALL
            .iter()
            .map(|category| CategoryOption {
                key: category.key(),
                label: category.label(),
            })
            .collect(),
        statuses: ProjectStatus::ALL
            .iter()
            .map(|status| (status.key(), status.label()))
            .collect(),
        new_project: new_project(&labels, &effect_years, budget.years.previous),
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditInvestments),
        effect_years: effect_years.iter().map(|year| year.number()).collect(),
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, FormState::default(), String::new()).await?)
}

/// Adds a project (no `replacing`) or changes the one named by the form's `replacing` field.
pub async fn save(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let replacing = Some(get("replacing"))
        .filter(|name| !name.is_empty())
        .map(String::from);
    let target = replacing.clone().unwrap_or_default();
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    let by_year = |prefix: &str, years: &[Year]| -> Vec<(Year, String)> {
        years
            .iter()
            .filter_map(|year| {
                values
                    .get(&format!("{prefix}:{year}"))
                    .map(|text| (*year, text.clone()))
            })
            .collect()
    };
    let amounts = by_year("amount", &budget.investment.years);
    let effect_years = effect_years(budget);
    let capital = by_year("capital_cost", &effect_years);
    let other = by_year("operating_effect", &effect_years);
    let existing = replacing.as_deref().and_then(|name| {
        budget
            .investment
            .projects
            .iter()
            .find(|project| project.name == name)
    });
    let present = |field: &str| values.get(field).map(String::as_str);
    let project = match records::project(&records::ProjectInput {
        name: get("name"),
        category: get("category"),
        amounts: &amounts,
        total_budget: present("total_budget"),
        start: present("start"),
        end: present("end"),
        owner: present("owner"),
        status: present("status"),
        capital_costs: Some(&capital),
        operating_effects: Some(&other),
        existing,
        comparison: Some(budget.years.previous),
    }) {
        Ok(project) => project,
        Err(errors) => {
            return invalid(
                &page(
                    &state,
                    id,
                    FormState::failed(target, values.clone(), errors),
                    String::new(),
                )
                .await?,
            );
        }
    };
    let anchor = anchor(&project.name);
    let result = super::change_record(
        &state,
        id,
        &values,
        Change::PutProject { replacing, project },
    )
    .await;
    let form = FormState::failed(target, values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/investeringar#{anchor}"),
        form,
        "name",
        |form, message| page(&state, id, form, message),
    )
    .await
}

/// Asks whether the project should be removed, naming its amounts.
pub async fn confirm_remove(
    state: Acting,
    PagePath((id, name)): PagePath<(i64, Name)>,
) -> PageResult {
    let name = name.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let Some(project) = snapshot
        .budget
        .investment
        .projects
        .iter()
        .find(|project| project.name == name)
    else {
        return Err(PageError::not_found());
    };
    let amounts: Vec<String> = project
        .amounts
        .iter()
        .map(|(year, amount)| format!("{year}: {} tkr", tkr(*amount)))
        .collect();
    let details = vec![
        format!("{}, {}.", project.category.label(), project.status.label()),
        format!("Belopp: {}.", amounts.join(", ")),
    ];
    super::confirm::removal(
        &state,
        &snapshot,
        super::confirm::Removal {
            page: "investeringar",
            what: format!("projektet ”{name}”"),
            details,
            action: format!(
                "/budget/{id}/investeringar/{}/ta-bort",
                crate::input::path_segment(&name)
            ),
            back: format!("/budget/{id}/investeringar#{}", anchor(&name)),
            permission: Action::EditInvestments,
        },
    )
    .await
}

pub async fn remove(state: Acting, PagePath((id, name)): PagePath<(i64, Name)>) -> PageResult {
    let name = name.into_inner();
    match state
        .app
        .change(&state.actor, id, None, &Change::RemoveProject { name })
        .await
    {
        Ok(_) => see(format!("/budget/{id}/investeringar")),
        Err(AppError::Invalid(error)) => {
            invalid(&page(&state, id, FormState::default(), error.to_string()).await?)
        }
        Err(error) => Err(error.into()),
    }
}
