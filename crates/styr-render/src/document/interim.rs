//! The delårsrapport and the verksamhetsberättelse as blocks, the same blocks as the budget
//! document, so every format (PDF, Word, HTML, Markdown) renders them through
//! `styr_output::render`. Every figure and sentence is `styr_reports::shown::interim`'s; what
//! people wrote (the events, the outlook, each deviation's explanation) is their Markdown.
//!
//! ```text
//! [Contents] [Heading "Inledning"] [Paragraph: version, booked months, signs]
//! [Heading "Viktiga händelser"] … [Heading "Ekonomiskt utfall och prognos"]
//! [Heading "Driftredovisning, …"] [Paragraph sentences] [Table] … [Heading "Avvikelser …"]
//! [Heading "Investeringar"] [Heading "Mål och nyckeltal"] [Heading "Intern kontroll"] …
//! ```

use styr_domain::followup::ReportPart;
use styr_domain::format::tkr;
use styr_domain::money::Amount;
use styr_reports::shown::interim::{Columns, ShownInterim, ShownInterimTable};

use crate::xlsx::Sheet;
use crate::xlsx::interim::AmountTable;

mod investments;

use super::prose::prose;
use super::{Block, Cell, Column, Document, Row, Span, Table};

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

/// A label column and one figure column per heading: the amount tables' columns.
pub(super) fn columns(first: &str, labels: &[String]) -> Vec<Column> {
    let mut columns = vec![Column {
        label: first.to_string(),
        numeric: false,
        weight: 34,
    }];
    columns.extend(labels.iter().map(|label| Column {
        label: label.clone(),
        numeric: true,
        weight: 11,
    }));
    columns
}

fn amount_row(label: &str, emphasised: bool, values: &[Amount]) -> Row {
    let mut cells = vec![Cell::new(label)];
    cells.extend(values.iter().map(|value| Cell::new(tkr(*value))));
    Row { cells, emphasised }
}

/// The document as it is laid out: its blocks, and a sheet for each amount table.
struct Laid {
    blocks: Vec<Block>,
    sheets: Vec<Sheet>,
}

/// An amount table both ways: a block of the document and a sheet of its workbook, from the
/// same rows, so the two cannot differ.
fn amounts(out: &mut Laid, sheet: &str, table: &AmountTable<'_>) {
    out.blocks.push(Block::Table(Table {
        columns: columns(table.first, table.labels),
        rows: table
            .rows
            .iter()
            .map(|(label, sum, values)| amount_row(label, *sum, values))
            .collect(),
    }));
    let made = crate::xlsx::interim::sheet(sheet, table, &out.sheets);
    out.sheets.push(made);
}

fn operating(table: &ShownInterimTable, columns: &Columns, out: &mut Laid) {
    let rows: Vec<(String, bool, Vec<Amount>)> = table
        .rows
        .iter()
        .map(|(label, sum, row)| (label.to_string(), *sum, columns.values(row)))
        .collect();
    let name = table.heading.trim_start_matches("Driftredovisning, ");
    amounts(
        out,
        &format!("Drift {name}"),
        &AmountTable {
            heading: &table.heading,
            first: "Belopp i tkr",
            labels: &columns.headings(),
            rows: &rows,
        },
    );
}

fn economy(shown: &ShownInterim, out: &mut Laid) {
    out.blocks.push(heading(1, "Ekonomiskt utfall och prognos"));
    for table in &shown.tables {
        out.blocks.push(heading(2, &table.heading));
        if !table.sentences.is_empty() {
            out.blocks.push(paragraph(&table.sentences.join(" ")));
        }
        operating(table, &shown.columns, out);
    }
    if shown.ansvar.is_empty() {
        return;
    }
    let title = "Verksamhetens nettokostnader per ansvar";
    out.blocks.push(heading(2, title));
    out.blocks.push(paragraph(
        "Varje förvaltning och avdelning med sina enheter; ansvaren under en enhet ingår i dess belopp. Ett ansvar utan egen budget visar bara sitt utfall (–).",
    ));
    let all = shown.columns.headings();
    let labels = if shown.columns.closed {
        all
    } else {
        vec![
            all[0].clone(),
            all[2].clone(),
            all[4].clone(),
            all[5].clone(),
        ]
    };
    let rows: Vec<(String, bool, Vec<Amount>)> = shown
        .ansvar
        .iter()
        .map(|unit| {
            let row = &unit.net_cost;
            let values = if shown.columns.closed {
                vec![row.year_budget, row.actual, row.deviation]
            } else {
                vec![
                    row.year_budget,
                    row.actual,
                    row.forecast,
                    row.forecast_deviation,
                ]
            };
            let label = format!("{}{}", "– ".repeat(usize::from(unit.depth - 1)), unit.name);
            (label, false, values)
        })
        .collect();
    amounts(
        out,
        "Per ansvar",
        &AmountTable {
            heading: title,
            first: "Ansvar, tkr",
            labels: &labels,
            rows: &rows,
        },
    );
}

