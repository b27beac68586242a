//! Mål och nyckeltal (overarching and board goals with KPIs) and Politiska inriktningar: lists
//! with forms to add and change, for those who may, and a confirmation before one is removed.

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::access::Action;
use styr_domain::change::Change;
use styr_domain::goals::GoalKind;

use super::after_change;
use super::{FormState, PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::Key;
use crate::input::records::{self, KpiInput};
use crate::view::{NavItem, nav};

pub struct KpiView {
    /// The form field of each part: "kpi:0:name" … "kpi:0:id".
    pub fields: [String; 5],
    /// The KPI's key (kept through a save, so a renamed KPI keeps its values).
    pub id: String,
    /// An id prefix for this KPI's inputs.
    pub prefix: String,
    pub name: String,
    pub source: String,
    pub times: String,
    pub kolada_id: String,
    pub schedule: String,
}

pub struct GoalView {
    /// The record's version as read (see `styr_app::version_of`), sent back with a save.
    pub version: String,
    pub target: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub title: String,
    pub statement: String,
    pub text: String,
    pub kpis: Vec<KpiView>,
}

#[derive(Template)]
#[template(path = "goals.html")]
pub struct GoalsPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    /// "mal" or "inriktningar": which page this is, and where its forms post.
    pub page: &'static str,
    pub heading: &'static str,
    pub goals: Vec<GoalView>,
    pub new_goal: GoalView,
    pub kinds: Vec<(&'static str, &'static str)>,
    pub form: FormState,
    pub message: String,
    pub may_edit: bool,
}

/// Which goals a page lists.
fn kinds_of(page: &str) -> &'static [GoalKind] {
    if page == "inriktningar" {
        &[GoalKind::PoliticalDirection]
    } else {
        &[GoalKind::Overarching, GoalKind::Board]
    }
}

async fn page(
    state: &Acting,
    id: i64,
    page: &'static str,
    form: FormState,
    message: String,
) -> Result<GoalsPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let kinds = kinds_of(page);
    let fields = |index: usize| {
        ["name", "source", "measurements_per_year", "kolada_id", "id"]
            .map(|part| format!("kpi:{index}:{part}"))
    };
    let empty_kpi = |index: usize| KpiView {
        fields: fields(index),
        prefix: format!("kpi{index}"),
        id: String::new(),
        name: String::new(),
        source: String::new(),
        times: String::new(),
        kolada_id: String::new(),
        schedule: String::new(),
    };
    let goals = snapshot
        .budget
        .goals
        .iter()
        .filter(|goal| kinds.contains(&goal.kind))
        .map(|goal| {
            let mut kpis: Vec<KpiView> = goal
                .kpis
                .iter()
                .enumerate()
                .map(|(index, kpi)| KpiView {
                    fields: fields(index),
                    prefix: format!("kpi{index}"),
                    id: kpi.id.clone(),
                    name: kpi.name.clone(),
                    source: kpi.source.clone(),
                    times: kpi.measurements_per_year.to_string(),
                    kolada_id: kpi.kolada_id.clone().unwrap_or_default(),
                    schedule: kpi.schedule(),
                })
                .collect();
            if page == "mal" {
                kpis.push(empty_kpi(kpis.len()));
            }
            GoalView {
                version: styr_app::version_of(
                    &snapshot.budget,
                    &Change::PutGoal { goal: goal.clone() },
                ),
                target: goal.id.clone(),
                kind: goal.kind.key(),
                kind_label: goal.kind.swedish(),
                title: goal.title.clone(),
                statement: goal.statement.clone(),
                text: goal.text.clone(),
                kpis,
            }
        })
        .collect();
    Ok(GoalsPage {
        title: format!(
            "{} – {}",
            if page == "mal" {
                "Mål och nyckeltal"
            } else {
                "Politiska inriktningar"
            },
            snapshot.budget.document.title
        ),
        nav: nav(id, page),
        id,
        revision: snapshot.revision,
        page,
        heading: if page == "mal" {
            "Mål och nyckeltal"
        } else {
            "Politiska inriktningar"
        },
        goals,
        new_goal: GoalView {
            version: String::new(),
            target: String::new(),
            kind: kinds[0].key(),
            kind_label: kinds[0].swedish(),
            title: String::new(),
            statement: String::new(),
            text: String::new(),
            kpis: if page == "mal" {
                vec![empty_kpi(0)]
            } else {
                Vec::new()
            },
        },
        kinds: kinds
            .iter()
            .map(|kind| (kind.key(), kind.swedish()))
            .collect(),
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditRegisters),
    })
}

