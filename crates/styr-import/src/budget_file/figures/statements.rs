//! Statements of figures in prose (`[[statement]]`): a sentence's figure, what it refers to,
//! and what it claims about it (see `claims`).

use styr_domain::investment::{InvestmentCategory, InvestmentPlan, InvestmentRow};
use styr_domain::operating::OperatingRow;
use styr_domain::statement::{Figure, Statement};
use toml::Spanned;

use super::claims::claim;
use super::investment::CATEGORY_KEYS;
use super::operating::ROW_KEYS;
use crate::budget_file::raw::RawStatement;
use crate::budget_file::reader::Reader;

pub fn statements(
    reader: &mut Reader,
    raw_statements: &[RawStatement],
    plan: &InvestmentPlan,
) -> Vec<Statement> {
    raw_statements
        .iter()
        .filter_map(|raw| {
            let figure = figure(reader, &raw.figure, plan);
            let claim = claim(reader, raw);
            Some(Statement {
                section: raw.section.clone(),
                text: raw.text.clone(),
                figure: figure?,
                claim: claim?,
                superseded: raw.superseded,
            })
        })
        .collect()
}

/// `operating:UNIT:ROW`, `frame:UNIT`, `investment:total`, `investment:CATEGORY` or
/// `investment:project:NAME`.
pub(super) fn figure(
    reader: &mut Reader,
    value: &Spanned<String>,
    plan: &InvestmentPlan,
) -> Option<Figure> {
    let text = value.get_ref();
    let parts: Vec<&str> = text.splitn(3, ':').collect();
    let at = |part: &str| Spanned::new(value.span(), part.to_string());
    match parts.as_slice() {
        ["operating", unit, row] => {
            let unit = reader.unit(&at(unit));
            let row = reader.choice(&at(row), "tabellrad", &ROW_KEYS, OperatingRow::from_key);
            Some(Figure::Operating {
                unit: unit?,
                row: row?,
            })
        }
        ["frame", unit] => Some(Figure::Frame {
            unit: reader.unit(&at(unit))?,
        }),
        ["investment", "total"] => Some(Figure::Investment {
            row: InvestmentRow::Total,
        }),
        ["investment", "project", name] => {
            if plan.projects.iter().all(|project| project.name != *name) {
                reader.issue(
                    value.span(),
                    format!("investeringsplanen har inget projekt ”{name}”"),
                );
                return None;
            }
            Some(Figure::Investment {
                row: InvestmentRow::Project((*name).to_string()),
            })
        }
        ["investment", category] => {
            let category = reader.choice(
                &at(category),
                "investeringskategori",
                &CATEGORY_KEYS,
                InvestmentCategory::from_key,
            );
            Some(Figure::Investment {
                row: InvestmentRow::Category(category?),
            })
        }
        _ => {
            reader.issue(
                value.span(),
                format!("”{text}” pekar inte ut någon siffra; skriv operating:ENHET:RAD, frame:ENHET, investment:total, investment:KATEGORI eller investment:project:NAMN"),
            );
            None
        }
    }
}
