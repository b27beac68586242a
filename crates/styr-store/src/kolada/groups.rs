//! Municipality groups — Kolada's own and the lists users choose — their members, the names
//! of municipalities, and each municipality's chosen peer group.

use sqlx::{AnyConnection, Row};
use styr_domain::kolada::{GroupMember, MunicipalityGroup};

use crate::{AuditEntry, Stamp, Store, StoreError};

pub(super) async fn write_group(
    connection: &mut AnyConnection,
    group: &MunicipalityGroup,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM kolada_group_members WHERE group_id = $1")
        .bind(group.id.clone())
        .execute(&mut *connection)
        .await?;
    sqlx::query("DELETE FROM kolada_groups WHERE id = $1")
        .bind(group.id.clone())
        .execute(&mut *connection)
        .await?;
    sqlx::query(
        "INSERT INTO kolada_groups (id, title, origin, fetched_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(group.id.clone())
    .bind(group.title.clone())
    .bind(if group.own { "egen" } else { "kolada" })
    .bind(at.to_string())
    .execute(&mut *connection)
    .await?;
    let mut seen = std::collections::BTreeSet::new();
    for member in group
        .members
        .iter()
        .filter(|member| seen.insert(member.id.clone()))
    {
        sqlx::query("INSERT INTO kolada_group_members (group_id, municipality) VALUES ($1, $2)")
            .bind(group.id.clone())
            .bind(member.id.clone())
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

pub(super) async fn write_name(
    connection: &mut AnyConnection,
    member: &GroupMember,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM kolada_municipalities WHERE id = $1")
        .bind(member.id.clone())
        .execute(&mut *connection)
        .await?;
    sqlx::query("INSERT INTO kolada_municipalities (id, title, fetched_at) VALUES ($1, $2, $3)")
        .bind(member.id.clone())
        .bind(member.title.clone())
        .bind(at.to_string())
        .execute(&mut *connection)
        .await?;
    Ok(())
}

impl Store {
    /// Every group with its members (named where Kolada gave a name), by id.
    pub async fn kolada_groups(&self) -> Result<Vec<MunicipalityGroup>, StoreError> {
        let names = self.kolada_names().await?;
        let members = sqlx::query("SELECT group_id, municipality FROM kolada_group_members ORDER BY group_id, municipality")
            .fetch_all(&self.pool)
            .await?;
        let rows = sqlx::query("SELECT id, title, origin FROM kolada_groups ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut groups = Vec::new();
        for row in &rows {
            let id: String = row.try_get("id")?;
            let mut group_members = Vec::new();
            for member in &members {
                if member.try_get::<String, _>("group_id")? == id {
                    let municipality: String = member.try_get("municipality")?;
                    group_members.push(GroupMember {
                        title: names.get(&municipality).cloned().unwrap_or_default(),
                        id: municipality,
                    });
                }
            }
            groups.push(MunicipalityGroup {
                title: row.try_get("title")?,
                own: row.try_get::<String, _>("origin")? == "egen",
                members: group_members,
                id,
            });
        }
        Ok(groups)
    }

    /// A user's own list of peers, stored as a group, recorded.
    pub async fn put_own_group(
        &self,
        group: &MunicipalityGroup,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        let before = sqlx::query("SELECT title FROM kolada_groups WHERE id = $1")
            .bind(group.id.clone())
            .fetch_optional(&mut *transaction)
            .await?
            .map(|row| row.try_get::<String, _>("title"))
            .transpose()?;
        write_group(&mut transaction, group, &stamp.at).await?;
        let members: Vec<&str> = group
            .members
            .iter()
            .map(|member| member.id.as_str())
            .collect();
        let stamp = stamp.clone().with(
            AuditEntry::new(
                "spara jämförelsegrupp",
                None,
                format!("kolada/grupp/{}", group.id),
            )
            .values(
                before,
                Some(format!("{}: {}", group.title, members.join(", "))),
            ),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    pub async fn peer_choice(&self, municipality: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query("SELECT group_id FROM peer_choices WHERE municipality = $1")
                .bind(municipality)
                .fetch_optional(&self.pool)
                .await?
                .map(|row| row.try_get("group_id"))
                .transpose()?,
        )
    }

    pub async fn set_peer_choice(
        &self,
        municipality: &str,
        group: &str,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        let before = sqlx::query("SELECT group_id FROM peer_choices WHERE municipality = $1")
            .bind(municipality)
            .fetch_optional(&mut *transaction)
            .await?
            .map(|row| row.try_get::<String, _>("group_id"))
            .transpose()?;
        sqlx::query("DELETE FROM peer_choices WHERE municipality = $1")
            .bind(municipality)
            .execute(&mut *transaction)
            .await?;
        sqlx::query("INSERT INTO peer_choices (municipality, group_id, chosen_by, chosen_at) VALUES ($1, $2, $3, $4)")
            .bind(municipality)
            .bind(group)
            .bind(stamp.by.clone())
            .bind(stamp.at.clone())
            .execute(&mut *transaction)
            .await?;
        let stamp = stamp.clone().with(
            AuditEntry::new(
                "välj jämförelsegrupp",
                None,
                format!("kolada/jamforelse/{municipality}"),
            )
            .values(before, Some(group.to_string())),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}
