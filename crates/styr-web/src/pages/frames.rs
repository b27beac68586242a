//! Ramberäkning: each frame's kommunbidrag per year with the trail of how it arose (base, PKV
//! vintage and percent, adjustments), in one unit from the first year to the last; a warning
//! where a decided year differs from the derivation the document gives for it; and the
//! index table. Those who may change frames (controllers) change everything here: a decided
//! year's amount, any year's derivation — decided with a trail, or derived from a base by
//! upratings and adjustments (ramjusteringar), permanent or for the year —, which vintage a
//! frame is uprated by, and the vintages' values (index.rs). The comparison year is shown as
//! decided. Everyone else reads it without a field or a button.
//!
//! `view` makes each frame's view.

mod council;
mod index;
mod view;

pub use council::take_council_frame;
pub use index::{confirm_remove_vintage, remove_vintage, save_vintage};

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::access::Action;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::frame::{FrameYear, IndexChoice};
use styr_domain::organisation::UnitId;

use super::after_change;
use super::{FormState, PageResult, html, invalid};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Key, records};
use crate::view::{NavItem, nav};
use council::{CouncilView, council_view};
use view::{FrameView, frame_view};

pub struct IndexView {
    pub position: usize,
    pub name: String,
    pub vintage: String,
    pub values: Vec<(u16, String)>,
    /// The frames uprated by this vintage.
    pub used_by: Vec<String>,
    /// The years its form asks for: its own and the budget's, each with its percent or "".
    pub form_years: Vec<(u16, String)>,
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
    pub may_edit: bool,
    /// A new vintage's years: the budget's columns, each without a value.
    pub blank_index_years: Vec<(u16, String)>,
    /// The board's kommunbidrag beside the council's frame, when the council's budget is kept.
    pub council: Option<CouncilView>,
}

pub(super) async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<FramesPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let council = state
        .app
        .council_frame(&state.actor, &snapshot)
        .await?
        .map(|comparison| council_view(&comparison, snapshot.budget.years.previous));
    let budget = &snapshot.budget;
    let frames = snapshot
        .report()
        .frames
        .iter()
        .filter_map(|report| {
            let frame = budget.frame(&report.unit)?;
            Some(frame_view(budget, frame, report))
        })
        .collect();
    Ok(FramesPage {
        title: format!("Ramberäkning – {}", budget.document.title),
        nav: nav(id, "ram"),
        id,
        revision: snapshot.revision,
        frames,
        indices: budget
            .index
            .vintages
            .iter()
            .enumerate()
            .map(|(position, vintage)| IndexView {
                position,
                name: vintage.name.clone(),
                vintage: vintage.vintage.clone(),
                values: vintage
                    .values
                    .iter()
                    .map(|(year, percent)| (year.number(), percent.to_swedish()))
                    .collect(),
                used_by: budget
                    .frames
                    .iter()
                    .filter(|frame| {
                        frame.index.name == vintage.name && frame.index.vintage == vintage.vintage
                    })
                    .map(|frame| frame.heading.clone())
                    .collect(),
                form_years: {
                    let mut years: Vec<Year> = budget.years.columns();
                    years.extend(vintage.values.keys().copied());
                    years.sort();
                    years.dedup();
                    years
                        .into_iter()
                        .map(|year| {
                            (
                                year.number(),
                                vintage
                                    .values
                                    .get(&year)
                                    .map(|percent| percent.to_swedish())
                                    .unwrap_or_default(),
                            )
                        })
                        .collect()
                },
            })
            .collect(),
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditFrames),
        blank_index_years: budget
            .years
            .columns()
            .iter()
            .map(|year| (year.number(), String::new()))
            .collect(),
        council,
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, FormState::default(), String::new()).await?)
}

/// Saves a frame's decided years: fields `amount:YEAR`; a year left as it was is no change.
pub async fn save(
    state: Acting,
    PagePath((id, unit)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let unit = unit.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let frame = snapshot.budget.frame(&UnitId(unit.clone()));
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
            Ok(amount) => {
                let decided = frame.and_then(|frame| match frame.years.get(&year) {
                    Some(FrameYear::Entered { amount, .. }) => Some(*amount),
                    _ => None,
                });
                if decided != Some(amount) {
                    changes.push(Change::SetFrameAmount {
                        unit: UnitId(unit.clone()),
                        year,
                        amount,
                    });
                }
            }
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

/// Defines a frame year anew from its form: decided or derived, its base and its steps.
pub async fn save_year(
    state: Acting,
    PagePath((id, unit, year)): PagePath<(i64, Key, i64)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let unit = unit.into_inner();
    let year = Year::new(year).map_err(|_| PageError::not_found())?;
    let target = format!("{unit}-{year}");
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let steps = (0..)
        .take_while(|index| values.contains_key(&format!("step:{index}:kind")))
        .map(|index| {
            let part = |name: &str| get(&format!("step:{index}:{name}"));
            records::StepInput {
                kind: part("kind"),
                index_year: part("index_year"),
                share: part("share"),
                name: part("name"),
                amount: part("amount"),
                permanent: !part("permanent").is_empty(),
                result: part("result"),
                text: part("text"),
            }
        })
        .collect();
    let frame_year = match records::frame_year(&records::FrameYearInput {
        mode: get("mode"),
        amount: get("amount"),
        base: get("base"),
        base_year: get("base_year"),
        base_amount: get("base_amount"),
        steps,
    }) {
        Ok(frame_year) => frame_year,
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
    let change = Change::PutFrameYear {
        unit: UnitId(unit.clone()),
        year,
        frame_year,
    };
    let result = super::change_record(&state, id, &values, change).await;
    let form = FormState::failed(target.clone(), values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/ram#ar-{target}"),
        form,
        "form",
        |form, message| page(&state, id, form, message),
    )
    .await
}

/// Chooses which index vintage a frame is uprated by: field `index`, the vintage's position.
pub async fn save_index_choice(
    state: Acting,
    PagePath((id, unit)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let unit = unit.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let chosen = values
        .get("index")
        .and_then(|position| position.parse::<usize>().ok())
        .and_then(|position| snapshot.budget.index.vintages.get(position));
    let target = format!("indexval-{unit}");
    let Some(vintage) = chosen else {
        let errors = [("index".to_string(), "välj en indexårgång".to_string())].into();
        return invalid(
            &page(
                &state,
                id,
                FormState::failed(target, values.clone(), errors),
                String::new(),
            )
            .await?,
        );
    };
    let change = Change::SetFrameIndex {
        unit: UnitId(unit.clone()),
        index: IndexChoice {
            name: vintage.name.clone(),
            vintage: vintage.vintage.clone(),
        },
    };
    let result = super::change_record(&state, id, &values, change).await;
    let form = FormState::failed(target, values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/ram#ram-{unit}"),
        form,
        "index",
        |form, message| page(&state, id, form, message),
    )
    .await
}
