//! Internkontrollplan: control activities tied to risks, highest riskvärde first, each with
//! its schedule (how often, planned date, report date — a date input each), status and
//! conclusion, and its results when performed (date, sample, deviations found, actions
//! decided) — what the year's internal-control report is written from. A control past its
//! date and not done says so. A new activity takes its risk's description from the risk
//! analysis. Those who may not change the plan read it without a field or a button.

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::access::Action;
use styr_domain::change::Change;
use styr_domain::internal_control::{ControlStatus, Frequency};

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
    pub frequency: &'static str,
    pub frequency_label: &'static str,
    pub planned_on: String,
    pub report_by: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub conclusion: String,
    /// "12 dagar sen", when past its date and not done.
    pub late: String,
}

/// A risk a control may follow: its id, its label in the list, and its description (which a
/// new activity takes).
pub struct RiskOption {
    pub id: String,
    pub label: String,
    pub description: String,
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
    pub risks: Vec<RiskOption>,
    pub frequencies: Vec<(&'static str, &'static str)>,
    pub statuses: Vec<(&'static str, &'static str)>,
    pub form: FormState,
    pub message: String,
    pub may_edit: bool,
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<ControlPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    let today = state.app.today();
    let mut controls: Vec<ControlView> = budget
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
                frequency: control.schedule.frequency.key(),
                frequency_label: control.schedule.frequency.label(),
                planned_on: date(control.schedule.planned_on),
                report_by: date(control.schedule.report_by),
                status: control.status.key(),
                status_label: control.status.label(),
                conclusion: control.conclusion.clone(),
                late: control
                    .schedule
                    .days_late(control.status, today)
                    .map(|days| format!("{days} dagar sen"))
                    .unwrap_or_default(),
            }
        })
        .collect();
    // Highest riskvärde first; the plan's own order among equal values.
    controls.sort_by_key(|control| std::cmp::Reverse(control.value));
    Ok(ControlPage {
        title: format!("Internkontrollplan – {}", budget.document.title),
        nav: nav(id, "internkontroll"),
        id,
        revision: snapshot.revision,
        controls,
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
            frequency: Frequency::default().key(),
            frequency_label: Frequency::default().label(),
            planned_on: String::new(),
            report_by: String::new(),
            status: ControlStatus::default().key(),
            status_label: ControlStatus::default().label(),
            conclusion: String::new(),
            late: String::new(),
        },
        risks: {
            let mut risks: Vec<&styr_domain::risk::Risk> = budget.risks.iter().collect();
            risks.sort_by_key(|risk| std::cmp::Reverse(risk.value()));
            risks
                .into_iter()
                .map(|risk| RiskOption {
                    id: risk.id.clone(),
                    label: format!("{} ({})", risk.name, risk.value().value()),
                    description: risk.description.clone(),
                })
                .collect()
        },
        frequencies: Frequency::ALL
            .iter()
            .map(|frequency| (frequency.key(), frequency.label()))
            .collect(),
        statuses: ControlStatus::ALL
            .iter()
            .map(|status| (status.key(), status.label()))
            .collect(),
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditControls),
    })
}

fn date(date: Option<styr_domain::calendar::Date>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
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
    let present = |field: &str| values.get(field).map(String::as_str);
    let control = match records::control(&records::ControlInput {
        id: id_for,
        risk: get("risk"),
        description: get("description"),
        method: get("method"),
        responsible: get("responsible"),
        frequency: present("frequency"),
        planned_on: present("planned_on"),
        report_by: present("report_by"),
        status: present("status"),
        conclusion: present("conclusion"),
        existing,
    }) {
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

/// Asks whether the control activity should be removed, naming its risk and results.
pub async fn confirm_remove(
    state: Acting,
    PagePath((id, control)): PagePath<(i64, Key)>,
) -> PageResult {
    let control = control.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let Some(found) = snapshot
        .budget
        .controls
        .iter()
        .find(|existing| existing.id == control)
    else {
        return Err(PageError::not_found());
    };
    let risk = snapshot
        .budget
        .risk(&found.risk)
        .map_or(found.risk.clone(), |risk| risk.name.clone());
    let details = vec![
        format!("Metod: {}", found.method),
        format!(
            "{} utförda kontroller är registrerade och tas bort med den.",
            found.results.len()
        ),
    ];
    super::confirm::removal(
        &state,
        &snapshot,
        super::confirm::Removal {
            page: "internkontroll",
            what: format!("kontrollaktiviteten för ”{risk}”"),
            details,
            action: format!("/budget/{id}/internkontroll/{control}/ta-bort"),
            back: format!("/budget/{id}/internkontroll#kontroll-{control}-rubrik"),
            permission: Action::EditControls,
        },
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
