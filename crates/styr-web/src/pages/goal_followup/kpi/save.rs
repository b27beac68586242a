//! Saving on a KPI's page: a value for a period and a year's target, each asked of the
//! application as a change (its permission and scope checked there); a refused value shows the
//! page again with what was typed and why, and nothing saved.

use super::*;

async fn refused(
    state: &Acting,
    id: i64,
    kpi: &str,
    error: styr_app::AppError,
    typed: BTreeMap<String, String>,
) -> PageResult {
    let kind = crate::error::kind_of(&error);
    if matches!(
        kind,
        crate::error::Kind::Invalid | crate::error::Kind::Frozen | crate::error::Kind::Conflict
    ) {
        let shown = page(
            state,
            id,
            kpi,
            format!("{error}. Inget sparades; det du skrev finns kvar."),
            typed,
        )
        .await?;
        return crate::pages::shown_again(kind, &shown);
    }
    Err(error.into())
}

pub async fn save_value(
    state: Acting,
    PagePath((id, kpi)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let kpi = kpi.into_inner();
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let entry = match (
        input::period(get("period")),
        input::decimal(get("value")),
        input::text(get("comment")),
    ) {
        (Ok(period), Ok(value), Ok(comment)) => ValueEntry {
            kpi: kpi.clone(),
            period,
            value,
            comment,
        },
        (period, value, comment) => {
            let message = [period.err(), value.err(), comment.err()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; ");
            return invalid(
                &page(
                    &state,
                    id,
                    &kpi,
                    format!("{message}. Inget sparades."),
                    values.clone(),
                )
                .await?,
            );
        }
    };
    match state
        .app
        .set_kpi_values(&state.actor, id, &[entry], Source::Entered)
        .await
    {
        Ok(_) => see(format!("/budget/{id}/maluppfyllelse/nyckeltal/{kpi}")),
        Err(error) => refused(&state, id, &kpi, error, values).await,
    }
}

pub async fn save_target(
    state: Acting,
    PagePath((id, kpi)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let kpi = kpi.into_inner();
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let snapshot = state.app.snapshot(id).await?;
    let Some(goal) = snapshot
        .budget
        .goals
        .iter()
        .find(|goal| goal.kpi(&kpi).is_some())
    else {
        return Err(PageError::not_found());
    };
    let year = get("year")
        .trim()
        .parse::<i64>()
        .map_err(|_| "välj ett år".to_string())
        .and_then(input::year);
    let value = match get("value").trim() {
        "" => Ok(None),
        text => input::decimal(text).map(Some),
    };
    let (Ok(year), Ok(value)) = (year, value) else {
        return invalid(
            &page(
                &state,
                id,
                &kpi,
                "Välj ett år och skriv målvärdet som ett tal (tomt tar bort det). Inget sparades."
                    .into(),
                values.clone(),
            )
            .await?,
        );
    };
    let change = Change::SetKpiTarget {
        goal: goal.id.clone(),
        kpi: kpi.clone(),
        year,
        value,
    };
    match state.app.change(&state.actor, id, None, &change).await {
        Ok(_) => see(format!("/budget/{id}/maluppfyllelse/nyckeltal/{kpi}")),
        Err(error) => refused(&state, id, &kpi, error, values).await,
    }
}
