//! Each limit by name: its key in [`Limits`] and in configuration (`entry_bytes`), whether it
//! counts bytes or things, and the words its refusal uses.

use super::Limits;

/// One of the [`Limits`], by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    FileBytes,
    BudgetFileBytes,
    LineBytes,
    ArchiveEntries,
    EntryBytes,
    ArchiveBytes,
    XmlDepth,
    Cells,
    SheetRows,
    SheetColumns,
    Blocks,
    Accounts,
    Dimensions,
    Objects,
    NamesBytes,
    VoucherRows,
    VoucherBytes,
    VoucherNumberRuns,
    OutcomeSums,
    CostCentres,
    LedgerBytes,
    ValueRows,
    Pages,
    Glyphs,
}

impl Limit {
    pub const ALL: [Limit; 24] = [
        Limit::FileBytes,
        Limit::BudgetFileBytes,
        Limit::LineBytes,
        Limit::ArchiveEntries,
        Limit::EntryBytes,
        Limit::ArchiveBytes,
        Limit::XmlDepth,
        Limit::Cells,
        Limit::SheetRows,
        Limit::SheetColumns,
        Limit::Blocks,
        Limit::Accounts,
        Limit::Dimensions,
        Limit::Objects,
        Limit::NamesBytes,
        Limit::VoucherRows,
        Limit::VoucherBytes,
        Limit::VoucherNumberRuns,
        Limit::OutcomeSums,
        Limit::CostCentres,
        Limit::LedgerBytes,
        Limit::ValueRows,
        Limit::Pages,
        Limit::Glyphs,
    ];

    /// The limit's key in [`Limits`] and in configuration.
    pub const fn key(self) -> &'static str {
        match self {
            Limit::FileBytes => "file_bytes",
            Limit::BudgetFileBytes => "budget_file_bytes",
            Limit::LineBytes => "line_bytes",
            Limit::ArchiveEntries => "archive_entries",
            Limit::EntryBytes => "entry_bytes",
            Limit::ArchiveBytes => "archive_bytes",
            Limit::XmlDepth => "xml_depth",
            Limit::Cells => "cells",
            Limit::SheetRows => "sheet_rows",
            Limit::SheetColumns => "sheet_columns",
            Limit::Blocks => "blocks",
            Limit::Accounts => "accounts",
            Limit::Dimensions => "dimensions",
            Limit::Objects => "objects",
            Limit::NamesBytes => "names_bytes",
            Limit::VoucherRows => "voucher_rows",
            Limit::VoucherBytes => "voucher_bytes",
            Limit::VoucherNumberRuns => "voucher_number_runs",
            Limit::OutcomeSums => "outcome_sums",
            Limit::CostCentres => "cost_centres",
            Limit::LedgerBytes => "ledger_bytes",
            Limit::ValueRows => "value_rows",
            Limit::Pages => "pages",
            Limit::Glyphs => "glyphs",
        }
    }

    /// Whether the limit counts bytes (shown as KiB, MiB) rather than things.
    pub(super) const fn counts_bytes(self) -> bool {
        matches!(
            self,
            Limit::FileBytes
                | Limit::BudgetFileBytes
                | Limit::LineBytes
                | Limit::EntryBytes
                | Limit::ArchiveBytes
                | Limit::NamesBytes
                | Limit::VoucherBytes
                | Limit::LedgerBytes
        )
    }

    /// What the sentence says was too large, before the allowed amount.
    pub(super) fn predicate(self) -> &'static str {
        match self {
            Limit::FileBytes | Limit::BudgetFileBytes => "är större än",
            Limit::LineBytes => "är längre än",
            Limit::ArchiveEntries => "har fler filer än",
            Limit::EntryBytes | Limit::ArchiveBytes => "packas upp till mer än",
            Limit::XmlDepth => "har element inuti varandra i fler nivåer än",
            Limit::Cells => "har fler celler än",
            Limit::SheetRows => "ligger längre ned än rad",
            Limit::SheetColumns => "ligger längre åt höger än kolumn nummer",
            Limit::Blocks => "har fler rubriker, stycken och tabellrader än",
            Limit::Accounts => "har fler konton än",
            Limit::Dimensions => "har fler dimensioner än",
            Limit::Objects => "gör att filen får fler objekt än",
            Limit::NamesBytes => "gör filens namn och texter större än",
            Limit::VoucherRows => "har fler rader än",
            Limit::VoucherBytes => "är, med varje rads text, större än",
            Limit::VoucherNumberRuns => "gör verifikationsnumren fler och glesare än",
            Limit::OutcomeSums => "ger fler summor per konto, kostnadsställe och månad än",
            Limit::CostCentres => "gör att utfallet får fler kostnadsställen än",
            Limit::LedgerBytes => "gör utfallet större i minnet än",
            Limit::ValueRows => "har fler rader än",
            Limit::Pages => "har fler sidor än",
            Limit::Glyphs => "har fler tecken än",
        }
    }

    /// The limit's value in `limits`.
    pub const fn of(self, limits: &Limits) -> u64 {
        match self {
            Limit::FileBytes => limits.file_bytes,
            Limit::BudgetFileBytes => limits.budget_file_bytes,
            Limit::LineBytes => limits.line_bytes,
            Limit::ArchiveEntries => limits.archive_entries,
            Limit::EntryBytes => limits.entry_bytes,
            Limit::ArchiveBytes => limits.archive_bytes,
            Limit::XmlDepth => limits.xml_depth,
            Limit::Cells => limits.cells,
            Limit::SheetRows => limits.sheet_rows,
            Limit::SheetColumns => limits.sheet_columns,
            Limit::Blocks => limits.blocks,
            Limit::Accounts => limits.accounts,
            Limit::Dimensions => limits.dimensions,
            Limit::Objects => limits.objects,
            Limit::NamesBytes => limits.names_bytes,
            Limit::VoucherRows => limits.voucher_rows,
            Limit::VoucherBytes => limits.voucher_bytes,
            Limit::VoucherNumberRuns => limits.voucher_number_runs,
            Limit::OutcomeSums => limits.outcome_sums,
            Limit::CostCentres => limits.cost_centres,
            Limit::LedgerBytes => limits.ledger_bytes,
            Limit::ValueRows => limits.value_rows,
            Limit::Pages => limits.pages,
            Limit::Glyphs => limits.glyphs,
        }
    }
}
