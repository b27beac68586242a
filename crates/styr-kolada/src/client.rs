//! One fetch: metadata and names first (an unknown id is named before any value is asked
//! for), then the peers, then the values KPI by KPI in chunks of municipalities and years,
//! following each answer's `next_url`.

use std::collections::BTreeSet;

use styr_domain::calendar::Year;
use styr_domain::kolada::{
    GroupMember, KoladaValue, KpiMetadata, MunicipalityGroup, is_group_id, is_kpi_id,
    is_municipality_id,
};
use styr_import::{Issue, Limits};

use crate::{FetchError, MAX_PAGES, Transport};

/// What to fetch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    pub kpis: Vec<String>,
    pub municipalities: Vec<String>,
    /// A municipality group whose members are fetched too, as the peers.
    pub peers: Option<String>,
    pub years: Vec<Year>,
}

/// How many ids one request names at most. Kolada answers 422 to long lists (eight
/// municipalities at once are known to work, 33 not; 25 KPIs or years at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunks {
    pub kpis: usize,
    pub municipalities: usize,
    pub years: usize,
}

impl Default for Chunks {
    fn default() -> Chunks {
        Chunks {
            kpis: 25,
            municipalities: 8,
            years: 25,
        }
    }
}

/// Everything one fetch brought, ready for the cache.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fetched {
    pub values: Vec<KoladaValue>,
    pub kpis: Vec<KpiMetadata>,
    pub municipalities: Vec<GroupMember>,
    pub groups: Vec<MunicipalityGroup>,
    pub pages: usize,
    /// Every municipality values were asked for (the peers included), for the scope.
    pub asked: Vec<String>,
}

/// A reader of one kind of answer (styr_import::kolada's), within limits.
type Reader<U> = fn(&[u8], &Limits) -> Result<Vec<U>, Vec<Issue>>;

pub struct Client<T: Transport> {
    base: String,
    transport: T,
    chunks: Chunks,
    limits: Limits,
}

fn unreadable(url: &str, issues: &[Issue]) -> FetchError {
    FetchError::Unreadable {
        url: url.to_string(),
        issues: issues
            .iter()
            .take(3)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
    }
}

impl<T: Transport> Client<T> {
    pub fn new(base: &str, transport: T) -> Client<T> {
        Client {
            base: base.trim_end_matches('/').to_string(),
            transport,
            chunks: Chunks::default(),
            limits: Limits::default(),
        }
    }

    /// The same client reading every answer within `limits` (its bytes and its rows).
    pub fn with_limits(mut self, limits: Limits) -> Client<T> {
        self.limits = limits;
        self
    }

    pub fn with_chunks(mut self, chunks: Chunks) -> Client<T> {
        self.chunks = chunks;
        self
    }

    /// Every page from `first` on, each read by `read` into its items and its next address.
    fn pages<U>(
        &self,
        first: String,
        pages: &mut usize,
        read: impl Fn(&[u8]) -> Result<(Vec<U>, Option<String>), Vec<Issue>>,
    ) -> Result<Vec<U>, FetchError> {
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        let mut next = Some(first);
        while let Some(url) = next {
            if !seen.insert(url.clone()) {
                return Err(FetchError::Loop { url });
            }
            if !url.starts_with(&self.base) {
                return Err(FetchError::ForeignPage {
                    base: self.base.clone(),
                    url,
                });
            }
            *pages += 1;
            if *pages > MAX_PAGES {
                return Err(FetchError::TooManyPages);
            }
            let body = self.transport.get(&url)?;
            let (found, following) = read(&body).map_err(|issues| unreadable(&url, &issues))?;
            items.extend(found);
            next = following;
        }
        Ok(items)
    }

    fn listed<U>(
        &self,
        path: &str,
        ids: &[String],
        pages: &mut usize,
        read: Reader<U>,
    ) -> Result<Vec<U>, FetchError> {
        let mut found = Vec::new();
        for chunk in ids.chunks(self.chunks.kpis.max(1)) {
            let url = format!("{}/{path}/{}", self.base, chunk.join(","));
            found.extend(self.pages(url, pages, |body| {
                read(body, &self.limits).map(|items| (items, None))
            })?);
        }
        Ok(found)
    }

