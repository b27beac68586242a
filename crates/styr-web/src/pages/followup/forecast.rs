//! A unit's full-year forecast for one entered line, typed in tkr on the follow-up page or on
//! an ansvar's page (which the form returns to).

use serde::Deserialize;
use styr_app::AppError;
use styr_domain::followup::Forecast;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use styr_reports::followup::ENTERED;

use super::report::page;
use crate::auth::Acting;
use crate::extract::{PageForm, PagePath};
use crate::input;
use crate::pages::{PageResult, invalid, see};

/// The forecast form; its fields keep their Swedish names in the page.
#[derive(Deserialize)]
pub struct ForecastForm {
    #[serde(rename = "enhet")]
    pub unit: String,
    #[serde(rename = "rad")]
    pub row: String,
    #[serde(rename = "belopp")]
    pub amount: String,
    #[serde(rename = "kommentar", default)]
    pub comment: String,
    /// "ansvar" when the form is on the unit's own page.
    #[serde(rename = "tillbaka", default)]
    pub back: String,
}

/// Sets a unit's full-year forecast for a line, entered in tkr.
pub async fn forecast(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<ForecastForm>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let row = OperatingRow::from_key(&form.row).filter(|row| ENTERED.contains(row));
    let unit = input::key(&form.unit);
    let comment = input::text(&form.comment);
    let (Some(row), Ok(amount), Ok(unit), Ok(comment)) =
        (row, input::amount(&form.amount), unit, comment)
    else {
        let message = format!(
            "Prognosen ”{}” går inte att läsa: skriv ett belopp i tkr, till exempel -116 500, och en kommentar utan styrtecken.",
            form.amount.chars().take(40).collect::<String>()
        );
        return invalid(&page(&state, id, vec![message], None).await?);
    };
    let forecast = Forecast {
        unit: UnitId(unit.clone()),
        row,
        year: snapshot.budget.years.budget,
        amount,
        comment,
    };
    match state.app.set_forecast(&state.actor, id, forecast).await {
        Ok(()) if form.back == "ansvar" => {
            see(format!("/budget/{id}/uppfoljning/ansvar/{}#prognos", unit))
        }
        Ok(()) => see(format!("/budget/{id}/uppfoljning#grupp-{unit}")),
        Err(error @ (AppError::Invalid(_) | AppError::Rejected(_))) => {
            invalid(&page(&state, id, vec![error.to_string()], None).await?)
        }
        Err(error) => Err(error.into()),
    }
}
