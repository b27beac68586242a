//! Vouchers: `#VER series number date text`, then its rows between a `{` and a `}` on lines of
//! their own. At `}` the booked rows (#TRANS) must sum to zero — summed with checked
//! arithmetic, so rows that would sum past the range of an amount refuse the voucher rather
//! than wrap around to a balance — and only then is the voucher handed to the sink. A voucher
//! must have a date (a voucher without one belongs to no month, and would be in no total), and
//! a series and number it has not had before in the file (the same voucher twice would be
//! booked twice).

use styr_domain::money::{Amount, AmountOverflow};

use super::numbers::Seen;
use super::{Block, Reader, kronor};
use crate::limits::Limit;
use crate::sie::SieSink;
use crate::sie::fields::{Field, FieldKind};

impl<S: SieSink> Reader<'_, S> {
    #[inline]
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
        self.voucher_bytes = 0;
        self.voucher_refused = false;
        // Into the voucher's own strings, which keep their capacity from voucher to voucher.
        let mut voucher = std::mem::take(&mut self.voucher);
        for (index, target) in [
            (1, &mut voucher.series),
            (2, &mut voucher.number),
            (4, &mut voucher.text),
        ] {
            if let Some(field) = fields.get(index) {
                self.push_text(target, line, field);
            }
        }
        self.voucher = voucher;
        if let Some(field) = self.required(line, fields, 3, "verifikationsdatum") {
            if field.start == field.end {
                self.error(
                    line,
                    Some(field),
                    "#VER saknar verifikationsdatum: en verifikation utan datum hör inte till någon månad och skulle inte räknas",
                );
            }
            self.voucher.date = self.date_field(line, Some(&field), "verifikationsdatumet");
        }
        self.voucher.registered = self.date_field(line, fields.get(5), "registreringsdatumet");
        self.block = Block::Opening;
        self.seen_number(line);
    }

    /// Records the voucher's series and number, refusing it when the file already had them.
    #[inline]
    fn seen_number(&mut self, line: &[u8]) {
        if self.voucher.number.is_empty() {
            // The standard lets a file for import leave numbering to the receiving program.
            return;
        }
        let (series, number) = (&self.voucher.series, &self.voucher.number);
        let message = match self.numbers.insert(series, number) {
            Seen::New => return,
            Seen::Again => format!(
                "verifikation {series} {number} finns redan tidigare i filen; samma verifikation två gånger skulle bokas två gånger"
            ),
            Seen::TooMany => self
                .limits
                .exceeded(
                    Limit::VoucherNumberRuns,
                    &format!("verifikation {series} {number}"),
                )
                .to_string(),
        };
        let at = self.file.counts.lines;
        self.error_at_line(line, at, 0, line.len(), message);
    }

    #[inline]
    pub(super) fn open_block(&mut self, line: &[u8]) {
        if self.block == Block::Opening {
            self.block = Block::Inside;
        } else {
            let at = line.iter().position(|&byte| byte == b'{').unwrap_or(0);
            let number = self.file.counts.lines;
            self.error_at_line(line, number, at, 1, "{ utan en #VER före");
        }
    }

    #[inline]
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
        if self.voucher_refused {
            return;
        }
        let booked = || {
            self.voucher
                .booked()
                .map(|row| Amount::from_ore(row.amount))
        };
        let unbalanced = match Amount::try_sum(booked()) {
            Ok(sum) if sum.is_zero() => None,
            Ok(sum) => {
                let debit = Amount::try_sum(booked().filter(|amount| amount.ore() > 0));
                let credit = Amount::try_sum(booked().filter(|amount| amount.ore() < 0));
                Some(self.imbalance(sum, debit, credit))
            }
            Err(AmountOverflow) => Some(format!(
                "verifikation {} {}: raderna summerar till ett belopp som är för stort för att räknas (mer än {} åt något håll)",
                self.voucher.series,
                self.voucher.number,
                kronor(Amount::from_ore(i64::MAX))
            )),
        };
        if let Some(message) = unbalanced {
            return self.refuse_whole_voucher(message);
        }
        if self.voucher.date.is_none() || !self.errors.is_empty() {
            // Already reported; the sink only ever sees whole vouchers of a file still valid.
            return;
        }
        self.file.counts.vouchers += 1;
        self.sink.voucher(&self.file, &self.voucher);
        if let Some(message) = self.sink.refusal() {
            self.unusual |= self.restricted;
            self.refuse_whole_voucher(message);
        }
    }

    fn imbalance(
        &self,
        sum: Amount,
        debit: Result<Amount, AmountOverflow>,
        credit: Result<Amount, AmountOverflow>,
    ) -> String {
        let sides = match (debit, credit) {
            (Ok(debit), Ok(credit)) => {
                format!(" (debet {}, kredit {})", kronor(debit), kronor(credit))
            }
            _ => String::new(),
        };
        format!(
            "verifikation {} {} balanserar inte: raderna summerar till {}{sides}",
            self.voucher.series,
            self.voucher.number,
            kronor(sum)
        )
    }

    /// An error at the voucher's #VER line, quoting it whole.
    fn refuse_whole_voucher(&mut self, message: String) {
        let source = std::mem::take(&mut self.voucher_source);
        let number = self.voucher.line;
        self.error_at_line(&source, number, 0, source.len(), message);
        self.voucher_source = source;
    }
}
