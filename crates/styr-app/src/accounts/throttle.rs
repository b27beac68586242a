//! The login throttle: failed logins are counted, within a [`THROTTLE_WINDOW`], by the
//! account and the address together, by the address, and by the account; past a limit the
//! next attempt is refused without its password being tried.
//!
//! | counted by            | limit                 | what it stops                                |
//! |-----------------------|-----------------------|----------------------------------------------|
//! | account and address   | [`THROTTLE_ATTEMPTS`] | guessing one person's password from one place |
//! | address               | [`ADDRESS_ATTEMPTS`]  | one place trying many names                   |
//! | account               | [`ACCOUNT_ATTEMPTS`]  | many places guessing one password             |
//!
//! No address can lock an account for everyone: the first two hold back only the address that
//! failed, and the third holds back only addresses that have themselves failed for the account
//! — its owner, logging in from anywhere else, still gets in. (A guesser with many addresses
//! gets [`ACCOUNT_ATTEMPTS`] guesses per window, and one more per new address.)
//!
//! Memory is bounded whatever anyone sends: a name longer than [`MAXIMUM_USERNAME`] is refused
//! before it is counted or looked up, each address gives at most one key per name it fails
//! with, windows are forgotten when they end, and at most [`THROTTLE_TRACKED`] keys are kept —
//! past that the ended windows go first, then the oldest tenth. (Someone who can fill the
//! throttle from thousands of addresses can make it forget; each of those addresses still
//! gets only its own few attempts.)

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Failed logins allowed for one account from one address within [`THROTTLE_WINDOW`].
pub const THROTTLE_ATTEMPTS: usize = 5;
/// Failed logins allowed from one address, whatever the names, within the window.
pub const ADDRESS_ATTEMPTS: usize = 4 * THROTTLE_ATTEMPTS;
/// Failed logins for one account from every address together, within the window, before the
/// addresses that failed for it are held back.
pub const ACCOUNT_ATTEMPTS: usize = 10 * THROTTLE_ATTEMPTS;
pub const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Keys kept at most (about 300 bytes each).
pub const THROTTLE_TRACKED: usize = 10_000;
/// The longest username, in characters (as `add_user` allows).
pub const MAXIMUM_USERNAME: usize = 64;

/// What a failure is counted by. An account is its name in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    Pair { account: String, address: String },
    Address(String),
    Account(String),
}

/// Failures since the window opened (at the first of them).
struct Window {
    opened: Instant,
    failures: usize,
}

/// Failed logins by key.
#[derive(Default)]
pub(crate) struct Throttle {
    windows: Mutex<HashMap<Key, Window>>,
}

impl Throttle {
    fn lock(&self) -> MutexGuard<'_, HashMap<Key, Window>> {
        self.windows.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Failures counted by `key` in its open window.
    fn failures(&self, key: &Key, now: Instant) -> usize {
        let mut windows = self.lock();
        match windows.get(key) {
            Some(window) if now.duration_since(window.opened) < THROTTLE_WINDOW => window.failures,
            Some(_) => {
                windows.remove(key);
                0
            }
            None => 0,
        }
    }

    /// The key that holds back an attempt for `account` (when the name is one) from `address`.
    pub(crate) fn held(&self, account: Option<&str>, address: &str, now: Instant) -> Option<Key> {
        let pair = account.map(|account| Key::Pair {
            account: account.to_string(),
            address: address.to_string(),
        });
        let failed_here = pair.as_ref().map_or(0, |pair| self.failures(pair, now));
        if failed_here >= THROTTLE_ATTEMPTS {
            return pair;
        }
        let address = Key::Address(address.to_string());
        if self.failures(&address, now) >= ADDRESS_ATTEMPTS {
            return Some(address);
        }
        let account = Key::Account(account?.to_string());
        (failed_here > 0 && self.failures(&account, now) >= ACCOUNT_ATTEMPTS).then_some(account)
    }

    /// Counts a failed login from `address`, for `account` when the name was one.
    pub(crate) fn fail(&self, account: Option<&str>, address: &str, now: Instant) {
        let mut keys = vec![Key::Address(address.to_string())];
        if let Some(account) = account {
            keys.push(Key::Account(account.to_string()));
            keys.push(Key::Pair {
                account: account.to_string(),
                address: address.to_string(),
            });
        }
        let mut windows = self.lock();
        for key in keys {
            if !windows.contains_key(&key) && windows.len() >= THROTTLE_TRACKED {
                make_room(&mut windows, now);
            }
            let window = windows.entry(key).or_insert(Window {
                opened: now,
                failures: 0,
            });
            if now.duration_since(window.opened) >= THROTTLE_WINDOW {
                *window = Window {
                    opened: now,
                    failures: 0,
                };
            }
            window.failures += 1;
        }
    }

