//! The municipality's logo: PNG or SVG bytes within `LOGO_LIMIT`, recognised by their own
//! signature rather than by a file name; the audit log holds its fingerprint, not the file.

use serde::Serialize;

use super::{LOGO_LIMIT, ProfileError};

/// A logo as its file: PNG or SVG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    pub format: LogoFormat,
    pub bytes: Vec<u8>,
}

/// In the audit log a logo is its format, size and a fingerprint ("SVG, 2 311 byte, 9f…"): two
/// different logos read differently, and the log does not hold the file.
impl Serialize for Logo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // FNV-1a: a fingerprint, not a security measure.
        let fingerprint = self
            .bytes
            .iter()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
                (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
            });
        let format = match self.format {
            LogoFormat::Png => "PNG",
            LogoFormat::Svg => "SVG",
        };
        serializer.collect_str(&format_args!(
            "{format}, {} byte, {fingerprint:016x}",
            self.bytes.len()
        ))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LogoFormat {
    Png,
    Svg,
}

impl LogoFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Svg => "image/svg+xml",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Svg => "svg",
        }
    }
}

impl Logo {
    /// A PNG (by its signature) or an SVG (an XML text with an `<svg` element) of at most
    /// [`LOGO_LIMIT`] bytes. Whether it draws is for the renderer to find out.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo, ProfileError> {
        if bytes.len() > LOGO_LIMIT {
            return Err(ProfileError::LogoTooLarge(bytes.len()));
        }
        let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            LogoFormat::Png
        } else if std::str::from_utf8(&bytes).is_ok_and(|text| {
            let text = text.trim_start_matches('\u{feff}').trim_start();
            (text.starts_with('<')) && text.contains("<svg")
        }) {
            LogoFormat::Svg
        } else {
            return Err(ProfileError::LogoFormat);
        };
        Ok(Logo { format, bytes })
    }
}
