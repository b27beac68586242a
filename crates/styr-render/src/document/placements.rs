//! What a section places after its text (`shows`): a table, a register or a goal, with the
//! sentences generated from their figures. The sentences come first in a paragraph; the
//! explanation people wrote follows them, so nobody types a figure.

use styr_domain::statement::Direction;
use styr_reports::BudgetReport;
use styr_reports::frame::{FrameReport, FrameStepReport};
use styr_reports::operating::OperatingTableReport;
use styr_reports::sentences;

use super::prose::{inline, prose};
use super::{Block, Cell, Column, Row, Span, Table, tables};
use crate::text::{one_line, plan_sentence, plan_sentence_of};

/// Every placement a budget has, in the reference's order: for a budget without prose.
pub fn every_placement(report: &BudgetReport) -> Vec<String> {
    let mut all = vec!["organisation".to_string()];
    all.extend(report.goals.iter().map(|goal| format!("goal:{}", goal.id)));
    all.push("efficiency".into());
    all.push("political_directions".into());
    all.extend(
        report
            .operating
            .iter()
            .map(|table| format!("operating:{}", table.unit)),
    );
    all.extend(["investment", "control_plan", "risk_analysis"].map(String::from));
    all
}

/// A heading for a placement that no section names.
pub fn heading(report: &BudgetReport, shows: &str) -> String {
    match shows.split_once(':') {
        Some(("goal", id)) => report
            .goals
            .iter()
            .find(|goal| goal.id == id)
            .map_or_else(|| id.to_string(), |goal| goal.title.clone()),
        Some(("operating", unit)) => operating_table(report, unit)
            .map_or_else(|| unit.to_string(), |table| table.heading.clone()),
        _ => match shows {
            "organisation" => format!("Organisation {}", report.organisation.on.year()),
            "efficiency" => "Effektiviseringsåtgärder och utredningar".into(),
            "political_directions" => "Politiska inriktningar".into(),
            "investment" => report.investment.heading.clone(),
            "control_plan" => "Internkontrollplan".into(),
            "risk_analysis" => "Risk- och väsentlighetsanalys".into(),
            other => other.to_string(),
        },
    }
}

/// The blocks a placement stands for; an unknown placement places nothing (the budget file's
/// reader already named it).
pub fn place(report: &BudgetReport, shows: &str) -> Vec<Block> {
    match shows.split_once(':') {
        Some(("goal", id)) => goal(report, id),
        Some(("operating", unit)) => operating_table(report, unit)
            .map(|table| operating(report, table))
            .unwrap_or_default(),
        _ => match shows {
            "organisation" => organisation(report),
            "efficiency" => vec![Block::Table(efficiency(report))],
            "political_directions" => political_directions(report),
            "investment" => investment(report),
            "control_plan" => vec![Block::Table(tables::control_plan(&report.control_plan))],
            "risk_analysis" => risk_analysis(report),
            _ => Vec::new(),
        },
    }
}

/// A placement split around the section's own text: a budget table stands first, as in the
/// reference, and the sentences about its figures follow the table (the investment plan) or the
/// text (an operating table, whose text introduces the unit before its frame is derived).
pub fn place_around_text(report: &BudgetReport, shows: &str) -> (Vec<Block>, Vec<Block>) {
    let mut blocks = place(report, shows);
    match shows.split_once(':') {
        Some(("operating", _)) if !blocks.is_empty() => {
            let rest = blocks.split_off(1);
            (blocks, rest)
        }
        _ if shows == "investment" => (blocks, Vec::new()),
        _ => (Vec::new(), blocks),
    }
}

fn operating_table<'a>(report: &'a BudgetReport, unit: &str) -> Option<&'a OperatingTableReport> {
    report
        .operating
        .iter()
        .find(|table| table.unit.as_str() == unit)
}

fn organisation(report: &BudgetReport) -> Vec<Block> {
    let mut blocks = vec![Block::Outline(
        report
            .organisation
            .tree
            .iter()
            .map(|node| {
                let marker = if node.separately_reported {
                    " (särredovisas)"
                } else {
                    ""
                };
                (
                    node.depth as u8,
                    vec![Span::plain(format!("{}{marker}", node.name))],
                )
            })
            .collect(),
    )];
    if !report.organisation.moves.is_empty() {
        blocks.push(Block::Bullets(
            report
                .organisation
                .moves
                .iter()
                .map(|moved| {
                    vec![Span::plain(format!(
                        "Från {} flyttas {} från {} till {}.",
                        moved.on, moved.name, moved.from_parent, moved.to_parent
                    ))]
                })
                .collect(),
        ));
    }
    blocks
}

