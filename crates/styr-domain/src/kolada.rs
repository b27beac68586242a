//! Kolada (kolada.se, run by RKA), the open KPI database of Swedish municipalities, as styr
//! keeps it: a value per KPI, municipality (or municipality group), year and gender, which
//! may be missing (`None`: Kolada has the row but no value); a KPI's metadata; and municipality
//! groups with their members, such as "Liknande kommuner …". Data shown from here is
//! attributed "Källa: Kolada".
//!
//! ```text
//! N00097 · 1489 (Alingsås) · 2024 · T → -1,2   (nettokostnadsavvikelse, %)
//! N00097 · 1489 · 2024 · K → None              (no value by gender for this KPI)
//! ```
//!
//! Ids are checked at the edge: a KPI id is a capital letter and five digits ("N00097"), a
//! municipality four digits ("1489", "0000" for riket), a group "G" and digits or letters.

use serde::Serialize;

use crate::calendar::Year;
use crate::decimal::Decimal;

/// Kolada's attribution, shown with every figure taken from it.
pub const ATTRIBUTION: &str = "Källa: Kolada";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Gender {
    /// Totalt.
    T,
    /// Kvinnor.
    K,
    /// Män.
    M,
}

impl Gender {
    pub const fn key(self) -> &'static str {
        match self {
            Gender::T => "T",
            Gender::K => "K",
            Gender::M => "M",
        }
    }

    pub const fn swedish(self) -> &'static str {
        match self {
            Gender::T => "totalt",
            Gender::K => "kvinnor",
            Gender::M => "män",
        }
    }

    /// "T", "K", "M", or the Swedish words a download writes.
    pub fn parse(text: &str) -> Option<Gender> {
        match text.trim().to_lowercase().as_str() {
            "t" | "totalt" | "total" | "alla" => Some(Gender::T),
            "k" | "kvinnor" | "kvinna" => Some(Gender::K),
            "m" | "män" | "man" => Some(Gender::M),
            _ => None,
        }
    }
}

/// One value as Kolada gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KoladaValue {
    pub kpi: String,
    pub municipality: String,
    pub year: Year,
    pub gender: Gender,
    pub value: Option<Decimal>,
    pub count: Option<i64>,
    /// Kolada's status of the value (empty, or a mark such as an uncertain or protected
    /// value); kept and shown, never dropped.
    pub status: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KpiMetadata {
    pub id: String,
    pub title: String,
    pub description: String,
    pub operating_area: String,
    pub divided_by_gender: bool,
    pub municipality_type: String,
    pub publication_date: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupMember {
    pub id: String,
    pub title: String,
}

/// A group of municipalities: Kolada's own ("Liknande kommuner …") or a list a user chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MunicipalityGroup {
    pub id: String,
    pub title: String,
    pub members: Vec<GroupMember>,
    /// Kolada's own group, or one a user made.
    pub own: bool,
}

pub fn is_kpi_id(id: &str) -> bool {
    id.len() == 6
        && id.as_bytes()[0].is_ascii_uppercase()
        && id.bytes().skip(1).all(|byte| byte.is_ascii_digit())
}

pub fn is_municipality_id(id: &str) -> bool {
    id.len() == 4 && id.bytes().all(|byte| byte.is_ascii_digit())
}

pub fn is_group_id(id: &str) -> bool {
    (2..=40).contains(&id.len())
        && id.starts_with('G')
        && id.bytes().skip(1).all(|byte| byte.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked_against_koladas_forms() {
        assert!(is_kpi_id("N00097"));
        assert!(is_kpi_id("U09400"));
        assert!(!is_kpi_id("n00097"));
        assert!(!is_kpi_id("N0009"));
        assert!(!is_kpi_id("N00097/../x"));
        assert!(is_municipality_id("1489"));
        assert!(is_municipality_id("0000"));
        assert!(!is_municipality_id("148"));
        assert!(is_group_id("G37411"));
        assert!(!is_group_id("G37/411"));
    }

    #[test]
    fn a_gender_reads_from_its_letter_or_word() {
        assert_eq!(Gender::parse("T"), Some(Gender::T));
        assert_eq!(Gender::parse("Kvinnor"), Some(Gender::K));
        assert_eq!(Gender::parse("män"), Some(Gender::M));
        assert_eq!(Gender::parse("x"), None);
    }
}
