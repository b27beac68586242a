//! Driftbudget: each table the document shows (the board, each separately reported unit),
//! editable cell by cell. Derived rows, the change against the previous year and the result are
//! computed by the engine; with JavaScript they follow as people type (see static/styr.js),
//! without it the form's button saves and the page comes back recomputed.

use std::collections::BTreeMap;

use crate::extract::PageForm;
use crate::extract::PagePath;
use askama::Template;
use styr_app::{AppError, Snapshot};
use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_reports::followup::ENTERED;
use styr_reports::operating::{OperatingTableReport, operating_table};

use super::{PageResult, html, invalid, see, shown_again};
use crate::auth::Acting;
use crate::error::PageError;
use crate::input;
use crate::input::Key;
use crate::view::{NavItem, nav, signed_tkr, tkr};

pub struct CellView {
    pub id: String,
    pub key: String,
    /// The cell's version as read (its exact amount in öre), sent back with a save.
    pub version: String,
    pub year: u16,
    pub value: String,
    pub error: String,
    pub label: String,
}

pub struct RowView {
    pub key: &'static str,
    pub label: &'static str,
    pub emphasised: bool,
    pub editable: bool,
    pub line: &'static str,
    pub cells: Vec<CellView>,
    pub change: String,
}

pub struct ExplanationView {
    pub id: String,
    pub line: &'static str,
    /// The explanation's version as read, sent back with a save.
    pub version: String,
    pub sentence: String,
    pub text: String,
}

pub struct TableView {
    pub anchor: String,
    pub unit: String,
    pub heading: String,
    pub editable: bool,
    pub columns: Vec<String>,
    pub change_label: String,
    pub rows: Vec<RowView>,
    pub explanations: Vec<ExplanationView>,
}

#[derive(Template)]
#[template(path = "operating.html")]
pub struct OperatingPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub tables: Vec<TableView>,
    pub message: String,
    /// The version is adopted and read-only.
    pub frozen: bool,
}

/// What a person typed into one table's form, kept when it has to be shown again.
type Typed = BTreeMap<String, String>;

/// A row a person may edit (a line or finansnetto), by its key in forms and the API
/// (`OperatingRow::key`: "personnel", "financial_net").
fn entered(key: &str) -> Option<OperatingRow> {
    OperatingRow::from_key(key).filter(|row| ENTERED.contains(row))
}

/// The units whose own lines a person edits on this page: each shown table's unit, when the
/// table is made of that unit's lines alone, and otherwise every unit that feeds the table.
fn editable_units(budget: &Budget) -> Vec<(UnitId, String, bool)> {
    let mut units = Vec::new();
    for table in &budget.operating_tables {
        let feeding: Vec<&UnitId> = budget
            .lines
            .iter()
            .map(|lines| &lines.unit)
            .filter(|unit| budget.counts_towards(unit, &table.unit))
            .collect();
        if feeding.iter().all(|unit| **unit == table.unit) {
            units.push((table.unit.clone(), table.heading.clone(), true));
        } else {
            units.push((table.unit.clone(), table.heading.clone(), false));
            for unit in feeding {
                let name = budget
                    .organisation
                    .unit(unit)
                    .map_or_else(|| unit.to_string(), |found| found.name.clone());
                units.push((unit.clone(), format!("{name} ({})", table.heading), true));
            }
        }
    }
    units
}

