//! Reading Kolada's answers: the API's JSON (v3) and the CSV a person downloads, into
//! [`styr_domain::kolada`] values, every problem an [`Issue`] with its line and column.
//!
//! ```text
//! {"count": 2, "next_url": "https://api.kolada.se/v3/data/…?page=2",
//!  "values": [{"kpi": "N00097", "municipality": "1489", "period": 2024,
//!              "values": [{"gender": "T", "count": 1, "status": "", "value": -1.2},
//!                         {"gender": "K", "count": 0, "status": "", "value": null}]}]}
//! → KoladaValue { N00097, 1489, 2024, T, Some(-1,2) }, KoladaValue { …, K, None }
//!   and the next page's address
//! ```
//!
//! Numbers are read from their own text ("-1.2" is -1,2 exactly, never a float). The limits
//! given ([`Limits::file_bytes`] for the bytes, [`Limits::value_rows`] for the rows: the
//! configured ones, `--limits` or `App::with_limits`) are checked before and while reading;
//! an answer past them, malformed or cut short is refused whole, the refusal naming the
//! limit. `json` reads the API's answers (data, KPI
//! metadata, municipality groups, municipalities), `csv` a download, and [`read_file`] tells
//! which a file is.

mod csv;
mod json;

pub use csv::read_csv;
pub(crate) use csv::{column as csv_column, delimiter as csv_delimiter};
pub use json::{DataPage, read_data_page, read_groups, read_kpi_metadata, read_municipalities};

use styr_domain::kolada::{GroupMember, KoladaValue, KpiMetadata, MunicipalityGroup};

use crate::issue::Issue;
use crate::limits::Limits;

/// What a Kolada file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KoladaFile {
    Values(Vec<KoladaValue>),
    Kpis(Vec<KpiMetadata>),
    Groups(Vec<MunicipalityGroup>),
    Municipalities(Vec<GroupMember>),
}

/// Reads a saved Kolada answer (JSON) or a CSV download, whichever `bytes` is, within
/// `limits`.
pub fn read_file(bytes: &[u8], limits: &Limits) -> Result<KoladaFile, Vec<Issue>> {
    let text = json::text(bytes, "filen", limits)?;
    if !text.trim_start().starts_with('{') {
        return read_csv(bytes, limits).map(KoladaFile::Values);
    }
    match json::kind(text, limits)? {
        json::Kind::Data => {
            read_data_page(bytes, limits).map(|page| KoladaFile::Values(page.values))
        }
        json::Kind::Groups => read_groups(bytes, limits).map(KoladaFile::Groups),
        json::Kind::Kpis => read_kpi_metadata(bytes, limits).map(KoladaFile::Kpis),
        json::Kind::Municipalities => {
            read_municipalities(bytes, limits).map(KoladaFile::Municipalities)
        }
    }
}
