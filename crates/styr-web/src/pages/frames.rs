//! Ramberäkning: each frame's kommunbidrag per year with the trail of how it arose (base, PKV
//! vintage and percent, adjustments), the index table, and the entered years to edit.

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::format;
use styr_domain::organisation::UnitId;

use super::after_change;
use super::{FormState, PageResult, html, invalid};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::Key;
use crate::view::{NavItem, nav, tkr};

pub struct StepView {
    pub description: String,
    pub running: String,
    pub text: String,
}

pub struct YearView {
    pub year: u16,
    pub kommunbidrag: String,
    pub entered: bool,
    pub steps: Vec<StepView>,
}

pub struct FrameView {
    pub unit: String,
    pub heading: String,
    pub index: String,
    pub years: Vec<YearView>,
}

pub struct IndexView {
    pub name: String,
    pub vintage: String,
    pub values: Vec<(u16, String)>,
}

#[derive(Template)]
#[template(path = "frames.html")]
pub struct FramesPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub frames: Vec<FrameView>,
    pub indices: Vec<IndexView>,
    pub form: FormState,
    pub message: String,
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<FramesPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(FramesPage {
        title: format!("Ramberäkning – {}", snapshot.budget.document.title),
        nav: nav(id, "ram"),
        id,
        revision: snapshot.revision,
        frames: snapshot
            .report()
            .frames
            .iter()
            .map(|frame| FrameView {
                unit: frame.unit.to_string(),
                heading: frame.heading.clone(),
                index: format!("{} ({})", frame.index, frame.vintage),
                years: frame
                    .years
                    .iter()
                    .map(|year| YearView {
                        year: year.year.number(),
                        kommunbidrag: tkr(year.kommunbidrag),
                        entered: year.entered,
                        steps: year
                            .steps
                            .iter()
                            .map(|step| StepView {
                                description: step.description.clone(),
                                running: format::with_unit(step.running, step.precision),
                                text: step.text.clone(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        indices: snapshot
            .budget
            .index
            .vintages
            .iter()
            .map(|vintage| IndexView {
                name: vintage.name.clone(),
                vintage: vintage.vintage.clone(),
                values: vintage
                    .values
                    .iter()
                    .map(|(year, percent)| (year.number(), format!("{} %", percent.to_swedish())))
                    .collect(),
            })
            .collect(),
        form,
        message,
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, FormState::default(), String::new()).await?)
}

/// Saves a frame's entered years: fields `amount:YEAR`.
pub async fn save(
    state: Acting,
    PagePath((id, unit)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let unit = unit.into_inner();
    let mut changes = Vec::new();
    let mut errors = BTreeMap::new();
    for (field, text) in &values {
        let Some(year) = field
            .strip_prefix("amount:")
            .and_then(|year| year.parse::<i64>().ok())
            .and_then(|year| Year::new(year).ok())
        else {
            continue;
        };
        match crate::input::amount(text) {
            Ok(amount) => changes.push(Change::SetFrameAmount {
                unit: UnitId(unit.clone()),
                year,
                amount,
            }),
            Err(message) => {
                errors.insert(field.clone(), message);
            }
        }
    }
    if !errors.is_empty() {
        return invalid(
            &page(
                &state,
                id,
                FormState::failed(unit, values.clone(), errors),
                String::new(),
            )
            .await?,
        );
    }
    let revision = values
        .get("revision")
        .and_then(|revision| revision.parse::<i64>().ok());
    let result = state
        .app
        .change_all(&state.actor, id, revision, &changes)
        .await;
    let form = FormState::failed(unit.clone(), values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/ram#ram-{unit}"),
        form,
        "form",
        |form, message| page(&state, id, form, message),
    )
    .await
}
