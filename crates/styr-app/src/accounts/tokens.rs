//! Personal API tokens: "styr_" and 64 hex digits, shown once when made and kept only as a
//! hash. A token acts as its person, with their role, until revoked — or until the person's
//! password changes, which revokes them all.
//!
//! Only a logged-in session makes tokens: a token that could make tokens would let whoever
//! stole one keep access after it is revoked, and would outlive a password change.

use styr_store::{ApiToken, AuditEntry, Stamp};

use super::secrets::{digest, secret};
use super::{actor_of, user_entity};
use crate::{Actor, App, AppError};

fn token_entity(username: &str) -> String {
    format!("{}/api-nyckel", user_entity(username))
}

impl App {
    /// Makes a personal API token for `actor`, who must be acting through their live session
    /// `session` (the cookie's secret); its secret is returned once and kept only as a hash.
    pub async fn create_token(
        &self,
        actor: &Actor,
        session: Option<&str>,
        name: &str,
    ) -> Result<String, AppError> {
        let user_id = actor
            .user_id
            .ok_or_else(|| AppError::Rejected("bara ett konto kan ha API-nycklar".into()))?;
        let live = match session {
            Some(secret) => self
                .store
                .session(&digest(secret), &styr_store::now())
                .await?
                .is_some_and(|live| live.user.id == user_id),
            None => false,
        };
        if !live {
            let error = AppError::Forbidden(
                "skapa API-nycklar utan att vara inloggad; en API-nyckel kan inte skapa fler"
                    .into(),
            );
            self.record_refusal(actor, None, token_entity(&actor.name), &error)
                .await;
            return Err(error);
        }
        let name = name.trim();
        if name.is_empty() {
            return Err(AppError::Rejected("ge nyckeln ett namn".into()));
        }
        let token = format!("styr_{}", secret());
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("skapa API-nyckel", None, token_entity(&actor.name))
                .values(None, Some(name.to_string())),
        );
        self.store
            .add_api_token(user_id, name, &digest(&token), &stamp)
            .await?;
        Ok(token)
    }

    pub async fn tokens(&self, actor: &Actor) -> Result<Vec<ApiToken>, AppError> {
        match actor.user_id {
            Some(user_id) => Ok(self.store.api_tokens(user_id).await?),
            None => Ok(Vec::new()),
        }
    }

    pub async fn revoke_token(&self, actor: &Actor, token_id: i64) -> Result<(), AppError> {
        let user_id = actor.user_id.unwrap_or(-1);
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new("återkalla API-nyckel", None, token_entity(&actor.name))
                .values(Some(token_id.to_string()), None),
        );
        if self
            .store
            .revoke_api_token(user_id, token_id, &stamp)
            .await?
        {
            Ok(())
        } else {
            Err(AppError::Rejected(
                "nyckeln finns inte eller är redan återkallad".into(),
            ))
        }
    }

    /// The actor a live API token acts as.
    pub async fn token_actor(&self, token: &str) -> Result<Option<Actor>, AppError> {
        match self.store.token_user(&digest(token)).await? {
            Some(user) => Ok(Some(actor_of(&user)?)),
            None => Ok(None),
        }
    }
}
