//! How large a file this run of `styr` reads: the readers' limits (`styr_import::Limits`),
//! the defaults unless `--limits FILE` (or `STYR_LIMITS`) names a file that changes some.
//!
//! The file is TOML with a `[limits]` table; a key left out keeps its default, and an unknown
//! key is an error, so a misspelt limit is never silently ignored. `styr limits` writes the
//! limits in force in that form, to copy and change:
//!
//! ```toml
//! [limits]
//! file_bytes = 33554432
//! objects = 200000
//! ```
//!
//! The limits are read once, before the command runs, and every reader of the run — the
//! command's own and the application's in `styr serve` — is held to them.

use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use styr_import::Limits;
use styr_import::limits::{Limit, read_whole};

use crate::output::print;
use crate::status::UNREADABLE;

static LIMITS: OnceLock<Limits> = OnceLock::new();

/// The shape of a limits file.
#[derive(Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct LimitsFile {
    #[serde(default)]
    limits: Limits,
}

/// The limits of this run: the configured ones, or the defaults.
pub fn limits() -> &'static Limits {
    LIMITS.get_or_init(Limits::default)
}

/// Reads the limits from `path` (when given) for the rest of the run; says why not and gives
/// the exit status of an unreadable file otherwise.
pub fn configure(path: Option<&Path>) -> Result<(), ExitCode> {
    let Some(path) = path else {
        return Ok(());
    };
    let shown = path.display();
    let unreadable = |message: String| {
        eprintln!("styr: gränsfilen {shown}: {message}");
        ExitCode::from(UNREADABLE)
    };
    let file = std::fs::File::open(path).map_err(|error| unreadable(error.to_string()))?;
    // A limits file is a few hundred bytes; the default budget-file limit bounds it.
    let bytes = read_whole(file, Limit::BudgetFileBytes, &Limits::default())
        .map_err(|error| unreadable(error.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| unreadable("filen är inte UTF-8".into()))?;
    let read: LimitsFile = toml::from_str(&text).map_err(|error| {
        let line = error
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        let place = line.map_or_else(String::new, |line| format!("rad {line}: "));
        unreadable(format!("{place}{}", error.message()))
    })?;
    LIMITS
        .set(read.limits)
        .map_err(|_| unreadable("gränserna är redan lästa".into()))
}

/// `styr limits`: the limits in force as a limits file.
pub fn show() -> ExitCode {
    let file = LimitsFile {
        limits: limits().clone(),
    };
    match toml::to_string(&file) {
        Ok(text) => print(&format!(
            "# Gränserna för filer som styr läser (docs/security.md, \"Readers and limits\").\n\
             # Ändra det som behövs och ge filen med --limits FIL eller STYR_LIMITS=FIL;\n\
             # en gräns som utelämnas behåller sitt förval.\n{text}"
        )),
        Err(error) => {
            eprintln!("styr: gränserna kunde inte skrivas: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limits_file_changes_only_what_it_names() {
        let read: LimitsFile = toml::from_str("[limits]\nobjects = 10\n").expect("reads");
        assert_eq!(read.limits.objects, 10);
        assert_eq!(read.limits.file_bytes, Limits::default().file_bytes);
    }

    #[test]
    fn a_misspelt_limit_is_an_error() {
        let read = toml::from_str::<LimitsFile>("[limits]\nobjekt = 10\n");
        assert!(read.is_err());
        let read = toml::from_str::<LimitsFile>("[gränser]\nobjects = 10\n");
        assert!(read.is_err());
    }
}
