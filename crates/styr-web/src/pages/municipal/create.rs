//! Ny kommunbudget (`/kommun/ny`): a municipality's first budget year made in the web app by
//! the council's controllers — its name and SCB code, its budget year and plan years, and the
//! PKV vintage its frames are uprated by — kept as a budget year without a board, to which the
//! boards are then added on Ramar och nämnder.

use std::collections::BTreeMap;

use askama::Template;
use styr_import::municipal_file::NewMunicipality;

use super::views;
use crate::auth::Acting;
use crate::extract::PageForm;
use crate::pages::{PageResult, html, invalid, see};

#[derive(Template)]
#[template(path = "municipal_new.html")]
pub struct NewPage {
    pub title: String,
    pub message: String,
    pub values: BTreeMap<String, String>,
}

impl NewPage {
    pub fn value(&self, field: &str, default: &str) -> String {
        self.values
            .get(field)
            .cloned()
            .unwrap_or_else(|| default.to_string())
    }
}

fn page(message: String, values: BTreeMap<String, String>) -> NewPage {
    NewPage {
        title: "Ny kommunbudget".into(),
        message,
        values,
    }
}

pub async fn show_new(state: Acting) -> PageResult {
    state
        .app
        .require(
            &state.actor,
            &styr_domain::access::Action::EditFrames,
            None,
            None,
        )
        .await?;
    html(&page(String::new(), BTreeMap::new()))
}

/// `PKV per år` as typed: "2027=3,0 2028=3,1".
pub fn pkv_values(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut values = BTreeMap::new();
    for pair in text.split_whitespace() {
        match pair.split_once('=') {
            Some((year, value)) if year.parse::<u16>().is_ok() && !value.is_empty() => {
                values.insert(year.to_string(), value.to_string());
            }
            _ => {
                return Err(format!(
                    "PKV skrivs år=procent, till exempel 2029=3,0; ”{pair}” går inte att läsa."
                ));
            }
        }
    }
    Ok(values)
}

/// Fields `name`, `code`, `year`, `plan_years`, `vintage`, `pkv` and `invented`.
pub async fn create(
    state: Acting,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let pkv = match pkv_values(get("pkv")) {
        Ok(pkv) => pkv,
        Err(message) => return invalid(&page(message, values.clone())),
    };
    let (Ok(year), Ok(plan_years)) = (get("year").parse::<i64>(), get("plan_years").parse::<i64>())
    else {
        return invalid(&page(
            "Budgetåret och antalet planår skrivs med siffror.".into(),
            values.clone(),
        ));
    };
    let (name, vintage) = match (
        crate::input::line(get("name")),
        crate::input::line(get("vintage")),
    ) {
        (Ok(name), Ok(vintage)) => (name, vintage),
        (Err(message), _) | (_, Err(message)) => {
            return invalid(&page(format!("{message}."), values.clone()));
        }
    };
    let new = NewMunicipality {
        name: &name,
        code: get("code"),
        year,
        plan_years,
        vintage: &vintage,
        values: &pkv,
        invented: !get("invented").is_empty(),
    };
    match state.app.create_municipality(&state.actor, &new).await {
        Ok(id) => see(format!("/kommun/{id}/ramar")),
        Err(error @ (styr_app::AppError::Unreadable(_) | styr_app::AppError::Rejected(_))) => {
            let message = format!("{} Inget skapades.", views::message(&error));
            invalid(&page(message, values.clone()))
        }
        Err(error) => Err(error.into()),
    }
}
