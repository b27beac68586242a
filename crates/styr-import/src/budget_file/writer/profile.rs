//! The budget file's `[profile]` written: the municipality's graphic profile as the keys
//! budget_file/profile.rs reads, the logo as a `data:` URL.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use styr_domain::profile::Profile;

use super::output::Output;
use super::values::toml_string;

pub fn profile(out: &mut Output, profile: &Profile) {
    out.table("[profile]");
    for (key, value) in fields(profile) {
        out.raw(key, &value);
    }
}

/// The profile's keys and their TOML values, in the order of budget_file/profile.rs's example.
fn fields(profile: &Profile) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("primary_colour", toml_string(&profile.primary.hex())),
        ("table_colour", toml_string(&profile.table.hex())),
        ("font", toml_string(profile.font.name())),
        ("cover", profile.cover.to_string()),
        ("cover_text", toml_string(&profile.cover_text)),
        ("header", toml_string(&profile.header)),
        ("footer", toml_string(&profile.footer)),
    ];
    if let Some(logo) = &profile.logo {
        let url = format!(
            "data:{};base64,{}",
            logo.format.media_type(),
            STANDARD.encode(&logo.bytes)
        );
        fields.push(("logo", toml_string(&url)));
    }
    fields
}
