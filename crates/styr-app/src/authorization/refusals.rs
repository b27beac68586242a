//! Every refusal leaves a trace in the audit log — a permission refused, a frozen budget, a
//! save from a stale read, a file refused as unreadable, a login refused, a forged form —
//! under the action "nekad" (a failed login: "misslyckad inloggning"; a throttled one:
//! "inloggning spärrad"), with what was refused as the entity and why as the new value.
//!
//! Most are recorded one by one ([`App::record_refusal`]): they come from a person with an
//! account, who answers for them. Two kinds can be repeated cheaply, in bulk, by someone the
//! log would not name truthfully: a login attempt against a throttled name or address (anyone
//! on the network), and a form forged on another site and sent with its victim's cookie (the
//! log would name the victim). Those are [counted](RefusalCounts): the first of its kind in a
//! [`REFUSAL_WINDOW`] is recorded at once, "1 försök från 192.0.2.7"; the rest are counted
//! and recorded as one entry when the window closes, "279 försök från 192.0.2.7,
//! 2026-11-26T15:04:05Z–2026-11-26T15:19:01Z". A window is written out when the next refusal
//! or login after its end sees it, when more than [`REFUSAL_KINDS`] are open (the oldest
//! first), and when the server stops (`App::record_refusal_counts`). So the log grows by two
//! entries per kind and window however hard someone tries, and every refusal is on record.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use styr_store::{AuditEntry, BudgetId, Stamp};

use crate::{Actor, App, AppError};

/// How long a counted refusal's window stays open.
pub const REFUSAL_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Open windows at most; past it the oldest is written out to make room.
pub const REFUSAL_KINDS: usize = 10_000;

/// The open windows of counted refusals, by kind.
#[derive(Default)]
pub(crate) struct RefusalCounts {
    windows: Mutex<HashMap<String, Window>>,
}

struct Window {
    opened: Instant,
    opened_at: String,
    last_at: String,
    actor: String,
    /// The entry to record, without its count ("försök från 192.0.2.7").
    entry: AuditEntry,
    what: String,
    /// Refusals after the first, which was recorded when the window opened.
    counted: u64,
}

impl Window {
    fn summary(self) -> Option<Stamp> {
        (self.counted > 0).then(|| {
            let text = format!(
                "{} {}, {}–{}",
                self.counted, self.what, self.opened_at, self.last_at
            );
            Stamp::now(self.actor).with(self.entry.values(None, Some(text)))
        })
    }
}

impl RefusalCounts {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Window>> {
        self.windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts a refusal of kind `key`; gives the stamps to record now: the refusal itself when
    /// it opens a window, and the summaries of windows that closed or had to make room.
    fn count(&self, key: &str, actor: &str, entry: AuditEntry, what: &str) -> Vec<Stamp> {
        let now = Instant::now();
        let at = styr_store::now();
        let mut windows = self.lock();
        let mut due = take_closed(&mut windows, now);
        if let Some(window) = windows.get_mut(key) {
            window.counted += 1;
            window.last_at = at;
            return due;
        }
        if windows.len() >= REFUSAL_KINDS
            && let Some(oldest) = windows
                .iter()
                .min_by_key(|(_, window)| window.opened)
                .map(|(key, _)| key.clone())
            && let Some(window) = windows.remove(&oldest)
        {
            due.extend(window.summary());
        }
        due.push(Stamp::now(actor).with(entry.clone().values(None, Some(format!("1 {what}")))));
        windows.insert(
            key.to_string(),
            Window {
                opened: now,
                opened_at: at.clone(),
                last_at: at,
                actor: actor.to_string(),
                entry,
                what: what.to_string(),
                counted: 0,
            },
        );
        due
    }

    fn take(&self, all: bool) -> Vec<Stamp> {
        let mut windows = self.lock();
        if all {
            windows
                .drain()
                .filter_map(|(_, window)| window.summary())
                .collect()
        } else {
            take_closed(&mut windows, Instant::now())
        }
    }

