//! A Kolada download as CSV: a header row naming the columns, then one value per row.
//! Kolada's web pages write Swedish headings and the API's flattened form writes its field
//! names, so either is read:
//!
//! | field        | headings read                                   |
//! |--------------|-------------------------------------------------|
//! | KPI          | kpi, nyckeltal, nyckeltals-id, kpi-id, id        |
//! | municipality | municipality, kommun-id, kommunkod, kommun, municipality_id |
//! | year         | period, år, year                                |
//! | gender       | gender, kön (T/K/M or totalt/kvinnor/män; missing means T) |
//! | value        | value, värde (empty means no value)             |
//! | count, status| count, antal · status                           |
//!
//! Semicolon, comma or tab separated (the header tells), decimal comma or point. All or
//! nothing: every problem is reported with its line, and a file with any imports nothing.

use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::kolada::{Gender, KoladaValue, is_group_id, is_kpi_id, is_municipality_id};

use super::json;
use crate::csv::split_line;
use crate::issue::Issue;
use crate::limits::{Limit, Limits};

const KPI: &[&str] = &["kpi", "nyckeltal", "nyckeltals-id", "kpi-id", "id"];
const MUNICIPALITY: &[&str] = &[
    "municipality",
    "kommun-id",
    "kommunkod",
    "kommun",
    "municipality_id",
];
const YEAR: &[&str] = &["period", "år", "year"];
const GENDER: &[&str] = &["gender", "kön"];
const VALUE: &[&str] = &["value", "värde"];
const COUNT: &[&str] = &["count", "antal"];
const STATUS: &[&str] = &["status"];

/// The delimiter the header uses: the one of `;`, tab and `,` it has most of.
pub(crate) fn delimiter(header: &str) -> char {
    [';', '\t', ',']
        .into_iter()
        .max_by_key(|delimiter| header.matches(*delimiter).count())
        .unwrap_or(';')
}

/// Which column of `header` has one of `names`.
pub(crate) fn column(header: &[(usize, String)], names: &[&str]) -> Option<usize> {
    header.iter().position(|(_, heading)| {
        let heading = heading.trim().trim_start_matches('\u{feff}').to_lowercase();
        names.contains(&heading.as_str())
    })
}

