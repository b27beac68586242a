//! Relations found from the numbers, for any table the layout checks ([`super::tables`]) do
//! not understand: sums of a block of lines above or below a line, column relations
//! (nettokostnad, avvikelse, förändring, totalt), percent columns ([`percent`]: a share or a
//! change in percent, rounded), "varav" breakdowns and a balance sheet's two sides. Nothing about a municipality's layout is assumed; a relation is the table's when its
//! figures support it in most places (or its label names it and they do not contradict it),
//! and then every place where it fails is a finding:
//!
//! ```text
//! fel  Driftsredovisning › Socialnämnd, Kostnader 2021 (rad 22): anges -1 179,0 mnkr,
//!      beräknas -1 148,9 mnkr — summan av raderna 23–28 (Äldreomsorg … Uttag ur …)
//! ```
//!
//! Rounding is an interval ([`equation`]): a difference the printed precision allows is
//! avrundning, not fel. Where a failing row sum and a failing column relation meet in one
//! cell, or swapping two digits would close the difference, the finding says so ([`locate`]).
//! What was read, checked and left alone is counted in a [`Coverage`].

mod columns;
mod coverage;
mod equation;
mod figure;
mod grid;
mod locate;
mod percent;
mod rows;

use styr_domain::source_document::{Block, Document};

use super::Review;
use crate::finding::{Finding, FindingKind, Severity, Shown};
pub use coverage::Coverage;
use equation::{Axis, Equation, Verdict};
use grid::Grid;

/// Checks every table of `document` whose block is not in `understood`, and counts coverage.
pub fn check(document: &Document, understood: &[usize], review: &mut Review) {
    let mut coverage = Coverage {
        tables_by_layout: understood.len(),
        ..Coverage::default()
    };
    for (block, (section, content)) in document.with_sections().into_iter().enumerate() {
        let Block::Table(table) = content else {
            continue;
        };
        coverage.tables_read += 1;
        if understood.contains(&block) {
            continue;
        }
        if super::risks::is_risk_table(table) {
            // Riskvärde is sannolikhet × väsentlighet: the risk check's, not a sum.
            coverage.tables_by_layout += 1;
            continue;
        }
        let Some(grid) = grid::grid(section, table) else {
            coverage.not_understood(section, table.line, "inga belopp");
            continue;
        };
        let mut equations = rows::equations(&grid);
        equations.extend(columns::equations(&grid));
        let ratios = percent::ratios(&grid);
        coverage.count(&grid, &equations, &ratios);
        if equations.is_empty() && ratios.is_empty() {
            coverage.not_understood(section, table.line, "inga samband i siffrorna");
            continue;
        }
        coverage.tables_inferred += 1;
        let mut findings = findings(&grid, &equations);
        locate::locate(&grid, &equations, &mut findings);
        review
            .findings
            .extend(findings.into_iter().map(|(_, finding)| finding));
        review.findings.extend(percent_findings(&grid, &ratios));
    }
    review.coverage = coverage;
}

/// Where a finding is: the equation's index and the place (column or line) it failed at.
pub type At = (usize, usize);

fn findings(grid: &Grid<'_>, equations: &[Equation]) -> Vec<(At, Finding)> {
    let mut findings = Vec::new();
    for (index, equation) in equations.iter().enumerate() {
        for at in 0..equation.places(grid) {
            let Some(check) = equation.check(grid, at) else {
                continue;
            };
            let severity = match check.verdict {
                Verdict::Exact => continue,
                Verdict::Rounding => Severity::Rounding,
                Verdict::Fails => Severity::Error,
            };
            let (line, column) = match equation.axis {
                Axis::Rows => (equation.target, at),
                Axis::Columns => (at, equation.target),
            };
            let row = &grid.lines[line];
            let shown = |ore, decimals| Shown {
                text: figure::shown(ore, decimals, grid.unit, grid.unit_named),
                ore: i64::try_from(ore).ok(),
            };
            findings.push((
                (index, at),
                Finding {
                    severity,
                    kind: FindingKind::Figure,
                    section: grid.section.to_string(),
                    place: format!("{}, {} (rad {})", row.label, grid.columns[column], row.line),
                    stated: shown(check.stated.ore, check.stated.decimals),
                    computed: shown(check.computed, check.decimals),
                    note: describe(grid, equation),
                },
            ));
        }
    }
    findings
}

