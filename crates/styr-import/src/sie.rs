//! SIE 4 (sie.se), the Swedish text format for accounting data: a complete streaming reader.
//!
//! [`read_sie`] reads every record of types 1–4, 4E and 4I in one pass. The chart of accounts,
//! dimensions and objects come back in a [`SieFile`]; balances and vouchers go to a [`SieSink`]
//! as they are read, so memory does not grow with the number of vouchers, and everything the
//! reader holds is held to the [`Limits`](crate::Limits) (the `_within` forms take others than
//! the defaults). Every error is collected with its line, column and the quoted line; a file
//! with any error is refused whole, and a sink that can take no more says why through
//! [`SieSink::refusal`].

mod encoding;
mod fast;
mod fields;
mod ledger;
mod outcome;
mod parallel;
mod reader;
mod records;

pub use encoding::Encoding;
pub use ledger::{
    BATCH_BYTES, read_ledger, read_ledger_batches, read_ledger_batches_within, read_ledger_within,
};
pub use outcome::OutcomeSink;
pub use parallel::{ForkSink, read_sie_path, read_sie_path_within};
pub use reader::{SieError, read_sie, read_sie_within, read_with};
pub use records::{
    AccountInfo, Balance, BalanceKind, Counts, Dimension, Header, ObjectIndex, ObjectInfo, SieFile,
    Transaction, TransactionKind, Voucher,
};
pub use styr_domain::followup::mapping::is_result_account;
pub use styr_domain::followup::projects::is_investment_account;

/// Whether an import keeps a booking on `account`: a result account, which the operating
/// follow-up reads, or an investment account (10–14), which the investment follow-up reads.
pub fn is_kept_account(account: u32) -> bool {
    is_result_account(account) || is_investment_account(account)
}

/// Receives what grows with the books, one record at a time.
pub trait SieSink {
    /// A balance record (#IB, #UB, #OIB, #OUB, #RES, #PSALDO, #PBUDGET).
    fn balance(&mut self, _file: &SieFile, _balance: &Balance) {}
    /// A whole, balanced voucher with its rows.
    fn voucher(&mut self, _file: &SieFile, _voucher: &Voucher) {}
    /// How many bytes have been read so far, after each chunk.
    fn progress(&mut self, _bytes: u64) {}
    /// Why the sink can take nothing more — a sum past the range of an amount, or past one of
    /// its limits — said once, in a sentence. The reader asks after every balance and voucher
    /// and refuses the file at that record; a sink that wraps another must pass this on.
    fn refusal(&mut self) -> Option<String> {
        None
    }
}

/// A sink that keeps nothing: for checking a file.
impl SieSink for () {}
