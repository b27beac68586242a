//! Plain-SQL migrations, applied in order once each and recorded in `schema_migrations`.
//! Most files serve SQLite and PostgreSQL alike (see migrations/0001_budgets.sql); the audit
//! log's numbering and the triggers that keep it append-only are each database's own
//! (`0004_audit.<backend>.sql`, `0005_audit_append_only.<backend>.sql`).

use sqlx::{AnyConnection, AnyPool, Row};

use crate::{Backend, StoreError};

/// Any number; PostgreSQL's advisory locks are named by integers.
const MIGRATION_LOCK: i64 = 0x5354_5952;

/// Every migration, oldest first: (version, SQL for SQLite, SQL for PostgreSQL). Most are the
/// same portable file; the audit log needs each database's own numbering and triggers.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, BUDGETS, BUDGETS),
    (2, FOLLOWUP, FOLLOWUP),
    (3, ACCESS, ACCESS),
    (
        4,
        include_str!("../migrations/0004_audit.sqlite.sql"),
        include_str!("../migrations/0004_audit.postgres.sql"),
    ),
    (
        5,
        include_str!("../migrations/0005_audit_append_only.sqlite.sql"),
        include_str!("../migrations/0005_audit_append_only.postgres.sql"),
    ),
    (
        6,
        include_str!("../migrations/0006_audit_numbered_by_the_log.sqlite.sql"),
        include_str!("../migrations/0006_audit_numbered_by_the_log.postgres.sql"),
    ),
    (10, GOAL_FOLLOWUP, GOAL_FOLLOWUP),
    (11, KOLADA, KOLADA),
    (30, EDITOR, EDITOR),
    (31, GOVERNANCE, GOVERNANCE),
    (40, FOLLOWUP_REPORTS, FOLLOWUP_REPORTS),
    (50, PROFILES, PROFILES),
    (60, MUNICIPAL_BUDGETS, MUNICIPAL_BUDGETS),
    (61, MUNICIPAL_REVISIONS, MUNICIPAL_REVISIONS),
];
const EDITOR: &str = include_str!("../migrations/0030_editor.sql");
const GOVERNANCE: &str = include_str!("../migrations/0031_governance.sql");
const BUDGETS: &str = include_str!("../migrations/0001_budgets.sql");
const FOLLOWUP: &str = include_str!("../migrations/0002_followup.sql");
const ACCESS: &str = include_str!("../migrations/0003_access.sql");
const GOAL_FOLLOWUP: &str = include_str!("../migrations/0010_goal_followup.sql");
const KOLADA: &str = include_str!("../migrations/0011_kolada.sql");
const FOLLOWUP_REPORTS: &str = include_str!("../migrations/0040_followup_reports.sql");
const PROFILES: &str = include_str!("../migrations/0050_profiles.sql");
const MUNICIPAL_BUDGETS: &str = include_str!("../migrations/0060_municipal_budgets.sql");
const MUNICIPAL_REVISIONS: &str = include_str!("../migrations/0061_municipal_revisions.sql");

/// Brings the schema up to date. On PostgreSQL an advisory lock keeps two servers that start
/// at once from migrating together; SQLite serialises writers by itself.
pub async fn migrate(pool: &AnyPool, backend: Backend) -> Result<(), StoreError> {
    let mut connection = pool.acquire().await?;
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *connection)
            .await?;
    }
    let result = apply(&mut connection, backend).await;
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *connection)
            .await?;
    }
    result
}

async fn apply(connection: &mut AnyConnection, backend: Backend) -> Result<(), StoreError> {
    sqlx::query("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)")
        .execute(&mut *connection)
        .await?;
    for (version, sqlite, postgres) in MIGRATIONS {
        let sql = match backend {
            Backend::Sqlite => sqlite,
            Backend::Postgres => postgres,
        };
        // As a writer from the start on SQLite, so two processes that open the file at once
        // migrate one after the other (see open.rs).
        let mut transaction = match backend {
            Backend::Sqlite => {
                sqlx::Connection::begin_with(&mut *connection, "BEGIN IMMEDIATE").await?
            }
            Backend::Postgres => sqlx::Connection::begin(&mut *connection).await?,
        };
        let applied =
            sqlx::query("SELECT COUNT(*) AS applied FROM schema_migrations WHERE version = $1")
                .bind(*version)
                .fetch_one(&mut *transaction)
                .await?
                .try_get::<i64, _>("applied")?;
        if applied > 0 {
            continue;
        }
        for statement in statements(sql) {
            sqlx::query(statement).execute(&mut *transaction).await?;
        }
        sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(*version)
            .bind(crate::clock::now())
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
    }
    Ok(())
}

/// The statements of a migration file: split on semicolons at line ends, comments dropped.
fn statements(sql: &str) -> Vec<&str> {
    sql.split(";\n")
        .map(str::trim)
        .filter(|statement| {
            statement
                .lines()
                .any(|line| !line.trim().is_empty() && !line.trim_start().starts_with("--"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_migration_splits_into_its_statements() {
        let statements = super::statements(
            "-- a comment\nCREATE TABLE a (x BIGINT);\n\nCREATE TABLE b (y TEXT);\n",
        );
        assert_eq!(statements.len(), 2);
        assert!(statements[1].starts_with("CREATE TABLE b"));
    }
}
