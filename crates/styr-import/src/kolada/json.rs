//! Kolada's JSON answers (API v3): a page of values (`/v3/data/kpi/…`), KPI metadata
//! (`/v3/kpi/{id}`), municipality groups (`/v3/municipality_groups/{id}`) and municipalities
//! (`/v3/municipality/{ids}`). Every answer is `{"values": [...], "count": n}`, a page also
//! `"next_url"` (v2 called it `next_page`; both are read). Each row is read from its own
//! slice of the text, so a problem in it is placed by line and column.

use std::cell::Cell;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;
use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::kolada::{
    Gender, GroupMember, KoladaValue, KpiMetadata, MunicipalityGroup, is_group_id, is_kpi_id,
    is_municipality_id,
};

use crate::issue::Issue;
use crate::limits::{Limit, Limits};

mod metadata;

pub use metadata::{read_groups, read_kpi_metadata, read_municipalities};

/// What an answer is called in its refusals, and what to do about one that is too large.
const ANSWER: &str = "svaret från Kolada";
const FEWER: &str = "hämta färre nyckeltal, kommuner eller år åt gången";

/// The rows of an answer's `values`, each kept as its slice of the text, refused as soon as
/// there are more than `most` (the list never grows past the limit while it is read).
struct Rows<'l> {
    most: u64,
    exceeded: &'l Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for Rows<'_> {
    type Value = Vec<&'de RawValue>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Rows<'_> {
    type Value = Vec<&'de RawValue>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("en lista")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut rows = Vec::new();
        while let Some(row) = seq.next_element()? {
            if rows.len() as u64 == self.most {
                // The reader words the refusal: it knows the limit by name.
                self.exceeded.set(true);
                return Err(de::Error::custom("too many rows"));
            }
            rows.push(row);
        }
        Ok(rows)
    }
}

#[derive(Deserialize)]
struct Page<'a> {
    #[serde(borrow)]
    values: &'a RawValue,
    next_url: Option<String>,
    next_page: Option<String>,
}

/// An answer's page: its rows (within [`Limits::value_rows`]) and the next page's address.
struct Read<'a> {
    rows: Vec<&'a RawValue>,
    next: Option<String>,
}

#[derive(Deserialize)]
struct RawRow<'a> {
    kpi: String,
    municipality: String,
    #[serde(borrow)]
    period: &'a RawValue,
    #[serde(borrow)]
    values: Vec<RawGenderValue<'a>>,
}

#[derive(Deserialize)]
struct RawGenderValue<'a> {
    gender: String,
    #[serde(borrow, default)]
    value: Option<&'a RawValue>,
    count: Option<i64>,
    status: Option<String>,
    #[serde(default)]
    isdeleted: bool,
}

/// One page of values and the address of the next page, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataPage {
    pub values: Vec<KoladaValue>,
    pub next: Option<String>,
}

pub(super) enum Kind {
    Data,
    Kpis,
    Groups,
    Municipalities,
}

/// The bytes as text, within [`Limits::file_bytes`]; `subject` names them in a refusal
/// ("svaret från Kolada", "filen").
pub(super) fn text<'a>(
    bytes: &'a [u8],
    subject: &str,
    limits: &Limits,
) -> Result<&'a str, Vec<Issue>> {
    if let Err(exceeded) = limits.check(Limit::FileBytes, bytes.len() as u64, subject) {
        let hint = if subject == ANSWER {
            format!("; {FEWER}")
        } else {
            String::new()
        };
        return Err(vec![Issue::error("", 0..0, format!("{exceeded}{hint}"))]);
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(bytes);
        vec![Issue::error(
            &text,
            error.valid_up_to()..error.valid_up_to() + 1,
            format!("{subject} är inte UTF-8-text"),
        )]
    })
}

/// Where `raw` begins in `source` (it is a slice of it).
fn offset(source: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(source.as_ptr() as usize)
}

/// serde_json's error as an issue at its place, in Swedish.
fn json_issue(source: &str, base: usize, error: &serde_json::Error) -> Issue {
    let part = &source[base..];
    let line_start: usize = part
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (base + line_start + error.column().saturating_sub(1)).min(source.len());
    let detail = error.to_string();
    let detail = detail.split(" at line ").next().unwrap_or_default();
    let message = match error.classify() {
        serde_json::error::Category::Eof => {
            "svaret tar slut mitt i (avbrutet eller trunkerat)".to_string()
        }
        serde_json::error::Category::Syntax => format!("svaret är inte giltig JSON ({detail})"),
        serde_json::error::Category::Data => match detail.strip_prefix("missing field ") {
            Some(field) => format!("fältet {} saknas", field.replace('`', "”")),
            None => format!("oväntat innehåll: {}", detail.replace('`', "”")),
        },
        serde_json::error::Category::Io => format!("kan inte läsa svaret ({detail})"),
    };
    Issue::error(source, at..at + 1, message)
}

