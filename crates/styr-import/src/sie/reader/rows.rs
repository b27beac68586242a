//! A voucher's rows: `#TRANS account {objects} amount date text quantity`, and #RTRANS and
//! #BTRANS (added and removed afterwards) in the same shape. A row read the quick way
//! (`sie/fast.rs`) and one read field by field end in the same place, [`Reader::keep_row`],
//! which holds the voucher to its limits: a voucher's rows are kept until it closes, so a
//! voucher of a million rows, or of rows whose text repeats a long voucher text, would
//! otherwise cost what the file never shows.

use styr_domain::calendar::Date;

use super::{Block, Reader};
use crate::limits::Limit;
use crate::sie::fields::{self, Field, FieldKind};
use crate::sie::records::TransactionKind;
use crate::sie::{SieSink, fast};

/// What a row costs a reader that keeps it, besides its text and objects: about the size of
/// the row in a ledger (`styr_domain::followup::LedgerRow`) and its place in the voucher.
const ROW_BYTES: u64 = 128;

/// What one (dimension, object) pair of a row costs.
const OBJECT_BYTES: u64 = 8;

impl<S: SieSink> Reader<'_, S> {
    #[inline]
    pub(super) fn push_quick(&mut self, line: &[u8], row: fast::QuickRow<'_>) {
        self.objects.clear();
        for &(dimension, code) in &row.objects[..row.object_count] {
            let object = self.object(line, dimension, code, None);
            self.objects.push((dimension, object));
        }
        let text = if row.text.is_empty() {
            String::new()
        } else {
            self.kept(line, row.text).into_owned()
        };
        self.keep_row(
            line,
            TransactionKind::Booked,
            row.account,
            row.amount,
            row.date,
            &text,
        );
    }

    #[inline]
    pub(super) fn transaction(&mut self, line: &[u8], fields: &[Field], kind: TransactionKind) {
        if self.block != Block::Inside {
            return self.error(
                line,
                Some(fields[0]),
                "transaktionen står utanför en verifikation (#VER … { … })",
            );
        }
        let Some(account) = self.required(line, fields, 1, "kontonummer") else {
            return;
        };
        let Some(list) = self.required(line, fields, 2, "objektlista") else {
            return;
        };
        if list.kind != FieldKind::List {
            return self.error(
                line,
                Some(list),
                "här ska objektlistan stå, till exempel {} eller {1 \"100\"}",
            );
        }
        let Some(amount) = self.required(line, fields, 3, "belopp") else {
            return;
        };
        let account = self.account_field(line, account);
        let objects_valid = self.object_list(line, list);
        let amount = self.amount_field(line, amount);
        let date = self.date_field(line, fields.get(4), "transaktionsdatumet");
        if let Some(quantity) = fields.get(6).filter(|field| field.start < field.end) {
            self.checked(
                line,
                *quantity,
                |bytes| fields::is_decimal(bytes).then_some(()),
                "kvantiteten är inte ett tal",
            );
        }
        let (Some(account), Some(amount), true) = (account, amount, objects_valid) else {
            return;
        };
        let text = match fields.get(5) {
            Some(field) if field.start < field.end => self.field_text(line, field).into_owned(),
            _ => String::new(),
        };
        self.keep_row(line, kind, account, amount, date, &text);
    }

    /// Adds a row, with the objects in `self.objects`, to the voucher being read — unless the
    /// voucher is past a limit, which refuses the file at this row.
    #[inline]
    fn keep_row(
        &mut self,
        line: &[u8],
        kind: TransactionKind,
        account: u32,
        amount: i64,
        date: Option<Date>,
        text: &str,
    ) {
        self.file.counts.transactions += 1;
        if self.voucher_refused {
            return;
        }
        let shown = if text.is_empty() {
            &self.voucher.text
        } else {
            text
        };
        self.voucher_bytes +=
            ROW_BYTES + shown.len() as u64 + OBJECT_BYTES * self.objects.len() as u64;
        let past = if self.voucher.rows.len() as u64 >= self.limits.voucher_rows {
            Some(Limit::VoucherRows)
        } else if self.voucher_bytes > self.limits.voucher_bytes {
            Some(Limit::VoucherBytes)
        } else {
            None
        };
        if let Some(limit) = past {
            self.voucher_refused = true;
            let subject = format!(
                "verifikation {} {}",
                self.voucher.series, self.voucher.number
            );
            let message = self.limits.exceeded(limit, &subject).to_string();
            let at = self.file.counts.lines;
            return self.error_at_line(line, at, 0, line.len(), message);
        }
        let number = self.file.counts.lines;
        let objects = std::mem::take(&mut self.objects);
        self.voucher
            .push_row(kind, account, &objects, amount, date, text, number);
        self.objects = objects;
    }
}
