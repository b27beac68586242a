//! Converting the risk and materiality analysis and the internal control plan.

use styr_domain::internal_control::{ControlActivity, ControlResult};
use styr_domain::risk::{Band, Bands, Grade, Handling, Risk, ScaleStep, Scales};
use toml::Spanned;

use super::raw::{RawBand, RawControl, RawControlResult, RawRisk, RawScaleStep, RawScales};
use super::reader::Reader;

const HANDLINGS: [&str; 3] = ["accept", "action", "control"];

fn grade(reader: &mut Reader, value: &Spanned<i64>) -> Option<Grade> {
    Grade::new(*value.get_ref())
        .map_err(|error| reader.issue(value.span(), error.to_string()))
        .ok()
}

fn scale(reader: &mut Reader, raw_steps: &[RawScaleStep], name: &str) -> Vec<ScaleStep> {
    let mut steps: Vec<ScaleStep> = Vec::new();
    for raw in raw_steps {
        let Some(grade) = grade(reader, &raw.grade) else {
            continue;
        };
        if steps.iter().any(|step| step.grade == grade) {
            reader.issue(
                raw.grade.span(),
                format!("skalan för {name} definierar {} två gånger", grade.value()),
            );
            continue;
        }
        steps.push(ScaleStep {
            grade,
            name: raw.name.clone(),
            description: raw.description.clone(),
        });
    }
    steps.sort_by_key(|step| step.grade);
    steps
}

pub fn scales(reader: &mut Reader, raw: &RawScales) -> Scales {
    Scales {
        probability: scale(reader, &raw.probability, "sannolikhet"),
        materiality: scale(reader, &raw.materiality, "väsentlighet"),
    }
}

pub fn bands(reader: &mut Reader, raw_bands: &[RawBand]) -> Bands {
    if raw_bands.is_empty() {
        return Bands::standard();
    }
    let mut bands = Vec::new();
    for raw in raw_bands {
        let handling = reader.choice(&raw.handling, "hantering", &HANDLINGS, Handling::from_key);
        let bound = |reader: &mut Reader, value: &Spanned<i64>| {
            u8::try_from(*value.get_ref())
                .ok()
                .filter(|bound| (1..=16).contains(bound))
                .or_else(|| {
                    reader.issue(
                        value.span(),
                        format!("{} är inget riskvärde 1–16", value.get_ref()),
                    );
                    None
                })
        };
        let (from, to) = (bound(reader, &raw.from), bound(reader, &raw.to));
        if let (Some(from), Some(to), Some(suggested_handling)) = (from, to, handling) {
            bands.push(Band {
                name: raw.name.clone(),
                from,
                to,
                colour: raw.colour.clone(),
                suggested_handling,
            });
        }
    }
    match Bands::new(bands) {
        Ok(bands) => bands,
        Err(error) => {
            let span = raw_bands
                .first()
                .map(|band| band.from.span())
                .unwrap_or(0..0);
            reader.issue(
                span,
                format!("färgbanden måste täcka riskvärdena 1–16 precis en gång: {error}"),
            );
            Bands::standard()
        }
    }
}

pub fn risks(reader: &mut Reader, raw_risks: &[RawRisk]) -> Vec<Risk> {
    let mut risks: Vec<Risk> = Vec::new();
    for raw in raw_risks {
        if risks.iter().any(|risk| &risk.id == raw.id.get_ref()) {
            reader.issue(
                raw.id.span(),
                format!("risken ”{}” finns redan", raw.id.get_ref()),
            );
            continue;
        }
        let probability = grade(reader, &raw.probability);
        let materiality = grade(reader, &raw.materiality);
        let handling = reader.choice(&raw.handling, "hantering", &HANDLINGS, Handling::from_key);
        let stated_value = raw
            .value
            .as_ref()
            .and_then(|value| risk_value(reader, value));
        let residual = super::details::residual(reader, raw);
        if let (Some(probability), Some(materiality), Some(handling)) =
            (probability, materiality, handling)
        {
            risks.push(Risk {
                id: raw.id.get_ref().clone(),
                name: raw.name.clone(),
                description: raw.description.clone(),
                probability,
                materiality,
                stated_value,
                handling,
                handling_text: raw.handling_text.clone(),
                owner: raw.owner.clone(),
                category: raw.category.clone(),
                residual,
            });
        }
    }
    risks
}

fn risk_value(reader: &mut Reader, value: &Spanned<i64>) -> Option<u8> {
    u8::try_from(*value.get_ref())
        .ok()
        .filter(|value| (1..=16).contains(value))
        .or_else(|| {
            reader.issue(
                value.span(),
                format!("{} är inget riskvärde 1–16", value.get_ref()),
            );
            None
        })
}

pub fn controls(
    reader: &mut Reader,
    raw_controls: &[RawControl],
    risks: &[Risk],
) -> Vec<ControlActivity> {
    let mut controls: Vec<ControlActivity> = Vec::new();
    for raw in raw_controls {
        if risks.iter().all(|risk| &risk.id != raw.risk.get_ref()) {
            reader.issue(
                raw.risk.span(),
                format!("risken ”{}” finns inte i riskanalysen", raw.risk.get_ref()),
            );
            continue;
        }
        let id = raw.id.as_ref().unwrap_or(&raw.risk);
        if controls.iter().any(|control| &control.id == id.get_ref()) {
            reader.issue(
                id.span(),
                format!(
                    "kontrollaktiviteten ”{}” finns redan; ge den ett eget id = \"…\"",
                    id.get_ref()
                ),
            );
            continue;
        }
        let stated_value = raw
            .value
            .as_ref()
            .and_then(|value| risk_value(reader, value));
        let results = raw
            .result
            .iter()
            .filter_map(|result| control_result(reader, result))
            .collect();
        let (schedule, status, conclusion) = super::details::control_details(reader, raw);
        controls.push(ControlActivity {
            id: id.get_ref().clone(),
            risk: raw.risk.get_ref().clone(),
            stated_risk_name: raw.risk_name.clone(),
            stated_value,
            description: raw.description.clone(),
            method: raw.method.clone(),
            responsible: raw.responsible.clone(),
            results,
            schedule,
            status,
            conclusion,
        });
    }
    controls
}

fn control_result(reader: &mut Reader, raw: &RawControlResult) -> Option<ControlResult> {
    let performed_on = reader.date(&raw.performed_on);
    let deviations_found = match &raw.deviations_found {
        None => Some(0),
        Some(count) => u32::try_from(*count.get_ref())
            .map_err(|_| {
                reader.issue(
                    count.span(),
                    "antalet avvikelser är ett heltal från 0 och uppåt",
                )
            })
            .ok(),
    };
    Some(ControlResult {
        performed_on: performed_on?,
        sample: raw.sample.clone(),
        deviations_found: deviations_found?,
        deviations: raw.deviations.clone(),
        actions: raw.actions.clone(),
    })
}
