//! Effektiviseringsåtgärder: the register of efficiency investigations, with forms for those
//! who may change it and a confirmation before one is removed.

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::access::Action;
use styr_domain::change::Change;

use super::after_change;
use super::{FormState, PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::records;
use crate::view::{NavItem, nav};

pub struct RowView {
    /// The record's version as read (see `styr_app::version_of`), sent back with a save.
    pub version: String,
    pub target: String,
    pub proposed_by: String,
    pub investigation: String,
    pub handling: String,
    pub coordinators: String,
    pub prioritised: bool,
}

#[derive(Template)]
#[template(path = "efficiency.html")]
pub struct EfficiencyPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub rows: Vec<RowView>,
    pub new_row: RowView,
    pub form: FormState,
    pub message: String,
    pub may_edit: bool,
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<EfficiencyPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(EfficiencyPage {
        title: format!(
            "Effektiviseringsåtgärder – {}",
            snapshot.budget.document.title
        ),
        nav: nav(id, "effektivisering"),
        id,
        revision: snapshot.revision,
        rows: snapshot
            .budget
            .efficiency
            .iter()
            .enumerate()
            .map(|(position, row)| RowView {
                version: styr_app::version_of(
                    &snapshot.budget,
                    &Change::PutEfficiency {
                        position: Some(position),
                        investigation: row.clone(),
                    },
                ),
                target: position.to_string(),
                proposed_by: row.proposed_by.clone(),
                investigation: row.investigation.clone(),
                handling: row.handling.clone(),
                coordinators: row.coordinators.join(", "),
                prioritised: row.prioritised,
            })
            .collect(),
        new_row: RowView {
            version: String::new(),
            target: String::new(),
            proposed_by: String::new(),
            investigation: String::new(),
            handling: String::new(),
            coordinators: String::new(),
            prioritised: true,
        },
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditRegisters),
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
    let target = get("position").to_string();
    let position = target.parse::<usize>().ok();
    let parsed = records::efficiency(
        get("proposed_by"),
        get("investigation"),
        get("handling"),
        get("coordinators"),
        get("prioritised") == "ja",
    );
    let investigation = match parsed {
        Ok(investigation) => investigation,
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
    let result = super::change_record(
        &state,
        id,
        &values,
        Change::PutEfficiency {
            position,
            investigation,
        },
    )
    .await;
    let form = FormState::failed(target, values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/effektivisering"),
        form,
        "investigation",
        |form, message| page(&state, id, form, message),
    )
    .await
}

/// Asks whether the investigation should be removed.
pub async fn confirm_remove(
    state: Acting,
    PagePath((id, position)): PagePath<(i64, usize)>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let Some(found) = snapshot.budget.efficiency.get(position) else {
        return Err(PageError::not_found());
    };
    super::confirm::removal(
        &state,
        &snapshot,
        super::confirm::Removal {
            page: "effektivisering",
            what: format!("utredningen ”{}”", found.investigation),
            details: vec![format!("Förslag från {}.", found.proposed_by)],
            action: format!("/budget/{id}/effektivisering/{position}/ta-bort"),
            back: format!("/budget/{id}/effektivisering"),
            permission: Action::EditRegisters,
        },
    )
    .await
}

pub async fn remove(state: Acting, PagePath((id, position)): PagePath<(i64, usize)>) -> PageResult {
    state
        .app
        .change(
            &state.actor,
            id,
            None,
            &Change::RemoveEfficiency { position },
        )
        .await?;
    see(format!("/budget/{id}/effektivisering"))
}
