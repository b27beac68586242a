//! Accounts: people, their passwords (Argon2id), sessions and API tokens, and the login
//! throttle. Secrets are made from the operating system's random source; the store keeps only
//! their SHA-256, and nothing here ever logs a password, a token or a session id.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};
use styr_domain::access::{Action, Role, RoleKind};
use styr_store::{ApiToken, AuditEntry, Stamp, UserRecord};

use crate::{Actor, App, AppError};

/// How long a session lives after login.
pub const SESSION_HOURS: u64 = 10;
/// Failed logins allowed for one username (or one client) within [`THROTTLE_WINDOW`].
pub const THROTTLE_ATTEMPTS: usize = 5;
pub const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);
const MINIMUM_PASSWORD: usize = 10;

/// A logged-in session: the cookie's secret (given to the browser once) and its CSRF token.
#[derive(Clone)]
pub struct Session {
    pub secret: String,
    pub csrf: String,
    pub actor: Actor,
}

impl std::fmt::Debug for Session {
    // Never print the secrets, whatever logs a session by mistake.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Session")
            .field("actor", &self.actor.name)
            .finish_non_exhaustive()
    }
}

/// Failed logins by key ("user:name", "client:address"), newest last.
#[derive(Default)]
pub(crate) struct Throttle {
    failures: std::sync::Mutex<HashMap<String, Vec<Instant>>>,
}

impl Throttle {
    fn recent(&self, key: &str, now: Instant) -> usize {
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let list = failures.entry(key.to_string()).or_default();
        list.retain(|at| now.duration_since(*at) < THROTTLE_WINDOW);
        list.len()
    }

    fn fail(&self, key: &str, now: Instant) {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(key.to_string())
            .or_default()
            .push(now);
    }

    fn clear(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(key);
    }
}

/// A new secret: 32 random bytes as hex.
pub fn secret() -> String {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    hex(&bytes)
}

/// A password people can type: 16 letters and digits without look-alikes.
pub fn readable_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0_u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes
        .iter()
        .map(|byte| ALPHABET[usize::from(*byte) % ALPHABET.len()] as char)
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// What the store keeps of a secret.
pub fn digest(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

pub fn hash_password(password: &str) -> Result<String, AppError> {
    let mut salt = [0_u8; 16];
    getrandom::fill(&mut salt).expect("the operating system gives random bytes");
    let salt =
        SaltString::encode_b64(&salt).map_err(|error| AppError::WriteFailed(error.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| AppError::WriteFailed(error.to_string()))
}

fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A hash to verify against when the username is unknown, so a wrong name takes as long as a
/// wrong password and does not tell which names exist.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&secret()).unwrap_or_default())
}

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
        && username.chars().count() <= 64
        && username
            .chars()
            .all(|character| character.is_alphanumeric() || "._-@".contains(character));
    if valid {
        Ok(())
    } else {
        Err(AppError::Rejected(
            "användarnamnet får bara innehålla bokstäver, siffror och . _ - @ (högst 64 tecken)"
                .into(),
        ))
    }
}