fn table_view(
    budget: &Budget,
    report: &OperatingTableReport,
    editable: bool,
    typed: &Typed,
    errors: &BTreeMap<String, String>,
) -> TableView {
    let unit = report.unit.as_str();
    let has_frame = budget.frame(&report.unit).is_some();
    let previous = report
        .columns
        .iter()
        .position(|column| column.year == budget.years.previous);
    let current = report
        .columns
        .iter()
        .position(|column| column.year == budget.years.budget);
    let rows = report
        .rows
        .iter()
        .filter(|row| {
            has_frame || !matches!(row.row, OperatingRow::Kommunbidrag | OperatingRow::Result)
        })
        .map(|row| {
            let entered_key = ENTERED.contains(&row.row).then(|| row.row.key());
            let key = entered_key.unwrap_or(row.row.key());
            let cells = report
                .columns
                .iter()
                .zip(&row.values)
                .map(|(column, value)| {
                    let field = format!("{key}:{}", column.year);
                    let version = entered_key
                        .and_then(|key| cell_change(&report.unit, key, column.year, Amount::ZERO))
                        .map(|change| styr_app::version_of(budget, &change))
                        .unwrap_or_default();
                    CellView {
                        version: typed
                            .get(&format!("version:{field}"))
                            .cloned()
                            .unwrap_or(version),
                        id: format!("{unit}-{key}-{}", column.year),
                        value: typed.get(&field).cloned().unwrap_or_else(|| tkr(*value)),
                        error: errors.get(&field).cloned().unwrap_or_default(),
                        label: format!("{}, {}", row.label, column.label),
                        key: field,
                        year: column.year.number(),
                    }
                })
                .collect();
            let change = match (previous, current) {
                (Some(previous), Some(current)) => {
                    signed_tkr(row.values[current] - row.values[previous])
                }
                _ => String::new(),
            };
            RowView {
                key,
                label: row.label,
                emphasised: row.emphasised,
                editable: editable && entered_key.is_some(),
                line: entered_key.unwrap_or(""),
                cells,
                change,
            }
        })
        .collect();
    let explanations = report
        .changes
        .iter()
        .map(|change| {
            let field = format!("explanation:{}", change.line.key());
            let version = styr_app::version_of(
                budget,
                &Change::SetExplanation {
                    unit: report.unit.clone(),
                    line: change.line,
                    text: String::new(),
                },
            );
            ExplanationView {
                version: typed
                    .get(&format!("version:{field}"))
                    .cloned()
                    .unwrap_or(version),
                id: format!("{unit}-explanation-{}", change.line.key()),
                line: change.line.key(),
                sentence: change.sentence.clone(),
                text: typed
                    .get(&field)
                    .cloned()
                    .unwrap_or_else(|| change.explanation.clone()),
            }
        })
        .collect();
    TableView {
        anchor: format!("tabell-{unit}"),
        unit: unit.to_string(),
        heading: report.heading.clone(),
        editable,
        columns: report
            .columns
            .iter()
            .map(|column| column.label.clone())
            .collect(),
        change_label: format!(
            "Förändring {}–{}",
            budget.years.previous, budget.years.budget
        ),
        rows,
        explanations,
    }
}

fn page(
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
        let editable = editable && !frozen;
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
        tables.push(table_view(budget, report, editable, typed, errors));
    }
    Ok(OperatingPage {
        title: format!("Driftbudget – {}", budget.document.title),
        nav: nav(snapshot.id, "drift"),
        id: snapshot.id,
        revision: snapshot.revision,
        tables,
        message,
        frozen,
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    html(&page(&snapshot, None, String::new())?)
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
        return invalid(&page(&snapshot, Some((&unit, &typed, &errors)), message)?);
    }
    // Each cell carries its own version, so people editing different cells of one table do
    // not refuse each other; a form without versions (an older page) stands on the whole
    // budget's revision instead.
    let expected_revision = if seen.iter().any(Option::is_some) {
        None
    } else {
        expected_revision
    };
    match state
        .app
        .change_seen(&state.actor, id, expected_revision, &changes, &seen)
        .await
    {
        Ok(_) => see(format!("/budget/{id}/drift#tabell-{unit}")),
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
                    &current,
                    Some((&unit, &typed, &errors)),
                    format!("{error}."),
                )?,
            )
        }
        Err(error) => Err(error.into()),
    }
}

