//! One line: told what it is — a plain #TRANS row the quick way, a brace opening or closing a
//! voucher, or fields whose label (#VER, #KONTO, #PSALDO …) says which record handles it.
//! Outside a voucher a label the reader does not know is skipped, as the standard says of
//! labels a later version may add; inside a voucher only rows may stand, so a damaged
//! `#TRNAS` refuses the file rather than losing its amount.

use super::{Block, Checksum, Reader};
use crate::issue::Severity;
use crate::sie::encoding::Encoding;
use crate::sie::fields::{self, Field, FieldKind, SyntaxError};
use crate::sie::records::{BalanceKind, TransactionKind};
use crate::sie::{SieSink, fast};

impl<S: SieSink> Reader<'_, S> {
    #[inline]
    pub(super) fn line(&mut self, raw: &[u8]) {
        if raw.len() as u64 > self.limits.line_bytes {
            return self.long_line(raw);
        }
        self.file.counts.lines += 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if self.encoding.is_none() && !line.is_ascii() {
            self.encoding = Some(Encoding::guess(line));
        }
        // U+FFFD is EF BF BD: look for it only in lines that have such a byte at all.
        if !self.replacement_warned
            && memchr::memchr(0xef, line).is_some()
            && memchr::memmem::find(line, "\u{fffd}".as_bytes()).is_some()
        {
            // The Arousells export: damaged before it was written, nothing to repair here.
            self.replacement_warned = true;
            let number = self.file.counts.lines;
            let at = memchr::memmem::find(line, "\u{fffd}".as_bytes()).unwrap_or(0);
            let mut issue = self.issue(line, number, at, 3);
            issue.severity = Severity::Warning;
            issue.message = "filen innehåller ersättningstecknet � (första gången här): tecken som å, ä och ö förstördes innan filen skrevs och kan inte återställas".into();
            self.file.warnings.push(issue);
        }
        if self.block == Block::Inside
            && self.checksum != Checksum::Running
            && self.quick
            && let Some(row) = fast::quick_transaction(line)
        {
            return self.push_quick(line, row);
        }
        // A voucher's braces stand alone on their lines; as fields they would open a list.
        match line.trim_ascii() {
            b"{" => return self.open_block(line),
            b"}" => return self.close_block(line),
            _ => {}
        }
        let mut fields = std::mem::take(&mut self.fields);
        match fields::split(line, &mut fields) {
            Ok(()) if !fields.is_empty() => self.record(line, &fields),
            Ok(()) => {}
            Err(SyntaxError { at, width, message }) => {
                let number = self.file.counts.lines;
                self.error_at_line(line, number, at, width, message);
            }
        }
        self.fields = fields;
    }

    #[inline]
    pub(super) fn record(&mut self, line: &[u8], fields: &[Field]) {
        let label = fields[0].bytes(line);
        if self.restricted && !matches!(label, b"#VER" | b"#TRANS" | b"#RTRANS" | b"#BTRANS") {
            self.unusual = true;
        }
        if !label.starts_with(b"#") || fields[0].kind != FieldKind::Bare {
            return self.error(
                line,
                Some(fields[0]),
                "raden börjar inte med en etikett som #VER eller #TRANS",
            );
        }
        if self.checksum == Checksum::Running && label != b"#KSUMMA" {
            self.feed_checksum(line, fields);
        }
        if self.block == Block::Inside
            && !matches!(label, b"#TRANS" | b"#RTRANS" | b"#BTRANS" | b"#VER")
        {
            let shown = self.decode(label).into_owned();
            return self.error(
                line,
                Some(fields[0]),
                format!(
                    "inom en verifikation kan bara raderna #TRANS, #RTRANS och #BTRANS stå, inte {shown}; raden skulle annars inte bokas"
                ),
            );
        }
        if self.block == Block::Opening {
            self.error(
                line,
                Some(fields[0]),
                "#VER ska följas av en rad med { innan nästa post",
            );
            self.block = Block::Outside;
        }
        match label {
            b"#TRANS" => self.transaction(line, fields, TransactionKind::Booked),
            b"#RTRANS" => self.transaction(line, fields, TransactionKind::Added),
            b"#BTRANS" => self.transaction(line, fields, TransactionKind::Removed),
            b"#VER" => self.voucher_header(line, fields),
            b"#IB" => self.balance(line, fields, BalanceKind::Opening),
            b"#UB" => self.balance(line, fields, BalanceKind::Closing),
            b"#OIB" => self.balance(line, fields, BalanceKind::ObjectOpening),
            b"#OUB" => self.balance(line, fields, BalanceKind::ObjectClosing),
            b"#RES" => self.balance(line, fields, BalanceKind::Result),
            b"#PSALDO" => self.balance(line, fields, BalanceKind::PeriodOutcome),
            b"#PBUDGET" => self.balance(line, fields, BalanceKind::PeriodBudget),
            b"#KSUMMA" => self.checksum(line, fields),
            _ => self.description(line, fields, label),
        }
    }
}
