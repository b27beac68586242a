//! The budget file's `[profile]`: the municipality's graphic profile, read (written by
//! writer/profile.rs).
//!
//! ```toml
//! [profile]
//! primary_colour = "#005691"
//! table_colour = "#dce6f0"
//! font = "Liberation Sans"
//! cover = true
//! cover_text = "Alingsås kommun"
//! header = "Alingsås kommun"
//! footer = ""
//! logo = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0i…"
//! ```
//!
//! A key left out keeps the default's value.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use styr_domain::profile::{Colour, Logo, Profile, Typeface, text};
use toml::Spanned;

use super::raw::RawProfile;
use super::reader::Reader;

pub fn profile(reader: &mut Reader, raw: &RawProfile) -> Profile {
    let mut profile = Profile::default();
    let mut check = |value: &Option<Spanned<String>>,
                     read: &mut dyn FnMut(&str) -> Result<(), String>| {
        if let Some(value) = value
            && let Err(message) = read(value.get_ref())
        {
            reader.issue(value.span(), message);
        }
    };
    check(&raw.primary_colour, &mut |value| {
        profile.primary = Colour::parse(value).map_err(|error| error.to_string())?;
        Ok(())
    });
    check(&raw.table_colour, &mut |value| {
        profile.table = Colour::parse(value).map_err(|error| error.to_string())?;
        Ok(())
    });
    check(&raw.font, &mut |value| {
        profile.font = Typeface::from_name(value).map_err(|error| error.to_string())?;
        Ok(())
    });
    for (value, field, target) in [
        (
            &raw.cover_text,
            "Försättsbladets text",
            &mut profile.cover_text,
        ),
        (&raw.header, "Sidhuvudet", &mut profile.header),
        (&raw.footer, "Sidfoten", &mut profile.footer),
    ] {
        check(value, &mut |value| {
            *target = text(field, value).map_err(|error| error.to_string())?;
            Ok(())
        });
    }
    check(&raw.logo, &mut |value| {
        profile.logo = Some(logo(value)?);
        Ok(())
    });
    if let Some(cover) = raw.cover {
        profile.cover = cover;
    }
    profile
}

/// A logo from its `data:` URL.
fn logo(url: &str) -> Result<Logo, String> {
    let data = url
        .strip_prefix("data:image/png;base64,")
        .or_else(|| url.strip_prefix("data:image/svg+xml;base64,"))
        .ok_or("logotypen skrivs som en data-URL: data:image/png;base64,… eller data:image/svg+xml;base64,…")?;
    // Base64 is four characters for three bytes: a URL past the limit is refused unread.
    if data.len() / 4 * 3 > styr_domain::profile::LOGO_LIMIT + 3 {
        return Err(
            styr_domain::profile::ProfileError::LogoTooLarge(data.len() / 4 * 3).to_string(),
        );
    }
    let bytes = STANDARD
        .decode(data.trim())
        .map_err(|_| "logotypens base64 går inte att läsa".to_string())?;
    Logo::from_bytes(bytes).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use crate::parse_budget;
    use crate::write_budget;

    fn example() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/alingsas-ks-2025.toml"
        ))
        .expect("the example")
    }

    #[test]
    fn a_profile_is_read_and_written_back() {
        let source = format!(
            "{}\n[profile]\nprimary_colour = \"#005691\"\nfont = \"Liberation Serif\"\nheader = \"Alingsås kommun\"\nlogo = \"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"\n",
            example()
        );
        let budget = parse_budget(&source).expect("the budget");
        let profile = budget.profile.clone().expect("a profile");
        assert_eq!(profile.primary.hex(), "#005691");
        assert_eq!(profile.table.hex(), "#e8ecf1", "the default where left out");
        assert_eq!(profile.header, "Alingsås kommun");
        assert!(profile.logo.is_some());
        assert_eq!(parse_budget(&write_budget(&budget)), Ok(budget));
    }

    #[test]
    fn a_wrong_colour_font_or_logo_is_named_where_it_stands() {
        let source = format!(
            "{}\n[profile]\nprimary_colour = \"blå\"\nfont = \"Comic Sans\"\nlogo = \"https://example.org/logo.png\"\n",
            example()
        );
        let issues = parse_budget(&source).expect_err("refused");
        let messages: Vec<&str> = issues.iter().map(|issue| issue.message.as_str()).collect();
        assert_eq!(issues.len(), 3, "{messages:?}");
        assert!(messages[0].contains("”blå” är ingen färg"));
        assert!(messages[1].contains("Comic Sans"));
        assert!(messages[2].contains("data-URL"));
        for (issue, key) in issues.iter().zip(["primary_colour", "font", "logo"]) {
            assert!(issue.source_line.starts_with(key), "{}", issue.source_line);
        }
    }
}
