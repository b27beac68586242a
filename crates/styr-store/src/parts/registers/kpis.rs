//! A goal's KPIs with their follow-up definition (key, direction, unit, range, baseline,
//! tolerance, purpose, directions) and their targets per year. Decimals are exact plain text.

use sqlx::{AnyConnection, Row, any::AnyRow};
use styr_domain::decimal::Decimal;
use styr_domain::goals::{Baseline, Direction, Goal, Kpi, KpiPurpose, KpiUnit, Period};

use super::super::{owned_by, position};
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write(
    connection: &mut AnyConnection,
    id: BudgetId,
    goal: &Goal,
) -> Result<(), StoreError> {
    for (index, kpi) in goal.kpis.iter().enumerate() {
        let (purpose, amount) = match &kpi.purpose {
            KpiPurpose::Quality => ("quality", None),
            KpiPurpose::NetCostDeviation { amount_kolada_id } => {
                ("net_cost_deviation", amount_kolada_id.clone())
            }
        };
        sqlx::query(
            "INSERT INTO kpis (budget_id, goal_id, position, name, source, measurements_per_year, kolada_id, kpi_id, direction, unit, minimum, maximum, baseline_period, baseline_value, tolerance, purpose, amount_kolada_id, directions) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind(id)
        .bind(&goal.id)
        .bind(position(index))
        .bind(&kpi.name)
        .bind(&kpi.source)
        .bind(i64::from(kpi.measurements_per_year))
        .bind(kpi.kolada_id.clone())
        .bind(&kpi.id)
        .bind(kpi.direction.key())
        .bind(kpi.unit.key())
        .bind(kpi.minimum.map(|value| value.to_string()))
        .bind(kpi.maximum.map(|value| value.to_string()))
        .bind(kpi.baseline.as_ref().map(|baseline| baseline.period.key()))
        .bind(kpi.baseline.as_ref().map(|baseline| baseline.value.to_string()))
        .bind(kpi.tolerance.map(|value| value.to_string()))
        .bind(purpose)
        .bind(amount)
        .bind(kpi.directions.join(","))
        .execute(&mut *connection)
        .await?;
        for target in &kpi.targets {
            sqlx::query(
                "INSERT INTO kpi_targets (budget_id, goal_id, kpi_id, year, value) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(&goal.id)
            .bind(&kpi.id)
            .bind(i64::from(target.year.number()))
            .bind(target.value.to_string())
            .execute(&mut *connection)
            .await?;
        }
    }
    Ok(())
}

pub async fn target_rows(
    connection: &mut AnyConnection,
    id: BudgetId,
) -> Result<Vec<AnyRow>, StoreError> {
    Ok(
        sqlx::query(
            "SELECT * FROM kpi_targets WHERE budget_id = $1 ORDER BY goal_id, kpi_id, year",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?,
    )
}

pub fn decimal(text: &str) -> Result<Decimal, StoreError> {
    Decimal::parse(text).map_err(|_| codec::corrupt(format!("talet ”{text}”")))
}

fn optional_decimal(text: Option<String>) -> Result<Option<Decimal>, StoreError> {
    text.as_deref().map(decimal).transpose()
}

pub fn keys(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(str::to_string)
        .collect()
}

/// The KPI stored in `row`, with its targets among `targets`.
pub fn read(row: &AnyRow, targets: &[AnyRow], goal_id: &str) -> Result<Kpi, StoreError> {
    let name: String = row.try_get("name")?;
    let stored_id: String = row.try_get("kpi_id")?;
    // A KPI stored before KPIs had keys gets the one the budget file would give it.
    let id = if stored_id.is_empty() {
        styr_domain::key::slug(&name)
    } else {
        stored_id
    };
    let text = |column: &str| -> Result<String, StoreError> { Ok(row.try_get(column)?) };
    let direction = text("direction")?;
    let unit = text("unit")?;
    let baseline = match (
        row.try_get::<Option<String>, _>("baseline_period")?,
        row.try_get::<Option<String>, _>("baseline_value")?,
    ) {
        (Some(period), Some(value)) => Some(Baseline {
            period: Period::parse(&period).map_err(|error| codec::corrupt(error.to_string()))?,
            value: decimal(&value)?,
        }),
        _ => None,
    };
    let purpose = match text("purpose")?.as_str() {
        "net_cost_deviation" => KpiPurpose::NetCostDeviation {
            amount_kolada_id: row.try_get("amount_kolada_id")?,
        },
        _ => KpiPurpose::Quality,
    };
    let mut kpi = Kpi {
        source: row.try_get("source")?,
        measurements_per_year: u8::try_from(row.try_get::<i64, _>("measurements_per_year")?)
            .map_err(|_| codec::corrupt("mätningar per år"))?,
        kolada_id: row.try_get("kolada_id")?,
        direction: Direction::from_key(&direction)
            .ok_or_else(|| codec::corrupt(format!("riktningen ”{direction}”")))?,
        unit: KpiUnit::from_key(&unit)
            .ok_or_else(|| codec::corrupt(format!("enheten ”{unit}”")))?,
        minimum: optional_decimal(row.try_get("minimum")?)?,
        maximum: optional_decimal(row.try_get("maximum")?)?,
        baseline,
        tolerance: optional_decimal(row.try_get("tolerance")?)?,
        purpose,
        directions: keys(&text("directions")?),
        ..Kpi::named(&id, &name)
    };
    let goal_id = goal_id.to_string();
    for target in owned_by(targets, "goal_id", &goal_id) {
        if target.try_get::<String, _>("kpi_id")? == kpi.id {
            let year = codec::year(target.try_get("year")?)?;
            let value = decimal(&target.try_get::<String, _>("value")?)?;
            kpi.set_target(year, Some(value));
        }
    }
    Ok(kpi)
}
