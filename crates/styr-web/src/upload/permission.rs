//! What each upload asks of the application layer before its body is read.

use styr_app::{Action, AppError};

use crate::auth::Acting;

/// A filled-in template changes operating lines: the actor must be allowed to edit some
/// unit's lines — its own unit's for a budgetansvarig, the board's for everyone else. Which
/// cells it may change is checked cell by cell once the template is read.
pub async fn template(state: &Acting, id: i64) -> Result<(), AppError> {
    let snapshot = state.app.snapshot(id).await?;
    let unit = state
        .actor
        .role
        .scope()
        .cloned()
        .unwrap_or_else(|| snapshot.budget.board.clone());
    state
        .app
        .require(
            &state.actor,
            &Action::EditLines { unit },
            Some(id),
            Some(&snapshot.budget),
        )
        .await
}

/// The books are imported for budget `id`.
pub async fn outcome(state: &Acting, id: i64) -> Result<(), AppError> {
    state.app.snapshot(id).await?;
    state
        .app
        .require(&state.actor, &Action::ImportOutcome, Some(id), None)
        .await
}

/// A budget file becomes a new budget.
pub async fn budget_file(state: &Acting) -> Result<(), AppError> {
    state
        .app
        .require(&state.actor, &Action::ImportBudget, None, None)
        .await
}

/// An import profile is saved (it serves every budget).
pub async fn import_profile(state: &Acting) -> Result<(), AppError> {
    state
        .app
        .require(&state.actor, &Action::EditMapping, None, None)
        .await
}

/// A logo changes the municipality's graphic profile, which the budget's document editors may.
pub async fn logo(state: &Acting, id: i64) -> Result<(), AppError> {
    let snapshot = state.app.snapshot(id).await?;
    state
        .app
        .require(
            &state.actor,
            &Action::EditDocument,
            Some(id),
            Some(&snapshot.budget),
        )
        .await
}

/// KPI values are entered for budget `id`: the role must allow following goals up at all
/// (each row's goal is checked against a budgetansvarig's scope once the file is read).
pub async fn kpi_values(state: &Acting, id: i64) -> Result<(), AppError> {
    let snapshot = state.app.snapshot(id).await?;
    let action = Action::FollowUpGoal {
        unit: snapshot.budget.board.clone(),
    };
    if action.kind().allowed_for(state.actor.role.kind()) {
        return Ok(());
    }
    state
        .app
        .require(&state.actor, &action, Some(id), Some(&snapshot.budget))
        .await
}

/// A Kolada file is imported into the cache.
pub async fn kolada(state: &Acting) -> Result<(), AppError> {
    state.app.may_change_kolada(&state.actor).await
}
