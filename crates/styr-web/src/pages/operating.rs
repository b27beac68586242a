//! Driftbudget: each table the document shows (the board, each separately reported unit),
//! editable cell by cell by those who may edit its lines — a läsare or revisor gets the same
//! tables with no field and no button, and the comparison year (the previous year's budget)
//! is shown as decided for everyone. Derived rows, the change against the previous year and
//! the result are computed by the engine; with JavaScript they follow as people type (see
//! static/styr.js) and each changed cell is saved once, as it is left; without it the form's
//! button saves the changed cells and the page comes back saying what was saved. A table
//! whose result is below zero says so above it (the balance check).
//!
//! [`table`] makes each table's view (rows, cells with their versions, explanations);
//! [`form`] reads a posted table back into changes; [`saved`] says what a save saved.

mod form;
mod saved;
mod table;

use form::{changes_from_form, field_of};
use table::{TableView, editable_units, table_view};

use std::collections::BTreeMap;

use askama::Template;
use serde::Deserialize;
use styr_app::{AppError, Snapshot};
use styr_domain::access::Action;
use styr_domain::organisation::UnitId;
use styr_reports::operating::operating_table;

use super::{PageResult, html, invalid, see, shown_again};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath, PageQuery};
use crate::input::Key;
use crate::view::{NavItem, nav};

#[derive(Template)]
#[template(path = "operating.html")]
pub struct OperatingPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub tables: Vec<TableView>,
    pub message: String,
    /// What the last save saved, for the status line ("Sparat: Övriga kostnader, Budget 2025").
    pub saved: String,
    /// The version is adopted and read-only.
    pub frozen: bool,
    /// Nothing on the page may be changed by this person (a läsare, a revisor, another
    /// unit's budgetansvarig, or a submitted budget for a budgetansvarig).
    pub read_only: bool,
}

/// The page's query after a save without the script: which fields were saved.
#[derive(Default, Deserialize)]
pub struct ShowQuery {
    #[serde(default, rename = "sparat")]
    pub saved: String,
}

/// What a person typed into one table's form, kept when it has to be shown again.
pub type Typed = BTreeMap<String, String>;

fn page(
    state: &Acting,
    snapshot: &Snapshot,
    unit_typed: Option<(&str, &Typed, &BTreeMap<String, String>)>,
    message: String,
) -> Result<OperatingPage, PageError> {
    let budget = &snapshot.budget;
    let empty = Typed::new();
    let no_errors = BTreeMap::new();
    let mut tables = Vec::new();
    // An adopted version is shown as it was decided: no fields to type in.
    let frozen = snapshot.status == styr_app::Status::Adopted;
    for (unit, heading, editable) in editable_units(budget) {
        let editable = editable
            && !frozen
            && crate::view::may(state, snapshot, &Action::EditLines { unit: unit.clone() });
        // The document's tables are in the snapshot's report; a unit that feeds one of them
        // is computed on its own.
        let computed;
        let report = match snapshot
            .report()
            .operating
            .iter()
            .find(|table| table.unit == unit)
        {
            Some(table) => table,
            None => {
                computed = operating_table(budget, &unit, &heading)
                    .map_err(|error| PageError::invalid(error.to_string()))?;
                &computed
            }
        };
        let (typed, errors) = match unit_typed {
            Some((typed_unit, typed, errors)) if typed_unit == unit.as_str() => (typed, errors),
            _ => (&empty, &no_errors),
        };
        let findings = &snapshot.report().findings;
        tables.push(table_view(
            budget, report, editable, typed, errors, findings,
        ));
    }
    let read_only = !frozen && tables.iter().all(|table| !table.editable);
    Ok(OperatingPage {
        title: format!("Driftbudget – {}", budget.document.title),
        nav: nav(snapshot.id, "drift"),
        id: snapshot.id,
        revision: snapshot.revision,
        tables,
        message,
        saved: String::new(),
        frozen,
        read_only,
    })
}

pub async fn show(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<ShowQuery>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let mut shown = page(&state, &snapshot, None, String::new())?;
    shown.saved = saved::said(&snapshot.budget, &query.saved);
    html(&shown)
}

/// Reads one table's form: every amount must read, or the page comes back with the errors
/// next to their fields and everything typed kept. Then all changes are made in one transaction.
pub async fn save(
    state: Acting,
    PagePath((id, unit)): PagePath<(i64, Key)>,
    PageForm(fields): PageForm<Vec<(String, String)>>,
) -> PageResult {
    let unit = unit.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let unit_id = UnitId(unit.clone());
    let typed: Typed = fields.iter().cloned().collect();
    let expected_revision = typed
        .get("revision")
        .and_then(|revision| revision.parse::<i64>().ok());
    let (changes, seen, errors) = changes_from_form(&snapshot.budget, &unit_id, &typed);
    if !errors.is_empty() {
        let message =
            "Några belopp kunde inte läsas; se fälten markerade i tabellen. Ingenting är sparat."
                .to_string();
        return invalid(&page(
            &state,
            &snapshot,
            Some((&unit, &typed, &errors)),
            message,
        )?);
    }
    // Each cell carries its own version, so people editing different cells of one table do
    // not refuse each other; a form without versions (an older page) stands on the whole
    // budget's revision instead.
    let expected_revision = if seen.iter().any(Option::is_some) {
        None
    } else {
        expected_revision
    };
    if changes.is_empty() {
        return see(format!(
            "/budget/{id}/drift?sparat={}#tabell-{unit}",
            saved::NOTHING
        ));
    }
    match state
        .app
        .change_seen(&state.actor, id, expected_revision, &changes, &seen)
        .await
    {
        Ok(_) => see(format!(
            "/budget/{id}/drift?sparat={}#tabell-{unit}",
            saved::query(&unit_id, &changes)
        )),
        Err(
            error @ (AppError::Conflict { .. }
            | AppError::Invalid(_)
            | AppError::DoesNotCompute(_)
            | AppError::Frozen(_)
            | AppError::Stale { .. }),
        ) => {
            let current = state.app.snapshot(id).await?;
            // The versions the person's form now stands on stay as they read them: a second
            // save replaces the other person's value only when asked to (see the message).
            let mut typed = typed;
            if matches!(error, AppError::Stale { .. }) {
                for change in &changes {
                    if let Some(field) = field_of(change) {
                        typed.insert(
                            format!("version:{field}"),
                            styr_app::version_of(&current.budget, change),
                        );
                    }
                }
            }
            shown_again(
                crate::error::kind_of(&error),
                &page(
                    &state,
                    &current,
                    Some((&unit, &typed, &errors)),
                    format!("{error}."),
                )?,
            )
        }
        Err(error) => Err(error.into()),
    }
}