/// A download's values, within `limits` (its bytes and its rows).
pub fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Vec<KoladaValue>, Vec<Issue>> {
    let source = json::text(bytes, "filen", limits)?;
    let mut lines = source.split_inclusive('\n');
    let Some(header_line) = lines.next() else {
        return Err(vec![Issue::error(source, 0..0, "filen är tom")]);
    };
    let header_text = header_line.trim_end_matches(['\r', '\n']);
    let delimiter = delimiter(header_text);
    let header = split_line(header_text, delimiter).map_err(|_| {
        vec![Issue::error(
            source,
            0..1,
            "rubrikraden har ett citattecken som inte stängs",
        )]
    })?;
    let mut issues = Vec::new();
    let mut find = |names: &[&str], what: &str| {
        let found = column(&header, names);
        if found.is_none() {
            issues.push(Issue::error(
                source,
                0..header_text.len().max(1),
                format!("kolumnen för {what} saknas (rubrik: {})", names.join(", ")),
            ));
        }
        found
    };
    let (kpi, municipality, year, value) = (
        find(KPI, "nyckeltal"),
        find(MUNICIPALITY, "kommun"),
        find(YEAR, "år"),
        find(VALUE, "värde"),
    );
    let (gender, count, status) = (
        column(&header, GENDER),
        column(&header, COUNT),
        column(&header, STATUS),
    );
    let (Some(kpi), Some(municipality), Some(year), Some(value)) = (kpi, municipality, year, value)
    else {
        return Err(issues);
    };
    let mut values = Vec::new();
    let mut rows: u64 = 0;
    let mut start = header_line.len();
    for line in lines {
        let line_start = start;
        start += line.len();
        let text = line.trim_end_matches(['\r', '\n']);
        if text.trim().is_empty() {
            continue;
        }
        // Every row counts, a refused one too: the issues are held to the limit as well.
        if rows == limits.value_rows {
            let refusal = limits.exceeded(Limit::ValueRows, "filen");
            issues.push(Issue::error(
                source,
                line_start..line_start + 1,
                refusal.to_string(),
            ));
            break;
        }
        rows += 1;
        let fields = match split_line(text, delimiter) {
            Ok(fields) => fields,
            Err(at) => {
                issues.push(Issue::error(
                    source,
                    line_start + at..line_start + at + 1,
                    "citattecknet stängs inte",
                ));
                continue;
            }
        };
        let cell = |index: usize| {
            fields
                .get(index)
                .map(|(at, cell)| (line_start + at, cell.as_str()))
        };
        let mut problem = |index: usize, message: String| {
            let at = cell(index).map_or(line_start, |(at, _)| at);
            issues.push(Issue::error(source, at..at + 1, message));
        };
        let Some((_, kpi_id)) = cell(kpi).filter(|(_, id)| is_kpi_id(id)) else {
            problem(
                kpi,
                format!(
                    "”{}” är inget nyckeltals-id i Kolada (till exempel N00097)",
                    cell(kpi).map_or("", |(_, text)| text)
                ),
            );
            continue;
        };
        let municipality_id = cell(municipality).map_or("", |(_, text)| text);
        // "1489 Alingsås" is read as its code.
        let municipality_id = municipality_id
            .split_whitespace()
            .next()
            .unwrap_or_default();
        if !is_municipality_id(municipality_id) && !is_group_id(municipality_id) {
            problem(
                municipality,
                format!(
                    "”{municipality_id}” är ingen kommun eller kommungrupp i Kolada (till exempel 1489)"
                ),
            );
            continue;
        }
        let year_text = cell(year).map_or("", |(_, text)| text);
        let Some(parsed_year) = year_text
            .parse::<i64>()
            .ok()
            .and_then(|year| Year::new(year).ok())
        else {
            problem(year, format!("”{year_text}” är inget år"));
            continue;
        };
        let parsed_gender = match gender.and_then(cell) {
            None | Some((_, "")) => Gender::T,
            Some((_, text)) => match Gender::parse(text) {
                Some(found) => found,
                None => {
                    problem(
                        gender.unwrap_or(0),
                        format!("könet ”{text}” finns inte; skriv T, K eller M"),
                    );
                    continue;
                }
            },
        };
        let parsed_value = match cell(value).map(|(_, text)| text) {
            None | Some("") => None,
            Some(text) => match Decimal::parse(text) {
                Ok(found) => Some(found),
                Err(error) => {
                    problem(value, error.to_string());
                    continue;
                }
            },
        };
        let parsed_count = match count.and_then(cell) {
            None | Some((_, "")) => None,
            Some((_, text)) => match text.parse::<i64>() {
                Ok(found) => Some(found),
                Err(_) => {
                    problem(
                        count.unwrap_or(0),
                        format!("antalet ”{text}” är inget heltal"),
                    );
                    continue;
                }
            },
        };
        values.push(KoladaValue {
            kpi: kpi_id.to_string(),
            municipality: municipality_id.to_string(),
            year: parsed_year,
            gender: parsed_gender,
            value: parsed_value,
            count: parsed_count,
            status: status
                .and_then(cell)
                .map_or_else(String::new, |(_, text)| text.to_string()),
        });
    }
    if issues.is_empty() {
        Ok(values)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swedish_download_with_decimal_commas_reads_exactly() {
        let file =
            "Nyckeltal;Kommun-id;År;Kön;Värde\nN00097;1489;2024;T;-1,2\nN00097;1441;2024;Totalt;\n";
        let values = read_csv(file.as_bytes(), &Limits::default()).expect("a download");
        assert_eq!(values.len(), 2);
        assert_eq!(
            values[0].value.map(|value| value.to_string()),
            Some("-1.2".into())
        );
        assert_eq!(values[1].value, None);
    }

    #[test]
    fn the_apis_flattened_form_with_commas_reads_too() {
        let file = "kpi,municipality,period,gender,value,count,status\nN00097,1489,2024,K,3.5,1,\n";
        let values = read_csv(file.as_bytes(), &Limits::default()).expect("a flattened answer");
        assert_eq!(values[0].gender, Gender::K);
        assert_eq!(values[0].count, Some(1));
    }

    #[test]
    fn every_bad_row_is_named_with_its_line_and_nothing_is_read() {
        let file = "kpi;municipality;period;value\nN00097;1489;2024;1\nX;1489;2024;1\nN00097;1489;tjugo;1\nN00097;1489;2024;ett\n";
        let issues = read_csv(file.as_bytes(), &Limits::default()).expect_err("three bad rows");
        let lines: Vec<usize> = issues.iter().map(|issue| issue.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        let missing = read_csv(b"kpi;period;value\n", &Limits::default())
            .expect_err("no municipality column");
        assert!(missing[0].message.contains("kolumnen för kommun saknas"));
    }
}