/// The changes a table's form asks for, or the message for every field that does not read.
pub fn changes_from_form(
    budget: &Budget,
    unit: &UnitId,
    typed: &Typed,
) -> (Vec<Change>, Vec<Option<String>>, BTreeMap<String, String>) {
    let mut changes = Vec::new();
    let mut seen = Vec::new();
    let mut errors = BTreeMap::new();
    for (field, text) in typed {
        if let Some(line_key) = field.strip_prefix("explanation:") {
            let Some(line) = LineKind::from_key(line_key) else {
                continue;
            };
            let current = budget
                .lines
                .iter()
                .find(|lines| &lines.unit == unit)
                .and_then(|lines| {
                    lines.explanations.iter().find(|explanation| {
                        explanation.line == line && explanation.to == budget.years.budget
                    })
                })
                .map(|explanation| explanation.text.as_str())
                .unwrap_or("");
            let text = match input::text(text) {
                Ok(text) => text,
                Err(message) => {
                    errors.insert(field.clone(), message);
                    continue;
                }
            };
            if current.trim() != text {
                changes.push(Change::SetExplanation {
                    unit: unit.clone(),
                    line,
                    text,
                });
                seen.push(typed.get(&format!("version:{field}")).cloned());
            }
            continue;
        }
        let Some((key, year_text)) = field.split_once(':') else {
            continue;
        };
        if entered(key).is_none() {
            continue;
        }
        let Some(year) = year_text
            .parse::<i64>()
            .ok()
            .and_then(|year| styr_domain::calendar::Year::new(year).ok())
        else {
            errors.insert(field.clone(), "okänt år".into());
            continue;
        };
        let amount = match input::amount(text) {
            Ok(amount) => amount,
            Err(message) => {
                errors.insert(field.clone(), message);
                continue;
            }
        };
        let current = current_amount(budget, unit, key, year);
        // A cell counts as changed when the typed amount differs from the value it was read
        // as (its version), so a save after someone else's change is caught, not skipped.
        let version = typed.get(&format!("version:{field}")).cloned();
        let read_as = version
            .as_deref()
            .map(|version| version.parse::<i64>().ok().map(Amount::from_ore));
        let unchanged = match read_as {
            Some(read_as) => read_as == Some(amount) || (read_as.is_none() && amount.is_zero()),
            None => current == Some(amount) || (current.is_none() && amount.is_zero()),
        };
        if !unchanged && let Some(change) = cell_change(unit, key, year, amount) {
            changes.push(change);
            seen.push(version);
        }
    }
    (changes, seen, errors)
}

/// The change that writes `amount` into a unit's entered row `key` ("personnel",
/// "financial_net") for `year`.
fn cell_change(
    unit: &UnitId,
    key: &str,
    year: styr_domain::calendar::Year,
    amount: Amount,
) -> Option<Change> {
    Some(match entered(key)? {
        OperatingRow::Line(line) => Change::SetLine {
            unit: unit.clone(),
            line,
            year,
            amount,
        },
        _ => Change::SetFinancialNet {
            unit: unit.clone(),
            year,
            amount,
        },
    })
}

/// The form field a cell change came from.
fn field_of(change: &Change) -> Option<String> {
    match change {
        Change::SetLine { line, year, .. } => Some(format!("{}:{year}", line.key())),
        Change::SetFinancialNet { year, .. } => Some(format!("financial_net:{year}")),
        Change::SetExplanation { line, .. } => Some(format!("explanation:{}", line.key())),
        _ => None,
    }
}

fn current_amount(
    budget: &Budget,
    unit: &UnitId,
    key: &str,
    year: styr_domain::calendar::Year,
) -> Option<Amount> {
    let lines = budget.lines.iter().find(|lines| &lines.unit == unit)?;
    match LineKind::from_key(key) {
        Some(line) => lines.lines.get(&line)?.get(&year).copied(),
        None => lines.financial_net.get(&year).copied(),
    }
}
