//! Investeringar per projekt: each project of the plan against its budget for the year, with
//! the outcome to date from the bookings placed on it, the forecast and the project's whole
//! budget and outcome — the figures the delårsrapport shows; a form for a project's forecast,
//! and the rules that place bookings on projects (SIE dimension 6, or account and cost
//! centre) with the accounts that count as expenditure.

use askama::Template;
use serde::Deserialize;
use styr_domain::followup::{ProjectForecast, ProjectMapping, ProjectRule};
use styr_domain::format::tkr;
use styr_render::followup::{booked_sentence, short_period};
use styr_reports::shown::interim::{Columns, shown_investments};

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input;
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

pub struct ProjectView {
    pub label: String,
    pub sum: bool,
    pub year_budget: String,
    pub actual: String,
    pub forecast: String,
    pub deviation: String,
    pub negative: bool,
    pub total_budget: String,
    pub total_actual: String,
    pub comment: String,
}

pub struct RuleView {
    pub project: String,
    pub object: String,
    pub account: String,
    pub cost_centre: String,
}

#[derive(Template)]
#[template(path = "followup_investments.html")]
pub struct InvestmentsPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub year: String,
    pub period: String,
    pub version_sentence: String,
    pub booked_sentence: String,
    pub sentence: String,
    pub rows: Vec<ProjectView>,
    pub unplaced: Vec<(String, String, String)>,
    pub projects: Vec<String>,
    pub objects: Vec<(String, String)>,
    pub rules: Vec<RuleView>,
    pub accounts: String,
    pub messages: Vec<String>,
    /// Whether the person may forecast the projects, and set the rules that place bookings
    /// on them (else the page only reads).
    pub may_forecast: bool,
    pub may_edit_rules: bool,
}

async fn investments_page(
    state: &Acting,
    id: i64,
    typed: Option<(Vec<RuleView>, String)>,
    messages: Vec<String>,
) -> Result<InvestmentsPage, PageError> {
    let request = styr_app::FollowupRequest::default();
    let report = state.app.followup_of(id, &request).await?;
    let followed = state.app.investment_followup(id, &request).await?;
    let columns = Columns {
        period: short_period(report.through),
        year: report.year.to_string(),
        closed: false,
    };
    let shown = shown_investments(&followed, &columns)
        .map_err(|error| PageError::invalid(error.to_string()))?;
    let (compared, _) = state.app.compared_version(id, None).await?;
    let mapping = state.app.project_mapping(id).await?;
    let (mut rules, accounts) = typed.unwrap_or_else(|| {
        (
            mapping
                .rules
                .iter()
                .map(|rule| RuleView {
                    project: rule.project.clone(),
                    object: rule.object.clone().unwrap_or_default(),
                    account: rule.account_prefix.clone().unwrap_or_default(),
                    cost_centre: rule.cost_centre.clone().unwrap_or_default(),
                })
                .collect(),
            mapping.accounts.join(", "),
        )
    });
    for _ in 0..3 {
        rules.push(RuleView {
            project: String::new(),
            object: String::new(),
            account: String::new(),
            cost_centre: String::new(),
        });
    }
    let outcome_names = state.app.project_names(id).await?;
    let snapshot = state.app.snapshot(id).await?;
    let board = snapshot.budget.board.clone();
    Ok(InvestmentsPage {
        title: format!("Investeringar per projekt – {}", report.title),
        nav: nav(id, "uppfoljning"),
        id,
        year: report.year.to_string(),
        period: columns.period.clone(),
        version_sentence: report
            .version
            .as_ref()
            .map(|version| version.sentence())
            .unwrap_or_default(),
        booked_sentence: booked_sentence(&report),
        sentence: shown.sentence.clone(),
        rows: shown
            .rows
            .iter()
            .map(|row| ProjectView {
                label: row.label.clone(),
                sum: row.sum,
                year_budget: tkr(row.year_budget),
                actual: tkr(row.actual),
                forecast: tkr(row.forecast),
                deviation: tkr(row.deviation),
                negative: row.deviation.ore() < 0,
                total_budget: tkr(row.total_budget),
                total_actual: tkr(row.total_actual),
                comment: row.comment.clone(),
            })
            .collect(),
        unplaced: shown
            .unplaced
            .iter()
            .map(|(code, name, amount)| {
                let code = if code.is_empty() {
                    "(inget projekt)".to_string()
                } else {
                    code.clone()
                };
                (code, name.clone(), tkr(*amount))
            })
            .collect(),
        projects: compared
            .investment
            .projects
            .iter()
            .map(|project| project.name.clone())
            .collect(),
        objects: outcome_names.into_iter().collect(),
        rules,
        accounts,
        messages,
        may_forecast: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::SetForecast { unit: board },
        ),
        may_edit_rules: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::EditMapping,
        ),
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&investments_page(&state, id, None, Vec::new()).await?)
}

