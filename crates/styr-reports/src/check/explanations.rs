//! The explanation texts people write (the reasons after each line's change) reviewed like a
//! document: a sentence that states a figure the table contradicts ("Personalkostnaderna ökar
//! med 5,0 mnkr" when they grow by 2,0) is a finding, shown wherever the check's findings are.

use styr_domain::budget::Budget;
use styr_domain::format;
use styr_domain::source_document::{Block, Document, Table, TableRow};

use crate::finding::Finding;
use crate::operating::operating_table;
use crate::review::review;

pub fn texts(budget: &Budget, findings: &mut Vec<Finding>) {
    for shown in &budget.operating_tables {
        let texts: Vec<&str> = budget
            .lines
            .iter()
            .filter(|lines| budget.counts_towards(&lines.unit, &shown.unit))
            .flat_map(|lines| &lines.explanations)
            .map(|explanation| explanation.text.as_str())
            .filter(|text| !text.trim().is_empty())
            .collect();
        if texts.is_empty() {
            continue;
        }
        let Ok(table) = operating_table(budget, &shown.unit, &shown.heading) else {
            continue;
        };
        // The table as the document would print it, then the texts beneath it.
        let mut header = vec!["Belopp i tkr".to_string()];
        header.extend(table.columns.iter().map(|column| column.label.clone()));
        let rows = table
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![row.label.to_string()];
                cells.extend(row.values.iter().map(|value| format::tkr(*value)));
                TableRow {
                    cells,
                    bold: row.emphasised,
                    line: 0,
                }
            })
            .collect();
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: shown.heading.clone(),
                line: 0,
            },
            Block::Table(Table {
                line: 0,
                header,
                rows,
            }),
        ];
        for text in texts {
            for paragraph in text
                .lines()
                .map(|line| line.trim().trim_start_matches("- "))
                .filter(|line| !line.is_empty())
            {
                blocks.push(Block::Paragraph {
                    text: paragraph.to_string(),
                    line: 0,
                });
            }
        }
        for mut finding in review(&Document { blocks })
            .findings
            .into_iter()
            .filter(|finding| finding.place.starts_with('”'))
        {
            finding.place = format!(
                "förklaringen {}",
                finding.place.trim_end_matches(" (rad 0)")
            );
            findings.push(finding);
        }
    }
}
