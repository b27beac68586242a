//! Kommunfullmäktige's "Mål och budget" as blocks, the same blocks as the board document, so
//! every format renders it through `styr_output::render`: the texts, the financial goals and
//! their evaluation, the resultatbudget with the balanskravsutredning, the kassaflödes- and
//! balansbudget, the driftbudget and kommunbidrag per nämnd, the frame derivation and the
//! investeringsbudget. Every figure and sentence is `styr_reports::municipal`'s.
//!
//! ```text
//! [Contents] [Paragraph: invented?] [passages…] [Heading "Finansiella mål"] [Table]
//! [Heading "Resultatbudget"] [Paragraph] [Table] [Heading "Balanskravsutredning"] …
//! ```

mod tables;

use styr_domain::municipal::MunicipalBudget;
use styr_reports::municipal::MunicipalReport;

use super::prose::prose;
use super::{Block, Document, Span};
use crate::text::metadata_rows;
use tables::Laid;

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

pub fn municipal_document(budget: &MunicipalBudget, report: &MunicipalReport) -> Document {
    let headings: Vec<String> = report
        .columns
        .iter()
        .map(|year| budget.years.column_label(*year))
        .collect();
    let mut out = Laid::new(headings);
    // The contents first: the notice then opens the document's first page of text.
    out.blocks.push(Block::Contents);
    if budget.invented {
        out.blocks.push(Block::Paragraph(vec![Span::bold(format!(
            "{} är en påhittad kommun: alla namn och belopp i dokumentet är uppdiktade.",
            budget.municipality.name
        ))]));
    }
    for passage in &budget.passages {
        out.blocks.push(heading(1, &passage.heading));
        out.blocks.extend(prose(&passage.text));
    }
    observations(report, &mut out.blocks);
    out.blocks.push(heading(1, "Finansiella mål"));
    for sentence in &report.sentences.goals {
        out.blocks.push(paragraph(sentence));
    }
    tables::goals(report, &mut out);
    out.blocks.push(heading(1, "Resultatbudget"));
    out.blocks.push(paragraph(&report.sentences.result));
    out.statement("Resultatbudget", &report.income);
    out.blocks.push(heading(2, "Balanskravsutredning"));
    out.blocks
        .push(paragraph(&report.sentences.balance_requirement));
    out.statement("Balanskrav", &report.balance_requirement);
    out.blocks.push(heading(1, "Kassaflödesbudget"));
    out.statement("Kassaflöde", &report.cash_flow);
    out.blocks.push(heading(1, "Balansbudget"));
    out.statement("Balans", &report.balance_sheet);
    out.blocks.push(heading(1, "Driftbudget per nämnd"));
    out.blocks.push(paragraph(&report.sentences.operating_net));
    out.statement("Drift per nämnd", &report.operating);
    out.blocks.push(heading(2, "Kommunbidrag per nämnd"));
    out.blocks.push(paragraph(&report.sentences.frames));
    out.statement("Kommunbidrag", &report.frames);
    tables::frame_derivation(budget, report, &mut out);
    reorganisations(report, &mut out.blocks);
    out.blocks.push(heading(1, "Investeringsbudget per nämnd"));
    out.blocks.push(paragraph(&report.sentences.investments));
    out.statement("Investeringar", &report.investments);
    sources(budget, &mut out.blocks);
    let municipality = if budget.invented {
        format!("{} (påhittad)", budget.municipality.name)
    } else {
        budget.municipality.name.clone()
    };
    Document {
        title: budget.document.title.clone(),
        metadata: metadata_rows(&budget.document),
        blocks: out.blocks,
        sheets: out.sheets,
        municipality,
        profile: Default::default(),
        marking: None,
    }
}

/// What does not fit, said before the tables: a board outside its frame, a year below the
/// balanskrav.
fn observations(report: &MunicipalReport, blocks: &mut Vec<Block>) {
    for finding in &report.findings {
        blocks.push(Block::Paragraph(vec![
            Span::bold("Observera: "),
            Span::plain(format!(
                "{} ({}). {}",
                finding.section, finding.place, finding.note
            )),
        ]));
    }
}

/// The reorganisations, each as its sentence: the frames' technical adjustments of a move
/// between boards are in the frame derivation above.
fn reorganisations(report: &MunicipalReport, blocks: &mut Vec<Block>) {
    if report.sentences.moves.is_empty() {
        return;
    }
    blocks.push(heading(2, "Omorganisationer"));
    for sentence in &report.sentences.moves {
        blocks.push(paragraph(sentence));
    }
}

fn sources(budget: &MunicipalBudget, blocks: &mut Vec<Block>) {
    let items: Vec<Vec<Span>> = budget
        .central
        .iter()
        .filter(|item| !item.source.is_empty())
        .map(|item| vec![Span::plain(format!("{}: {}", item.name, item.source))])
        .collect();
    if items.is_empty() {
        return;
    }
    blocks.push(heading(2, "Underlag för de centrala posterna"));
    blocks.push(Block::Bullets(items));
}
