//! Internkontrollplan: control activities tied to risks, and their results when performed
//! (date, sample, deviations found, actions decided) — what the year's internal-control
//! report is written from.

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::change::Change;

use super::after_change;
use super::{FormState, PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Key, records};
use crate::view::{NavItem, nav};

pub struct ResultView {
    pub performed_on: String,
    pub sample: String,
    pub deviations_found: u32,
    pub deviations: String,
    pub actions: String,
}

pub struct ControlView {
    /// The record's version as read (see `styr_app::version_of`), sent back with a save.
    pub version: String,
    pub target: String,
    pub risk: String,
    pub risk_name: String,
    pub value: u8,
    pub description: String,
    pub method: String,
    pub responsible: String,
    pub results: Vec<ResultView>,
}

#[derive(Template)]
#[template(path = "control.html")]
pub struct ControlPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub controls: Vec<ControlView>,
    pub new_control: ControlView,
    pub risks: Vec<(String, String)>,
    pub form: FormState,
    pub message: String,
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<ControlPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    Ok(ControlPage {
        title: format!("Internkontrollplan – {}", budget.document.title),
        nav: nav(id, "internkontroll"),
        id,
        revision: snapshot.revision,
        controls: budget
            .controls
            .iter()
            .map(|control| {
                let risk = budget.risk(&control.risk);
                ControlView {
                    version: styr_app::version_of(
                        budget,
                        &Change::PutControl {
                            control: control.clone(),
                        },
                    ),
                    target: control.id.clone(),
                    risk: control.risk.clone(),
                    risk_name: risk.map(|risk| risk.name.clone()).unwrap_or_default(),
                    value: risk.map(|risk| risk.value().value()).unwrap_or_default(),
                    description: control.description.clone(),
                    method: control.method.clone(),
                    responsible: control.responsible.clone(),
                    results: control
                        .results
                        .iter()
                        .map(|result| ResultView {
                            performed_on: result.performed_on.to_string(),
                            sample: result.sample.clone(),
                            deviations_found: result.deviations_found,
                            deviations: result.deviations.clone(),
                            actions: result.actions.clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
        new_control: ControlView {
            version: String::new(),
            target: String::new(),
            risk: String::new(),
            risk_name: String::new(),
            value: 0,
            description: String::new(),
            method: String::new(),
            responsible: String::new(),
            results: Vec::new(),
        },
        risks: budget
            .risks
            .iter()
            .map(|risk| {
                (
                    risk.id.clone(),
                    format!("{} ({})", risk.name, risk.value().value()),
                )
            })
            .collect(),
        form,
        message,
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, FormState::default(), String::new()).await?)
}

pub async fn save(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let target = get("control").to_string();
    let snapshot = state.app.snapshot(id).await?;
    let existing = snapshot
        .budget
        .controls
        .iter()
        .find(|control| control.id == target);
    let id_for = Some(target.as_str()).filter(|target| !target.is_empty());
    let control = match records::control(
        id_for,
        get("risk"),
        get("description"),
        get("method"),
        get("responsible"),
        existing,
    ) {
        Ok(control) => control,
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
    respond(&state, id, &target, &values, Change::PutControl { control }).await
}

pub async fn add_result(
    state: Acting,
    PagePath((id, control)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let control = control.into_inner();
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let target = format!("resultat-{control}");
    let result = match records::control_result(
        get("performed_on"),
        get("sample"),
        get("deviations_found"),
        get("deviations"),
        get("actions"),
    ) {
        Ok(result) => result,
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
    respond(
        &state,
        id,
        &target,
        &values,
        Change::AddControlResult { control, result },
    )
    .await
}

async fn respond(
    state: &Acting,
    id: i64,
    target: &str,
    values: &BTreeMap<String, String>,
    change: Change,
) -> PageResult {
    // A performed control is added to the record's results: nobody else's change conflicts
    // with it.
    let result = if matches!(change, Change::AddControlResult { .. }) {
        state.app.change(&state.actor, id, None, &change).await
    } else {
        super::change_record(state, id, values, change).await
    };
    let form = FormState::failed(target, values.clone(), Default::default());
    after_change(
        result,
        format!("/budget/{id}/internkontroll"),
        form,
        "form",
        |form, message| page(state, id, form, message),
    )
    .await
}

pub async fn remove(state: Acting, PagePath((id, control)): PagePath<(i64, Key)>) -> PageResult {
    let control = control.into_inner();
    state
        .app
        .change(
            &state.actor,
            id,
            None,
            &Change::RemoveControl { id: control },
        )
        .await?;
    see(format!("/budget/{id}/internkontroll"))
}
