//! People and their roles: an administrator adds a person with a password and a role, changes
//! a role, or resets a password; a person changes their own password. A new password — set
//! by the person or reset — ends every other session of theirs and revokes their API tokens,
//! so whoever stole one loses it with the old password.

use styr_domain::access::{Action, Role, RoleKind};
use styr_store::{AuditEntry, Stamp, StoreError, UserRecord};

use super::secrets::{digest, hash_password, verify_password};
use super::throttle::MAXIMUM_USERNAME;
use super::user_entity;
use crate::{Actor, App, AppError};

const MINIMUM_PASSWORD: usize = 10;

fn check_password_rules(password: &str) -> Result<(), AppError> {
    if password.chars().count() < MINIMUM_PASSWORD {
        return Err(AppError::Rejected(format!(
            "lösenordet måste ha minst {MINIMUM_PASSWORD} tecken"
        )));
    }
    Ok(())
}

fn check_username(username: &str) -> Result<(), AppError> {
    let valid = !username.is_empty()
        && username.chars().count() <= MAXIMUM_USERNAME
        && username
            .chars()
            .all(|character| character.is_alphanumeric() || "._-@".contains(character));
    if valid {
        Ok(())
    } else {
        Err(AppError::Rejected(format!(
            "användarnamnet får bara innehålla bokstäver, siffror och . _ - @ (högst {MAXIMUM_USERNAME} tecken)"
        )))
    }
}

/// The actor a stored person acts as.
pub fn actor_of(user: &UserRecord) -> Result<Actor, AppError> {
    let corrupt = |what: String| AppError::from(StoreError::Corrupt(what));
    let kind = RoleKind::from_key(&user.role)
        .ok_or_else(|| corrupt(format!("okänd roll ”{}”", user.role)))?;
    let role = Role::from_parts(kind, user.scope_unit.as_deref()).map_err(corrupt)?;
    Ok(Actor {
        user_id: Some(user.id),
        name: user.username.clone(),
        role,
    })
}

fn role_text(role: &Role) -> String {
    match role.scope() {
        Some(scope) => format!("{} ({scope})", role.kind().label()),
        None => role.kind().label().to_string(),
    }
}

impl App {
    /// Adds a person with a role. Only an administrator may (the command line acts as one).
    pub async fn add_user(
        &self,
        actor: &Actor,
        username: &str,
        password: &str,
        role: &Role,
    ) -> Result<i64, AppError> {
        self.require(actor, &Action::ManageUsers, None, None)
            .await?;
        check_username(username)?;
        check_password_rules(password)?;
        let hash = hash_password(password)?;
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("skapa användare", None, user_entity(username))
                .values(None, Some(role_text(role))),
        );
        let id = self
            .store
            .add_user(
                username,
                &hash,
                role.kind().key(),
                role.scope().map(|unit| unit.0.as_str()),
                &stamp,
            )
            .await?
            .ok_or_else(|| AppError::Rejected(format!("användaren ”{username}” finns redan")))?;
        tracing::info!(user = username, role = role.kind().key(), by = %actor.name, "användare skapad");
        Ok(id)
    }

    pub async fn users(&self, actor: &Actor) -> Result<Vec<(UserRecord, Actor)>, AppError> {
        self.require(actor, &Action::ManageUsers, None, None)
            .await?;
        let mut users = Vec::new();
        for user in self.store.users().await? {
            let as_actor = actor_of(&user)?;
            users.push((user, as_actor));
        }
        Ok(users)
    }

    /// Whether any account exists (`styr serve` says how to make the first one if not).
    pub async fn has_users(&self) -> Result<bool, AppError> {
        Ok(!self.store.users().await?.is_empty())
    }

    pub async fn set_role(
        &self,
        actor: &Actor,
        username: &str,
        role: &Role,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::ManageUsers, None, None)
            .await?;
        let user = self.existing(username).await?;
        let before = actor_of(&user)?;
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("ändra roll", None, user_entity(username))
                .values(Some(role_text(&before.role)), Some(role_text(role))),
        );
        self.store
            .set_role(
                user.id,
                role.kind().key(),
                role.scope().map(|unit| unit.0.as_str()),
                &stamp,
            )
            .await?;
        tracing::info!(user = username, role = role.kind().key(), by = %actor.name, "roll ändrad");
        Ok(())
    }

    /// Sets a person's password without the old one (an administrator's reset); every
    /// session and API token of theirs ends.
    pub async fn reset_password(
        &self,
        actor: &Actor,
        username: &str,
        password: &str,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::ManageUsers, None, None)
            .await?;
        check_password_rules(password)?;
        let user = self.existing(username).await?;
        let hash = hash_password(password)?;
        let ended = self
            .store
            .set_password(
                user.id,
                &hash,
                None,
                &password_stamp(actor, "återställ lösenord", username),
            )
            .await?;
        tracing::info!(user = username, by = %actor.name, sessions = ended.sessions, tokens = ended.tokens, "lösenord återställt");
        Ok(())
    }

    /// Changes one's own password; the person's other sessions end and their API tokens are
    /// revoked.
    pub async fn change_password(
        &self,
        actor: &Actor,
        current_session: Option<&str>,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        let Some(user) = self.store.user_named(&actor.name).await? else {
            return Err(AppError::Rejected("kontot finns inte".into()));
        };
        if !verify_password(current, &user.password_hash) {
            return Err(AppError::Rejected("nuvarande lösenord stämmer inte".into()));
        }
        check_password_rules(new)?;
        let keep = current_session.map(digest);
        let hash = hash_password(new)?;
        let stamp = password_stamp(actor, "byt lösenord", &actor.name);
        let ended = self
            .store
            .set_password(user.id, &hash, keep.as_deref(), &stamp)
            .await?;
        tracing::info!(user = %actor.name, sessions = ended.sessions, tokens = ended.tokens, "lösenord bytt");
        Ok(())
    }

    async fn existing(&self, username: &str) -> Result<UserRecord, AppError> {
        self.store
            .user_named(username)
            .await?
            .ok_or_else(|| AppError::Rejected(format!("användaren ”{username}” finns inte")))
    }
}

/// The audit entry of a new password; the store adds what the password ended (sessions,
/// tokens), counted in the same transaction.
fn password_stamp(actor: &Actor, action: &str, username: &str) -> Stamp {
    Stamp::now(&actor.name).with(AuditEntry::new(action, None, user_entity(username)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_username_is_letters_digits_and_few_marks_up_to_its_length() {
        assert!(check_username("anna.berg-lind_2@alingsas").is_ok());
        assert!(check_username("åsa").is_ok());
        assert!(check_username(&"a".repeat(MAXIMUM_USERNAME)).is_ok());
        for refused in [
            String::new(),
            "a".repeat(MAXIMUM_USERNAME + 1),
            "anna berg".into(),
            "anna/..".into(),
            "anna\n".into(),
        ] {
            assert!(check_username(&refused).is_err(), "{refused:?}");
        }
        assert!(check_password_rules("kort").is_err());
        assert!(check_password_rules("tio tecken").is_ok());
    }
}