fn deviations(shown: &ShownInterim, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "Avvikelser och förklaringar"));
    blocks.push(paragraph(
        "Varje avvikelse om minst 1 procent av radens budget och minst 100 tkr, med den ansvariges förklaring.",
    ));
    if shown.deviations.is_empty() {
        blocks.push(paragraph("Ingen rad avviker så mycket."));
    }
    for deviation in &shown.deviations {
        blocks.push(heading(
            2,
            &format!("{}, {}", deviation.unit, deviation.row),
        ));
        blocks.push(paragraph(&deviation.sentence));
        match &deviation.explanation {
            Some(text) => blocks.extend(prose(text)),
            None => blocks.push(Block::Paragraph(vec![Span::italic(
                "Ingen förklaring är skriven.",
            )])),
        }
    }
}

fn registers(shown: &ShownInterim, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "Mål och nyckeltal"));
    blocks.push(paragraph(&shown.goals_note));
    for goal in &shown.goals {
        blocks.push(heading(2, &goal.title));
        let mut spans = vec![Span::italic(format!("{}.", capitalised(goal.kind)))];
        if !goal.statement.is_empty() {
            spans.push(Span::plain(format!(" {}", goal.statement)));
        }
        blocks.push(Block::Paragraph(spans));
        if !goal.kpis.is_empty() {
            blocks.push(Block::Bullets(
                goal.kpis
                    .iter()
                    .map(|kpi| vec![Span::plain(format!("Nyckeltal: {kpi}"))])
                    .collect(),
            ));
        }
    }
    blocks.push(heading(1, "Intern kontroll"));
    if shown.controls.is_empty() {
        blocks.push(paragraph("Internkontrollplanen har inga kontroller."));
        return;
    }
    let text_column = |label: &str, weight: u16| Column {
        label: label.to_string(),
        numeric: false,
        weight,
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            text_column("Kontroll", 24),
            text_column("Ansvarig", 14),
            text_column("Utförd", 10),
            text_column("Stickprov", 18),
            text_column("Avvikelser", 18),
            text_column("Åtgärder", 16),
        ],
        rows: shown
            .controls
            .iter()
            .map(|control| Row {
                cells: [
                    control.risk.as_str(),
                    control.responsible.as_str(),
                    control.performed.as_deref().unwrap_or("–"),
                    control.sample.as_str(),
                    control.deviations.as_str(),
                    control.actions.as_str(),
                ]
                .into_iter()
                .map(Cell::new)
                .collect(),
                emphasised: false,
            })
            .collect(),
    }));
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

fn written(shown: &ShownInterim, part: ReportPart, blocks: &mut Vec<Block>) {
    let text = shown.texts.part(part);
    if !text.trim().is_empty() {
        blocks.push(heading(1, part.heading()));
        blocks.extend(prose(text));
    }
}

/// The report as a document: the blocks every format renders, and its tables as sheets.
pub fn interim_document(shown: &ShownInterim) -> Document {
    let mut out = Laid {
        blocks: vec![Block::Contents, heading(1, "Inledning")],
        sheets: Vec::new(),
    };
    out.blocks.push(paragraph(&shown.introduction.join(" ")));
    written(shown, ReportPart::Events, &mut out.blocks);
    economy(shown, &mut out);
    deviations(shown, &mut out.blocks);
    investments::investments(shown, &mut out);
    registers(shown, &mut out.blocks);
    written(shown, ReportPart::Outlook, &mut out.blocks);
    Document {
        title: shown.title.clone(),
        metadata: shown.metadata.clone(),
        blocks: out.blocks,
        sheets: out.sheets,
        municipality: shown.municipality.clone(),
        profile: shown.profile.clone().unwrap_or_default(),
        // A follow-up report is not a version of the budget: it is never a draft of one.
        marking: None,
    }
}
