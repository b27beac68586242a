//! The time as the store writes it: UTC in ISO 8601 ("2026-11-26T15:04:05Z"), which sorts
//! as text, so the audit log's and the sessions' times compare with plain `<` in SQL on
//! either backend. No date library: one conversion from days to a civil date.

use std::time::{SystemTime, UNIX_EPOCH};

/// The time now.
pub fn now() -> String {
    now_plus(0)
}

/// The time `later` seconds from now, written like [`now`] (a session's expiry).
pub fn now_plus(later: u64) -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|duration| duration.as_secs())
        .unwrap_or(0)
        + later;
    let days = (seconds / 86_400) as i64;
    let time_of_day = seconds % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time_of_day / 3_600,
        time_of_day % 3_600 / 60,
        time_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_time_is_written_so_that_it_sorts_as_text() {
        let now = super::now();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && &now[10..11] == "T", "{now}");
        assert!(super::now_plus(3_600) > now);
    }
}