    pub fn fetch(&self, request: &Request) -> Result<Fetched, FetchError> {
        check(request)?;
        let mut fetched = Fetched::default();
        let mut pages = 0;
        fetched.kpis = self.listed(
            "kpi",
            &request.kpis,
            &mut pages,
            styr_import::kolada::read_kpi_metadata,
        )?;
        missing(
            "nyckeltalet",
            &request.kpis,
            fetched.kpis.iter().map(|kpi| &kpi.id),
        )?;
        fetched.municipalities = self.listed(
            "municipality",
            &request.municipalities,
            &mut pages,
            styr_import::kolada::read_municipalities,
        )?;
        missing(
            "kommunen",
            &request.municipalities,
            fetched
                .municipalities
                .iter()
                .map(|municipality| &municipality.id),
        )?;
        let mut asked = request.municipalities.clone();
        if let Some(group) = &request.peers {
            let url = format!("{}/municipality_groups/{group}", self.base);
            let groups = self.pages(url, &mut pages, |body| {
                styr_import::kolada::read_groups(body, &self.limits).map(|groups| (groups, None))
            })?;
            let Some(found) = groups.into_iter().find(|found| &found.id == group) else {
                return Err(FetchError::Unknown {
                    what: "kommungruppen",
                    ids: group.clone(),
                });
            };
            for member in &found.members {
                if !asked.contains(&member.id) {
                    asked.push(member.id.clone());
                }
            }
            fetched.groups.push(found);
        }
        let years: Vec<String> = request.years.iter().map(ToString::to_string).collect();
        for kpi in &request.kpis {
            for municipalities in asked.chunks(self.chunks.municipalities.max(1)) {
                for years in years.chunks(self.chunks.years.max(1)) {
                    let url = format!(
                        "{}/data/kpi/{kpi}/municipality/{}/year/{}?per_page=5000",
                        self.base,
                        municipalities.join(","),
                        years.join(",")
                    );
                    fetched.values.extend(self.pages(url, &mut pages, |body| {
                        styr_import::kolada::read_data_page(body, &self.limits)
                            .map(|page| (page.values, page.next))
                    })?);
                }
            }
        }
        fetched.pages = pages;
        fetched.asked = asked;
        Ok(fetched)
    }
}

fn check(request: &Request) -> Result<(), FetchError> {
    let invalid = |what: &str, id: &str| {
        FetchError::Invalid(format!(
            "”{}” är {what}",
            id.chars().take(40).collect::<String>()
        ))
    };
    if request.kpis.is_empty() || request.municipalities.is_empty() || request.years.is_empty() {
        return Err(FetchError::Invalid(
            "ange minst ett nyckeltal, en kommun och ett år".into(),
        ));
    }
    if let Some(id) = request.kpis.iter().find(|id| !is_kpi_id(id)) {
        return Err(invalid(
            "inget nyckeltals-id i Kolada (till exempel N00097)",
            id,
        ));
    }
    if let Some(id) = request
        .municipalities
        .iter()
        .find(|id| !is_municipality_id(id))
    {
        return Err(invalid(
            "ingen kommunkod (fyra siffror, till exempel 1489)",
            id,
        ));
    }
    if let Some(id) = request.peers.as_deref().filter(|id| !is_group_id(id)) {
        return Err(invalid(
            "ingen kommungrupp i Kolada (till exempel G37411)",
            id,
        ));
    }
    Ok(())
}

fn missing<'a>(
    what: &'static str,
    asked: &[String],
    found: impl Iterator<Item = &'a String>,
) -> Result<(), FetchError> {
    let found: BTreeSet<&String> = found.collect();
    let unknown: Vec<&str> = asked
        .iter()
        .filter(|id| !found.contains(id))
        .map(String::as_str)
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(FetchError::Unknown {
            what,
            ids: unknown.join(", "),
        })
    }
}
