//! Kolada's JSON answers (API v3): a page of values (`/v3/data/kpi/…`), KPI metadata
//! (`/v3/kpi/{id}`), municipality groups (`/v3/municipality_groups/{id}`) and municipalities
//! (`/v3/municipality/{ids}`). Every answer is `{"values": [...], "count": n}`, a page also
//! `"next_url"` (v2 called it `next_page`; both are read). Each row is read from its own
//! slice of the text, so a problem in it is placed by line and column.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;
use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::kolada::{
    Gender, GroupMember, KoladaValue, KpiMetadata, MunicipalityGroup, is_group_id, is_kpi_id,
    is_municipality_id,
};

use super::{MAX_BYTES, MAX_ROWS};
use crate::issue::Issue;

mod metadata;

pub use metadata::{read_groups, read_kpi_metadata, read_municipalities};

/// A list that refuses to grow past [`MAX_ROWS`] while it is read.
struct Limited<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Limited<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Limited<T>, D::Error> {
        struct LimitedVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for LimitedVisitor<T> {
            type Value = Limited<T>;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("en lista")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Limited<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    if items.len() == MAX_ROWS {
                        return Err(de::Error::custom(format!(
                            "svaret har fler än {MAX_ROWS} rader; hämta färre nyckeltal, kommuner eller år åt gången"
                        )));
                    }
                    items.push(item);
                }
                Ok(Limited(items))
            }
        }
        deserializer.deserialize_seq(LimitedVisitor(PhantomData))
    }
}

#[derive(Deserialize)]
struct Page<'a> {
    #[serde(borrow)]
    values: Limited<&'a RawValue>,
    next_url: Option<String>,
    next_page: Option<String>,
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

/// The bytes as text, within the size limit.
pub(super) fn text(bytes: &[u8]) -> Result<&str, Vec<Issue>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![Issue::error(
            "",
            0..0,
            format!(
                "svaret är {} MiB, större än gränsen {} MiB; hämta färre nyckeltal, kommuner eller år åt gången",
                bytes.len() / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
        )]);
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(bytes);
        vec![Issue::error(
            &text,
            error.valid_up_to()..error.valid_up_to() + 1,
            "svaret är inte UTF-8-text",
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

fn page(source: &str) -> Result<Page<'_>, Vec<Issue>> {
    serde_json::from_str(source).map_err(|error| vec![json_issue(source, 0, &error)])
}

pub(super) fn kind(source: &str) -> Result<Kind, Vec<Issue>> {
    let page = page(source)?;
    let Some(first) = page.values.0.first() else {
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

pub fn read_data_page(bytes: &[u8]) -> Result<DataPage, Vec<Issue>> {
    let source = text(bytes)?;
    let page = page(source)?;
    let mut values = Vec::new();
    let mut issues = Vec::new();
    for raw in &page.values.0 {
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
        next: page
            .next_url
            .or(page.next_page)
            .filter(|next| !next.is_empty()),
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
