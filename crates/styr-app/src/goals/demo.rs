//! The demo's goals followed up (examples/demo/, all of it made-up example data): the
//! reference budget's goals given KPIs with targets and links, the pulse survey's results,
//! a small Kolada cache for the kommun and a peer group, chosen. Each part goes through the
//! use case a person would use, so it is checked and recorded like theirs.

use styr_domain::change::Change;
use styr_store::BudgetId;

use crate::{Actor, App, AppError};

/// The demo's files, as bytes.
pub struct GoalsDemo<'a> {
    pub goals: &'a str,
    pub values: &'a [u8],
    pub kolada: &'a [(&'a str, &'a [u8])],
    pub peer_group: &'a str,
}

impl App {
    pub async fn load_goals_demo(
        &self,
        actor: &Actor,
        budget: BudgetId,
        demo: &GoalsDemo<'_>,
    ) -> Result<(), AppError> {
        let snapshot = self.snapshot(budget).await?;
        let laid =
            styr_import::parse_goals(demo.goals, &snapshot.budget).map_err(AppError::Unreadable)?;
        for goal in laid {
            // The goal's title and text stay the budget's; its KPIs and links are the demo's.
            let Some(existing) = snapshot
                .budget
                .goals
                .iter()
                .find(|found| found.id == goal.id)
            else {
                continue;
            };
            let mut changed = existing.clone();
            changed.kpis = goal.kpis;
            changed.directions = goal.directions;
            changed.unit = goal.unit;
            self.change(actor, budget, None, &Change::PutGoal { goal: changed })
                .await?;
        }
        self.import_kpi_values(actor, budget, demo.values).await?;
        for (name, bytes) in demo.kolada {
            self.import_kolada_file(actor, name, bytes).await?;
        }
        let municipality = snapshot.budget.municipality.code.clone();
        self.choose_peers(actor, &municipality, demo.peer_group)
            .await
    }
}
