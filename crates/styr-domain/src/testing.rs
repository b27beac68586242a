//! A small budget for the domain's own tests: a board ("Nämnden") with unit a, unit b within
//! a, and a separately reported unit apart; one amount per line in 2025.

use crate::budget::{Budget, BudgetYears, Municipality};
use crate::calendar::Year;
use crate::document::DocumentMetadata;
use crate::frame::IndexTable;
use crate::investment::InvestmentPlan;
use crate::money::Amount;
use crate::operating::{LineKind, UnitLines};
use crate::organisation::{Organisation, OrganisationUnit, UnitId, UnitKind};
use crate::risk::{Bands, Scales};

pub(crate) fn year(number: i64) -> Year {
    Year::new(number).expect("test years are in range")
}

pub(crate) fn unit(id: &str, parent: Option<&str>, separately_reported: bool) -> OrganisationUnit {
    OrganisationUnit {
        id: UnitId(id.into()),
        name: if id == "board" {
            "Nämnden".into()
        } else {
            id.into()
        },
        kind: UnitKind::Unit,
        parent: parent.map(|parent| UnitId(parent.into())),
        valid_from: None,
        valid_to: None,
        predecessor: None,
        separately_reported,
        description: String::new(),
    }
}

/// A board with three units, the last reported separately, each with one amount per line.
pub(crate) fn budget(amounts: &[[i64; 5]; 3]) -> Budget {
    let organisation = Organisation::new(vec![
        unit("board", None, false),
        unit("a", Some("board"), false),
        unit("b", Some("a"), false),
        unit("apart", Some("board"), true),
    ])
    .expect("a valid tree");
    let lines = ["a", "b", "apart"]
        .iter()
        .zip(amounts)
        .map(|(id, amounts)| UnitLines {
            unit: UnitId((*id).into()),
            lines: LineKind::ALL
                .iter()
                .zip(amounts)
                .map(|(kind, tkr)| {
                    (
                        *kind,
                        [(year(2025), Amount::from_tkr(*tkr))].into_iter().collect(),
                    )
                })
                .collect(),
            financial_net: Default::default(),
            explanations: Vec::new(),
        })
        .collect();
    Budget {
        municipality: Municipality {
            name: "Provkommun".into(),
            code: String::new(),
        },
        document: DocumentMetadata::default(),
        board: UnitId("board".into()),
        years: BudgetYears {
            previous: year(2024),
            budget: year(2025),
            plan: vec![year(2026)],
        },
        organisation,
        sections: Vec::new(),
        goals: Vec::new(),
        efficiency: Vec::new(),
        index: IndexTable::default(),
        frames: Vec::new(),
        lines,
        operating_tables: Vec::new(),
        investment: InvestmentPlan::default(),
        scales: Scales::default(),
        bands: Bands::standard(),
        risks: Vec::new(),
        controls: Vec::new(),
        statements: Vec::new(),
        profile: None,
    }
}
