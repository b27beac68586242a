//! Logging in and out (login.rs), one's own account (password, API tokens), and the
//! administrator's page of users and roles.

mod login;

pub use login::{login, logout, show_login};

use askama::Template;
use axum::Form;
use serde::Deserialize;
use styr_app::{ApiToken, AppError, Role, RoleKind};

use super::{PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;

pub struct TokenView {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked_at: String,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub title: String,
    pub role: String,
    pub tokens: Vec<TokenView>,
    /// A token just made: shown this once.
    pub new_token: String,
    pub message: String,
    pub password_error: String,
}

async fn account_page(
    state: &Acting,
    new_token: String,
    message: String,
    password_error: String,
) -> Result<AccountPage, PageError> {
    let tokens = state
        .app
        .tokens(&state.actor)
        .await?
        .into_iter()
        .map(|token: ApiToken| TokenView {
            id: token.id,
            name: token.name,
            created_at: crate::view::local_time(&token.created_at),
            revoked_at: token
                .revoked_at
                .map(|at| crate::view::local_time(&at))
                .unwrap_or_default(),
        })
        .collect();
    Ok(AccountPage {
        title: "Mitt konto".into(),
        role: crate::view::signed_in(),
        tokens,
        new_token,
        message,
        password_error,
    })
}

pub async fn account(state: Acting) -> PageResult {
    html(&account_page(&state, String::new(), String::new(), String::new()).await?)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    pub current: String,
    pub new: String,
    pub repeated: String,
}

pub async fn change_password(state: Acting, Form(form): Form<PasswordForm>) -> PageResult {
    if form.new != form.repeated {
        let page = account_page(
            &state,
            String::new(),
            String::new(),
            "De två nya lösenorden är inte lika.".into(),
        )
        .await?;
        return invalid(&page);
    }
    match state
        .app
        .change_password(
            &state.actor,
            state.session.as_deref(),
            &form.current,
            &form.new,
        )
        .await
    {
        Ok(()) => html(
            &account_page(
                &state,
                String::new(),
                "Lösenordet är bytt. Dina andra inloggningar är utloggade och dina API-nycklar återkallade.".into(),
                String::new(),
            )
            .await?,
        ),
        Err(AppError::Rejected(message)) => {
            invalid(&account_page(&state, String::new(), String::new(), message).await?)
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    pub name: String,
}

pub async fn create_token(state: Acting, Form(form): Form<TokenForm>) -> PageResult {
    // Only a session makes tokens (the app refuses a request on a token, and records it).
    let made = state
        .app
        .create_token(&state.actor, state.session.as_deref(), &form.name)
        .await;
    match made {
        Ok(token) => html(
            &account_page(
                &state,
                token,
                "Nyckeln är skapad. Kopiera den nu – den visas bara den här gången.".into(),
                String::new(),
            )
            .await?,
        ),
        Err(AppError::Rejected(message)) => {
            invalid(&account_page(&state, String::new(), message, String::new()).await?)
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn revoke_token(
    state: Acting,
    axum::extract::Path(token): axum::extract::Path<i64>,
) -> PageResult {
    match state.app.revoke_token(&state.actor, token).await {
        Ok(()) => see("/konto".into()),
        Err(AppError::Rejected(message)) => {
            invalid(&account_page(&state, String::new(), message, String::new()).await?)
        }
        Err(error) => Err(error.into()),
    }
}

pub struct UserView {
    pub username: String,
    pub role: String,
    pub role_key: &'static str,
    pub scope: String,
    pub created_at: String,
}

#[derive(Template)]
#[template(path = "users.html")]
pub struct UsersPage {
    pub title: String,
    pub users: Vec<UserView>,
    pub roles: Vec<(&'static str, &'static str)>,
    /// The units to choose a budgetansvarig's from: (id, "Name (id)").
    pub units: Vec<(String, String)>,
    pub message: String,
    pub error: String,
}

async fn users_page(
    state: &Acting,
    message: String,
    error: String,
) -> Result<UsersPage, PageError> {
    let users = state
        .app
        .users(&state.actor)
        .await?
        .into_iter()
        .map(|(record, actor)| UserView {
            username: record.username,
            role: actor.role.kind().label().to_string(),
            role_key: actor.role.kind().key(),
            scope: record.scope_unit.unwrap_or_default(),
            created_at: crate::view::local_time(&record.created_at),
        })
        .collect();
    // The units a budgetansvarig may answer for: every unit of every budget, by name.
    let mut units: Vec<(String, String)> = Vec::new();
    for summary in state.app.budgets().await? {
        let snapshot = state.app.snapshot(summary.id).await?;
        for unit in snapshot.budget.organisation.units() {
            if !units.iter().any(|(id, _)| *id == unit.id.as_str()) {
                units.push((unit.id.to_string(), format!("{} ({})", unit.name, unit.id)));
            }
        }
    }
    units.sort_by_key(|unit| unit.1.to_lowercase());
    Ok(UsersPage {
        title: "Användare".into(),
        units,
        users,
        roles: RoleKind::ALL
            .iter()
            .map(|kind| (kind.key(), kind.label()))
            .collect(),
        message,
        error,
    })
}

pub async fn users(state: Acting) -> PageResult {
    html(&users_page(&state, String::new(), String::new()).await?)
}

#[derive(Deserialize)]
pub struct UserForm {
    pub username: String,
    #[serde(default)]
    pub password: String,
    pub role: String,
    #[serde(default)]
    pub scope: String,
}

fn role_of(form: &UserForm) -> Result<Role, String> {
    let kind = RoleKind::from_key(&form.role).ok_or_else(|| "okänd roll".to_string())?;
    Role::from_parts(kind, Some(form.scope.as_str()))
}

/// Adds a user (with a password) or, without a password, changes an existing user's role.
pub async fn save_user(state: Acting, Form(form): Form<UserForm>) -> PageResult {
    let role = match role_of(&form) {
        Ok(role) => role,
        Err(message) => return invalid(&users_page(&state, String::new(), message).await?),
    };
    let result = if form.password.is_empty() {
        state
            .app
            .set_role(&state.actor, form.username.trim(), &role)
            .await
    } else {
        state
            .app
            .add_user(&state.actor, form.username.trim(), &form.password, &role)
            .await
            .map(|_| ())
    };
    match result {
        Ok(()) => html(
            &users_page(
                &state,
                format!("Användaren ”{}” är sparad.", form.username.trim()),
                String::new(),
            )
            .await?,
        ),
        Err(AppError::Rejected(message)) => {
            invalid(&users_page(&state, String::new(), message).await?)
        }
        Err(error) => Err(error.into()),
    }
}
