//! The risk analysis (scales, colour bands, risks with owner, category and residual risk) and
//! the internal control plan with schedules, statuses, conclusions and results.

use sqlx::{AnyConnection, Row};
use styr_domain::budget::Budget;
use styr_domain::internal_control::{
    ControlActivity, ControlResult, ControlStatus, Frequency, Schedule,
};
use styr_domain::risk::{Band, Bands, Grade, Handling, Residual, Risk, ScaleStep};

use super::{clear, owned_by, position};
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    for table in [
        "scale_steps",
        "risk_bands",
        "control_results",
        "control_activities",
        "risks",
    ] {
        clear(connection, table, id).await?;
    }
    for (scale, steps) in [
        ("probability", &budget.scales.probability),
        ("materiality", &budget.scales.materiality),
    ] {
        for step in steps {
            sqlx::query("INSERT INTO scale_steps (budget_id, scale, grade, name, description) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(scale)
                .bind(i64::from(step.grade.value()))
                .bind(&step.name)
                .bind(&step.description)
                .execute(&mut *connection)
                .await?;
        }
    }
    for (index, band) in budget.bands.bands().iter().enumerate() {
        sqlx::query(
            "INSERT INTO risk_bands (budget_id, position, name, from_value, to_value, colour, handling) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(position(index))
        .bind(&band.name)
        .bind(i64::from(band.from))
        .bind(i64::from(band.to))
        .bind(&band.colour)
        .bind(band.suggested_handling.key())
        .execute(&mut *connection)
        .await?;
    }
    for (index, risk) in budget.risks.iter().enumerate() {
        sqlx::query(
            "INSERT INTO risks (budget_id, position, id, name, description, probability, materiality, stated_value, handling, handling_text, owner, category, residual_probability, residual_materiality) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(id)
        .bind(position(index))
        .bind(&risk.id)
        .bind(&risk.name)
        .bind(&risk.description)
        .bind(i64::from(risk.probability.value()))
        .bind(i64::from(risk.materiality.value()))
        .bind(risk.stated_value.map(i64::from))
        .bind(risk.handling.key())
        .bind(&risk.handling_text)
        .bind(&risk.owner)
        .bind(&risk.category)
        .bind(risk.residual.map(|residual| i64::from(residual.probability.value())))
        .bind(risk.residual.map(|residual| i64::from(residual.materiality.value())))
        .execute(&mut *connection)
        .await?;
    }
    for (index, control) in budget.controls.iter().enumerate() {
        sqlx::query(
            "INSERT INTO control_activities (budget_id, position, id, risk, stated_risk_name, stated_value, description, method, responsible, frequency, planned_on, report_by, status, conclusion) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(id)
        .bind(position(index))
        .bind(&control.id)
        .bind(&control.risk)
        .bind(control.stated_risk_name.clone())
        .bind(control.stated_value.map(i64::from))
        .bind(&control.description)
        .bind(&control.method)
        .bind(&control.responsible)
        .bind(control.schedule.frequency.key())
        .bind(control.schedule.planned_on.map(|date| date.to_string()))
        .bind(control.schedule.report_by.map(|date| date.to_string()))
        .bind(control.status.key())
        .bind(&control.conclusion)
        .execute(&mut *connection)
        .await?;
        for (result_index, result) in control.results.iter().enumerate() {
            sqlx::query(
                "INSERT INTO control_results (budget_id, control_id, position, performed_on, sample, deviations_found, deviations, actions) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(&control.id)
            .bind(position(result_index))
            .bind(result.performed_on.to_string())
            .bind(&result.sample)
            .bind(i64::from(result.deviations_found))
            .bind(&result.deviations)
            .bind(&result.actions)
            .execute(&mut *connection)
            .await?;
        }
    }
    Ok(())
}

fn grade(value: i64) -> Result<Grade, StoreError> {
    Grade::new(value).map_err(|error| codec::corrupt(error.to_string()))
}

fn handling(key: &str) -> Result<Handling, StoreError> {
    Handling::from_key(key).ok_or_else(|| codec::corrupt(format!("hanteringen ”{key}”")))
}

fn residual(
    probability: Option<i64>,
    materiality: Option<i64>,
) -> Result<Option<Residual>, StoreError> {
    match (probability, materiality) {
        (Some(probability), Some(materiality)) => Ok(Some(Residual {
            probability: grade(probability)?,
            materiality: grade(materiality)?,
        })),
        (None, None) => Ok(None),
        _ => Err(codec::corrupt("kvarstående risk med bara en av två grader")),
    }
}

/// A value stored as its key (a frequency, a status), read back.
fn keyed<T>(key: String, read: impl Fn(&str) -> Option<T>, what: &str) -> Result<T, StoreError> {
    read(&key).ok_or_else(|| codec::corrupt(format!("{what} ”{key}”")))
}

fn small(value: Option<i64>) -> Result<Option<u8>, StoreError> {
    value
        .map(|value| u8::try_from(value).map_err(|_| codec::corrupt(format!("riskvärdet {value}"))))
        .transpose()
}

pub async fn read(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    for row in sqlx::query("SELECT * FROM scale_steps WHERE budget_id = $1 ORDER BY scale, grade")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let scale: String = row.try_get("scale")?;
        let step = ScaleStep {
            grade: grade(row.try_get("grade")?)?,
            name: row.try_get("name")?,
            description: row.try_get("description")?,
        };
        match scale.as_str() {
            "probability" => budget.scales.probability.push(step),
            "materiality" => budget.scales.materiality.push(step),
            other => return Err(codec::corrupt(format!("skalan ”{other}”"))),
        }
    }
    let mut bands = Vec::new();
    for row in sqlx::query("SELECT * FROM risk_bands WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        bands.push(Band {
            name: row.try_get("name")?,
            from: small(Some(row.try_get("from_value")?))?.unwrap_or_default(),
            to: small(Some(row.try_get("to_value")?))?.unwrap_or_default(),
            colour: row.try_get("colour")?,
            suggested_handling: handling(&row.try_get::<String, _>("handling")?)?,
        });
    }
    if !bands.is_empty() {
        budget.bands = Bands::new(bands).map_err(|error| codec::corrupt(error.to_string()))?;
    }
    for row in sqlx::query("SELECT * FROM risks WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        budget.risks.push(Risk {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            description: row.try_get("description")?,
            probability: grade(row.try_get("probability")?)?,
            materiality: grade(row.try_get("materiality")?)?,
            stated_value: small(row.try_get("stated_value")?)?,
            handling: handling(&row.try_get::<String, _>("handling")?)?,
            handling_text: row.try_get("handling_text")?,
            owner: row.try_get("owner")?,
            category: row.try_get("category")?,
            residual: residual(
                row.try_get("residual_probability")?,
                row.try_get("residual_materiality")?,
            )?,
        });
    }
    let results = sqlx::query(
        "SELECT * FROM control_results WHERE budget_id = $1 ORDER BY control_id, position",
    )
    .bind(id)
    .fetch_all(&mut *connection)
    .await?;
    for row in
        sqlx::query("SELECT * FROM control_activities WHERE budget_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *connection)
            .await?
    {
        let control_id: String = row.try_get("id")?;
        let mut control_results = Vec::new();
        for result in owned_by(&results, "control_id", &control_id) {
            control_results.push(ControlResult {
                performed_on: codec::date(&result.try_get::<String, _>("performed_on")?)?,
                sample: result.try_get("sample")?,
                deviations_found: u32::try_from(result.try_get::<i64, _>("deviations_found")?)
                    .map_err(|_| codec::corrupt("antal avvikelser"))?,
                deviations: result.try_get("deviations")?,
                actions: result.try_get("actions")?,
            });
        }
        budget.controls.push(ControlActivity {
            id: control_id,
            risk: row.try_get("risk")?,
            stated_risk_name: row.try_get("stated_risk_name")?,
            stated_value: small(row.try_get("stated_value")?)?,
            description: row.try_get("description")?,
            method: row.try_get("method")?,
            responsible: row.try_get("responsible")?,
            results: control_results,
            schedule: Schedule {
                frequency: keyed(row.try_get("frequency")?, Frequency::from_key, "frekvensen")?,
                planned_on: codec::optional_date(row.try_get("planned_on")?)?,
                report_by: codec::optional_date(row.try_get("report_by")?)?,
            },
            status: keyed(row.try_get("status")?, ControlStatus::from_key, "statusen")?,
            conclusion: row.try_get("conclusion")?,
        });
    }
    Ok(())
}