fn page<'a>(source: &'a str, limits: &Limits) -> Result<Read<'a>, Vec<Issue>> {
    let page: Page<'_> =
        serde_json::from_str(source).map_err(|error| vec![json_issue(source, 0, &error)])?;
    let exceeded = Cell::new(false);
    let base = offset(source, page.values);
    let rows = Rows {
        most: limits.value_rows,
        exceeded: &exceeded,
    }
    .deserialize(&mut serde_json::Deserializer::from_str(page.values.get()))
    .map_err(|error| {
        if exceeded.get() {
            let refusal = limits.exceeded(Limit::ValueRows, ANSWER);
            vec![Issue::error(
                source,
                base..base + 1,
                format!("{refusal}; {FEWER}"),
            )]
        } else {
            vec![json_issue(source, base, &error)]
        }
    })?;
    Ok(Read {
        rows,
        next: page.next_url.or(page.next_page),
    })
}

pub(super) fn kind(source: &str, limits: &Limits) -> Result<Kind, Vec<Issue>> {
    let page = page(source, limits)?;
    let Some(first) = page.rows.first() else {
        return Ok(Kind::Data);
    };
    #[derive(Deserialize)]
    struct Keys {
        period: Option<serde::de::IgnoredAny>,
        members: Option<serde::de::IgnoredAny>,
        operating_area: Option<serde::de::IgnoredAny>,
        is_divided_by_gender: Option<serde::de::IgnoredAny>,
        id: Option<String>,
    }
    let keys: Keys = serde_json::from_str(first.get())
        .map_err(|error| vec![json_issue(source, offset(source, first), &error)])?;
    Ok(if keys.period.is_some() {
        Kind::Data
    } else if keys.members.is_some() {
        Kind::Groups
    } else if keys.operating_area.is_some()
        || keys.is_divided_by_gender.is_some()
        || keys.id.as_deref().is_some_and(is_kpi_id)
    {
        Kind::Kpis
    } else {
        Kind::Municipalities
    })
}

/// A page of values, within `limits` (its bytes and its rows).
pub fn read_data_page(bytes: &[u8], limits: &Limits) -> Result<DataPage, Vec<Issue>> {
    let source = text(bytes, ANSWER, limits)?;
    let page = page(source, limits)?;
    let mut values = Vec::new();
    let mut issues = Vec::new();
    for raw in &page.rows {
        let start = offset(source, raw);
        let here = |length: usize| start..start + length.max(1);
        let row: RawRow<'_> = match serde_json::from_str(raw.get()) {
            Ok(row) => row,
            Err(error) => {
                issues.push(json_issue(source, start, &error));
                continue;
            }
        };
        if !is_kpi_id(&row.kpi) {
            issues.push(Issue::error(
                source,
                here(raw.get().len()),
                format!(
                    "”{}” är inget nyckeltals-id i Kolada (till exempel N00097)",
                    shown(&row.kpi)
                ),
            ));
            continue;
        }
        if !is_municipality_id(&row.municipality) && !is_group_id(&row.municipality) {
            issues.push(Issue::error(
                source,
                here(raw.get().len()),
                format!(
                    "”{}” är ingen kommun eller kommungrupp i Kolada (till exempel 1489)",
                    shown(&row.municipality)
                ),
            ));
            continue;
        }
        let period = row.period.get().trim_matches('"');
        let Some(year) = period
            .parse::<i64>()
            .ok()
            .and_then(|year| Year::new(year).ok())
        else {
            let at = offset(source, row.period);
            issues.push(Issue::error(
                source,
                at..at + period.len().max(1),
                format!("perioden ”{}” är inget år", shown(period)),
            ));
            continue;
        };
        for entry in &row.values {
            let Some(gender) = Gender::parse(&entry.gender) else {
                issues.push(Issue::error(
                    source,
                    here(1),
                    format!(
                        "könet ”{}” finns inte; Kolada skriver T, K eller M",
                        shown(&entry.gender)
                    ),
                ));
                continue;
            };
            if entry.isdeleted {
                continue;
            }
            let value = match entry.value.map(|value| value.get().trim_matches('"')) {
                None | Some("null") | Some("") => None,
                Some(number) => match Decimal::parse(number) {
                    Ok(value) => Some(value),
                    Err(error) => {
                        let at = entry.value.map_or(start, |value| offset(source, value));
                        issues.push(Issue::error(
                            source,
                            at..at + number.len(),
                            error.to_string(),
                        ));
                        continue;
                    }
                },
            };
            values.push(KoladaValue {
                kpi: row.kpi.clone(),
                municipality: row.municipality.clone(),
                year,
                gender,
                value,
                count: entry.count,
                status: entry.status.clone().unwrap_or_default(),
            });
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(DataPage {
        values,
        next: page.next.filter(|next| !next.is_empty()),
    })
}

fn shown(text: &str) -> String {
    text.chars()
        .take(40)
        .collect::<String>()
        .escape_debug()
        .to_string()
}

#[cfg(test)]
mod tests;
