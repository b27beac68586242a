//! The transport in use: blocking HTTPS (and plain HTTP, for a local server in tests) with
//! ureq and rustls, a timeout on every request as a whole, and the body read within the
//! readers' byte limit (`Limits::file_bytes`, the configured one) while it arrives.

use std::time::Duration;

use styr_import::{Limit, Limits};

use crate::{FetchError, Transport};

pub struct Http {
    agent: ureq::Agent,
    timeout: Duration,
    limits: Limits,
}

impl Http {
    /// A transport within the default limits.
    pub fn new(timeout: Duration) -> Http {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .build()
            .into();
        Http {
            agent,
            timeout,
            limits: Limits::default(),
        }
    }

    /// The same transport reading no body past `limits.file_bytes`.
    pub fn with_limits(mut self, limits: Limits) -> Http {
        self.limits = limits;
        self
    }
}

/// An error answer's first words, for the message: plain text only, never markup.
fn detail(body: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(body)
        .chars()
        .filter(|character| !character.is_control())
        .take(160)
        .collect();
    let text = text.trim();
    if text.is_empty() || text.starts_with('<') {
        String::new()
    } else {
        format!(" ({text})")
    }
}

impl Transport for Http {
    fn get(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let timeout = || FetchError::Timeout {
            seconds: self.timeout.as_secs().max(1),
            url: url.to_string(),
        };
        let limit = Limit::FileBytes.of(&self.limits);
        let failed = |error: ureq::Error| match error {
            ureq::Error::Timeout(_) => timeout(),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => timeout(),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(
                self.limits
                    .exceeded(Limit::FileBytes, &format!("svaret från {url}")),
            ),
            other => FetchError::Unreachable {
                url: url.to_string(),
                reason: other.to_string(),
            },
        };
        let mut response = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .header("User-Agent", concat!("styr/", env!("CARGO_PKG_VERSION")))
            .call()
            .map_err(failed)?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(failed)?;
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                status,
                url: url.to_string(),
                detail: detail(&body),
            });
        }
        Ok(body)
    }
}
