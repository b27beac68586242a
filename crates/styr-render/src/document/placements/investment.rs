//! The investment plan: its table, then one paragraph with the plan's sum and average and the
//! course of its years, all of the totals as the table shows them.

use styr_reports::BudgetReport;
use styr_reports::shown::Shown;

use crate::document::{Block, Span, tables};

pub fn investment(report: &BudgetReport, shown: &Shown) -> Vec<Block> {
    vec![
        Block::Table(tables::investment(
            &report.investment,
            &shown.investment.rows,
        )),
        Block::Paragraph(vec![Span::plain(&shown.investment.sentence)]),
    ]
}
