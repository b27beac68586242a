//! Secrets and passwords. A session id, a CSRF token and an API token are 32 random bytes from
//! the operating system; the store keeps their SHA-256 (a fast hash suffices for random
//! 256-bit values). A password is kept as an Argon2id PHC string with its own random salt
//! ("$argon2id$v=19$m=19456,t=2,p=1$…"), slow to guess by design.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

use crate::{AppError, WriteFailure};

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
    let failed = |error| AppError::WriteFailed(WriteFailure::Password(error));
    let mut salt = [0_u8; 16];
    getrandom::fill(&mut salt).expect("the operating system gives random bytes");
    let salt = SaltString::encode_b64(&salt).map_err(failed)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(failed)
}

pub(crate) fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A hash to verify against when the username is unknown, so a wrong name takes as long as a
/// wrong password and does not tell which names exist.
pub(crate) fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&secret()).unwrap_or_default())
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
}