fn goal(report: &BudgetReport, id: &str) -> Vec<Block> {
    let Some(goal) = report
        .goals
        .iter()
        .chain(&report.political_directions)
        .find(|goal| goal.id == id)
    else {
        return Vec::new();
    };
    let mut blocks = Vec::new();
    if !goal.statement.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::italic(goal.statement.trim())]));
    }
    blocks.extend(prose(&goal.text));
    if !goal.kpis.is_empty() {
        blocks.push(Block::Bullets(
            goal.kpis
                .iter()
                .map(|kpi| {
                    vec![
                        Span::plain("Nyckeltal: "),
                        Span::italic(&kpi.name),
                        Span::plain(format!(", {}, {}.", kpi.source, kpi.schedule())),
                    ]
                })
                .collect(),
        ));
    }
    blocks
}

/// The reference's three columns; the board is named once for its consecutive rows.
fn efficiency(report: &BudgetReport) -> Table {
    let column = |label: &str, weight| Column {
        label: label.into(),
        numeric: false,
        weight,
    };
    let mut previous: Option<&str> = None;
    let rows = report
        .efficiency
        .iter()
        .map(|row| {
            let board = if previous == Some(row.proposed_by.as_str()) {
                String::new()
            } else {
                row.proposed_by.clone()
            };
            previous = Some(&row.proposed_by);
            Row {
                cells: vec![
                    Cell::new(board),
                    Cell::new(&row.investigation),
                    Cell::new(one_line(&row.handling)),
                ],
                emphasised: false,
            }
        })
        .collect();
    Table {
        columns: vec![
            column("Förslag från nämnd", 20),
            column("Utredning", 30),
            column("Hantering", 50),
        ],
        rows,
    }
}

fn political_directions(report: &BudgetReport) -> Vec<Block> {
    report
        .political_directions
        .iter()
        .flat_map(|direction| {
            let mut blocks = vec![Block::Paragraph(vec![Span::bold(&direction.title)])];
            let text = one_line(&direction.text);
            if !text.is_empty() {
                blocks.push(Block::Bullets(vec![inline(&text)]));
            }
            blocks
        })
        .collect()
}

/// The table, then the frame's sentences and bullets, then each line's change with its
/// explanation — the reference's order.
fn operating(report: &BudgetReport, table: &OperatingTableReport) -> Vec<Block> {
    let shown = tables::shown_operating(table);
    let mut blocks = vec![Block::Table(tables::operating(table, &shown))];
    if let Some(frame) = report.frames.iter().find(|frame| frame.unit == table.unit) {
        blocks.extend(frame_sentences(report, frame));
    }
    // The sentence states the change between the two years as the table shows them, so the
    // reader's own subtraction agrees with it to the digit.
    let shown_value = |line, year| {
        let row = table
            .rows
            .iter()
            .position(|row| row.row == styr_domain::operating::OperatingRow::Line(line))?;
        let column = table
            .columns
            .iter()
            .position(|column| column.year == year)?;
        Some(shown[row][column])
    };
    for change in &table.changes {
        let mut explanation = prose(&change.explanation);
        let sentence = match (
            shown_value(change.line, change.from),
            shown_value(change.line, change.to),
        ) {
            (Some(from), Some(to)) => match Direction::of_change(from, to) {
                Ok((direction, magnitude)) => {
                    sentences::line_change(change.line, direction, magnitude)
                }
                Err(_) => change.sentence.clone(),
            },
            _ => change.sentence.clone(),
        };
        let sentence = Span::plain(sentence);
        match explanation.first_mut() {
            Some(Block::Paragraph(spans)) => {
                spans.insert(0, Span::plain(" "));
                spans.insert(0, sentence);
            }
            _ => explanation.insert(0, Block::Paragraph(vec![sentence])),
        }
        blocks.extend(explanation);
    }
    blocks
}

