//! Files sent to styr — a budget file, a filled-in budget template, the books as SIE or CSV —
//! received within a limit per route, after the application layer has said the actor may send
//! them. Three rules:
//!
//! 1. **Permission before the body.** A handler asks `App::require` first; a läsare's 200 MB
//!    upload is refused (403) before its first byte is read, and the refusal is audited.
//! 2. **A limit per route, checked while reading** ([`Limit`]): a body past it is refused with
//!    413 and a Swedish sentence naming the limit; nothing of it is kept.
//! 3. **Never held twice.** The books (a municipality's SIE year is about 50 MB) are streamed
//!    to a temporary file ([`to_file`]) that the SIE reader reads as it imports; the small
//!    files (a budget file, a template, a CSV) are read into memory once ([`to_memory`]).
//!
//! Page forms send their file as `multipart/form-data` (field `fil`); [`form`] reads such a
//! form field by field under the same limit.

mod form;
pub mod permission;
mod temporary;

use axum::body::Body;
use futures_util::StreamExt;

pub use form::form;
pub use temporary::TemporaryFile;

use crate::error::{ApiError, Kind, PageError};

/// How much one route takes, and what it takes, for the refusal's sentence.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub bytes: usize,
    /// "en budgetfil": what the route receives.
    pub what: &'static str,
}

/// A budget file (TOML): the reference budget is under 100 kB.
pub const BUDGET_FILE: Limit = Limit {
    bytes: 8 << 20,
    what: "en budgetfil",
};
/// A filled-in budget template (.xlsx): a few hundred kB for a whole board.
pub const TEMPLATE: Limit = Limit {
    bytes: 16 << 20,
    what: "en budgetmall",
};
/// The books as SIE, streamed to disk and read as they are imported.
pub const OUTCOME_SIE: Limit = Limit {
    bytes: 256 << 20,
    what: "ett utfall i SIE-format",
};
/// The books as CSV, which its reader reads whole.
pub const OUTCOME_CSV: Limit = Limit {
    bytes: 64 << 20,
    what: "ett utfall i CSV-format",
};
/// A logo (PNG or SVG) for the graphic profile: the logo itself may be 512 kB.
pub const LOGO: Limit = Limit {
    bytes: 1 << 20,
    what: "en logotyp",
};
/// KPI values as CSV (one value a row).
pub const KPI_VALUES: Limit = Limit {
    bytes: 8 << 20,
    what: "nyckeltalsvärden i CSV-format",
};
/// A saved Kolada answer or CSV download: the readers' default `file_bytes` (a configured
/// smaller one refuses it when it is read).
pub const KOLADA_FILE: Limit = Limit {
    bytes: 32 << 20,
    what: "en Kolada-fil",
};
/// A document to review (PDF, Word, text): the readers' default `file_bytes`.
pub const DOCUMENT: Limit = Limit {
    bytes: 32 << 20,
    what: "ett dokument att granska",
};
/// A CSV import profile (TOML text).
pub const IMPORT_PROFILE: Limit = Limit {
    bytes: 64 << 10,
    what: "en importprofil",
};

/// Why a body was not received.
#[derive(Debug)]
pub enum Refusal {
    /// Past the route's limit.
    TooLarge(Limit),
    /// The body broke off, or could not be stored for reading.
    Broken(String),
}

impl Refusal {
    fn kind_and_message(&self) -> (Kind, String) {
        match self {
            Refusal::TooLarge(limit) => (
                Kind::TooLarge,
                format!(
                    "Filen är för stor: högst {} tas emot för {}. Ingenting har ändrats.",
                    megabytes(limit.bytes),
                    limit.what
                ),
            ),
            Refusal::Broken(why) => (
                Kind::Invalid,
                format!("Filen kom inte fram ({why}). Ingenting har ändrats."),
            ),
        }
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> ApiError {
        let (kind, message) = refusal.kind_and_message();
        ApiError::of(kind, message)
    }
}

impl From<Refusal> for PageError {
    fn from(refusal: Refusal) -> PageError {
        let (kind, message) = refusal.kind_and_message();
        PageError::of(kind, message)
    }
}

/// "256 MB", "64 kB".
fn megabytes(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} kB", bytes >> 10)
    }
}

/// Reads `body` into memory, refusing it past `limit`.
pub async fn to_memory(body: Body, limit: Limit) -> Result<Vec<u8>, Refusal> {
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| Refusal::Broken(error.to_string()))?;
        if bytes.len() + chunk.len() > limit.bytes {
            return Err(Refusal::TooLarge(limit));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Streams `body` to a temporary file, refusing it past `limit`; the file has no name on disk
/// and is gone when the value (or its reader) is dropped.
pub async fn to_file(body: Body, limit: Limit) -> Result<TemporaryFile, Refusal> {
    let mut file = TemporaryFile::create().await?;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| Refusal::Broken(error.to_string()))?;
        file.write(&chunk, limit).await?;
    }
    file.finish().await?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: Limit = Limit {
        bytes: 10,
        what: "en provfil",
    };

    #[tokio::test]
    async fn a_body_within_the_limit_is_read_whole() {
        let read = to_memory(Body::from("0123456789"), TINY).await;
        assert_eq!(read.expect("within"), b"0123456789");
    }

    #[tokio::test]
    async fn a_body_past_the_limit_is_refused_with_the_limit_named() {
        let refused = to_memory(Body::from("0123456789!"), TINY)
            .await
            .expect_err("past the limit");
        let error = ApiError::from(refused);
        assert_eq!(error.status, axum::http::StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            error.body.message.contains("0 kB tas emot för en provfil"),
            "{}",
            error.body.message
        );
    }

    fn leftovers() -> usize {
        let prefix = format!("styr-upload-{}-", std::process::id());
        std::fs::read_dir(std::env::temp_dir())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
                    .count()
            })
            .unwrap_or_default()
    }

    #[tokio::test]
    async fn a_file_is_read_back_and_never_left_on_disk() {
        let within = to_file(Body::from("0123456789"), TINY)
            .await
            .expect("within");
        assert_eq!(leftovers(), 0, "the file has no name while it is read");
        assert_eq!(within.len(), 10);
        assert_eq!(within.bytes().await.expect("read back"), b"0123456789");
        assert!(matches!(
            to_file(Body::from("0123456789!"), TINY).await,
            Err(Refusal::TooLarge(_))
        ));
        assert_eq!(leftovers(), 0);
    }
}
