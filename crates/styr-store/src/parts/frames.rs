//! Index vintages (PKV) and frames with their years and derivation steps.

use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use styr_domain::budget::Budget;
use styr_domain::frame::{
    Base, Derivation, Frame, FrameYear, IndexChoice, IndexVintage, Permanence, Step, StepKind,
};
use styr_domain::money::{Amount, Stated};
use styr_domain::organisation::UnitId;
use styr_domain::percent::Percent;

use super::{clear, owned_by, position};
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    for table in [
        "index_values",
        "index_vintages",
        "frame_steps",
        "frame_years",
        "frames",
    ] {
        clear(connection, table, id).await?;
    }
    for (index, vintage) in budget.index.vintages.iter().enumerate() {
        sqlx::query("INSERT INTO index_vintages (budget_id, position, name, vintage) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(position(index))
            .bind(&vintage.name)
            .bind(&vintage.vintage)
            .execute(&mut *connection)
            .await?;
        for (year, percent) in &vintage.values {
            sqlx::query("INSERT INTO index_values (budget_id, vintage_position, year, ten_thousandths) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(position(index))
                .bind(i64::from(year.number()))
                .bind(percent.ten_thousandths())
                .execute(&mut *connection)
                .await?;
        }
    }
    for (index, frame) in budget.frames.iter().enumerate() {
        sqlx::query("INSERT INTO frames (budget_id, position, unit, heading, index_name, vintage) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(position(index))
            .bind(frame.unit.as_str())
            .bind(&frame.heading)
            .bind(&frame.index.name)
            .bind(&frame.index.vintage)
            .execute(&mut *connection)
            .await?;
        for (year, frame_year) in &frame.years {
            let (amount, derivation) = match frame_year {
                FrameYear::Entered { amount, trail } => (Some(amount.ore()), trail.as_ref()),
                FrameYear::Derived { derivation } => (None, Some(derivation)),
            };
            let (base_kind, base_year, base_ore, base_precision) =
                match derivation.map(|derivation| &derivation.base) {
                    Some(Base::Amount { year, amount }) => (
                        Some("amount"),
                        Some(i64::from(year.number())),
                        Some(amount.value.ore()),
                        Some(codec::precision_text(amount.precision)),
                    ),
                    Some(Base::Frame { year }) => {
                        (Some("frame"), Some(i64::from(year.number())), None, None)
                    }
                    None => (None, None, None, None),
                };
            sqlx::query(
                "INSERT INTO frame_years (budget_id, unit, year, amount_ore, base_kind, base_year, base_ore, base_precision) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(frame.unit.as_str())
            .bind(i64::from(year.number()))
            .bind(amount)
            .bind(base_kind.map(str::to_string))
            .bind(base_year)
            .bind(base_ore)
            .bind(base_precision)
            .execute(&mut *connection)
            .await?;
            let steps: Vec<&Step> = derivation
                .map(|derivation| derivation.steps.iter().collect())
                .unwrap_or_default();
            for (step_index, step) in steps.into_iter().enumerate() {
                write_step(
                    connection,
                    id,
                    &frame.unit,
                    i64::from(year.number()),
                    position(step_index),
                    step,
                )
                .await?;
            }
        }
    }
    Ok(())
}

async fn write_step(
    connection: &mut AnyConnection,
    id: BudgetId,
    unit: &UnitId,
    year: i64,
    index: i64,
    step: &Step,
) -> Result<(), StoreError> {
    let (kind, index_year, share, name, amount, permanent) = match &step.kind {
        StepKind::Uprating { index_year, share } => (
            "uprating",
            Some(i64::from(index_year.number())),
            Some(share.ten_thousandths()),
            None,
            None,
            None,
        ),
        StepKind::Adjustment {
            name,
            amount,
            permanence,
        } => (
            "adjustment",
            None,
            None,
            Some(name.clone()),
            Some(*amount),
            Some(codec::flag(*permanence == Permanence::Permanent)),
        ),
    };
    sqlx::query(
        "INSERT INTO frame_steps (budget_id, unit, year, position, kind, index_year, share, name, amount_ore, amount_precision, permanent, result_ore, result_precision, body) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(id)
    .bind(unit.as_str())
    .bind(year)
    .bind(index)
    .bind(kind)
    .bind(index_year)
    .bind(share)
    .bind(name)
    .bind(amount.map(|amount: Stated| amount.value.ore()))
    .bind(amount.map(|amount: Stated| codec::precision_text(amount.precision)))
    .bind(permanent)
    .bind(step.stated_result.map(|result| result.value.ore()))
    .bind(step.stated_result.map(|result| codec::precision_text(result.precision)))
    .bind(&step.text)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub async fn read(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    let values = sqlx::query(
        "SELECT * FROM index_values WHERE budget_id = $1 ORDER BY vintage_position, year",
    )
    .bind(id)
    .fetch_all(&mut *connection)
    .await?;
    for row in sqlx::query("SELECT * FROM index_vintages WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let vintage_position: i64 = row.try_get("position")?;
        let mut vintage = IndexVintage {
            name: row.try_get("name")?,
            vintage: row.try_get("vintage")?,
            values: BTreeMap::new(),
        };
        for value in owned_by(&values, "vintage_position", &vintage_position) {
            vintage.values.insert(
                codec::year(value.try_get("year")?)?,
                Percent::from_ten_thousandths(value.try_get("ten_thousandths")?),
            );
        }
        budget.index.vintages.push(vintage);
    }
    let years = sqlx::query("SELECT * FROM frame_years WHERE budget_id = $1 ORDER BY unit, year")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
    let steps =
        sqlx::query("SELECT * FROM frame_steps WHERE budget_id = $1 ORDER BY unit, year, position")
            .bind(id)
            .fetch_all(&mut *connection)
            .await?;
    for row in sqlx::query("SELECT * FROM frames WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let unit: String = row.try_get("unit")?;
        let mut frame = Frame {
            unit: UnitId(unit.clone()),
            heading: row.try_get("heading")?,
            index: IndexChoice {
                name: row.try_get("index_name")?,
                vintage: row.try_get("vintage")?,
            },
            years: BTreeMap::new(),
        };
        for year_row in owned_by(&years, "unit", &unit) {
            let year_number: i64 = year_row.try_get("year")?;
            let base_kind: Option<String> = year_row.try_get("base_kind")?;
            let base = match base_kind.as_deref() {
                Some("frame") => Some(Base::Frame {
                    year: codec::year(year_row.try_get("base_year")?)?,
                }),
                Some("amount") => {
                    let ore: Option<i64> = year_row.try_get("base_ore")?;
                    let precision: Option<String> = year_row.try_get("base_precision")?;
                    Some(Base::Amount {
                        year: codec::year(year_row.try_get("base_year")?)?,
                        amount: codec::stated(
                            ore.unwrap_or_default(),
                            precision.as_deref().unwrap_or("tkr"),
                        )?,
                    })
                }
                _ => None,
            };
            let mut derivation_steps = Vec::new();
            let of_year = |step: &&AnyRow| {
                step.try_get::<i64, _>("year")
                    .is_ok_and(|year| year == year_number)
            };
            for step in owned_by(&steps, "unit", &unit).filter(of_year) {
                derivation_steps.push(read_step(step)?);
            }
            let derivation = base.map(|base| Derivation {
                base,
                steps: derivation_steps,
            });
            let amount: Option<i64> = year_row.try_get("amount_ore")?;
            let frame_year = match (amount, derivation) {
                (Some(amount), trail) => FrameYear::Entered {
                    amount: Amount::from_ore(amount),
                    trail,
                },
                (None, Some(derivation)) => FrameYear::Derived { derivation },
                (None, None) => {
                    return Err(codec::corrupt(format!(
                        "ramåret {year_number} saknar belopp och härledning"
                    )));
                }
            };
            frame.years.insert(codec::year(year_number)?, frame_year);
        }
        budget.frames.push(frame);
    }
    Ok(())
}

fn read_step(row: &sqlx::any::AnyRow) -> Result<Step, StoreError> {
    let kind: String = row.try_get("kind")?;
    let stated = |ore: &str, precision: &str| -> Result<Option<Stated>, StoreError> {
        let ore: Option<i64> = row.try_get(ore)?;
        let precision: Option<String> = row.try_get(precision)?;
        ore.map(|ore| codec::stated(ore, precision.as_deref().unwrap_or("tkr")))
            .transpose()
    };
    let kind = match kind.as_str() {
        "uprating" => StepKind::Uprating {
            index_year: codec::year(
                row.try_get::<Option<i64>, _>("index_year")?
                    .unwrap_or_default(),
            )?,
            share: Percent::from_ten_thousandths(
                row.try_get::<Option<i64>, _>("share")?.unwrap_or_default(),
            ),
        },
        "adjustment" => StepKind::Adjustment {
            name: row
                .try_get::<Option<String>, _>("name")?
                .unwrap_or_default(),
            amount: stated("amount_ore", "amount_precision")?
                .ok_or_else(|| codec::corrupt("justering utan belopp"))?,
            permanence: if row.try_get::<Option<i64>, _>("permanent")?.unwrap_or(1) != 0 {
                Permanence::Permanent
            } else {
                Permanence::Temporary
            },
        },
        other => return Err(codec::corrupt(format!("steget ”{other}”"))),
    };
    Ok(Step {
        kind,
        stated_result: stated("result_ore", "result_precision")?,
        text: row.try_get("body")?,
    })
}
