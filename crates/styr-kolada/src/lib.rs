//! The Kolada client: fetches KPI values, KPI metadata, municipality names and groups from
//! Kolada's API v3, page by page, into one [`Fetched`] answer for the store's cache. Only this
//! crate talks HTTP; the domain, the reports and the application never need a network.
//!
//! ```text
//! let client = Client::new("https://api.kolada.se/v3", Http::new(Duration::from_secs(30)));
//! let fetched = client.fetch(&Request { kpis: ["N00097"], municipalities: ["1489"],
//!                                       peers: Some("G37411"), years: [2023, 2024] })?;
//!   GET /kpi/N00097                      → metadata (an unknown KPI is named)
//!   GET /municipality/1489               → the name (an unknown municipality is named)
//!   GET /municipality_groups/G37411      → the peers
//!   GET /data/kpi/N00097/municipality/1489,1441,…/year/2023,2024?per_page=5000
//!       … then every next_url, until there is none
//! ```
//!
//! Id lists are cut into chunks (Kolada refuses long ones: [`Chunks`]); a page that links back
//! to one already read is a loop and stops the fetch; a next page must lie under the base URL;
//! every answer is read within the readers' limits (`styr_import::Limits`, the configured ones
//! given by [`Client::with_limits`] and [`Http::with_limits`]); an HTTP error, a timeout or an answer
//! that does not read is a [`FetchError`] that names the address, and nothing is written.
//! [`Transport`] is the one seam: [`Http`] (blocking HTTPS with rustls) in use, anything that
//! answers a GET in tests.

mod client;
mod http;

pub use client::{Chunks, Client, Fetched, Request};
pub use http::Http;

use thiserror::Error;

/// Kolada's API, version 3.
pub const DEFAULT_BASE_URL: &str = "https://api.kolada.se/v3";

/// The most pages one fetch follows.
pub const MAX_PAGES: usize = 2_000;

/// What answers a GET: the body of a 2xx answer, or why there is none.
pub trait Transport {
    fn get(&self, url: &str) -> Result<Vec<u8>, FetchError>;
}

/// Why a fetch stopped; each message a sentence naming the address where it did.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("Kolada svarade {status} på {url}{detail}")]
    Status {
        status: u16,
        url: String,
        detail: String,
    },
    #[error("Kolada svarade inte inom {seconds} s på {url}")]
    Timeout { seconds: u64, url: String },
    #[error("kan inte nå Kolada på {url}: {reason}")]
    Unreachable { url: String, reason: String },
    /// An answer past the readers' byte limit; the refusal names the address and the limit.
    #[error("{0}")]
    TooLarge(styr_import::Exceeded),
    #[error("svaret från {url} går inte att läsa: {issues}")]
    Unreadable { url: String, issues: String },
    #[error("sidorna från Kolada går i cirkel: {url} kom tillbaka")]
    Loop { url: String },
    #[error("hämtningen följde över {MAX_PAGES} sidor och avbröts")]
    TooManyPages,
    #[error("nästa sida pekar utanför {base}: {url}")]
    ForeignPage { base: String, url: String },
    #[error("Kolada känner inte {what} {ids}")]
    Unknown { what: &'static str, ids: String },
    #[error("{0}")]
    Invalid(String),
}
