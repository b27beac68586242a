//! Investeringar: the five-year plan by category and project, with totals and the plan's sum,
//! and forms to add, change and remove projects.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::AppError;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::investment::InvestmentCategory;

use super::after_change;
use super::{FormState, PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Name, records};
use crate::view::{NavItem, mnkr, nav, tkr};

pub struct RowView {
    pub label: String,
    pub emphasised: bool,
    pub values: Vec<String>,
}

pub struct ProjectView {
    /// The record's version as read (see `styr_app::version_of`), sent back with a save.
    pub version: String,
    /// The form's target: the project's current name.
    pub target: String,
    pub anchor: String,
    pub name: String,
    pub category: &'static str,
    /// (year, label, amount in tkr as shown)
    pub amounts: Vec<(u16, String, String)>,
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
    pub new_project: ProjectView,
    pub form: FormState,
    pub message: String,
}

fn anchor(name: &str) -> String {
    format!("projekt-{}", crate::input::slug(name))
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<InvestmentsPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let report = &snapshot.report().investment;
    let plan = &snapshot.budget.investment;
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
    let projects = plan
        .projects
        .iter()
        .map(|project| ProjectView {
            version: styr_app::version_of(
                &snapshot.budget,
                &Change::PutProject {
                    replacing: Some(project.name.clone()),
                    project: project.clone(),
                },
            ),
            target: project.name.clone(),
            anchor: anchor(&project.name),
            name: project.name.clone(),
            category: project.category.key(),
            amounts: labels
                .iter()
                .map(|(year, label)| {
                    (
                        year.number(),
                        label.clone(),
                        project
                            .amounts
                            .get(year)
                            .map(|amount| tkr(*amount))
                            .unwrap_or_default(),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(InvestmentsPage {
        title: format!("Investeringar – {}", snapshot.budget.document.title),
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
        new_project: ProjectView {
            version: String::new(),
            target: String::new(),
            anchor: "nytt-projekt".into(),
            name: String::new(),
            category: "expansion",
            amounts: labels
                .iter()
                .map(|(year, label)| (year.number(), label.clone(), String::new()))
                .collect(),
        },
        form,
        message,
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
    let amounts: Vec<(Year, String)> = snapshot
        .budget
        .investment
        .years
        .iter()
        .map(|year| (*year, get(&format!("amount:{year}")).to_string()))
        .collect();
    let project = match records::project(get("name"), get("category"), &amounts) {
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