/// "År 2025 tilldelas kommunstyrelsen ett kommunbidrag om 118,5 mnkr. Kommunbidraget ökar med
/// 4,2 mnkr jämfört med föregående år." and a bullet for every step of the derivation.
fn frame_sentences(report: &BudgetReport, frame: &FrameReport) -> Vec<Block> {
    let budget_year = report.years.budget;
    let Some(current) = frame.years.iter().find(|year| year.year == budget_year) else {
        return Vec::new();
    };
    let recipient = report
        .organisation
        .tree
        .iter()
        .find(|node| node.id == frame.unit)
        .map_or_else(|| frame.unit.to_string(), |node| lower_first(&node.name));
    let mut sentence = sentences::frame_allocation(&recipient, budget_year, current.kommunbidrag);
    if let Some(previous) = frame
        .years
        .iter()
        .find(|year| year.year == report.years.previous)
    {
        // The report's figures are in range, so their change is too; a sentence is only left
        // out for a change that could not be stated exactly.
        if let Ok(change) = sentences::frame_change(previous.kommunbidrag, current.kommunbidrag) {
            sentence.push(' ');
            sentence.push_str(&change);
        }
    }
    let mut bullets: Vec<Vec<Span>> = current.steps.iter().map(step_bullet).collect();
    for later in frame.years.iter().filter(|year| year.year > budget_year) {
        for step in later.steps.iter().skip(1) {
            bullets.push(vec![Span::plain(format!(
                "År {}: {}",
                later.year,
                lower_first(&step_sentence(step))
            ))]);
        }
    }
    let mut blocks = Vec::new();
    if bullets.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::plain(sentence)]));
    } else {
        sentence.push_str(" Följande ligger bakom beloppet:");
        blocks.push(Block::Paragraph(vec![Span::plain(sentence)]));
        blocks.push(Block::Bullets(bullets));
    }
    blocks
}

fn step_bullet(step: &FrameStepReport) -> Vec<Span> {
    vec![Span::plain(step_sentence(step))]
}

/// "Grundbudget 2024 är 113,3 mnkr." / "Uppräkning med 100 procent av PKV 2024 (0,2 procent)
/// ger 113,5 mnkr."
fn step_sentence(step: &FrameStepReport) -> String {
    let figure = styr_domain::format::with_unit(step.running, step.precision);
    if step.description.starts_with("Grundbudget") {
        format!("{} är {figure}.", step.description)
    } else {
        // "Omställningsfond (permanent), 5 000 tkr, ger …": the amount is an apposition.
        let comma = if step.description.contains(", ") {
            ","
        } else {
            ""
        };
        format!("{}{comma} ger {figure}.", step.description)
    }
}

fn lower_first(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(characters).collect()
    })
}

fn investment(report: &BudgetReport) -> Vec<Block> {
    let plan = &report.investment;
    // The sum and the average are of the totals as the table shows them.
    let shown = tables::shown_investment(plan);
    let total_row = plan
        .rows
        .iter()
        .position(|row| row.row == styr_domain::investment::InvestmentRow::Total);
    let shown_total = |year: &styr_domain::calendar::Year| {
        let column = plan
            .columns
            .iter()
            .position(|column| column.year == *year)?;
        Some(shown[total_row?][column])
    };
    let sum = plan
        .plan_years
        .iter()
        .map(shown_total)
        .collect::<Option<Vec<_>>>()
        .and_then(|totals| styr_domain::money::Amount::try_sum(totals).ok());
    let mut sentence = match sum {
        Some(sum) => plan_sentence_of(
            &plan.plan_years,
            sum,
            styr_reports::investment::average(sum, plan.plan_years.len()),
        ),
        None => plan_sentence(plan),
    };
    let totals: Option<Vec<_>> = plan
        .plan_years
        .iter()
        .map(|year| Some((*year, shown_total(year)?)))
        .collect();
    let first = totals
        .filter(|totals| !totals.is_empty())
        .and_then(|totals| sentences::investment_course(&totals).ok());
    if let Some(first) = first {
        sentence.push(' ');
        sentence.push_str(&first);
    }
    vec![
        Block::Table(tables::investment(plan, &shown)),
        Block::Paragraph(vec![Span::plain(sentence)]),
    ]
}

fn risk_analysis(report: &BudgetReport) -> Vec<Block> {
    let risks = &report.risks;
    let scale = |steps: &[styr_domain::risk::ScaleStep]| {
        Block::Numbered(
            steps
                .iter()
                .map(|step| vec![Span::italic(format!("{}: {}", step.name, step.description))])
                .collect(),
        )
    };
    vec![
        Block::Paragraph(vec![Span::bold("Förklaring")]),
        Block::Paragraph(vec![Span::bold("Sannolikhet")]),
        scale(&risks.probability_scale),
        Block::Paragraph(vec![Span::bold("Väsentlighet")]),
        scale(&risks.materiality_scale),
        Block::Table(tables::risk_analysis(risks)),
        Block::Paragraph(vec![
            Span::bold("Riskmatris"),
            Span::plain(
                " – sannolikhet nedåt, väsentlighet åt höger; riskvärde, nivå och antal risker i varje ruta.",
            ),
        ]),
        Block::Table(tables::risk_matrix(risks)),
    ]
}
