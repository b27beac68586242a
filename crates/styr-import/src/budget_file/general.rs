//! Converting the budget file's descriptive parts: document metadata, organisation, text
//! sections and the efficiency register.

use styr_domain::document::{DocumentMetadata, Section};
use styr_domain::efficiency::EfficiencyInvestigation;
use styr_domain::organisation::{
    Organisation, OrganisationError, OrganisationUnit, UnitId, UnitKind,
};

use super::raw::{RawDocument, RawEfficiency, RawSection, RawUnit};
use super::reader::Reader;

pub fn document(reader: &mut Reader, raw: &RawDocument) -> DocumentMetadata {
    DocumentMetadata {
        title: raw.title.clone(),
        kind: raw.kind.clone(),
        decided_by: raw.decided_by.clone(),
        decision_date: reader.optional_date(raw.decision_date.as_ref()),
        registry_number: raw.registry_number.clone(),
        applies_to: raw.applies_to.clone(),
        validity: raw.validity.clone(),
        valid_until: reader.optional_date(raw.valid_until.as_ref()),
        revise_by: reader.optional_date(raw.revise_by.as_ref()),
        owner: raw.owner.clone(),
    }
}

const UNIT_KINDS: [&str; 5] = ["kommun", "nämnd", "förvaltning", "avdelning", "enhet"];

pub fn organisation(reader: &mut Reader, raw_units: &[RawUnit]) -> Organisation {
    for raw in raw_units {
        if !reader.unit_ids.insert(raw.id.get_ref().clone()) {
            reader.issue(
                raw.id.span(),
                format!("enheten ”{}” finns redan", raw.id.get_ref()),
            );
        }
    }
    let mut units = Vec::new();
    for raw in raw_units {
        let kind = reader.choice(&raw.kind, "enhetstyp", &UNIT_KINDS, UnitKind::from_swedish);
        let parent = raw.parent.as_ref().and_then(|parent| reader.unit(parent));
        let predecessor = raw
            .predecessor
            .as_ref()
            .and_then(|predecessor| reader.unit(predecessor));
        let valid_from = reader.optional_date(raw.valid_from.as_ref());
        let valid_to = reader.optional_date(raw.valid_to.as_ref());
        if let (Some(from), Some(to), Some(span)) = (
            valid_from,
            valid_to,
            raw.valid_to.as_ref().map(|to| to.span()),
        ) && to < from
        {
            reader.issue(span, format!("enheten slutar {to} innan den börjar {from}"));
        }
        units.push(OrganisationUnit {
            id: UnitId(raw.id.get_ref().clone()),
            name: raw.name.clone(),
            kind: kind.unwrap_or(UnitKind::Unit),
            parent,
            valid_from,
            valid_to,
            predecessor,
            separately_reported: raw.separately_reported,
            description: raw.description.clone(),
        });
    }
    match Organisation::new(units) {
        Ok(organisation) => organisation,
        Err(error) => {
            // Duplicates, unknown links and reversed dates are reported above with their place;
            // what remains is a cycle, reported at the unit that lies under itself.
            if reader.issues.is_empty() {
                let culprit = match &error {
                    OrganisationError::Cycle(id) => Some(id.as_str()),
                    _ => None,
                };
                let span = raw_units
                    .iter()
                    .find(|unit| Some(unit.id.get_ref().as_str()) == culprit)
                    .or(raw_units.first())
                    .map(|unit| unit.id.span())
                    .unwrap_or(0..0);
                reader.issue(span, format!("organisationen är inget träd: {error}"));
            }
            Organisation::default()
        }
    }
}

pub fn sections(reader: &mut Reader, raw_sections: &[RawSection]) -> Vec<Section> {
    raw_sections
        .iter()
        .map(|raw| {
            let level = *raw.level.get_ref();
            if !(1..=4).contains(&level) {
                reader.issue(
                    raw.level.span(),
                    format!("rubriknivån {level} finns inte; använd 1–4"),
                );
            }
            Section {
                heading: raw.heading.clone(),
                level: level.clamp(1, 4) as u8,
                text: raw.text.clone(),
                shows: raw.shows.as_ref().map(|shows| shows.get_ref().clone()),
            }
        })
        .collect()
}

pub fn efficiency(raw_rows: &[RawEfficiency]) -> Vec<EfficiencyInvestigation> {
    raw_rows
        .iter()
        .map(|raw| EfficiencyInvestigation {
            proposed_by: raw.proposed_by.clone(),
            investigation: raw.investigation.clone(),
            handling: raw.handling.clone(),
            coordinators: raw.coordinators.clone(),
            prioritised: raw.prioritised,
        })
        .collect()
}
