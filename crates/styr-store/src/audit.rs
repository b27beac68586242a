//! The audit log: every change, written in the transaction of the change it records, so a
//! change and its record are stored together or not at all. Append-only — this module inserts
//! and reads; the database's triggers (migration 0004) refuse any UPDATE or DELETE.

use sqlx::{AnyConnection, Row};

use crate::{BudgetId, Stamp, Store, StoreError};

/// One recorded change: what was done to which entity, and its value before and after (as
/// JSON or plain text; `None` where there was nothing before or is nothing after).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub action: String,
    pub budget: Option<BudgetId>,
    pub entity: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// Who made this change when it differs from the write's stamp (a group commit of
    /// several people's changes).
    pub by: Option<String>,
}

impl AuditEntry {
    pub fn new(
        action: impl Into<String>,
        budget: Option<BudgetId>,
        entity: impl Into<String>,
    ) -> AuditEntry {
        AuditEntry {
            action: action.into(),
            budget,
            entity: entity.into(),
            old_value: None,
            new_value: None,
            by: None,
        }
    }

    pub fn by(mut self, by: impl Into<String>) -> AuditEntry {
        self.by = Some(by.into());
        self
    }

    pub fn values(mut self, old: Option<String>, new: Option<String>) -> AuditEntry {
        self.old_value = old;
        self.new_value = new;
        self
    }
}

/// A row of the log as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entry: AuditEntry,
}

/// Which rows to read: every given condition must hold. Times compare as ISO 8601 text.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    /// A part of the entity's name ("drift/ks", "risk/").
    pub entity: Option<String>,
    pub budget: Option<BudgetId>,
    /// From this instant or date (inclusive).
    pub from: Option<String>,
    /// Up to this date (inclusive: "2026-11-26" covers the whole day).
    pub to: Option<String>,
    pub limit: Option<i64>,
}

/// Writes the stamp's entries inside `connection`'s transaction.
pub(crate) async fn write(connection: &mut AnyConnection, stamp: &Stamp) -> Result<(), StoreError> {
    for entry in &stamp.entries {
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, budget_id, entity, old_value, new_value) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(stamp.at.as_str())
        .bind(entry.by.as_deref().unwrap_or(&stamp.by).to_string())
        .bind(entry.action.as_str())
        .bind(entry.budget)
        .bind(entry.entity.as_str())
        .bind(entry.old_value.clone())
        .bind(entry.new_value.clone())
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Records entries that belong to no other write (a login, a refusal), in a transaction of
    /// their own.
    pub async fn record(&self, stamp: &Stamp) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// The log's rows matching `filter`, oldest first.
    pub async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>, StoreError> {
        let mut conditions = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        let parameter = |texts: &mut Vec<String>, value: String| {
            texts.push(value);
            format!("${}", texts.len())
        };
        if let Some(actor) = &filter.actor {
            conditions.push(format!("actor = {}", parameter(&mut texts, actor.clone())));
        }
        if let Some(entity) = &filter.entity {
            let escaped = entity
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            conditions.push(format!(
                "entity LIKE {} ESCAPE '\\'",
                parameter(&mut texts, format!("%{escaped}%"))
            ));
        }
        if let Some(from) = &filter.from {
            conditions.push(format!("at >= {}", parameter(&mut texts, from.clone())));
        }
        if let Some(to) = &filter.to {
            // A date covers its whole day: every instant of it sorts before the next "~".
            conditions.push(format!("at <= {}", parameter(&mut texts, format!("{to}~"))));
        }
        let mut sql = String::from(
            "SELECT id, at, actor, action, budget_id, entity, old_value, new_value FROM audit_log",
        );
        let budget_parameter = filter.budget.map(|_| format!("${}", texts.len() + 1));
        if let Some(placeholder) = &budget_parameter {
            conditions.push(format!("budget_id = {placeholder}"));
        }
        if !conditions.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conditions.join(" AND "));
        }
        sql.push_str(" ORDER BY id");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {}", limit.max(0)));
        }
        // Only fixed fragments and numbered placeholders are joined; every value is bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for text in &texts {
            query = query.bind(text.clone());
        }
        if let Some(budget) = filter.budget {
            query = query.bind(budget);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                Ok(AuditRecord {
                    id: row.try_get("id")?,
                    at: row.try_get("at")?,
                    actor: row.try_get("actor")?,
                    entry: AuditEntry {
                        action: row.try_get("action")?,
                        budget: row.try_get("budget_id")?,
                        entity: row.try_get("entity")?,
                        old_value: row.try_get("old_value")?,
                        new_value: row.try_get("new_value")?,
                        by: None,
                    },
                })
            })
            .collect()
    }
}
