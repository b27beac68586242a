//! A goal's assessment for a period as a person set it: the fulfilment chosen, the reason,
//! and the fulfilment computed at that moment, so the two can be shown side by side.

use sqlx::Row;
use styr_domain::goals::{Assessment, Fulfilment, Period};

use super::GoalScope;
use crate::{AuditEntry, Stamp, Store, StoreError, codec};

fn fulfilment(key: &str) -> Result<Fulfilment, StoreError> {
    Fulfilment::from_key(key).ok_or_else(|| codec::corrupt(format!("bedömningen ”{key}”")))
}

impl Store {
    pub async fn assessments(&self, scope: &GoalScope) -> Result<Vec<Assessment>, StoreError> {
        let rows = sqlx::query(
            "SELECT goal, period, chosen, reason, computed, assessed_by, assessed_at FROM goal_assessments WHERE municipality = $1 AND board = $2 ORDER BY goal, period",
        )
        .bind(&scope.municipality)
        .bind(&scope.board)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let period: String = row.try_get("period")?;
                Ok(Assessment {
                    goal: row.try_get("goal")?,
                    period: Period::parse(&period)
                        .map_err(|error| codec::corrupt(error.to_string()))?,
                    chosen: fulfilment(&row.try_get::<String, _>("chosen")?)?,
                    reason: row.try_get("reason")?,
                    computed: fulfilment(&row.try_get::<String, _>("computed")?)?,
                    by: row.try_get("assessed_by")?,
                    at: row.try_get("assessed_at")?,
                })
            })
            .collect()
    }

    /// Sets (or replaces) a goal's assessment for its period, recorded with what it replaced.
    pub async fn set_assessment(
        &self,
        scope: &GoalScope,
        assessment: &Assessment,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let describe = |chosen: &str, reason: &str, computed: &str| {
            format!("{chosen} (beräknat: {computed}): {reason}")
        };
        let mut transaction = self.begin_write().await?;
        let previous = sqlx::query(
            "SELECT chosen, reason, computed FROM goal_assessments WHERE municipality = $1 AND board = $2 AND goal = $3 AND period = $4",
        )
        .bind(&scope.municipality)
        .bind(&scope.board)
        .bind(&assessment.goal)
        .bind(assessment.period.key())
        .fetch_optional(&mut *transaction)
        .await?
        .map(|row| -> Result<String, StoreError> {
            Ok(describe(&row.try_get::<String, _>("chosen")?, &row.try_get::<String, _>("reason")?, &row.try_get::<String, _>("computed")?))
        })
        .transpose()?;
        sqlx::query(
            "INSERT INTO goal_assessments (municipality, board, goal, period, chosen, reason, computed, assessed_by, assessed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (municipality, board, goal, period) DO UPDATE SET chosen = excluded.chosen, reason = excluded.reason, computed = excluded.computed, assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at",
        )
        .bind(&scope.municipality)
        .bind(&scope.board)
        .bind(&assessment.goal)
        .bind(assessment.period.key())
        .bind(assessment.chosen.key())
        .bind(&assessment.reason)
        .bind(assessment.computed.key())
        .bind(&assessment.by)
        .bind(&assessment.at)
        .execute(&mut *transaction)
        .await?;
        let stamp = stamp.clone().with(
            AuditEntry::new(
                "bedöm mål",
                None,
                scope.entity(&format!("{}/{}", assessment.goal, assessment.period)),
            )
            .values(
                previous,
                Some(describe(
                    assessment.chosen.key(),
                    &assessment.reason,
                    assessment.computed.key(),
                )),
            ),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}
