//! Måluppfyllelse: every goal with its KPIs in a period — latest value, target, trend and a
//! traffic light that reads without colour (a word and a shape) —, the computed fulfilment
//! with its trail beside the assessment a person set, the overarching goal judged against
//! similar municipalities, and the political directions with what follows them up. Forms:
//! a goal's assessment (its unit's people), the peer group (controllers). Each KPI has a page
//! of its own (kpi.rs) with its values, target and charts.

mod kpi;
mod view;

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::access::Action;
use styr_domain::goals::Period;

use super::{PageResult, html, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath, PageQuery};
use crate::input::{self, Key};
use crate::view::{NavItem, nav};

pub use kpi::{save_target, save_value, show_kpi};
use view::{DirectionView, GoalCard, JudgementView, Option3, goal_card, judgement_view, periods};

#[derive(Template)]
#[template(path = "goal_followup.html")]
pub struct FollowUpPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub period: String,
    pub period_label: String,
    pub periods: Vec<Option3>,
    pub goals: Vec<GoalCard>,
    pub judgement: Option<JudgementView>,
    pub directions: Vec<DirectionView>,
    pub peer_group: String,
    pub groups: Vec<Option3>,
    pub may_choose_peers: bool,
    pub fulfilments: Vec<(&'static str, &'static str)>,
    pub rule: &'static str,
    pub kolada: bool,
    pub message: String,
}

#[derive(serde::Deserialize)]
pub struct PeriodQuery {
    pub period: Option<String>,
}

async fn page(
    state: &Acting,
    id: i64,
    period: Option<Period>,
    message: String,
) -> Result<FollowUpPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    let followup = state.app.goals_followup(id, period).await?;
    let cache = state.app.kolada_cache(&budget.municipality.code).await?;
    let allows = |action: &Action| {
        state
            .actor
            .role
            .allows(action, &budget.organisation, &budget.board)
    };
    let goals: Vec<GoalCard> = followup
        .goals
        .iter()
        .map(|row| {
            let goal = budget.goals.iter().find(|goal| goal.id == row.id);
            let unit = goal
                .and_then(|goal| goal.unit.clone())
                .unwrap_or_else(|| budget.board.clone());
            goal_card(id, row, allows(&Action::FollowUpGoal { unit }))
        })
        .collect();
    let kolada = goals.iter().any(|goal| goal.kolada) || followup.judgement.is_some();
    Ok(FollowUpPage {
        title: format!("Måluppfyllelse – {}", budget.document.title),
        nav: nav(id, "maluppfyllelse"),
        id,
        period: followup.period.key(),
        period_label: followup.period.swedish(),
        periods: periods(budget, followup.period),
        judgement: followup.judgement.as_ref().map(judgement_view),
        directions: followup.directions.iter().map(DirectionView::of).collect(),
        peer_group: followup.peer_group.as_ref().map_or_else(
            || "ingen vald".to_string(),
            |(group, name)| format!("{name} ({group})"),
        ),
        groups: cache
            .groups
            .iter()
            .map(|group| Option3 {
                key: group.id.clone(),
                label: format!(
                    "{} ({}, {} kommuner)",
                    group.title,
                    group.id,
                    group.members.len()
                ),
                selected: cache.peer_choice.as_deref() == Some(group.id.as_str()),
            })
            .collect(),
        may_choose_peers: allows(&Action::ImportKolada),
        fulfilments: styr_domain::goals::Fulfilment::ALL
            .iter()
            .map(|fulfilment| (fulfilment.key(), fulfilment.swedish()))
            .collect(),
        rule: followup.rule,
        kolada,
        goals,
        message,
    })
}

pub async fn show(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<PeriodQuery>,
) -> PageResult {
    let period = match query.period.as_deref().filter(|text| !text.is_empty()) {
        Some(text) => match input::period(text) {
            Ok(period) => Some(period),
            Err(message) => return html(&page(&state, id, None, message).await?),
        },
        None => None,
    };
    html(&page(&state, id, period, String::new()).await?)
}

async fn again(
    state: &Acting,
    id: i64,
    period: Option<Period>,
    error: styr_app::AppError,
) -> PageResult {
    let kind = crate::error::kind_of(&error);
    if matches!(kind, crate::error::Kind::Invalid) {
        return super::invalid(
            &page(state, id, period, format!("{error}. Inget sparades.")).await?,
        );
    }
    Err(error.into())
}

pub async fn assess(
    state: Acting,
    PagePath((id, goal)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let (period, chosen, reason) = (
        input::period(get("period")),
        input::fulfilment(get("fulfilment")),
        input::text(get("reason")),
    );
    let (Ok(period), Ok(chosen), Ok(reason)) = (period, chosen, reason) else {
        return super::invalid(&page(&state, id, None, "Välj period och bedömning och skriv en motivering utan styrtecken. Inget sparades.".into()).await?);
    };
    match state
        .app
        .assess_goal(
            &state.actor,
            id,
            &goal.into_inner(),
            period,
            chosen,
            &reason,
        )
        .await
    {
        Ok(_) => see(format!(
            "/budget/{id}/maluppfyllelse?period={}",
            period.key()
        )),
        Err(error) => again(&state, id, Some(period), error).await,
    }
}

pub async fn choose_peers(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let group = values.get("group").map(String::as_str).unwrap_or("");
    match state
        .app
        .choose_peers(&state.actor, &snapshot.budget.municipality.code, group)
        .await
    {
        Ok(()) => see(format!("/budget/{id}/maluppfyllelse")),
        Err(error) => again(&state, id, None, error).await,
    }
}
