//! Writing what Kolada answered into the cache, in one transaction: values compared with the
//! rows there (a row whose value, count and status are the same is left alone, its fetch
//! time too), and within the scope asked for, rows Kolada no longer answers removed; KPI
//! metadata, groups and names replaced; the fetch logged; one audit entry with the counts
//! and the first changed keys.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::{AnyConnection, Row};
use styr_domain::calendar::Year;
use styr_domain::kolada::{GroupMember, KoladaValue, KpiMetadata, MunicipalityGroup};

use super::value_of;
use crate::{AuditEntry, Stamp, Store, StoreError};

/// What was asked for: every value of these KPIs for these municipalities and years is in
/// the answer, so a cached one the answer lacks is gone from Kolada.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KoladaScope {
    pub kpis: Vec<String>,
    pub municipalities: Vec<String>,
    pub years: Vec<Year>,
}

/// One fetch's or import's answer, to be written.
#[derive(Clone, Debug, Default)]
pub struct KoladaRefresh {
    /// The address fetched or the file imported.
    pub origin: String,
    pub pages: i64,
    /// `None` for an imported file: only the rows it holds are compared, none removed.
    pub scope: Option<KoladaScope>,
    pub values: Vec<KoladaValue>,
    pub kpis: Vec<KpiMetadata>,
    pub groups: Vec<MunicipalityGroup>,
    pub municipalities: Vec<GroupMember>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RefreshCounts {
    pub inserted: i64,
    pub changed: i64,
    pub removed: i64,
    pub unchanged: i64,
}

type Key = (String, String, Year, &'static str);

fn key(value: &KoladaValue) -> Key {
    (
        value.kpi.clone(),
        value.municipality.clone(),
        value.year,
        value.gender.key(),
    )
}

fn same(left: &KoladaValue, right: &KoladaValue) -> bool {
    left.value == right.value && left.count == right.count && left.status == right.status
}

async fn cached(
    connection: &mut AnyConnection,
    kpis: &BTreeSet<String>,
) -> Result<BTreeMap<Key, KoladaValue>, StoreError> {
    let mut found = BTreeMap::new();
    for kpi in kpis {
        let rows = sqlx::query("SELECT * FROM kolada_values WHERE kpi = $1")
            .bind(kpi)
            .fetch_all(&mut *connection)
            .await?;
        for row in &rows {
            let (value, _) = value_of(row)?;
            found.insert(key(&value), value);
        }
    }
    Ok(found)
}

async fn write_value(
    connection: &mut AnyConnection,
    value: &KoladaValue,
    at: &str,
    new: bool,
) -> Result<(), StoreError> {
    let sql = if new {
        "INSERT INTO kolada_values (value, count, status, fetched_at, kpi, municipality, year, gender) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    } else {
        "UPDATE kolada_values SET value = $1, count = $2, status = $3, fetched_at = $4 WHERE kpi = $5 AND municipality = $6 AND year = $7 AND gender = $8"
    };
    sqlx::query(sql)
        .bind(value.value.map(|figure| figure.to_string()))
        .bind(value.count)
        .bind(value.status.clone())
        .bind(at.to_string())
        .bind(value.kpi.clone())
        .bind(value.municipality.clone())
        .bind(i64::from(value.year.number()))
        .bind(value.gender.key())
        .execute(&mut *connection)
        .await?;
    Ok(())
}

impl Store {
    pub async fn refresh_kolada(
        &self,
        refresh: &KoladaRefresh,
        action: &str,
        stamp: &Stamp,
    ) -> Result<RefreshCounts, StoreError> {
        let mut transaction = self.begin_write().await?;
        let mut kpis: BTreeSet<String> = refresh
            .values
            .iter()
            .map(|value| value.kpi.clone())
            .collect();
        if let Some(scope) = &refresh.scope {
            kpis.extend(scope.kpis.iter().cloned());
        }
        let before = cached(&mut transaction, &kpis).await?;
        let mut counts = RefreshCounts::default();
        let mut changed_keys = Vec::new();
        let mut answered = BTreeSet::new();
        for value in &refresh.values {
            let value_key = key(value);
            if !answered.insert(value_key.clone()) {
                continue; // the same row twice in one answer: the first counts
            }
            match before.get(&value_key) {
                Some(old) if same(old, value) => counts.unchanged += 1,
                Some(_) => {
                    counts.changed += 1;
                    changed_keys.push(format!(
                        "{}/{}/{}/{}",
                        value_key.0, value_key.1, value_key.2, value_key.3
                    ));
                    write_value(&mut transaction, value, &stamp.at, false).await?;
                }
                None => {
                    counts.inserted += 1;
                    write_value(&mut transaction, value, &stamp.at, true).await?;
                }
            }
        }
        if let Some(scope) = &refresh.scope {
            for (old_key, _) in before.iter().filter(|(old_key, _)| {
                scope.kpis.contains(&old_key.0)
                    && scope.municipalities.contains(&old_key.1)
                    && scope.years.contains(&old_key.2)
                    && !answered.contains(*old_key)
            }) {
                counts.removed += 1;
                changed_keys.push(format!(
                    "-{}/{}/{}/{}",
                    old_key.0, old_key.1, old_key.2, old_key.3
                ));
                sqlx::query("DELETE FROM kolada_values WHERE kpi = $1 AND municipality = $2 AND year = $3 AND gender = $4")
                    .bind(old_key.0.clone())
                    .bind(old_key.1.clone())
                    .bind(i64::from(old_key.2.number()))
                    .bind(old_key.3)
                    .execute(&mut *transaction)
                    .await?;
            }
        }
        for kpi in &refresh.kpis {
            sqlx::query("DELETE FROM kolada_kpis WHERE id = $1")
                .bind(kpi.id.clone())
                .execute(&mut *transaction)
                .await?;
            sqlx::query("INSERT INTO kolada_kpis (id, title, description, operating_area, divided_by_gender, municipality_type, publication_date, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(kpi.id.clone())
                .bind(kpi.title.clone())
                .bind(kpi.description.clone())
                .bind(kpi.operating_area.clone())
                .bind(i64::from(kpi.divided_by_gender))
                .bind(kpi.municipality_type.clone())
                .bind(kpi.publication_date.clone())
                .bind(stamp.at.clone())
                .execute(&mut *transaction)
                .await?;
        }
        for group in &refresh.groups {
            super::groups::write_group(&mut transaction, group, &stamp.at).await?;
        }
        let names = refresh
            .municipalities
            .iter()
            .chain(refresh.groups.iter().flat_map(|group| &group.members));
        for member in names.filter(|member| !member.title.is_empty()) {
            super::groups::write_name(&mut transaction, member, &stamp.at).await?;
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM kolada_fetches")
            .fetch_one(&mut *transaction)
            .await?
            .try_get("next")?;
        sqlx::query("INSERT INTO kolada_fetches (id, at, fetched_by, origin, pages, row_count, inserted, changed, removed, unchanged) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
            .bind(id)
            .bind(stamp.at.clone())
            .bind(stamp.by.clone())
            .bind(refresh.origin.clone())
            .bind(refresh.pages)
            .bind(i64::try_from(refresh.values.len()).unwrap_or(i64::MAX))
            .bind(counts.inserted)
            .bind(counts.changed)
            .bind(counts.removed)
            .bind(counts.unchanged)
            .execute(&mut *transaction)
            .await?;
        changed_keys.truncate(200);
        let summary = format!(
            "{}: {} rader, {} nya, {} ändrade, {} borttagna, {} oförändrade; nyckeltal {}, grupper {}{}",
            refresh.origin,
            refresh.values.len(),
            counts.inserted,
            counts.changed,
            counts.removed,
            counts.unchanged,
            refresh.kpis.len(),
            refresh.groups.len(),
            if changed_keys.is_empty() {
                String::new()
            } else {
                format!("; ändrat: {}", changed_keys.join(", "))
            }
        );
        let stamp = stamp.clone().with(
            AuditEntry::new(action, None, format!("kolada/hamtning/{id}"))
                .values(None, Some(summary)),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(counts)
    }
}
