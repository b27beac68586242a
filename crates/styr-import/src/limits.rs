//! How large an input may be, reader by reader. Every limit bounds something a reader holds
//! while it reads — bytes, archive entries, cells, XML nesting, accounts and objects — and is
//! checked as the input is read, never afterwards: a 1 MB workbook whose shared strings unpack
//! to 1 GB is refused when the 33rd mebibyte of that entry comes out of the inflater, not once
//! the gigabyte is in memory. A file past a limit is refused with a Swedish sentence that names
//! what was too large, and the limit by its key so that an administrator can raise it:
//!
//! ```text
//! xl/sharedStrings.xml packas upp till mer än 32 MiB (gränsen entry_bytes = 32 MiB)
//! ```
//!
//! [`Limits::default`] is what every reader uses unless it is given others (the `_within`
//! forms of the readers); the defaults sit far above any real municipality's files and far
//! below what would take a styr process past 256 MB (docs/security.md, "Readers and limits").

use serde::{Deserialize, Serialize};

mod exceeded;
mod limit;
mod read;

pub use exceeded::{Exceeded, bytes, grouped};
pub use limit::Limit;
pub use read::{ReadError, read_whole};

/// Every limit the readers hold to. Configurable (`[limits]` in a configuration file reads
/// into this with serde); a missing key keeps its default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Bytes of a file read whole: a CSV export, a document as text, and a workbook or Word
    /// document as packed.
    pub file_bytes: u64,
    /// Bytes of a budget file (TOML, which takes fifteen to forty times its size to read).
    pub budget_file_bytes: u64,
    /// Bytes of one line of SIE, CSV, a budget file or a document as text.
    pub line_bytes: u64,
    /// Files in one ZIP archive (.xlsx, .docx).
    pub archive_entries: u64,
    /// Bytes one archive entry unpacks to: as its header declares, and as it inflates.
    pub entry_bytes: u64,
    /// Bytes all the entries read from one archive unpack to together.
    pub archive_bytes: u64,
    /// How deep XML elements may nest.
    pub xml_depth: u64,
    /// Cells of a workbook (and its shared strings); cells of a Word document's tables.
    pub cells: u64,
    /// Rows of a budget template's sheet, as its cell references name them.
    pub sheet_rows: u64,
    /// Columns of a budget template's sheet.
    pub sheet_columns: u64,
    /// Headings, paragraphs and table rows of a document.
    pub blocks: u64,
    /// Accounts of a SIE file (#KONTO, #KTYP, #ENHET, #SRU).
    pub accounts: u64,
    /// Dimensions of a SIE file (#DIM, #UNDERDIM).
    pub dimensions: u64,
    /// Objects of a SIE file — cost centres, projects … — of all its dimensions together,
    /// declared by #OBJEKT or first named by a row.
    pub objects: u64,
    /// Bytes of the names and texts kept from a SIE file's header, chart of accounts,
    /// dimensions and objects (each counted with what keeping it costs).
    pub names_bytes: u64,
    /// Rows (#TRANS, #RTRANS, #BTRANS) of one voucher.
    pub voucher_rows: u64,
    /// Bytes of one voucher as its readers keep it: each row with its text (the voucher's own
    /// text when the row has none).
    pub voucher_bytes: u64,
    /// Runs of voucher numbers kept to find a voucher that comes twice: 1, 2, 3 … 9 000 is one.
    pub voucher_number_runs: u64,
    /// Sums of an outcome read straight from the books: account × cost centre × month.
    pub outcome_sums: u64,
    /// Cost centres of an outcome read straight from the books: each is a group of the
    /// follow-up report, which costs a few kilobytes whatever the rows.
    pub cost_centres: u64,
    /// Bytes of an outcome held whole (a CSV export, a SIE file read for import in one piece).
    pub ledger_bytes: u64,
    /// Rows of one Kolada answer or download, and of a CSV file of KPI values (the bytes of
    /// each are held to `file_bytes`).
    pub value_rows: u64,
    /// Pages of a PDF document under review (its bytes are held to `file_bytes`, each stream
    /// it unpacks to `entry_bytes`).
    pub pages: u64,
    /// Characters placed on the pages of a PDF document under review, all pages together.
    pub glyphs: u64,
}

const KIB: u64 = 1 << 10;
const MIB: u64 = 1 << 20;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            file_bytes: 32 * MIB,
            budget_file_bytes: 2 * MIB,
            line_bytes: 64 * KIB,
            archive_entries: 1_000,
            entry_bytes: 32 * MIB,
            archive_bytes: 64 * MIB,
            xml_depth: 64,
            cells: 100_000,
            sheet_rows: 10_000,
            sheet_columns: 200,
            blocks: 50_000,
            accounts: 100_000,
            dimensions: 1_000,
            objects: 200_000,
            names_bytes: 16 * MIB,
            voucher_rows: 100_000,
            voucher_bytes: 16 * MIB,
            voucher_number_runs: 1_000_000,
            outcome_sums: 500_000,
            cost_centres: 20_000,
            ledger_bytes: 128 * MIB,
            value_rows: 200_000,
            pages: 2_000,
            glyphs: 10_000_000,
        }
    }
}

impl Limits {
    /// `Err` when `value` is past `limit`; `subject` names what has the value ("filen",
    /// "xl/sharedStrings.xml", "verifikation A 12").
    pub fn check(&self, limit: Limit, value: u64, subject: &str) -> Result<(), Exceeded> {
        if value > limit.of(self) {
            Err(self.exceeded(limit, subject))
        } else {
            Ok(())
        }
    }

    /// The refusal for `subject` past `limit`.
    pub fn exceeded(&self, limit: Limit, subject: &str) -> Exceeded {
        Exceeded {
            limit,
            allowed: limit.of(self),
            subject: subject.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_the_thing_the_limit_and_its_key() {
        let limits = Limits::default();
        let refusal = limits
            .check(Limit::EntryBytes, 40 * MIB, "xl/sharedStrings.xml")
            .expect_err("past the limit");
        assert_eq!(
            refusal.to_string(),
            "xl/sharedStrings.xml packas upp till mer än 32 MiB (gränsen entry_bytes = 32 MiB)"
        );
        let refusal = limits.exceeded(Limit::Cells, "arbetsboken");
        assert_eq!(
            refusal.to_string(),
            "arbetsboken har fler celler än 100 000 (gränsen cells = 100 000)"
        );
        assert!(limits.check(Limit::Cells, 100_000, "arbetsboken").is_ok());
    }

    #[test]
    fn every_key_is_a_field_of_the_configuration() {
        let limits: Limits = toml::from_str("cells = 5\nline_bytes = 1024\n").expect("reads");
        assert_eq!((limits.cells, limits.line_bytes), (5, 1024));
        assert_eq!(limits.objects, Limits::default().objects);
        for limit in Limit::ALL {
            let limits: Limits =
                toml::from_str(&format!("{} = 7\n", limit.key())).expect("a key of Limits");
            assert_eq!(limit.of(&limits), 7, "{limit:?}");
        }
        assert!(
            toml::from_str::<Limits>("cels = 5\n").is_err(),
            "a misspelt key"
        );
    }

    #[test]
    fn sizes_and_counts_are_shown_the_swedish_way() {
        assert_eq!(bytes(64 * KIB), "64 KiB");
        assert_eq!(bytes(1_500), "1 500 byte");
        assert_eq!(grouped(1_000_000), "1 000 000");
        assert_eq!(grouped(12), "12");
    }
}
