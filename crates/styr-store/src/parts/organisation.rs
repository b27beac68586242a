//! The organisation tree with validity dates.

use sqlx::{AnyConnection, Row};
use styr_domain::budget::Budget;
use styr_domain::organisation::{Organisation, OrganisationUnit, UnitId, UnitKind};

use super::{clear, position};
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    clear(connection, "units", id).await?;
    for (index, unit) in budget.organisation.units().iter().enumerate() {
        sqlx::query(
            "INSERT INTO units (budget_id, position, id, name, kind, parent, valid_from, valid_to, predecessor, separately_reported, description) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(position(index))
        .bind(unit.id.as_str())
        .bind(&unit.name)
        .bind(unit.kind.swedish())
        .bind(unit.parent.as_ref().map(|parent| parent.0.clone()))
        .bind(unit.valid_from.map(|date| date.to_string()))
        .bind(unit.valid_to.map(|date| date.to_string()))
        .bind(unit.predecessor.as_ref().map(|predecessor| predecessor.0.clone()))
        .bind(codec::flag(unit.separately_reported))
        .bind(&unit.description)
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

pub async fn read(
    connection: &mut AnyConnection,
    id: BudgetId,
) -> Result<Organisation, StoreError> {
    let rows = sqlx::query("SELECT * FROM units WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
    let mut units = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get("kind")?;
        units.push(OrganisationUnit {
            id: UnitId(row.try_get("id")?),
            name: row.try_get("name")?,
            kind: UnitKind::from_swedish(&kind)
                .ok_or_else(|| codec::corrupt(format!("”{kind}” är ingen enhetstyp")))?,
            parent: row.try_get::<Option<String>, _>("parent")?.map(UnitId),
            valid_from: codec::optional_date(row.try_get("valid_from")?)?,
            valid_to: codec::optional_date(row.try_get("valid_to")?)?,
            predecessor: row.try_get::<Option<String>, _>("predecessor")?.map(UnitId),
            separately_reported: row.try_get::<i64, _>("separately_reported")? != 0,
            description: row.try_get("description")?,
        });
    }
    Organisation::new(units).map_err(|error| codec::corrupt(error.to_string()))
}
