//! TODO

use super::{Block, Reader, kronor};
use crate::sie::fields::{self, Field, FieldKind};
use crate::sie::records::TransactionKind;
use crate::sie::{SieSink, fast};

impl<S: SieSink> Reader<'_, S> {
    pub(super) fn voucher_header(&mut self, line: &[u8], fields: &[Field]) {
        if self.block == Block::Inside {
            let source = std::mem::take(&mut self.voucher_source);
            let number = self.voucher.line;
            self.error_at_line(
                &source,
                number,
                0,
                source.len(),
                "verifikationen avslutas aldrig: nästa #VER kommer före }",
            );
        }
        self.voucher.clear();
        self.voucher.line = self.file.counts.lines;
        self.voucher_source.clear();
        self.voucher_source.extend_from_slice(line);
        // Into the voucher's own strings, which keep their capacity from voucher to voucher.
        let mut voucher = std::mem::take(&mut self.voucher);
        for (index, target) in [
            (1, &mut voucher.series),
            (2, &mut voucher.number),
            (4, &mut voucher.text),
        ] {
            if let Some(field) = fields.get(index) {
                target.push_str(&self.decode(&fields::unescaped(line, field)));
            }
        }
        self.voucher = voucher;
        if let Some(field) = self.required(line, fields, 3, "verifikationsdatum") {
            self.voucher.date = self.date_field(line, Some(&field), "verifikationsdatumet");
        }
        self.voucher.registered = self.date_field(line, fields.get(5), "registreringsdatumet");
        self.block = Block::Opening;
    }

    pub(super) fn open_block(&mut self, line: &[u8]) {
        if self.block == Block::Opening {
            self.block = Block::Inside;
        } else {
            let at = line.iter().position(|&byte| byte == b'{').unwrap_or(0);
            let number = self.file.counts.lines;
            self.error_at_line(line, number, at, 1, "{ utan en #VER före");
        }
    }

    pub(super) fn close_block(&mut self, line: &[u8]) {
        if self.block != Block::Inside {
            let field = Field {
                start: 0,
                end: line.len(),
                kind: FieldKind::Bare,
            };
            return self.error(line, Some(field), "} utan en öppen verifikation");
        }
        self.block = Block::Outside;
        let sum: i64 = self.voucher.booked().map(|row| row.amount).sum();
        if sum != 0 {
            let source = std::mem::take(&mut self.voucher_source);
            let number = self.voucher.line;
            let debit: i64 = self.voucher.booked().map(|row| row.amount.max(0)).sum();
            let credit: i64 = self.voucher.booked().map(|row| row.amount.min(0)).sum();
            self.error_at_line(
                &source,
                number,
                0,
                source.len(),
                format!(
                    "verifikation {} {} balanserar inte: raderna summerar till {} kr (debet {}, kredit {})",
                    self.voucher.series,
                    self.voucher.number,
                    kronor(sum),
                    kronor(debit),
                    kronor(credit)
                ),
            );
            self.voucher_source = source;
            return;
        }
        if self.voucher.date.is_none() || !self.errors.is_empty() {
            // Already reported; the sink only ever sees whole vouchers of a file still valid.
            return;
        }
        self.file.counts.vouchers += 1;
        self.sink.voucher(&self.file, &self.voucher);
    }

    pub(super) fn push_quick(&mut self, row: fast::QuickRow<'_>) {
        self.objects.clear();
        for &(dimension, code) in &row.objects[..row.object_count] {
            let object = self.object(dimension, code, None);
            self.objects.push((dimension, object));
        }
        let text = if row.text.is_empty() {
            String::new()
        } else {
            self.decode(row.text).into_owned()
        };
        self.file.counts.transactions += 1;
        let number = self.file.counts.lines;
        let objects = std::mem::take(&mut self.objects);
        self.voucher.push_row(
            TransactionKind::Booked,
            row.account,
            &objects,
            row.amount,
            row.date,
            &text,
            number,
        );
        self.objects = objects;
    }

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
            Some(field) if field.start < field.end => self.text(line, Some(field)),
            _ => String::new(),
        };
        self.file.counts.transactions += 1;
        let number = self.file.counts.lines;
        let objects = std::mem::take(&mut self.objects);
        self.voucher
            .push_row(kind, account, &objects, amount, date, &text, number);
        self.objects = objects;
    }
}