    /// A successful login clears the failures of the account from that address (not the
    /// address's own count: logging into one's own account must not reset a guesser's).
    pub(crate) fn succeed(&self, account: &str, address: &str) {
        self.lock().remove(&Key::Pair {
            account: account.to_string(),
            address: address.to_string(),
        });
    }

    /// How many keys the throttle holds now.
    pub(crate) fn tracked(&self) -> usize {
        self.lock().len()
    }
}

/// Forgets every ended window, and if that frees too little, the oldest tenth: a whole batch
/// at once, so that a flood of new keys costs a scan per thousand keys, not per key.
fn make_room(windows: &mut HashMap<Key, Window>, now: Instant) {
    windows.retain(|_, window| now.duration_since(window.opened) < THROTTLE_WINDOW);
    if windows.len() < THROTTLE_TRACKED {
        return;
    }
    let mut opened: Vec<Instant> = windows.values().map(|window| window.opened).collect();
    let tenth = opened.len() / 10;
    let (_, cutoff, _) = opened.select_nth_unstable(tenth);
    let cutoff = *cutoff;
    windows.retain(|_, window| window.opened > cutoff);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(account: &str, address: &str) -> Key {
        Key::Pair {
            account: account.into(),
            address: address.into(),
        }
    }

    #[test]
    fn the_throttle_counts_failures_in_the_window() {
        let throttle = Throttle::default();
        let now = Instant::now();
        for _ in 0..THROTTLE_ATTEMPTS {
            throttle.fail(Some("a"), "192.0.2.1", now);
        }
        assert_eq!(
            throttle.failures(&pair("a", "192.0.2.1"), now),
            THROTTLE_ATTEMPTS
        );
        assert_eq!(
            throttle.failures(&pair("a", "192.0.2.1"), now + THROTTLE_WINDOW),
            0
        );
        for _ in 0..THROTTLE_ATTEMPTS {
            throttle.fail(Some("a"), "192.0.2.1", now);
        }
        throttle.succeed("a", "192.0.2.1");
        assert_eq!(throttle.failures(&pair("a", "192.0.2.1"), now), 0);
    }

    #[test]
    fn failures_from_one_address_hold_back_that_address_only() {
        let throttle = Throttle::default();
        let now = Instant::now();
        for _ in 0..THROTTLE_ATTEMPTS {
            throttle.fail(Some("anna"), "192.0.2.1", now);
        }
        assert_eq!(
            throttle.held(Some("anna"), "192.0.2.1", now),
            Some(pair("anna", "192.0.2.1"))
        );
        assert_eq!(throttle.held(Some("anna"), "192.0.2.2", now), None);
        assert_eq!(throttle.held(Some("bertil"), "192.0.2.1", now), None);
        assert_eq!(
            throttle.held(Some("anna"), "192.0.2.1", now + THROTTLE_WINDOW),
            None,
            "a window ends"
        );
    }

    #[test]
    fn an_address_trying_many_names_is_held_back_for_every_name() {
        let throttle = Throttle::default();
        let now = Instant::now();
        for number in 0..ADDRESS_ATTEMPTS {
            throttle.fail(Some(&format!("namn{number}")), "192.0.2.1", now);
        }
        assert_eq!(
            throttle.held(Some("anna"), "192.0.2.1", now),
            Some(Key::Address("192.0.2.1".into()))
        );
        assert_eq!(
            throttle.held(None, "192.0.2.1", now),
            Some(Key::Address("192.0.2.1".into()))
        );
        assert_eq!(throttle.held(Some("anna"), "192.0.2.2", now), None);
    }

    #[test]
    fn many_addresses_guessing_one_account_leave_its_owner_a_way_in() {
        let throttle = Throttle::default();
        let now = Instant::now();
        for number in 0..ACCOUNT_ATTEMPTS {
            throttle.fail(Some("anna"), &format!("198.51.100.{number}"), now);
        }
        assert_eq!(
            throttle.held(Some("anna"), "198.51.100.1", now),
            Some(Key::Account("anna".into())),
            "an address that guessed is held back"
        );
        assert_eq!(
            throttle.held(Some("anna"), "192.0.2.99", now),
            None,
            "an address that never failed is not"
        );
    }

    #[test]
    fn the_throttle_holds_a_bounded_number_of_keys() {
        let throttle = Throttle::default();
        let now = Instant::now();
        for number in 0..3 * THROTTLE_TRACKED {
            throttle.fail(Some(&format!("namn{number}")), &format!("a{number}"), now);
        }
        assert!(
            throttle.tracked() <= THROTTLE_TRACKED,
            "{}",
            throttle.tracked()
        );
        // Ended windows are what goes first.
        let later = now + THROTTLE_WINDOW;
        throttle.fail(Some("anna"), "192.0.2.1", later);
        assert!(throttle.tracked() <= 3, "{}", throttle.tracked());
    }
}
