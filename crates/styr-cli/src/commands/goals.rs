//! `styr goals`: the follow-up of a budget's goals as text or JSON — every goal with its KPIs,
//! their values, targets and peers, the computed fulfilment beside the chosen one, and the
//! overarching goal judged.
//!
//! ```text
//! styr goals --database budget.db --format json
//! ```

use std::process::ExitCode;

use styr_domain::goals::Period;

use crate::arguments::GoalsFormat;
use crate::database::with_budget;
use crate::input::UNREADABLE;
use crate::output::print;

pub fn run(
    database_url: &str,
    budget: Option<i64>,
    format: GoalsFormat,
    period: Option<&str>,
) -> ExitCode {
    let period = match period.map(Period::parse).transpose() {
        Ok(period) => period,
        Err(error) => {
            eprintln!("styr: --period: {error}");
            return ExitCode::from(UNREADABLE);
        }
    };
    with_budget(database_url, budget, async |app, id| {
        let followup = match app.goals_followup(id, period).await {
            Ok(followup) => followup,
            Err(error) => {
                eprintln!("styr: {error}");
                return ExitCode::FAILURE;
            }
        };
        match format {
            GoalsFormat::Json => print(&styr_render::goals::json(&followup)),
            GoalsFormat::Text => {
                let heading = match app.snapshot(id).await {
                    Ok(snapshot) => format!(
                        "{} ({}), {}",
                        snapshot.budget.municipality.name,
                        snapshot.budget.municipality.code,
                        snapshot.budget.unit_name(&snapshot.budget.board)
                    ),
                    Err(_) => followup.municipality.clone(),
                };
                print(&styr_render::goals::text(&followup, &heading))
            }
        }
    })
}
