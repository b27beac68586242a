//! KPI values from a CSV file: one measured value per row, for KPIs the budget has.
//!
//! ```text
//! nyckeltal;period;värde;kommentar
//! arbetsbelastning;2025-O1;3,6;Pulsmätningen i mars
//! arbetsbelastning;2025-O2;3,7;
//! ```
//!
//! The KPI is named by its id; the period is a key ("2025", "2025-T2", "2025-03", "2025-O1");
//! the value is checked against the KPI's unit, range and schedule. All or nothing: every
//! problem is reported with its line, and a file with any imports nothing.

use styr_domain::decimal::Decimal;
use styr_domain::goals::{Kpi, Period};

use crate::csv::split_line;
use crate::issue::Issue;
use crate::limits::{Limit, Limits};

/// One row as read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueRow {
    pub kpi: String,
    pub period: Period,
    pub value: Decimal,
    pub comment: String,
}

const KPI: &[&str] = &["nyckeltal", "kpi", "id"];
const PERIOD: &[&str] = &["period"];
const VALUE: &[&str] = &["värde", "value"];
const COMMENT: &[&str] = &["kommentar", "comment"];

/// The file's values for `kpis`, within `limits` ([`Limits::file_bytes`] for its bytes,
/// [`Limits::value_rows`] for its rows).
pub fn read_kpi_values(
    bytes: &[u8],
    kpis: &[&Kpi],
    limits: &Limits,
) -> Result<Vec<ValueRow>, Vec<Issue>> {
    if let Err(exceeded) = limits.check(Limit::FileBytes, bytes.len() as u64, "filen") {
        return Err(vec![Issue::error("", 0..0, exceeded.to_string())]);
    }
    let source = std::str::from_utf8(bytes).map_err(|error| {
        vec![Issue::error(
            &String::from_utf8_lossy(bytes),
            error.valid_up_to()..error.valid_up_to() + 1,
            "filen är inte UTF-8-text",
        )]
    })?;
    let mut lines = source.split_inclusive('\n');
    let header_line = lines.next().unwrap_or_default();
    let header_text = header_line.trim_end_matches(['\r', '\n']);
    let delimiter = crate::kolada::csv_delimiter(header_text);
    let header = split_line(header_text, delimiter).unwrap_or_default();
    let column = |names: &[&str]| crate::kolada::csv_column(&header, names);
    let (Some(kpi), Some(period), Some(value)) = (column(KPI), column(PERIOD), column(VALUE))
    else {
        return Err(vec![Issue::error(
            source,
            0..header_text.len().max(1),
            "rubrikraden ska ha kolumnerna nyckeltal, period och värde (och gärna kommentar)",
        )]);
    };
    let comment = column(COMMENT);
    let mut rows = Vec::new();
    let mut read: u64 = 0;
    let mut issues = Vec::new();
    let mut start = header_line.len();
    for line in lines {
        let line_start = start;
        start += line.len();
        let text = line.trim_end_matches(['\r', '\n']);
        if text.trim().is_empty() {
            continue;
        }
        // Every row counts, a refused one too: the issues are held to the limit as well.
        if read == limits.value_rows {
            let refusal = limits.exceeded(Limit::ValueRows, "filen");
            issues.push(Issue::error(
                source,
                line_start..line_start + 1,
                refusal.to_string(),
            ));
            break;
        }
        read += 1;
        let Ok(fields) = split_line(text, delimiter) else {
            issues.push(Issue::error(
                source,
                line_start..line_start + 1,
                "citattecknet stängs inte",
            ));
            continue;
        };
        let cell = |index: usize| {
            fields.get(index).map_or((line_start, ""), |(at, cell)| {
                (line_start + at, cell.as_str())
            })
        };
        let mut problem = |index: usize, message: String| {
            let (at, text) = cell(index);
            issues.push(Issue::error(source, at..at + text.len().max(1), message));
        };
        let (_, kpi_id) = cell(kpi);
        let Some(found) = kpis.iter().find(|candidate| candidate.id == kpi_id) else {
            problem(
                kpi,
                format!(
                    "nyckeltalet ”{}” finns inte i budgeten",
                    kpi_id.chars().take(40).collect::<String>()
                ),
            );
            continue;
        };
        let parsed_period = match Period::parse(cell(period).1) {
            Ok(parsed) => parsed,
            Err(error) => {
                problem(period, error.to_string());
                continue;
            }
        };
        if let Err(error) = found.check_period(parsed_period) {
            problem(period, error.to_string());
            continue;
        }
        let parsed_value = match Decimal::parse(cell(value).1) {
            Ok(parsed) => parsed,
            Err(error) => {
                problem(value, error.to_string());
                continue;
            }
        };
        if let Err(error) = found.check_value(parsed_value) {
            problem(value, error.to_string());
            continue;
        }
        if rows
            .iter()
            .any(|row: &ValueRow| row.kpi == found.id && row.period == parsed_period)
        {
            problem(
                period,
                format!(
                    "{} {} finns redan på en tidigare rad",
                    found.name,
                    parsed_period.swedish()
                ),
            );
            continue;
        }
        rows.push(ValueRow {
            kpi: found.id.clone(),
            period: parsed_period,
            value: parsed_value,
            comment: comment.map_or_else(String::new, |index| cell(index).1.to_string()),
        });
    }
    if issues.is_empty() {
        Ok(rows)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Kpi {
        Kpi {
            measurements_per_year: 3,
            minimum: Decimal::parse("1").ok(),
            maximum: Decimal::parse("5").ok(),
            ..Kpi::named("arbetsbelastning", "Arbetsbelastningen")
        }
    }

    #[test]
    fn three_rounds_of_a_year_read_with_their_comments() {
        let kpi = survey();
        let file = "nyckeltal;period;värde;kommentar\narbetsbelastning;2025-O1;3,6;mars\narbetsbelastning;2025-O2;3,7;\narbetsbelastning;2025-O3;3,9;\n";
        let rows =
            read_kpi_values(file.as_bytes(), &[&kpi], &Limits::default()).expect("three rows");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].comment, "mars");
        assert_eq!(rows[2].value.to_swedish(), "3,9");
    }

    #[test]
    fn a_file_with_any_bad_row_reads_nothing_and_names_each_line() {
        let kpi = survey();
        let file = "nyckeltal,period,värde\narbetsbelastning,2025-O1,3.6\nokänt,2025-O2,3\narbetsbelastning,2025-O4,3\narbetsbelastning,2025-O3,6\narbetsbelastning,2025-O1,3.6\n";
        let issues =
            read_kpi_values(file.as_bytes(), &[&kpi], &Limits::default()).expect_err("bad rows");
        let lines: Vec<usize> = issues.iter().map(|issue| issue.line).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert_eq!(
            issues[0].message,
            "nyckeltalet ”okänt” finns inte i budgeten"
        );
        assert!(
            issues[2].message.contains("högst vara 5"),
            "{}",
            issues[2].message
        );
        assert!(issues[3].message.contains("redan"), "{}", issues[3].message);
    }
}
