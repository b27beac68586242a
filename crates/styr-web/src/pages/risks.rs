//! Risker: the register with sannolikhet, väsentlighet, riskvärde and handling, the scale
//! definitions, and the 4×4 matrix as an SVG heat map; forms to add, change and remove risks.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::AppError;
use styr_domain::change::Change;

use super::after_change;
use super::{FormState, PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Key, records};
use crate::view::{NavItem, nav};

pub struct RiskView {
    /// The record's version as read (see `styr_app::version_of`), sent back with a save.
    pub version: String,
    pub target: String,
    pub name: String,
    pub description: String,
    pub probability: String,
    pub materiality: String,
    pub value: u8,
    pub band: String,
    pub colour: String,
    pub handling: &'static str,
    pub handling_label: &'static str,
    pub handling_text: String,
}

#[derive(Template)]
#[template(path = "risks.html")]
pub struct RisksPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub matrix: String,
    pub bands: Vec<(String, String, String)>,
    pub probability_scale: Vec<(u8, String, String)>,
    pub materiality_scale: Vec<(u8, String, String)>,
    pub risks: Vec<RiskView>,
    pub new_risk: RiskView,
    pub handlings: Vec<(&'static str, &'static str)>,
    pub form: FormState,
    pub message: String,
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<RisksPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let report = &snapshot.report().risks;
    let scale = |steps: &[styr_domain::risk::ScaleStep]| {
        steps
            .iter()
            .map(|step| {
                (
                    step.grade.value(),
                    step.name.clone(),
                    step.description.clone(),
                )
            })
            .collect()
    };
    use styr_domain::risk::Handling;
    Ok(RisksPage {
        title: format!("Risker – {}", snapshot.budget.document.title),
        nav: nav(id, "risker"),
        id,
        revision: snapshot.revision,
        matrix: styr_render::html::risk_matrix_svg(report),
        bands: report
            .bands
            .iter()
            .map(|band| {
                (
                    band.name.clone(),
                    format!("{}–{}", band.from, band.to),
                    band.colour.clone(),
                )
            })
            .collect(),
        probability_scale: scale(&report.probability_scale),
        materiality_scale: scale(&report.materiality_scale),
        risks: report
            .risks
            .iter()
            .map(|risk| RiskView {
                version: snapshot
                    .budget
                    .risk(&risk.id)
                    .map(|stored| {
                        styr_app::version_of(
                            &snapshot.budget,
                            &Change::PutRisk {
                                risk: stored.clone(),
                            },
                        )
                    })
                    .unwrap_or_default(),
                target: risk.id.clone(),
                name: risk.name.clone(),
                description: risk.description.clone(),
                probability: risk.probability.to_string(),
                materiality: risk.materiality.to_string(),
                value: risk.value,
                band: risk.band.clone(),
                colour: risk.colour.clone(),
                handling: risk.handling.key(),
                handling_label: risk.handling.swedish(),
                handling_text: risk.handling_text.clone(),
            })
            .collect(),
        new_risk: RiskView {
            version: String::new(),
            target: String::new(),
            name: String::new(),
            description: String::new(),
            probability: "1".into(),
            materiality: "1".into(),
            value: 1,
            band: String::new(),
            colour: String::new(),
            handling: "action",
            handling_label: "",
            handling_text: String::new(),
        },
        handlings: [Handling::Accept, Handling::Action, Handling::Control]
            .iter()
            .map(|handling| (handling.key(), handling.swedish()))
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
    let target = get("risk").to_string();
    let snapshot = state.app.snapshot(id).await?;
    let existing = Some(target.as_str()).filter(|target| !target.is_empty());
    if existing.is_none()
        && snapshot
            .budget
            .risk(&crate::input::slug(get("name")))
            .is_some()
    {
        let errors = [(
            "name".to_string(),
            "en risk med det namnet finns redan".to_string(),
        )]
        .into_iter()
        .collect();
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
    let stated = existing
        .and_then(|id| snapshot.budget.risk(id))
        .and_then(|risk| risk.stated_value);
    let risk = match records::risk(&records::RiskInput {
        id: existing,
        name: get("name"),
        description: get("description"),
        probability: get("probability"),
        materiality: get("materiality"),
        handling: get("handling"),
        handling_text: get("handling_text"),
        stated_value: stated,
    }) {
        Ok(risk) => risk,
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
    let anchor = risk.id.clone();
    let result = super::change_record(&state, id, &values, Change::PutRisk { risk }).await;
    let form = FormState::failed(target, values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/risker#risk-{anchor}"),
        form,
        "name",
        |form, message| page(&state, id, form, message),
    )
    .await
}

pub async fn remove(state: Acting, PagePath((id, risk)): PagePath<(i64, Key)>) -> PageResult {
    let risk = risk.into_inner();
    match state
        .app
        .change(&state.actor, id, None, &Change::RemoveRisk { id: risk })
        .await
    {
        Ok(_) => see(format!("/budget/{id}/risker")),
        Err(AppError::Invalid(error)) => {
            invalid(&page(&state, id, FormState::default(), error.to_string()).await?)
        }
        Err(error) => Err(error.into()),
    }
}