/// Every line where a percent column disagrees with its ratio, rounding apart.
fn percent_findings(grid: &Grid<'_>, ratios: &[percent::Ratio]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for ratio in ratios {
        for line in 0..grid.lines.len() {
            let Some(check) = ratio.check(grid, line) else {
                continue;
            };
            let severity = match check.verdict {
                Verdict::Exact => continue,
                Verdict::Rounding => Severity::Rounding,
                Verdict::Fails => Severity::Error,
            };
            let row = &grid.lines[line];
            let decimals = check.stated.decimals;
            findings.push(Finding {
                severity,
                kind: FindingKind::Figure,
                section: grid.section.to_string(),
                place: format!(
                    "{}, {} (rad {})",
                    row.label, grid.percents[ratio.target].heading, row.line
                ),
                stated: Shown::text(figure::shown_percent(check.stated.value, decimals)),
                computed: Shown::text(figure::shown_percent(check.computed, decimals)),
                note: percent::describe(grid, ratio),
            });
        }
    }
    findings
}

/// The equation in words: "summan av raderna 23–28 (Äldreomsorg … Uttag ur …)".
fn describe(grid: &Grid<'_>, equation: &Equation) -> String {
    match equation.axis {
        Axis::Rows => {
            let lines: Vec<&grid::Line> = equation
                .terms
                .iter()
                .map(|(line, _)| &grid.lines[*line])
                .collect();
            match lines.as_slice() {
                [] => String::new(),
                [only] => format!("samma som {} (rad {})", only.label, only.line),
                [first, .., last] => format!(
                    "summan av raderna {}–{} ({} … {})",
                    first.line, last.line, first.label, last.label
                ),
            }
        }
        Axis::Columns => {
            let mut text = String::new();
            for (position, (column, sign)) in equation.terms.iter().enumerate() {
                let operator = match (position, *sign < 0) {
                    (0, false) => "",
                    (0, true) => "−",
                    (_, false) => " + ",
                    (_, true) => " − ",
                };
                text.push_str(operator);
                text.push_str(&grid.columns[*column]);
            }
            format!("kolumnen som {text}")
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Severity;
    use crate::review::review;

    fn reviewed(text: &str) -> crate::review::Review {
        review(&styr_import::document::parse_text(text).expect("readable"))
    }

    #[test]
    fn a_summa_line_below_its_lines_is_checked_without_bold_and_a_wrong_column_is_an_error() {
        let result = reviewed(
            "## Balansräkning\n\nmnkr\t2021\t2022\t2023\nFordringar\t400,0\t405,2\t405,3\n\
             Kassa och bank\t100,0\t109,3\t74,1\nFörråd\t2,0\t2,1\t4,9\n\
             Summa\t502,0\t516,6\t494,3\n",
        );
        let errors: Vec<_> = result
            .findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{:?}", result.findings);
        assert_eq!(errors[0].place, "Summa, 2023 (rad 7)");
        assert_eq!(errors[0].computed.text, "484,3 mnkr");
        assert_eq!(result.coverage.relations, 1);
        assert!(result.coverage.checked_anything());
    }

    #[test]
    fn a_table_without_relations_is_named_as_not_understood_and_nothing_is_claimed() {
        let result = reviewed("## Mål\n\nMål\tUtfall\nNöjdhet\t72\nTrygghet\t65\n");
        assert!(result.findings.is_empty());
        assert!(!result.coverage.checked_anything());
        assert_eq!(result.coverage.not_understood.len(), 1);
    }
}
