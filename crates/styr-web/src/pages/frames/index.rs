//! The index table on the Ramberäkning page: a vintage added or changed (its name, which
//! estimate it is, and its percent per year), and one no frame uses removed after a
//! confirmation. A change that would leave a frame without a value it needs is refused with
//! the frame named.
//!
//! ```text
//! POST /budget/1/index   replacing=0 name=PKV vintage="SKR cirkulär 25:08" value:2025=2,8 …
//! ```

use std::collections::BTreeMap;

use styr_domain::access::Action;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::frame::{IndexChoice, IndexVintage};
use styr_domain::parse::parse_percent;

use super::page;
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Errors, line};
use crate::pages::{FormState, PageResult, after_change, invalid};

/// The vintage a form describes: `value:YEAR` for each year of the table, and `extra:N:year`
/// with `extra:N:percent` for years beyond it; an empty percent is no value.
fn vintage_of(values: &BTreeMap<String, String>) -> Result<IndexVintage, BTreeMap<String, String>> {
    let mut errors = Errors::default();
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let name = line(get("name")).unwrap_or_else(|message| {
        errors.add("name", message);
        String::new()
    });
    let vintage = line(get("vintage")).unwrap_or_else(|message| {
        errors.add("vintage", message);
        String::new()
    });
    if name.is_empty() {
        errors.add("name", "indexets namn behöver fyllas i, till exempel PKV");
    }
    if vintage.is_empty() {
        errors.add(
            "vintage",
            "årgången behöver fyllas i, till exempel SKR cirkulär 25:08",
        );
    }
    let mut years = BTreeMap::new();
    let mut percent = |field: &str, year: Option<Year>, text: &str, errors: &mut Errors| {
        if text.trim().is_empty() {
            return;
        }
        match (year, parse_percent(text)) {
            (Some(year), Ok(percent)) => {
                years.insert(year, percent);
            }
            (None, _) => errors.add(field, "ange året, till exempel 2028"),
            (_, Err(message)) => errors.add(field, message),
        }
    };
    for (field, text) in values {
        if let Some(year) = field.strip_prefix("value:") {
            let year = year
                .parse::<i64>()
                .ok()
                .and_then(|year| Year::new(year).ok());
            percent(field, year, text, &mut errors);
        }
    }
    for index in 0.. {
        let Some(year_text) = values.get(&format!("extra:{index}:year")) else {
            break;
        };
        let text = get(&format!("extra:{index}:percent"));
        let year = year_text
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|year| Year::new(year).ok());
        if year_text.trim().is_empty() && text.trim().is_empty() {
            continue;
        }
        percent(&format!("extra:{index}:year"), year, text, &mut errors);
    }
    errors.finish(|| IndexVintage {
        name,
        vintage,
        values: years,
    })
}

/// Adds a vintage (`replacing` empty) or changes the one at position `replacing`.
pub async fn save_vintage(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let replacing_field = values.get("replacing").cloned().unwrap_or_default();
    let replacing = replacing_field
        .parse::<usize>()
        .ok()
        .and_then(|position| snapshot.budget.index.vintages.get(position))
        .map(|vintage| IndexChoice {
            name: vintage.name.clone(),
            vintage: vintage.vintage.clone(),
        });
    let target = format!("index-{replacing_field}");
    let vintage = match vintage_of(&values) {
        Ok(vintage) => vintage,
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
    let change = Change::PutIndexVintage { replacing, vintage };
    let result = crate::pages::change_record(&state, id, &values, change).await;
    let form = FormState::failed(target, values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/ram#index"),
        form,
        "name",
        |form, message| page(&state, id, form, message),
    )
    .await
}

/// Asks whether the vintage at `position` should be removed.
pub async fn confirm_remove_vintage(
    state: Acting,
    PagePath((id, position)): PagePath<(i64, usize)>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let Some(vintage) = snapshot.budget.index.vintages.get(position) else {
        return Err(PageError::not_found());
    };
    let values: Vec<String> = vintage
        .values
        .iter()
        .map(|(year, percent)| format!("{year}: {} %", percent.to_swedish()))
        .collect();
    crate::pages::confirm::removal(
        &state,
        &snapshot,
        crate::pages::confirm::Removal {
            page: "ram",
            what: format!("indexårgången {} ({})", vintage.name, vintage.vintage),
            details: vec![format!("Värden: {}.", values.join(", "))],
            action: format!("/budget/{id}/index/{position}/ta-bort"),
            back: format!("/budget/{id}/ram#index"),
            permission: Action::EditFrames,
        },
    )
    .await
}

pub async fn remove_vintage(
    state: Acting,
    PagePath((id, position)): PagePath<(i64, usize)>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let Some(vintage) = snapshot.budget.index.vintages.get(position) else {
        return Err(PageError::not_found());
    };
    let change = Change::RemoveIndexVintage {
        index: IndexChoice {
            name: vintage.name.clone(),
            vintage: vintage.vintage.clone(),
        },
    };
    let result = state.app.change(&state.actor, id, None, &change).await;
    after_change(
        result,
        format!("/budget/{id}/ram#index"),
        FormState::default(),
        "form",
        |form, message| page(&state, id, form, message),
    )
    .await
}
