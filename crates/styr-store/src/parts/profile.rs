//! The municipality's graphic profile, one row per municipality code. A budget without a
//! profile of its own leaves the municipality's as it is; one with a profile replaces it, for
//! every budget of that municipality.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sqlx::{AnyConnection, Row};
use styr_domain::budget::Budget;
use styr_domain::profile::{Colour, Logo, Profile, Typeface};

use crate::{StoreError, codec};

pub async fn write(connection: &mut AnyConnection, budget: &Budget) -> Result<(), StoreError> {
    let Some(profile) = &budget.profile else {
        return Ok(());
    };
    let code = budget.municipality.code.as_str();
    sqlx::query("DELETE FROM municipality_profiles WHERE municipality_code = $1")
        .bind(code)
        .execute(&mut *connection)
        .await?;
    sqlx::query(
        "INSERT INTO municipality_profiles (municipality_code, primary_colour, table_colour, font, cover, cover_text, header, footer, logo) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(code)
    .bind(profile.primary.hex())
    .bind(profile.table.hex())
    .bind(profile.font.name())
    .bind(codec::flag(profile.cover))
    .bind(&profile.cover_text)
    .bind(&profile.header)
    .bind(&profile.footer)
    .bind(profile.logo.as_ref().map(|logo| STANDARD.encode(&logo.bytes)))
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub async fn read(
    connection: &mut AnyConnection,
    code: &str,
) -> Result<Option<Profile>, StoreError> {
    let row = sqlx::query("SELECT * FROM municipality_profiles WHERE municipality_code = $1")
        .bind(code)
        .fetch_optional(&mut *connection)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let corrupt = |error: styr_domain::profile::ProfileError| codec::corrupt(error.to_string());
    let logo = match row.try_get::<Option<String>, _>("logo")? {
        Some(text) => {
            let bytes = STANDARD
                .decode(text)
                .map_err(|_| codec::corrupt("logotypen går inte att läsa"))?;
            Some(Logo::from_bytes(bytes).map_err(corrupt)?)
        }
        None => None,
    };
    Ok(Some(Profile {
        primary: Colour::parse(&row.try_get::<String, _>("primary_colour")?).map_err(corrupt)?,
        table: Colour::parse(&row.try_get::<String, _>("table_colour")?).map_err(corrupt)?,
        font: Typeface::from_name(&row.try_get::<String, _>("font")?).map_err(corrupt)?,
        cover: row.try_get::<i64, _>("cover")? != 0,
        cover_text: row.try_get("cover_text")?,
        header: row.try_get("header")?,
        footer: row.try_get("footer")?,
        logo,
    }))
}

impl crate::Store {
    /// The municipality's graphic profile as stored now, if it has one.
    pub async fn profile(&self, code: &str) -> Result<Option<Profile>, StoreError> {
        let mut connection = self.pool.acquire().await?;
        read(&mut connection, code).await
    }
}