/// The actor a stored person acts as.
pub fn actor_of(user: &UserRecord) -> Result<Actor, AppError> {
    let kind = RoleKind::from_key(&user.role)
        .ok_or_else(|| AppError::WriteFailed(format!("okänd roll ”{}”", user.role)))?;
    let role = Role::from_parts(kind, user.scope_unit.as_deref()).map_err(AppError::WriteFailed)?;
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

fn user_entity(username: &str) -> String {
    format!("anvandare/{username}")
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
        let user = self
            .store
            .user_named(username)
            .await?
            .ok_or_else(|| AppError::Rejected(format!("användaren ”{username}” finns inte")))?;
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

    /// Sets a person's password without the old one (an administrator's reset).
    pub async fn reset_password(
        &self,
        actor: &Actor,
        username: &str,
        password: &str,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::ManageUsers, None, None)
            .await?;
        check_password_rules(password)?;
        let user = self
            .store
            .user_named(username)
            .await?
            .ok_or_else(|| AppError::Rejected(format!("användaren ”{username}” finns inte")))?;
        let stamp = Stamp::now(&actor.name).with(AuditEntry::new(
            "återställ lösenord",
            None,
            user_entity(username),
        ));
        self.store
            .set_password(user.id, &hash_password(password)?, None, &stamp)
            .await?;
        Ok(())
    }

    /// Changes one's own password; the other sessions of the person end.
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
        let stamp = Stamp::now(&actor.name).with(AuditEntry::new(
            "byt lösenord",
            None,
            user_entity(&actor.name),
        ));
        let keep = current_session.map(digest);
        self.store
            .set_password(user.id, &hash_password(new)?, keep.as_deref(), &stamp)
            .await?;
        tracing::info!(user = %actor.name, "lösenord bytt");
        Ok(())
    }

    /// Logs a person in. Wrong name or password gives the same answer; after
    /// [`THROTTLE_ATTEMPTS`] failures within [`THROTTLE_WINDOW`] for the name or the client,
    /// further attempts are refused without being tried.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        client: Option<&str>,
    ) -> Result<Session, AppError> {
        let now = Instant::now();
        let user_key = format!("user:{}", username.to_lowercase());
        let client_key = client.map(|client| format!("client:{client}"));
        let throttled = self.throttle.recent(&user_key, now) >= THROTTLE_ATTEMPTS
            || client_key
                .as_deref()
                .is_some_and(|key| self.throttle.recent(key, now) >= THROTTLE_ATTEMPTS * 4);
        let user = self.store.user_named(username).await?;
        // A name that is not an account is not written to the log: it may be a password
        // typed into the wrong field.
        let entity = user.as_ref().map_or_else(
            || "anvandare/(okänt namn)".to_string(),
            |user| user_entity(&user.username),
        );
        if throttled {
            self.store
                .record(
                    &Stamp::now(username_or_unknown(user.as_ref())).with(AuditEntry::new(
                        "inloggning spärrad",
                        None,
                        entity,
                    )),
                )
                .await?;
            tracing::warn!("inloggning spärrad efter för många misslyckade försök");
            return Err(AppError::Throttled);
        }
        let verified = match &user {
            Some(user) => verify_password(password, &user.password_hash),
            None => {
                verify_password(password, decoy_hash());
                false
            }
        };
        let Some(user) = user.filter(|_| verified) else {
            self.throttle.fail(&user_key, now);
            if let Some(key) = &client_key {
                self.throttle.fail(key, now);
            }
            self.store
                .record(&Stamp::now("(ej inloggad)").with(AuditEntry::new(
                    "misslyckad inloggning",
                    None,
                    entity,
                )))
                .await?;
            tracing::warn!("misslyckad inloggning");
            return Err(AppError::LoginFailed);
        };
        self.throttle.clear(&user_key);
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

    /// Makes a personal API token; its secret is returned once and kept only as a hash.
    pub async fn create_token(&self, actor: &Actor, name: &str) -> Result<String, AppError> {
        let user_id = actor
            .user_id
            .ok_or_else(|| AppError::Rejected("bara ett konto kan ha API-nycklar".into()))?;
        let name = name.trim();
        if name.is_empty() {
            return Err(AppError::Rejected("ge nyckeln ett namn".into()));
        }
        let token = format!("styr_{}", secret());
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new(
                "skapa API-nyckel",
                None,
                format!("{}/api-nyckel", user_entity(&actor.name)),
            )
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
            AuditEntry::new(
                "återkalla API-nyckel",
                None,
                format!("{}/api-nyckel", user_entity(&actor.name)),
            )
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

fn username_or_unknown(user: Option<&UserRecord>) -> String {
    user.map_or_else(|| "(ej inloggad)".to_string(), |user| user.username.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_hash_is_argon2id_and_verifies_only_its_password() {
        let hash = hash_password("korrekt häst batteri").expect("hashes");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("korrekt häst batteri", &hash));
        assert!(!verify_password("korrekt häst batterI", &hash));
        assert_ne!(hash, hash_password("korrekt häst batteri").expect("hashes"));
    }

    #[test]
    fn secrets_are_random_and_stored_only_as_their_digest() {
        let (one, two) = (secret(), secret());
        assert_ne!(one, two);
        assert_eq!(one.len(), 64);
        assert_eq!(digest(&one).len(), 64);
        assert_ne!(digest(&one), one);
        assert_eq!(readable_password().len(), 16);
    }

    #[test]
    fn the_throttle_counts_failures_in_the_window() {
        let throttle = Throttle::default();
        let now = Instant::now();
        for _ in 0..THROTTLE_ATTEMPTS {
            throttle.fail("user:a", now);
        }
        assert_eq!(throttle.recent("user:a", now), THROTTLE_ATTEMPTS);
        assert_eq!(throttle.recent("user:a", now + THROTTLE_WINDOW), 0);
        throttle.clear("user:a");
        assert_eq!(throttle.recent("user:a", now), 0);
    }
}
