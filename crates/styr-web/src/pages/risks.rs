//! Risker: the register with sannolikhet, väsentlighet, riskvärde and handling, each risk's
//! owner, category and residual risk after its measures, the scale definitions, and the 4×4
//! matrix as an SVG heat map with its axes named; for those who may change the analysis,
//! forms to add and change risks and a confirmation before one is removed.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::AppError;
use styr_domain::access::Action;
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
    pub owner: String,
    pub category: String,
    pub residual_probability: String,
    pub residual_materiality: String,
    /// "4 (Medel)", or "" when the residual risk is not judged.
    pub residual: String,
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
    pub may_edit: bool,
    /// Categories already in use, offered to the category field.
    pub categories: Vec<String>,
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
            .map(|risk| {
                let stored = snapshot.budget.risk(&risk.id);
                let residual = stored.and_then(|stored| stored.residual);
                RiskView {
                    owner: stored
                        .map(|stored| stored.owner.clone())
                        .unwrap_or_default(),
                    category: stored
                        .map(|stored| stored.category.clone())
                        .unwrap_or_default(),
                    residual_probability: residual
                        .map(|residual| residual.probability.value().to_string())
                        .unwrap_or_default(),
                    residual_materiality: residual
                        .map(|residual| residual.materiality.value().to_string())
                        .unwrap_or_default(),
                    residual: residual
                        .map(|residual| {
                            let value = residual.value();
                            format!(
                                "{} ({})",
                                value.value(),
                                snapshot.budget.bands.band_of(value).name
                            )
                        })
                        .unwrap_or_default(),
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
                }
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
            owner: String::new(),
            category: String::new(),
            residual_probability: String::new(),
            residual_materiality: String::new(),
            residual: String::new(),
        },
        handlings: [Handling::Accept, Handling::Action, Handling::Control]
            .iter()
            .map(|handling| (handling.key(), handling.swedish()))
            .collect(),
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditRisks),
        categories: {
            let mut categories: Vec<String> = snapshot
                .budget
                .risks
                .iter()
                .map(|risk| risk.category.clone())
                .filter(|category| !category.is_empty())
                .collect();
            categories.sort();
            categories.dedup();
            categories
        },
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
    let stored = existing.and_then(|id| snapshot.budget.risk(id));
    let stated = stored.and_then(|risk| risk.stated_value);
    let present = |field: &str| values.get(field).map(String::as_str);
    let risk = match records::risk(&records::RiskInput {
        owner: present("owner"),
        category: present("category"),
        residual_probability: present("residual_probability"),
        residual_materiality: present("residual_materiality"),
        existing: stored,
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

/// Asks whether the risk should be removed, naming its value and handling.
pub async fn confirm_remove(
    state: Acting,
    PagePath((id, risk)): PagePath<(i64, Key)>,
) -> PageResult {
    let risk = risk.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let Some(found) = snapshot.budget.risk(&risk) else {
        return Err(PageError::not_found());
    };
    let mut details = vec![format!(
        "Riskvärde {} ({} × {}), hantering: {}.",
        found.value().value(),
        found.probability.value(),
        found.materiality.value(),
        found.handling.swedish()
    )];
    if let Some(control) = snapshot
        .budget
        .controls
        .iter()
        .find(|control| control.risk == risk)
    {
        details.push(format!(
            "Risken följs upp av kontrollaktiviteten ”{}” och kan inte tas bort förrän den är borttagen.",
            control.id
        ));
    }
    super::confirm::removal(
        &state,
        &snapshot,
        super::confirm::Removal {
            page: "risker",
            what: format!("risken ”{}”", found.name),
            details,
            action: format!("/budget/{id}/risker/{risk}/ta-bort"),
            back: format!("/budget/{id}/risker#risk-{risk}"),
            permission: Action::EditRisks,
        },
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
