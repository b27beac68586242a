//! The municipality's register of governance documents (styrdokument), keyed by the
//! municipality code until the municipality is an entity of its own (migration 0031). Each
//! document carries a version that moves with every save: a save from a stale read is a
//! [`StoreError::Conflict`], and a new document under an id already taken is one too. Every
//! write records its audit entries in its own transaction.
//!
//! ```text
//! store.put_governance_document(&document, None, &stamp).await?        // version 1
//! store.put_governance_document(&changed, Some(1), &stamp).await?      // version 2
//! store.put_governance_document(&other, Some(1), &stamp).await         // Err(Conflict)
//! ```

use sqlx::{AnyConnection, Row};
use styr_domain::document::DocumentMetadata;
use styr_domain::governance::GovernanceDocument;

use crate::codec;
use crate::{Stamp, Store, StoreError, audit};

/// A register row as stored: the document, its version and who saved it last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDocument {
    pub document: GovernanceDocument,
    pub version: i64,
    pub updated_by: String,
    pub updated_at: String,
}

impl Store {
    /// The register of one municipality, by title.
    pub async fn governance_documents(
        &self,
        municipality: &str,
    ) -> Result<Vec<StoredDocument>, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let rows = sqlx::query(
            "SELECT * FROM governance_documents WHERE municipality_code = $1 ORDER BY title, id",
        )
        .bind(municipality)
        .fetch_all(&mut *connection)
        .await?;
        rows.iter().map(read).collect()
    }

    /// Adds `document` (`expected_version` none) or replaces it if it is still at
    /// `expected_version`; returns its new version.
    pub async fn put_governance_document(
        &self,
        document: &GovernanceDocument,
        expected_version: Option<i64>,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let current = version_of(&mut transaction, document).await?;
        if current != expected_version {
            return Err(StoreError::Conflict {
                expected: expected_version.unwrap_or(0),
                actual: current.unwrap_or(0),
            });
        }
        let version = current.unwrap_or(0) + 1;
        if current.is_some() {
            sqlx::query(
                "DELETE FROM governance_documents WHERE municipality_code = $1 AND id = $2",
            )
            .bind(&document.municipality)
            .bind(&document.id)
            .execute(&mut *transaction)
            .await?;
        }
        let metadata = &document.metadata;
        sqlx::query(
            "INSERT INTO governance_documents (municipality_code, id, title, kind, decided_by, decision_date, registry_number, applies_to, validity, valid_until, revise_by, owner, version, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(&document.municipality)
        .bind(&document.id)
        .bind(&metadata.title)
        .bind(&metadata.kind)
        .bind(&metadata.decided_by)
        .bind(metadata.decision_date.map(|date| date.to_string()))
        .bind(&metadata.registry_number)
        .bind(&metadata.applies_to)
        .bind(&metadata.validity)
        .bind(metadata.valid_until.map(|date| date.to_string()))
        .bind(metadata.revise_by.map(|date| date.to_string()))
        .bind(&metadata.owner)
        .bind(version)
        .bind(&stamp.by)
        .bind(&stamp.at)
        .execute(&mut *transaction)
        .await?;
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(version)
    }

    /// Removes a document of the register if it is still at `expected_version`.
    pub async fn delete_governance_document(
        &self,
        municipality: &str,
        id: &str,
        expected_version: i64,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        let deleted = sqlx::query(
            "DELETE FROM governance_documents WHERE municipality_code = $1 AND id = $2 AND version = $3",
        )
        .bind(municipality)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *transaction)
        .await?;
        if deleted.rows_affected() == 0 {
            let probe = GovernanceDocument {
                id: id.to_string(),
                municipality: municipality.to_string(),
                metadata: DocumentMetadata::default(),
            };
            let actual = version_of(&mut transaction, &probe).await?;
            return Err(StoreError::Conflict {
                expected: expected_version,
                actual: actual.unwrap_or(0),
            });
        }
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

async fn version_of(
    connection: &mut AnyConnection,
    document: &GovernanceDocument,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query(
        "SELECT version FROM governance_documents WHERE municipality_code = $1 AND id = $2",
    )
    .bind(&document.municipality)
    .bind(&document.id)
    .fetch_optional(&mut *connection)
    .await?
    .map(|row| row.try_get("version"))
    .transpose()?)
}

fn read(row: &sqlx::any::AnyRow) -> Result<StoredDocument, StoreError> {
    Ok(StoredDocument {
        document: GovernanceDocument {
            id: row.try_get("id")?,
            municipality: row.try_get("municipality_code")?,
            metadata: DocumentMetadata {
                title: row.try_get("title")?,
                kind: row.try_get("kind")?,
                decided_by: row.try_get("decided_by")?,
                decision_date: codec::optional_date(row.try_get("decision_date")?)?,
                registry_number: row.try_get("registry_number")?,
                applies_to: row.try_get("applies_to")?,
                validity: row.try_get("validity")?,
                valid_until: codec::optional_date(row.try_get("valid_until")?)?,
                revise_by: codec::optional_date(row.try_get("revise_by")?)?,
                owner: row.try_get("owner")?,
            },
        },
        version: row.try_get("version")?,
        updated_by: row.try_get("updated_by")?,
        updated_at: row.try_get("updated_at")?,
    })
}
