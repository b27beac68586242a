//! The delårsrapport's investments: the year's figures per category and project of the plan,
//! each project's whole budget and outcome, the forecasts' comments and what no project of
//! the plan takes — each amount table also a sheet of the workbook.

use styr_domain::format::tkr;
use styr_domain::money::Amount;
use styr_reports::shown::interim::ShownInterim;

use super::{AmountTable, Laid, amounts, heading, paragraph};
use crate::document::{Block, Span};

pub(super) fn investments(shown: &ShownInterim, out: &mut Laid) {
    let blocks = &mut out.blocks;
    let investments = &shown.investments;
    let columns_of = &shown.columns;
    blocks.push(heading(1, "Investeringar"));
    blocks.push(paragraph(&investments.sentence));
    if investments.rows.len() <= 1 {
        return;
    }
    let year = &columns_of.year;
    let labels = if columns_of.closed {
        vec![
            format!("Budget {year}"),
            format!("Utfall {year}"),
            format!("Avvikelse {year}"),
        ]
    } else {
        let period = &columns_of.period;
        vec![
            format!("Budget {year}"),
            format!("Utfall {period} {year}"),
            format!("Prognos {year}"),
            format!("Avvikelse prognos {year}"),
        ]
    };
    let rows: Vec<(String, bool, Vec<Amount>)> = investments
        .rows
        .iter()
        .map(|row| {
            let values = if columns_of.closed {
                vec![row.year_budget, row.actual, row.deviation]
            } else {
                vec![row.year_budget, row.actual, row.forecast, row.deviation]
            };
            (row.label.clone(), row.sum, values)
        })
        .collect();
    amounts(
        out,
        "Investeringar",
        &AmountTable {
            heading: "Investeringar",
            first: "Belopp i tkr",
            labels: &labels,
            rows: &rows,
        },
    );
    let title = "Projektens hela budget och utfall";
    out.blocks.push(heading(2, title));
    let rows: Vec<(String, bool, Vec<Amount>)> = investments
        .rows
        .iter()
        .filter(|row| !row.sum)
        .map(|row| {
            (
                row.label.clone(),
                false,
                vec![row.total_budget, row.total_actual],
            )
        })
        .collect();
    amounts(
        out,
        "Projektens hela budget",
        &AmountTable {
            heading: title,
            first: "Projekt, tkr",
            labels: &[
                format!("Budget i planen {}", investments.plan_years),
                "Utfall hittills, alla år".to_string(),
            ],
            rows: &rows,
        },
    );
    let blocks = &mut out.blocks;
    let comments: Vec<Vec<Span>> = investments
        .rows
        .iter()
        .filter(|row| !row.comment.is_empty())
        .map(|row| {
            vec![
                Span::bold(format!("{}: ", row.label)),
                Span::plain(&row.comment),
            ]
        })
        .collect();
    if !comments.is_empty() {
        blocks.push(Block::Bullets(comments));
    }
    if !investments.unplaced.is_empty() {
        blocks.push(paragraph(
            "Investeringsutgifter som inget projekt i investeringsplanen tar, per projekt i bokföringen:",
        ));
        blocks.push(Block::Bullets(
            investments
                .unplaced
                .iter()
                .map(|(code, name, amount)| {
                    let label = match (code.is_empty(), name.is_empty()) {
                        (true, _) => "utan projekt".to_string(),
                        (false, true) => code.clone(),
                        (false, false) => format!("{code} {name}"),
                    };
                    vec![Span::plain(format!("{label}: {} tkr", tkr(*amount)))]
                })
                .collect(),
        ));
    }
}
