//! Logging in and out. A wrong name and a wrong password give the same answer and take the
//! same time (a decoy hash is verified for an unknown name), and a name that is not an
//! account is never written to the audit log — it may be a password typed into the wrong
//! field. Before a password is tried, the throttle (throttle.rs) may hold the attempt back.
//!
//! What the audit log keeps of a refused login, and why it cannot be flooded:
//! - a failed attempt: "misslyckad inloggning", one entry each — at most
//!   [`ADDRESS_ATTEMPTS`](super::ADDRESS_ATTEMPTS) per address and window, since the
//!   throttle holds the address back after that;
//! - a name longer than [`MAXIMUM_USERNAME`] characters: refused before it is looked up or
//!   counted by name, recorded as a failed attempt by its length only ("1048576 byte"),
//!   never its text;
//! - an attempt the throttle holds back: "inloggning spärrad", counted per throttled key and
//!   window (see `authorization/refusals.rs`): the first at once, the rest as one count.

use std::time::Instant;

use styr_store::{AuditEntry, Stamp};

use super::secrets::{decoy_hash, digest, secret, verify_password};
use super::throttle::{Key, MAXIMUM_USERNAME};
use super::{SESSION_HOURS, Session, actor_of, user_entity};
use crate::{Actor, App, AppError};

/// Who the log names for an attempt by someone not logged in.
const ANONYMOUS: &str = "(ej inloggad)";
/// The address of an attempt whose address is not known (the command line, tests).
const UNKNOWN_ADDRESS: &str = "okänd adress";

impl App {
    /// Logs a person in from `client` (their address, when known). Wrong name or password
    /// gives the same answer; an attempt the throttle holds back is refused untried.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        client: Option<&str>,
    ) -> Result<Session, AppError> {
        self.record_closed_refusals().await;
        let now = Instant::now();
        let address: String = client.unwrap_or(UNKNOWN_ADDRESS).chars().take(64).collect();
        // Bytes first: counting the characters of a megabyte is work already.
        let too_long =
            username.len() > 4 * MAXIMUM_USERNAME || username.chars().count() > MAXIMUM_USERNAME;
        let account = (!too_long).then(|| username.to_lowercase());
        if let Some(held) = self.throttle.held(account.as_deref(), &address, now) {
            let name = (!too_long).then_some(username);
            return Err(self.refuse_held(held, name, &address).await);
        }
        if too_long {
            self.throttle.fail(None, &address, now);
            let entry =
                AuditEntry::new("misslyckad inloggning", None, "anvandare/(för långt namn)")
                    .values(
                        None,
                        Some(format!("{} byte från {address}", username.len())),
                    );
            self.store
                .record(&Stamp::now(ANONYMOUS).with(entry))
                .await?;
            tracing::warn!("misslyckad inloggning: för långt användarnamn");
            return Err(AppError::LoginFailed);
        }
        let account = account.unwrap_or_default();
        let user = self.store.user_named(username).await?;
        let verified = match &user {
            Some(user) => verify_password(password, &user.password_hash),
            None => {
                verify_password(password, decoy_hash());
                false
            }
        };
        let Some(user) = user.filter(|_| verified) else {
            self.throttle.fail(Some(&account), &address, now);
            let entity = self.entity_of(username).await?;
            self.store
                .record(&Stamp::now(ANONYMOUS).with(AuditEntry::new(
                    "misslyckad inloggning",
                    None,
                    entity,
                )))
                .await?;
            tracing::warn!("misslyckad inloggning");
            return Err(AppError::LoginFailed);
        };
        self.throttle.succeed(&account, &address);
        let actor = actor_of(&user)?;
        let csrf = secret();
        let secret = secret();
        let stamp = Stamp::now(&user.username).with(AuditEntry::new(
            "inloggning",
            None,
            user_entity(&user.username),
        ));
        let expires = styr_store::now_plus(SESSION_HOURS * 3_600);
        self.store
            .open_session(&digest(&secret), user.id, &csrf, &expires, &stamp)
            .await?;
        tracing::info!(user = %user.username, "inloggad");
        Ok(Session {
            secret,
            csrf,
            actor,
        })
    }

    /// A login form that could not be read (too large, or not a form): refused as a failed
    /// attempt from `client` — counted by the throttle and recorded with why, never its text.
    pub async fn refuse_login_form(&self, client: Option<&str>, why: &str) {
        let now = Instant::now();
        let address: String = client.unwrap_or(UNKNOWN_ADDRESS).chars().take(64).collect();
        if let Some(held) = self.throttle.held(None, &address, now) {
            self.refuse_held(held, None, &address).await;
            return;
        }
        self.throttle.fail(None, &address, now);
        let why: String = why.chars().take(200).collect();
        let entry = AuditEntry::new(
            "misslyckad inloggning",
            None,
            "anvandare/(oläsligt formulär)",
        )
        .values(None, Some(format!("{why} (från {address})")));
        if let Err(failure) = self.store.record(&Stamp::now(ANONYMOUS).with(entry)).await {
            tracing::error!(error = %failure, "a refused login could not be recorded");
        }
        tracing::warn!("misslyckad inloggning: formuläret kunde inte läsas");
    }

    /// The entity a login attempt for `username` is recorded under: the account, or no name
    /// when there is no such account.
    async fn entity_of(&self, username: &str) -> Result<String, AppError> {
        Ok(match self.store.user_named(username).await? {
            Some(user) => user_entity(&user.username),
            None => "anvandare/(okänt namn)".to_string(),
        })
    }

    /// Refuses an attempt the throttle holds back, counted by what holds it back.
    async fn refuse_held(&self, held: Key, username: Option<&str>, address: &str) -> AppError {
        let entity = match (&held, username) {
            (Key::Address(_), _) | (_, None) => format!("adress/{address}"),
            (_, Some(username)) => self
                .entity_of(username)
                .await
                .unwrap_or_else(|_| "anvandare/(okänt namn)".to_string()),
        };
        let (key, what) = match &held {
            Key::Pair { account, address } => (
                format!("inloggning:{account}@{address}"),
                format!("försök från {address}"),
            ),
            Key::Address(address) => (
                format!("inloggning:{address}"),
                format!("försök från {address}"),
            ),
            Key::Account(account) => (
                format!("inloggning:{account}"),
                "försök från adresser som redan misslyckats".to_string(),
            ),
        };
        let entry = AuditEntry::new("inloggning spärrad", None, entity);
        self.record_counted_refusal(&key, ANONYMOUS, entry, &what)
            .await;
        tracing::warn!("inloggning spärrad efter för många misslyckade försök");
        AppError::Throttled
    }

    /// How many keys the login throttle holds now: bounded, whatever anyone sends.
    pub fn tracked_login_keys(&self) -> usize {
        self.throttle.tracked()
    }

    /// The actor and CSRF token of a live session.
    pub async fn session(&self, secret: &str) -> Result<Option<(Actor, String)>, AppError> {
        match self
            .store
            .session(&digest(secret), &styr_store::now())
            .await?
        {
            Some(session) => Ok(Some((actor_of(&session.user)?, session.csrf))),
            None => Ok(None),
        }
    }

    pub async fn logout(&self, actor: &Actor, secret: &str) -> Result<(), AppError> {
        let stamp = Stamp::now(&actor.name).with(AuditEntry::new(
            "utloggning",
            None,
            user_entity(&actor.name),
        ));
        self.store.close_session(&digest(secret), &stamp).await?;
        Ok(())
    }
}
