//! Accounts: people and their roles (people.rs), passwords as Argon2id and the secrets of
//! sessions and API tokens (secrets.rs), logging in and out (login.rs) behind the login
//! throttle (throttle.rs), and personal API tokens (tokens.rs).
//!
//! ```text
//! app.add_user(&operator, "anna", "ett långt lösenord", &Role::Controller).await?;
//! let session = app.login("anna", "ett långt lösenord", Some("192.0.2.7")).await?;
//! let token = app.create_token(&session.actor, Some(&session.secret), "skript").await?;
//! app.change_password(&session.actor, Some(&session.secret), "…", "…").await?;
//!   // anna's other sessions end and the token is revoked
//! ```
//!
//! Secrets come from the operating system's random source; the store keeps only their
//! SHA-256, and nothing here ever logs a password, a token or a session id.

mod login;
mod people;
mod secrets;
mod throttle;
mod tokens;

pub use people::actor_of;
pub use secrets::{digest, hash_password, readable_password, secret};
pub(crate) use throttle::Throttle;
pub use throttle::{
    ACCOUNT_ATTEMPTS, ADDRESS_ATTEMPTS, MAXIMUM_USERNAME, THROTTLE_ATTEMPTS, THROTTLE_TRACKED,
    THROTTLE_WINDOW,
};

use crate::Actor;

/// How long a session lives after login.
pub const SESSION_HOURS: u64 = 10;

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

/// The entity the audit log names a person's account by.
fn user_entity(username: &str) -> String {
    format!("anvandare/{username}")
}
