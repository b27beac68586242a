//! The Kolada cache: values as Kolada answered them, with the time each was written; KPI
//! metadata; municipality groups and names; the log of fetches and imports; and each
//! municipality's chosen peer group. Comparisons read from here, so styr works without a
//! network. A refresh ([`KoladaRefresh`]) is one transaction that rewrites only the rows whose
//! answer changed and, within the scope it fetched, removes the rows Kolada no longer has:
//!
//! ```text
//! refresh N00097 × {1489, 1441} × {2023, 2024}: 8 rows answered
//!   → 1 inserted, 1 changed, 0 removed, 6 unchanged (their fetch time stays as it was)
//! ```

mod groups;
mod refresh;

pub use refresh::{KoladaRefresh, KoladaScope, RefreshCounts};

use sqlx::Row;
use styr_domain::kolada::{Gender, KoladaValue, KpiMetadata};

use crate::parts::decimal;
use crate::{Store, StoreError, codec};

/// One fetch or import as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchRecord {
    pub id: i64,
    pub at: String,
    pub by: String,
    pub origin: String,
    pub pages: i64,
    pub rows: i64,
    pub counts: RefreshCounts,
}

fn gender(text: &str) -> Result<Gender, StoreError> {
    Gender::parse(text).ok_or_else(|| codec::corrupt(format!("könet ”{text}”")))
}

pub(crate) fn value_of(row: &sqlx::any::AnyRow) -> Result<(KoladaValue, String), StoreError> {
    Ok((
        KoladaValue {
            kpi: row.try_get("kpi")?,
            municipality: row.try_get("municipality")?,
            year: codec::year(row.try_get("year")?)?,
            gender: gender(&row.try_get::<String, _>("gender")?)?,
            value: row
                .try_get::<Option<String>, _>("value")?
                .as_deref()
                .map(decimal)
                .transpose()?,
            count: row.try_get("count")?,
            status: row.try_get("status")?,
        },
        row.try_get("fetched_at")?,
    ))
}

impl Store {
    /// Every cached value of these KPIs, for every municipality, with its fetch time.
    pub async fn kolada_values(
        &self,
        kpis: &[String],
    ) -> Result<Vec<(KoladaValue, String)>, StoreError> {
        let mut values = Vec::new();
        for kpi in kpis {
            let rows = sqlx::query(
                "SELECT * FROM kolada_values WHERE kpi = $1 ORDER BY municipality, year, gender",
            )
            .bind(kpi)
            .fetch_all(&self.pool)
            .await?;
            for row in &rows {
                values.push(value_of(row)?);
            }
        }
        Ok(values)
    }

    pub async fn kolada_kpis(&self) -> Result<Vec<KpiMetadata>, StoreError> {
        let rows = sqlx::query("SELECT * FROM kolada_kpis ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(KpiMetadata {
                    id: row.try_get("id")?,
                    title: row.try_get("title")?,
                    description: row.try_get("description")?,
                    operating_area: row.try_get("operating_area")?,
                    divided_by_gender: row.try_get::<i64, _>("divided_by_gender")? != 0,
                    municipality_type: row.try_get("municipality_type")?,
                    publication_date: row.try_get("publication_date")?,
                })
            })
            .collect()
    }

    /// The names Kolada gave municipalities (from groups and municipality answers).
    pub async fn kolada_names(
        &self,
    ) -> Result<std::collections::BTreeMap<String, String>, StoreError> {
        let rows = sqlx::query("SELECT id, title FROM kolada_municipalities")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("id")?, row.try_get("title")?)))
            .collect()
    }

    /// The log of fetches and imports, newest first.
    pub async fn kolada_fetches(&self, limit: i64) -> Result<Vec<FetchRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM kolada_fetches ORDER BY id DESC LIMIT $1")
            .bind(limit.max(0))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(FetchRecord {
                    id: row.try_get("id")?,
                    at: row.try_get("at")?,
                    by: row.try_get("fetched_by")?,
                    origin: row.try_get("origin")?,
                    pages: row.try_get("pages")?,
                    rows: row.try_get("row_count")?,
                    counts: RefreshCounts {
                        inserted: row.try_get("inserted")?,
                        changed: row.try_get("changed")?,
                        removed: row.try_get("removed")?,
                        unchanged: row.try_get("unchanged")?,
                    },
                })
            })
            .collect()
    }
}
