//! Kolada's descriptive answers: KPI metadata (`/v3/kpi/{id}`), municipality groups with
//! their members in either form Kolada writes them, and municipalities' names. Each element is
//! read from its own slice of the text, so a problem is placed by line and column.

use super::*;

#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Number(i64),
}

#[derive(Deserialize)]
struct RawKpi {
    id: String,
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    operating_area: Option<String>,
    #[serde(default)]
    is_divided_by_gender: Option<Flag>,
    #[serde(default)]
    municipality_type: Option<String>,
    #[serde(default)]
    publication_date: Option<String>,
}

/// Each element of an answer's `values`, read as `T` and checked by `check`.
fn elements<T, U>(
    bytes: &[u8],
    limits: &Limits,
    check: impl Fn(T) -> Result<U, String>,
) -> Result<Vec<U>, Vec<Issue>>
where
    T: for<'a> Deserialize<'a>,
{
    let source = text(bytes, ANSWER, limits)?;
    let page = page(source, limits)?;
    let mut found = Vec::new();
    let mut issues = Vec::new();
    for raw in &page.rows {
        let start = offset(source, raw);
        match serde_json::from_str::<T>(raw.get()) {
            Ok(element) => match check(element) {
                Ok(checked) => found.push(checked),
                Err(message) => issues.push(Issue::error(source, start..start + 1, message)),
            },
            Err(error) => issues.push(json_issue(source, start, &error)),
        }
    }
    if issues.is_empty() {
        Ok(found)
    } else {
        Err(issues)
    }
}

pub fn read_kpi_metadata(bytes: &[u8], limits: &Limits) -> Result<Vec<KpiMetadata>, Vec<Issue>> {
    elements(bytes, limits, |raw: RawKpi| {
        if !is_kpi_id(&raw.id) {
            return Err(format!(
                "”{}” är inget nyckeltals-id i Kolada",
                shown(&raw.id)
            ));
        }
        Ok(KpiMetadata {
            id: raw.id,
            title: raw.title,
            description: raw.description.unwrap_or_default(),
            operating_area: raw.operating_area.unwrap_or_default(),
            divided_by_gender: matches!(
                raw.is_divided_by_gender,
                Some(Flag::Bool(true)) | Some(Flag::Number(1..))
            ),
            municipality_type: raw.municipality_type.unwrap_or_default(),
            publication_date: raw.publication_date.unwrap_or_default(),
        })
    })
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawMember {
    Object {
        member_id: Option<String>,
        member_title: Option<String>,
        id: Option<String>,
        title: Option<String>,
    },
    Id(String),
}

#[derive(Deserialize)]
struct RawGroup {
    id: String,
    title: String,
    #[serde(default)]
    members: Vec<RawMember>,
}

pub fn read_groups(bytes: &[u8], limits: &Limits) -> Result<Vec<MunicipalityGroup>, Vec<Issue>> {
    elements(bytes, limits, |raw: RawGroup| {
        if !is_group_id(&raw.id) {
            return Err(format!(
                "”{}” är ingen kommungrupp i Kolada (till exempel G37411)",
                shown(&raw.id)
            ));
        }
        let mut members = Vec::new();
        for member in raw.members {
            let (id, title) = match member {
                RawMember::Object {
                    member_id,
                    member_title,
                    id,
                    title,
                } => (
                    member_id.or(id).unwrap_or_default(),
                    member_title.or(title).unwrap_or_default(),
                ),
                RawMember::Id(id) => (id, String::new()),
            };
            if !is_municipality_id(&id) {
                return Err(format!(
                    "gruppen {}: ”{}” är ingen kommun (fyra siffror)",
                    raw.id,
                    shown(&id)
                ));
            }
            members.push(GroupMember { id, title });
        }
        Ok(MunicipalityGroup {
            id: raw.id,
            title: raw.title,
            members,
            own: false,
        })
    })
}

#[derive(Deserialize)]
struct RawMunicipality {
    id: String,
    title: String,
}

pub fn read_municipalities(bytes: &[u8], limits: &Limits) -> Result<Vec<GroupMember>, Vec<Issue>> {
    elements(bytes, limits, |raw: RawMunicipality| {
        if !is_municipality_id(&raw.id) && !is_group_id(&raw.id) {
            return Err(format!("”{}” är ingen kommun i Kolada", shown(&raw.id)));
        }
        Ok(GroupMember {
            id: raw.id,
            title: raw.title,
        })
    })
}
