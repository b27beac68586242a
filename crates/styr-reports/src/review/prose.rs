//! Figures in prose against the tables they speak of. A sentence is tied to the nearest table
//! above it in the same section, and to a row by the row's name in the sentence ("Personal-
//! kostnaderna" → Personalkostnader); sums and averages of "investeringar" go to the table's
//! total row. Each sentence is read clause by clause, since one sentence often states several
//! figures ("År 2025 uppgår investeringsnivån till 106,8 mnkr, för att sedan …").
//!
//! A paragraph is read into sentences and clauses ([`reading`]); each clause's claim is
//! checked against the table and row it speaks of ([`claims`], with the sentence's place and
//! findings in [`context`]); index uprating in prose has its own rules ([`index`]).

mod claims;
mod context;
mod index;
mod reading;

use styr_domain::source_document::{Block, Document};

use super::Review;
use super::amounts::AmountTable;
use claims::{claim, unchanged};
use context::Context;
use index::{index_percentages, index_step};
use reading::{amounts, sentences};

pub fn check(document: &Document, tables: &[AmountTable<'_>], review: &mut Review) {
    for (block_index, (section, block)) in document.with_sections().into_iter().enumerate() {
        let Block::Paragraph { text, line } = block else {
            continue;
        };
        let table = tables
            .iter()
            .rev()
            .find(|table| table.block < block_index && table.section == section);
        for sentence in sentences(text) {
            let mut context = Context {
                section,
                sentence,
                line: *line,
                review,
            };
            if sentence.contains("procent")
                && (sentence.contains("mnkr") || sentence.contains("tkr"))
                && sentence.contains("(")
            {
                index_step(&mut context);
                continue;
            }
            let has_amount = !amounts(sentence).is_empty();
            let has_index = sentence.contains("procent år");
            match table {
                Some(table) if has_amount || has_index => {
                    for clause in sentence.split(", ") {
                        claim(&mut context, table, clause);
                    }
                    if has_index {
                        index_percentages(&mut context, table);
                    }
                }
                None if has_amount => context.leave("ingen tabell ovanför i avsnittet"),
                _ => {}
            }
            if sentence.contains("oförändrat")
                && let Some(table) = table
            {
                unchanged(&mut context, table);
            }
        }
    }
}
