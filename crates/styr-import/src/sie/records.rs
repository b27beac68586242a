//! What a SIE file says, as typed values. The small parts (the company, the chart of accounts,
//! the dimensions and objects) are kept in [`SieFile`]; balances and vouchers, which grow with
//! the books, are handed to a [`SieSink`](super::SieSink) one at a time.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;
use styr_domain::calendar::Date;

use super::encoding::Encoding;
use crate::issue::Issue;

/// An object of a dimension, as the reader numbers them: an index into [`SieFile::objects`].
pub type ObjectIndex = u32;

/// The company and the file, from the header records.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Header {
    pub flag: Option<String>,
    pub program: Option<String>,
    pub format: Option<String>,
    pub generated: Option<Date>,
    pub sie_type: Option<String>,
    pub prose: Option<String>,
    pub company_type: Option<String>,
    pub company_number: Option<String>,
    pub organisation_number: Option<String>,
    pub industry_code: Option<String>,
    pub address: Vec<String>,
    pub company_name: Option<String>,
    /// #RAR: year index → first and last day of the financial year.
    pub financial_years: BTreeMap<i32, (Date, Date)>,
    pub tax_year: Option<String>,
    pub extent: Option<Date>,
    pub chart_type: Option<String>,
    pub currency: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct AccountInfo {
    pub name: String,
    /// #KTYP: T tillgång, S skuld, K kostnad, I intäkt.
    pub kind: Option<String>,
    /// #ENHET: the unit of quantities.
    pub unit: Option<String>,
    pub sru: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Dimension {
    pub name: String,
    /// #UNDERDIM: the dimension this one belongs under.
    pub parent: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ObjectInfo {
    pub dimension: u32,
    pub id: String,
    /// Empty when a transaction names an object no #OBJEKT declared.
    pub name: String,
}

/// The counts of what was read, for the import record and the closing summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub lines: u64,
    pub bytes: u64,
    pub vouchers: u64,
    pub transactions: u64,
    pub balances: u64,
    pub ignored_labels: u64,
}

/// Everything but the balances and vouchers.
#[derive(Clone, Debug, Serialize)]
pub struct SieFile {
    pub header: Header,
    pub encoding: Encoding,
    pub accounts: BTreeMap<u32, AccountInfo>,
    pub dimensions: BTreeMap<u32, Dimension>,
    pub objects: Vec<ObjectInfo>,
    pub counts: Counts,
    /// Whether #KSUMMA was present (and, since the file was accepted, verified).
    pub checksum_verified: bool,
    #[serde(skip)]
    pub warnings: Vec<Issue>,
}

impl SieFile {
    pub fn object(&self, index: ObjectIndex) -> &ObjectInfo {
        &self.objects[index as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BalanceKind {
    /// #IB
    Opening,
    /// #UB
    Closing,
    /// #OIB
    ObjectOpening,
    /// #OUB
    ObjectClosing,
    /// #RES
    Result,
    /// #PSALDO: the outcome of one period.
    PeriodOutcome,
    /// #PBUDGET: the budget of one period.
    PeriodBudget,
}

/// One balance record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Balance {
    pub kind: BalanceKind,
    pub year_index: i32,
    /// YYYYMM for #PSALDO and #PBUDGET.
    pub period: Option<u32>,
    pub account: u32,
    /// (dimension, object) pairs.
    pub objects: Vec<(u32, ObjectIndex)>,
    /// In öre, debit positive.
    pub amount: i64,
    pub line: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionKind {
    /// #TRANS: counts.
    Booked,
    /// #RTRANS: added afterwards; an identical #TRANS follows it, which is the one counted.
    Added,
    /// #BTRANS: removed afterwards; it does not count.
    Removed,
}

/// One row of a voucher. Its objects and text live in the voucher's pools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub kind: TransactionKind,
    pub account: u32,
    objects: Range<usize>,
    /// In öre, debit positive.
    pub amount: i64,
    pub date: Option<Date>,
    text: Range<usize>,
    pub line: u64,
}

/// A voucher (#VER) with its rows; the reader reuses one value for every voucher of a file.
#[derive(Clone, Debug, Default)]
pub struct Voucher {
    pub series: String,
    pub number: String,
    pub date: Option<Date>,
    pub text: String,
    pub registered: Option<Date>,
    pub line: u64,
    pub rows: Vec<Transaction>,
    object_pool: Vec<(u32, ObjectIndex)>,
    text_pool: String,
}

impl Voucher {
    pub(crate) fn clear(&mut self) {
        self.series.clear();
        self.number.clear();
        self.date = None;
        self.text.clear();
        self.registered = None;
        self.line = 0;
        self.rows.clear();
        self.object_pool.clear();
        self.text_pool.clear();
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one row's fields, all required, in file order"
    )]
    pub(crate) fn push_row(
        &mut self,
        kind: TransactionKind,
        account: u32,
        objects: &[(u32, ObjectIndex)],
        amount: i64,
        date: Option<Date>,
        text: &str,
        line: u64,
    ) {
        let object_start = self.object_pool.len();
        self.object_pool.extend_from_slice(objects);
        let text_start = self.text_pool.len();
        self.text_pool.push_str(text);
        self.rows.push(Transaction {
            kind,
            account,
            objects: object_start..self.object_pool.len(),
            amount,
            date,
            text: text_start..self.text_pool.len(),
            line,
        });
    }

    /// The (dimension, object) pairs of a row.
    pub fn objects(&self, row: &Transaction) -> &[(u32, ObjectIndex)] {
        &self.object_pool[row.objects.clone()]
    }

    /// The row's own text, or the voucher's when the row has none.
    pub fn text<'a>(&'a self, row: &Transaction) -> &'a str {
        let own = &self.text_pool[row.text.clone()];
        if own.is_empty() { &self.text } else { own }
    }

    /// The object of `dimension` on a row, if it has one.
    pub fn object_of(&self, row: &Transaction, dimension: u32) -> Option<ObjectIndex> {
        self.objects(row)
            .iter()
            .find(|(number, _)| *number == dimension)
            .map(|(_, object)| *object)
    }

    /// The rows that count: #TRANS, not #RTRANS or #BTRANS.
    pub fn booked(&self) -> impl Iterator<Item = &Transaction> {
        self.rows
            .iter()
            .filter(|row| row.kind == TransactionKind::Booked)
    }
}