    #[cfg(test)]
    fn open(&self) -> usize {
        self.lock().len()
    }
}

fn take_closed(windows: &mut HashMap<String, Window>, now: Instant) -> Vec<Stamp> {
    let closed: Vec<String> = windows
        .iter()
        .filter(|(_, window)| now.duration_since(window.opened) >= REFUSAL_WINDOW)
        .map(|(key, _)| key.clone())
        .collect();
    closed
        .into_iter()
        .filter_map(|key| windows.remove(&key)?.summary())
        .collect()
}

impl App {
    /// Records a refusal of `actor`'s request: the entity is what was refused ("behorighet",
    /// "inaktuell/drift/ks/personnel/2025", "import/utfall/bok.se"), the value why. A failure
    /// to record it is logged; the request is refused either way.
    pub(crate) async fn record_refusal(
        &self,
        actor: &Actor,
        budget: Option<BudgetId>,
        entity: impl Into<String>,
        error: &AppError,
    ) {
        let entry = AuditEntry::new("nekad", budget, entity).values(None, Some(error.to_string()));
        self.write_refusals(vec![Stamp::now(&actor.name).with(entry)])
            .await;
    }

    /// Records a refusal that can be repeated in bulk, counted by `key` (see the module's
    /// header); `what` names one refusal of the kind, as a count's unit ("försök från …").
    pub(crate) async fn record_counted_refusal(
        &self,
        key: &str,
        actor: &str,
        entry: AuditEntry,
        what: &str,
    ) {
        let due = self.refusals.count(key, actor, entry, what);
        self.write_refusals(due).await;
    }

    /// Writes the counts of windows that have closed (cheap when none has).
    pub(crate) async fn record_closed_refusals(&self) {
        let due = self.refusals.take(false);
        self.write_refusals(due).await;
    }

    /// Writes every count not yet written, closing every window: what `styr serve` does when
    /// it stops, so that no refusal is left off the record.
    pub async fn record_refusal_counts(&self) {
        let due = self.refusals.take(true);
        self.write_refusals(due).await;
    }

    /// A state-changing request on `actor`'s session without the session's CSRF token: most
    /// likely a form on another site, sent by the browser with the person's cookie. Counted
    /// per person (see the module's header).
    pub async fn refuse_forged_request(&self, actor: &Actor, path: &str) {
        let path: String = path.chars().take(200).collect();
        let entry = AuditEntry::new("nekad", None, format!("csrf{path}"));
        let key = format!("csrf:{}", actor.name);
        self.record_counted_refusal(&key, &actor.name, entry, "formulär utan giltig CSRF-token")
            .await;
    }

    /// A login form without the login page's own token (posted from another site, or a page
    /// kept open too long): nobody is logged in, so it is counted per address.
    pub async fn refuse_forged_login(&self, client: Option<&str>) {
        let address: String = client.unwrap_or("okänd adress").chars().take(64).collect();
        let entry = AuditEntry::new("nekad", None, "csrf/logga-in");
        let key = format!("csrf-inloggning:{address}");
        let what = format!("inloggningsformulär utan giltig token från {address}");
        self.record_counted_refusal(&key, "(ej inloggad)", entry, &what)
            .await;
    }

    async fn write_refusals(&self, stamps: Vec<Stamp>) {
        for stamp in stamps {
            if let Err(failure) = self.store.record(&stamp).await {
                tracing::error!(error = %failure, "a refusal could not be recorded");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> AuditEntry {
        AuditEntry::new("inloggning spärrad", None, "adress/192.0.2.7")
    }

    #[test]
    fn the_first_refusal_of_a_kind_is_recorded_and_the_rest_counted() {
        let counts = RefusalCounts::default();
        let first = counts.count("a", "(ej inloggad)", entry(), "försök");
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].entries[0].new_value.as_deref(), Some("1 försök"));
        for _ in 0..99 {
            assert!(
                counts
                    .count("a", "(ej inloggad)", entry(), "försök")
                    .is_empty()
            );
        }
        let summary = counts.take(true);
        assert_eq!(summary.len(), 1);
        let text = summary[0].entries[0].new_value.clone().unwrap_or_default();
        assert!(text.starts_with("99 försök, "), "{text}");
        assert_eq!(counts.open(), 0);
        assert!(counts.take(true).is_empty(), "a count is written once");
    }

    #[test]
    fn a_window_alone_writes_nothing_more_and_open_windows_are_bounded() {
        let counts = RefusalCounts::default();
        counts.count("only", "x", entry(), "försök");
        assert!(
            counts.take(true).is_empty(),
            "one refusal: its record is enough"
        );
        for number in 0..REFUSAL_KINDS + 10 {
            counts.count(&format!("kind {number}"), "x", entry(), "försök");
        }
        assert!(counts.open() <= REFUSAL_KINDS);
    }
}
