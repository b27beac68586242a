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
use styr_reports::shown::followup::ShownRow;
use styr_reports::shown::interim::{Columns, ShownInterim, ShownInterimTable};

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

fn columns(first: &str, labels: &[String]) -> Vec<Column> {
    let mut columns = vec![Column {
        label: first.to_string(),
        numeric: false,
        weight: 28,
    }];
    columns.extend(labels.iter().map(|label| Column {
        label: label.clone(),
        numeric: true,
        weight: 12,
    }));
    columns
}

fn figures(row: &ShownRow, columns: &Columns) -> Vec<Amount> {
    if columns.closed {
        vec![row.year_budget, row.actual, row.deviation]
    } else {
        vec![
            row.year_budget,
            row.budget,
            row.actual,
            row.deviation,
            row.forecast,
            row.forecast_deviation,
        ]
    }
}

fn amount_row(label: &str, emphasised: bool, values: &[Amount]) -> Row {
    let mut cells = vec![Cell::new(label)];
    cells.extend(values.iter().map(|value| Cell::new(tkr(*value))));
    Row { cells, emphasised }
}

fn operating(table: &ShownInterimTable, columns: &Columns) -> Table {
    Table {
        columns: self::columns("Belopp i tkr", &columns.headings()),
        rows: table
            .rows
            .iter()
            .map(|(label, emphasised, row)| amount_row(label, *emphasised, &figures(row, columns)))
            .collect(),
    }
}

fn economy(shown: &ShownInterim, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "Ekonomiskt utfall och prognos"));
    for table in &shown.tables {
        blocks.push(heading(2, &table.heading));
        if !table.sentences.is_empty() {
            blocks.push(paragraph(&table.sentences.join(" ")));
        }
        blocks.push(Block::Table(operating(table, &shown.columns)));
    }
    if !shown.ansvar.is_empty() {
        blocks.push(heading(2, "Verksamhetens nettokostnader per ansvar"));
        blocks.push(paragraph(
            "Varje förvaltning och avdelning med sina enheter; ansvaren under en enhet ingår i dess belopp. Ett ansvar utan egen budget visar bara sitt utfall (–).",
        ));
        let labels = if shown.columns.closed {
            shown.columns.headings()
        } else {
            let all = shown.columns.headings();
            vec![
                all[0].clone(),
                all[2].clone(),
                all[4].clone(),
                all[5].clone(),
            ]
        };
        blocks.push(Block::Table(Table {
            columns: columns("Ansvar, tkr", &labels),
            rows: shown
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
                    let label =
                        format!("{}{}", "– ".repeat(usize::from(unit.depth - 1)), unit.name);
                    amount_row(&label, false, &values)
                })
                .collect(),
        }));
    }
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

fn investments(shown: &ShownInterim, blocks: &mut Vec<Block>) {
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
    blocks.push(Block::Table(Table {
        columns: columns("Belopp i tkr", &labels),
        rows: investments
            .rows
            .iter()
            .map(|row| {
                let values = if columns_of.closed {
                    vec![row.year_budget, row.actual, row.deviation]
                } else {
                    vec![row.year_budget, row.actual, row.forecast, row.deviation]
                };
                amount_row(&row.label, row.sum, &values)
            })
            .collect(),
    }));
    blocks.push(heading(2, "Projektens hela budget och utfall"));
    blocks.push(Block::Table(Table {
        columns: columns(
            "Projekt, tkr",
            &[
                format!("Budget i planen {}", investments.plan_years),
                "Utfall hittills, alla år".to_string(),
            ],
        ),
        rows: investments
            .rows
            .iter()
            .filter(|row| !row.sum)
            .map(|row| amount_row(&row.label, false, &[row.total_budget, row.total_actual]))
            .collect(),
    }));
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

/// The report as a document: the blocks every format renders, and no sheets.
pub fn interim_document(shown: &ShownInterim) -> Document {
    let mut blocks = vec![Block::Contents, heading(1, "Inledning")];
    blocks.push(paragraph(&shown.introduction.join(" ")));
    written(shown, ReportPart::Events, &mut blocks);
    economy(shown, &mut blocks);
    deviations(shown, &mut blocks);
    investments(shown, &mut blocks);
    registers(shown, &mut blocks);
    written(shown, ReportPart::Outlook, &mut blocks);
    Document {
        title: shown.title.clone(),
        metadata: shown.metadata.clone(),
        blocks,
        sheets: Vec::new(),
        municipality: shown.municipality.clone(),
        profile: shown.profile.clone().unwrap_or_default(),
        // A follow-up report is not a version of the budget: it is never a draft of one.
        marking: None,
    }
}