pub async fn show_goals(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, "mal", FormState::default(), String::new()).await?)
}

pub async fn show_directions(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(
        &page(
            &state,
            id,
            "inriktningar",
            FormState::default(),
            String::new(),
        )
        .await?,
    )
}

pub async fn save_goal(
    state: Acting,
    path: PagePath<i64>,
    form: PageForm<BTreeMap<String, String>>,
) -> PageResult {
    save(state, path, "mal", form).await
}

pub async fn save_direction(
    state: Acting,
    path: PagePath<i64>,
    form: PageForm<BTreeMap<String, String>>,
) -> PageResult {
    save(state, path, "inriktningar", form).await
}

async fn save(
    state: Acting,
    PagePath(id): PagePath<i64>,
    page_key: &'static str,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let target = get("goal").to_string();
    let kpi_count = (0..)
        .take_while(|index| values.contains_key(&format!("kpi:{index}:name")))
        .count();
    let kpi_fields: Vec<[String; 5]> = (0..kpi_count)
        .map(|index| {
            ["name", "source", "measurements_per_year", "kolada_id", "id"]
                .map(|part| get(&format!("kpi:{index}:{part}")).to_string())
        })
        .collect();
    let kpis: Vec<KpiInput<'_>> = kpi_fields
        .iter()
        .map(|[name, source, times, kolada_id, kpi_id]| KpiInput {
            name,
            source,
            measurements_per_year: times,
            kolada_id,
            id: kpi_id,
            direction: "",
            unit: "",
        })
        .collect();
    let id_for = Some(target.as_str()).filter(|target| !target.is_empty());
    let goal = match records::goal(
        id_for,
        get("kind"),
        get("title"),
        get("statement"),
        get("text"),
        &kpis,
    ) {
        Ok(typed) => {
            let snapshot = state.app.snapshot(id).await?;
            let existing = snapshot
                .budget
                .goals
                .iter()
                .find(|goal| goal.id == typed.0.id);
            records::keep_follow_up(typed, existing)
        }
        Err(errors) => {
            return invalid(
                &page(
                    &state,
                    id,
                    page_key,
                    FormState::failed(target, values.clone(), errors),
                    String::new(),
                )
                .await?,
            );
        }
    };
    let result = super::change_record(&state, id, &values, Change::PutGoal { goal }).await;
    let form = FormState::failed(target, values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/{page_key}"),
        form,
        "title",
        |form, message| page(&state, id, page_key, form, message),
    )
    .await
}

/// Asks whether the goal or political direction should be removed.
pub async fn confirm_remove(
    state: Acting,
    PagePath((id, page_key, goal)): PagePath<(i64, String, Key)>,
) -> PageResult {
    let goal = goal.into_inner();
    let page_key = match page_key.as_str() {
        "inriktningar" => "inriktningar",
        "mal" => "mal",
        _ => return Err(PageError::not_found()),
    };
    let snapshot = state.app.snapshot(id).await?;
    let Some(found) = snapshot
        .budget
        .goals
        .iter()
        .find(|existing| existing.id == goal)
    else {
        return Err(PageError::not_found());
    };
    let details = if found.kpis.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "Nyckeltalen {} tas bort med det.",
            found
                .kpis
                .iter()
                .map(|kpi| format!("”{}”", kpi.name))
                .collect::<Vec<_>>()
                .join(", ")
        )]
    };
    super::confirm::removal(
        &state,
        &snapshot,
        super::confirm::Removal {
            page: page_key,
            what: format!("”{}”", found.title),
            details,
            action: format!("/budget/{id}/{page_key}/{goal}/ta-bort"),
            back: format!("/budget/{id}/{page_key}#{page_key}-{goal}"),
            permission: Action::EditRegisters,
        },
    )
    .await
}

pub async fn remove(
    state: Acting,
    PagePath((id, page_key, goal)): PagePath<(i64, String, Key)>,
) -> PageResult {
    let goal = goal.into_inner();
    let page_key = if page_key == "inriktningar" {
        "inriktningar"
    } else {
        "mal"
    };
    state
        .app
        .change(&state.actor, id, None, &Change::RemoveGoal { id: goal })
        .await?;
    see(format!("/budget/{id}/{page_key}"))
}