/// A project's forecast form; its fields keep their Swedish names in the page.
#[derive(Deserialize)]
pub struct ProjectForecastForm {
    #[serde(rename = "projekt")]
    pub project: String,
    #[serde(rename = "belopp")]
    pub amount: String,
    #[serde(rename = "kommentar", default)]
    pub comment: String,
}

pub async fn forecast(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<ProjectForecastForm>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let (Ok(project), Ok(amount), Ok(comment)) = (
        input::line(&form.project),
        input::amount(&form.amount),
        input::text(&form.comment),
    ) else {
        let message = format!(
            "Prognosen ”{}” går inte att läsa: skriv ett belopp i tkr, till exempel 4 800, och en kommentar utan styrtecken.",
            form.amount.chars().take(40).collect::<String>()
        );
        return invalid(&investments_page(&state, id, None, vec![message]).await?);
    };
    let forecast = ProjectForecast {
        project,
        year: snapshot.budget.years.budget,
        amount,
        comment,
    };
    match state
        .app
        .set_project_forecast(&state.actor, id, forecast)
        .await
    {
        Ok(()) => see(format!("/budget/{id}/uppfoljning/investeringar")),
        Err(error @ styr_app::AppError::Rejected(_)) => {
            invalid(&investments_page(&state, id, None, vec![error.to_string()]).await?)
        }
        Err(error) => Err(error.into()),
    }
}

/// Saves the project rules (a row per rule: project, object, account, cost centre; a row
/// without a project is left out) and the investment accounts, or nothing when any of it does
/// not read.
pub async fn save_rules(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(fields): PageForm<Vec<(String, String)>>,
) -> PageResult {
    let column = |name: &str| -> Vec<String> {
        fields
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .collect()
    };
    let (projects, objects, accounts, centres) = (
        column("projekt"),
        column("objekt"),
        column("konto"),
        column("kostnadsstalle"),
    );
    let prefixes = column("investeringskonton").join(",");
    let typed: Vec<RuleView> = (0..projects.len())
        .map(|index| RuleView {
            project: projects[index].clone(),
            object: objects.get(index).cloned().unwrap_or_default(),
            account: accounts.get(index).cloned().unwrap_or_default(),
            cost_centre: centres.get(index).cloned().unwrap_or_default(),
        })
        .filter(|rule| {
            !rule.project.trim().is_empty()
                || !rule.object.trim().is_empty()
                || !rule.account.trim().is_empty()
                || !rule.cost_centre.trim().is_empty()
        })
        .collect();
    let mut messages = Vec::new();
    let optional = |value: &str, messages: &mut Vec<String>| -> Option<String> {
        match input::line(value) {
            Ok(text) if text.is_empty() => None,
            Ok(text) => Some(text),
            Err(message) => {
                messages.push(message);
                None
            }
        }
    };
    let mut rules = Vec::new();
    for rule in &typed {
        rules.push(ProjectRule {
            project: optional(&rule.project, &mut messages).unwrap_or_default(),
            object: optional(&rule.object, &mut messages),
            account_prefix: optional(&rule.account, &mut messages),
            cost_centre: optional(&rule.cost_centre, &mut messages),
        });
    }
    let prefixes: Vec<String> = prefixes
        .split([',', ' '])
        .map(str::trim)
        .filter(|prefix| !prefix.is_empty())
        .map(String::from)
        .collect();
    let mapping = if messages.is_empty() {
        ProjectMapping::new(rules, prefixes)
            .map_err(|error| messages.push(capitalised(&error.to_string())))
            .ok()
    } else {
        None
    };
    let accounts_typed = column("investeringskonton").join(",");
    let Some(mapping) = mapping else {
        return invalid(
            &investments_page(&state, id, Some((typed, accounts_typed)), messages).await?,
        );
    };
    match state
        .app
        .set_project_mapping(&state.actor, id, &mapping)
        .await
    {
        Ok(()) => see(format!("/budget/{id}/uppfoljning/investeringar#regler")),
        Err(error @ styr_app::AppError::Rejected(_)) => invalid(
            &investments_page(
                &state,
                id,
                Some((typed, accounts_typed)),
                vec![error.to_string()],
            )
            .await?,
        ),
        Err(error) => Err(error.into()),
    }
}

fn capitalised(text: &str) -> String {
    crate::error::capitalised(text)
}
