//! The streaming SIE reader: one pass over the bytes in fixed-size chunks, one line at a time,
//! so memory follows the longest voucher, not the size of the books.

use std::collections::HashMap;
use std::io::Read;

use styr_domain::calendar::Date;

use super::SieSink;
use super::encoding::Encoding;
use super::fast;
use super::fields::{self, Field, FieldKind, SyntaxError};
use super::records::{
    Balance, BalanceKind, Counts, Dimension, Header, ObjectIndex, ObjectInfo, SieFile,
    TransactionKind, Voucher,
};
use crate::issue::{Issue, Severity};

/// A hash map with a fast, non-cryptographic hash, looked up once per transaction row. A file
/// crafted to make its object codes collide slows only its own reading.
type Fast<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<rustc_hash::FxHasher>>;

/// How many issues a file reports before it only counts the rest.
const ISSUE_LIMIT: usize = 200;
const CHUNK: usize = 1 << 20;

/// Why a file was not accepted.
#[derive(Debug)]
pub enum SieError {
    Io(std::io::Error),
    /// Every error found, in file order, and how many more there were past the limit.
    Invalid {
        errors: Vec<Issue>,
        more: usize,
        warnings: Vec<Issue>,
    },
}

impl std::fmt::Display for SieError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SieError::Io(error) => write!(formatter, "filen kunde inte läsas: {error}"),
            SieError::Invalid { errors, more, .. } => {
                for issue in errors {
                    writeln!(formatter, "{issue}")?;
                }
                if *more > 0 {
                    writeln!(formatter, "… och {more} fel till")?;
                }
                let total = errors.len() + more;
                write!(formatter, "{total} fel i SIE-filen; inget har lästs in")
            }
        }
    }
}

impl std::error::Error for SieError {}

/// Reads a whole SIE file (types 1–4, 4E, 4I) from `input`, handing balances and vouchers to
/// `sink` as they come. All errors are collected in one pass; if there is any, the result is
/// `Err` and the caller must discard what the sink received.
pub fn read_sie(input: impl Read, sink: &mut impl SieSink) -> Result<SieFile, SieError> {
    read_with(input, sink, true)
}

/// [`read_sie`] with the quick way for plain #TRANS rows on or off: the same result either way.
#[doc(hidden)]
pub fn read_with(
    input: impl Read,
    sink: &mut impl SieSink,
    quick: bool,
) -> Result<SieFile, SieError> {
    let mut reader = Reader::new(sink);
    reader.quick = quick;
    reader.run(input).map_err(SieError::Io)?;
    reader.finish()
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Block {
    Outside,
    /// After #VER, before its {.
    Opening,
    Inside,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Checksum {
    NotSeen,
    Running,
    Verified,
}

pub(super) struct Reader<'s, S> {
    pub(super) sink: &'s mut S,
    pub(super) file: SieFile,
    pub(super) encoding: Option<Encoding>,
    fields: Vec<Field>,
    list_fields: Vec<Field>,
    objects: Vec<(u32, ObjectIndex)>,
    pub(super) object_index: Fast<u32, Fast<Box<[u8]>, ObjectIndex>>,
    voucher: Voucher,
    /// The #VER line as read, to quote when the voucher does not balance.
    voucher_source: Vec<u8>,
    pub(super) block: Block,
    pub(super) checksum: Checksum,
    crc: crc32fast::Hasher,
    pub(super) errors: Vec<Issue>,
    more_errors: usize,
    replacement_warned: bool,
    /// Whether plain #TRANS rows take the quick way (off only to test it against the general).
    quick: bool,
    /// A worker of the parallel reader reads only vouchers: anything else it meets (another
    /// record, an object no header declared) makes the block `unusual`, and the whole file is
    /// read again the sequential way.
    pub(super) restricted: bool,
    pub(super) unusual: bool,
}

impl<'s, S: SieSink> Reader<'s, S> {
    pub(super) fn new(sink: &'s mut S) -> Self {
        Reader {
            sink,
            file: SieFile {
                header: Header::default(),
                encoding: Encoding::Cp437,
                accounts: Default::default(),
                dimensions: Default::default(),
                objects: Vec::new(),
                counts: Counts::default(),
                checksum_verified: false,
                warnings: Vec::new(),
            },
            encoding: None,
            fields: Vec::with_capacity(16),
            list_fields: Vec::with_capacity(8),
            objects: Vec::with_capacity(8),
            object_index: Fast::default(),
            voucher: Voucher::default(),
            voucher_source: Vec::new(),
            block: Block::Outside,
            checksum: Checksum::NotSeen,
            crc: crc32fast::Hasher::new(),
            errors: Vec::new(),
            more_errors: 0,
            replacement_warned: false,
            quick: true,
            restricted: false,
            unusual: false,
        }
    }

    fn run(&mut self, mut input: impl Read) -> std::io::Result<()> {
        let mut buffer = vec![0; CHUNK];
        let mut filled = 0;
        let mut first = true;
        loop {
            if filled == buffer.len() {
                // One line longer than the buffer: let it grow rather than split it.
                buffer.resize(buffer.len() * 2, 0);
            }
            let read = match input.read(&mut buffer[filled..]) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            self.file.counts.bytes += read as u64;
            filled += read;
            let mut start = 0;
            if first && buffer[..filled].starts_with(b"\xef\xbb\xbf") {
                self.encoding = Some(Encoding::Utf8);
                start = 3;
            }
            first = false;
            // Every whole line of the chunk now; the last, partial one waits for the next read.
            if let Some(newline) = memchr::memrchr(b'\n', &buffer[start..filled]) {
                let end = start + newline + 1;
                self.lines(&buffer[start..end]);
                start = end;
            }
            buffer.copy_within(start..filled, 0);
            filled -= start;
            self.sink.progress(self.file.counts.bytes);
        }
        if filled > 0 {
            self.line(&buffer[..filled]);
        }
        Ok(())
    }

    /// Reads every line of `block`, which ends at a line end or at the end of the file.
    pub(super) fn lines(&mut self, block: &[u8]) {
        let mut start = 0;
        for newline in memchr::memchr_iter(b'\n', block) {
            self.line(&block[start..newline]);
            start = newline + 1;
        }
        if start < block.len() {
            self.line(&block[start..]);
        }
    }

    pub(super) fn finish(mut self) -> Result<SieFile, SieError> {
        if self.block != Block::Outside {
            let source = std::mem::take(&mut self.voucher_source);
            let line = self.voucher.line;
            self.error_at_line(
                &source,
                line,
                0,
                source.len(),
                "verifikationen avslutas aldrig: filen tar slut före }",
            );
        }
        if self.checksum == Checksum::Running {
            self.file.warnings.push(Issue {
                severity: Severity::Warning,
                line: self.file.counts.lines as usize,
                column: 1,
                message: "#KSUMMA inleder en kontrollsumma men filen saknar den avslutande #KSUMMA; summan kunde inte kontrolleras".into(),
                source_line: String::new(),
                width: 1,
            });
        }
        self.file.encoding = self.encoding.unwrap_or(Encoding::Cp437);
        if let Some(format) = &self.file.header.format {
            let claims_pc8 = format.eq_ignore_ascii_case("PC8");
            if claims_pc8 && self.file.encoding != Encoding::Cp437 {
                self.file.warnings.push(Issue {
                    severity: Severity::Warning,
                    line: 0,
                    column: 1,
                    message: format!(
                        "#FORMAT säger PC8 (CP437), men filens tecken är {}; filen lästes som {}",
                        self.file.encoding.name(),
                        self.file.encoding.name()
                    ),
                    source_line: String::new(),
                    width: 1,
                });
            }
        }
        self.file.checksum_verified = self.checksum == Checksum::Verified;
        if self.errors.is_empty() {
            Ok(self.file)
        } else {
            Err(SieError::Invalid {
                errors: self.errors,
                more: self.more_errors,
                warnings: self.file.warnings,
            })
        }
    }

    fn decode<'a>(&self, bytes: &'a [u8]) -> std::borrow::Cow<'a, str> {
        self.encoding.unwrap_or(Encoding::Cp437).decode(bytes)
    }

    fn issue(&self, line: &[u8], number: u64, at: usize, width: usize) -> Issue {
        let at = at.min(line.len());
        let end = (at + width).min(line.len());
        Issue {
            severity: Severity::Error,
            line: number as usize,
            column: self.decode(&line[..at]).chars().count() + 1,
            message: String::new(),
            source_line: self.decode(line).into_owned(),
            width: self.decode(&line[at..end]).chars().count().max(1),
        }
    }

    fn error_at_line(
        &mut self,
        line: &[u8],
        number: u64,
        at: usize,
        width: usize,
        message: impl Into<String>,
    ) {
        if self.errors.len() >= ISSUE_LIMIT {
            self.more_errors += 1;
            return;
        }
        let mut issue = self.issue(line, number, at, width);
        issue.message = message.into();
        self.errors.push(issue);
    }

    /// An error on the current line at `field` (or at its end when the field is missing).
    fn error(&mut self, line: &[u8], field: Option<Field>, message: impl Into<String>) {
        let (at, width) = match field {
            Some(field) => {
                let quoted = usize::from(field.kind != FieldKind::Bare);
                (field.start - quoted, field.end - field.start + 2 * quoted)
            }
            None => (line.len(), 1),
        };
        let number = self.file.counts.lines;
        self.error_at_line(line, number, at, width, message);
    }

    fn line(&mut self, raw: &[u8]) {
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
            return self.push_quick(row);
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

    fn record(&mut self, line: &[u8], fields: &[Field]) {
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

    fn feed_checksum(&mut self, line: &[u8], fields: &[Field]) {
        for field in fields {
            if field.kind == FieldKind::List {
                let mut inner = std::mem::take(&mut self.list_fields);
                let content = field.bytes(line);
                if fields::split(content, &mut inner).is_ok() {
                    for item in &inner {
                        self.crc.update(&fields::unescaped(content, item));
                    }
                }
                self.list_fields = inner;
            } else {
                self.crc.update(&fields::unescaped(line, field));
            }
        }
    }

    fn checksum(&mut self, line: &[u8], fields: &[Field]) {
        match (self.checksum, fields.get(1)) {
            (Checksum::NotSeen, _) => self.checksum = Checksum::Running,
            (Checksum::Running, Some(field)) => {
                let computed =
                    std::mem::replace(&mut self.crc, crc32fast::Hasher::new()).finalize();
                let stated = std::str::from_utf8(field.bytes(line))
                    .ok()
                    .and_then(|text| text.parse::<i64>().ok());
                // Some programs write the sum as a signed 32-bit number.
                if stated.map(|value| value as u32) == Some(computed) {
                    self.checksum = Checksum::Verified;
                } else {
                    self.error(
                        line,
                        Some(*field),
                        format!(
                            "kontrollsumman stämmer inte: filen anger {}, innehållet ger {computed}; filen har ändrats efter exporten",
                            String::from_utf8_lossy(field.bytes(line))
                        ),
                    );
                    self.checksum = Checksum::NotSeen;
                }
            }
            (Checksum::Running, None) => {
                self.error(line, None, "den avslutande #KSUMMA saknar kontrollsumman")
            }
            (Checksum::Verified, _) => self.error(
                line,
                Some(fields[0]),
                "#KSUMMA förekommer fler än två gånger",
            ),
        }
    }

    /// A required field, or an error naming it.
    fn required(
        &mut self,
        line: &[u8],
        fields: &[Field],
        index: usize,
        name: &str,
    ) -> Option<Field> {
        let field = fields.get(index).copied();
        if field.is_none() {
            let label = String::from_utf8_lossy(fields[0].bytes(line)).into_owned();
            self.error(line, None, format!("{label} saknar fältet {name}"));
        }
        field
    }

    fn text(&self, line: &[u8], field: Option<&Field>) -> String {
        field.map_or_else(String::new, |field| {
            self.decode(&fields::unescaped(line, field)).into_owned()
        })
    }

    fn checked<T>(
        &mut self,
        line: &[u8],
        field: Field,
        parse: impl Fn(&[u8]) -> Option<T>,
        what: &str,
    ) -> Option<T> {
        let value = parse(&fields::unescaped(line, &field));
        if value.is_none() {
            let shown = self.decode(&fields::unescaped(line, &field)).into_owned();
            self.error(line, Some(field), format!("{what}: ”{shown}”"));
        }
        value
    }

    fn date_field(&mut self, line: &[u8], field: Option<&Field>, name: &str) -> Option<Date> {
        let field = *field?;
        if field.start == field.end {
            return None;
        }
        self.checked(
            line,
            field,
            fields::date,
            &format!("{name} är inte ett datum ÅÅÅÅMMDD som finns"),
        )
    }

    fn amount_field(&mut self, line: &[u8], field: Field) -> Option<i64> {
        self.checked(
            line,
            field,
            fields::amount,
            "beloppet är inte ett tal med punkt och högst två decimaler",
        )
    }

    fn account_field(&mut self, line: &[u8], field: Field) -> Option<u32> {
        self.checked(
            line,
            field,
            fields::account,
            "kontonumret är inte ett nummer med högst nio siffror",
        )
    }

    /// Reads an object list into `self.objects`; false (with an error) when it is malformed.
    fn object_list(&mut self, line: &[u8], field: Field) -> bool {
        self.objects.clear();
        let content = field.bytes(line);
        let mut inner = std::mem::take(&mut self.list_fields);
        let split = fields::split(content, &mut inner);
        let mut valid = split.is_ok();
        if valid && inner.len() % 2 == 1 {
            self.error(
                line,
                Some(field),
                "objektlistan har en dimension utan objekt: den ska vara {dimension \"objekt\" …}",
            );
            valid = false;
        }
        if valid {
            for pair in inner.chunks_exact(2) {
                let dimension = fields::dimension(&fields::unescaped(content, &pair[0]));
                let Some(dimension) = dimension else {
                    let shown = self.decode(pair[0].bytes(content)).into_owned();
                    self.error(
                        line,
                        Some(field),
                        format!("objektlistan har en dimension som inte är ett nummer: ”{shown}”"),
                    );
                    valid = false;
                    break;
                };
                let object = self.object(dimension, &fields::unescaped(content, &pair[1]), None);
                self.objects.push((dimension, object));
            }
        }
        self.list_fields = inner;
        valid
    }

    /// The index of an object, registering it (with `name`, or none) the first time it is seen.
    fn object(&mut self, dimension: u32, id: &[u8], name: Option<String>) -> ObjectIndex {
        let objects = self.object_index.entry(dimension).or_default();
        if let Some(&index) = objects.get(id) {
            if let Some(name) = name {
                self.file.objects[index as usize].name = name;
            }
            return index;
        }
        // A worker's new object would be numbered apart from the other workers'.
        self.unusual |= self.restricted;
        let index = ObjectIndex::try_from(self.file.objects.len()).unwrap_or(ObjectIndex::MAX);
        objects.insert(id.into(), index);
        let id = self
            .encoding
            .unwrap_or(Encoding::Cp437)
            .decode(id)
            .into_owned();
        self.file.objects.push(ObjectInfo {
            dimension,
            id,
            name: name.unwrap_or_default(),
        });
        index
    }

    fn voucher_header(&mut self, line: &[u8], fields: &[Field]) {
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

    fn open_block(&mut self, line: &[u8]) {
        if self.block == Block::Opening {
            self.block = Block::Inside;
        } else {
            let at = line.iter().position(|&byte| byte == b'{').unwrap_or(0);
            let number = self.file.counts.lines;
            self.error_at_line(line, number, at, 1, "{ utan en #VER före");
        }
    }

    fn close_block(&mut self, line: &[u8]) {
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

    fn push_quick(&mut self, row: fast::QuickRow<'_>) {
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

    fn transaction(&mut self, line: &[u8], fields: &[Field], kind: TransactionKind) {
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

    fn balance(&mut self, line: &[u8], fields: &[Field], kind: BalanceKind) {
        let Some(year) = self.required(line, fields, 1, "årsnummer") else {
            return;
        };
        let year_index = self.checked(
            line,
            year,
            fields::year_index,
            "årsnumret ska vara 0, -1, …",
        );
        let mut next = 2;
        let mut period = None;
        if matches!(kind, BalanceKind::PeriodOutcome | BalanceKind::PeriodBudget) {
            let Some(field) = self.required(line, fields, next, "period") else {
                return;
            };
            period = self.checked(
                line,
                field,
                fields::period,
                "perioden är inte en månad ÅÅÅÅMM",
            );
            next += 1;
        }
        let Some(account) = self.required(line, fields, next, "kontonummer") else {
            return;
        };
        let account = self.account_field(line, account);
        next += 1;
        let mut objects_valid = true;
        self.objects.clear();
        let takes_objects = matches!(
            kind,
            BalanceKind::ObjectOpening
                | BalanceKind::ObjectClosing
                | BalanceKind::PeriodOutcome
                | BalanceKind::PeriodBudget
        );
        if takes_objects {
            // Older files leave the list out of #PSALDO; a list is recognised by its braces.
            if let Some(list) = fields
                .get(next)
                .filter(|field| field.kind == FieldKind::List)
            {
                objects_valid = self.object_list(line, *list);
                next += 1;
            } else if matches!(
                kind,
                BalanceKind::ObjectOpening | BalanceKind::ObjectClosing
            ) {
                return self.error(
                    line,
                    fields.get(next).copied(),
                    "här ska objektlistan stå, till exempel {1 \"100\"}",
                );
            }
        }
        let Some(amount) = self.required(line, fields, next, "saldo") else {
            return;
        };
        let amount = self.amount_field(line, amount);
        if let (Some(year_index), Some(account), Some(amount), true) =
            (year_index, account, amount, objects_valid)
        {
            if !matches!(kind, BalanceKind::PeriodOutcome | BalanceKind::PeriodBudget)
                || period.is_some()
            {
                self.file.counts.balances += 1;
                let balance = Balance {
                    kind,
                    year_index,
                    period,
                    account,
                    objects: self.objects.clone(),
                    amount,
                    line: self.file.counts.lines,
                };
                if self.errors.is_empty() {
                    self.sink.balance(&self.file, &balance);
                }
            }
        }
    }

    /// The records that describe the company, the chart of accounts and the dimensions.
    fn description(&mut self, line: &[u8], fields: &[Field], label: &[u8]) {
        let first = self.text(line, fields.get(1));
        let header = &mut self.file.header;
        match label {
            b"#FLAGGA" => header.flag = Some(first),
            b"#FORMAT" => header.format = Some(first),
            b"#SIETYP" => header.sie_type = Some(first),
            b"#PROSA" => header.prose = Some(first),
            b"#FTYP" => header.company_type = Some(first),
            b"#FNR" => header.company_number = Some(first),
            b"#ORGNR" => header.organisation_number = Some(first),
            b"#BKOD" => header.industry_code = Some(first),
            b"#FNAMN" => header.company_name = Some(first),
            b"#TAXAR" => header.tax_year = Some(first),
            b"#KPTYP" => header.chart_type = Some(first),
            b"#VALUTA" => header.currency = Some(first),
            b"#PROGRAM" => {
                let version = self.text(line, fields.get(2));
                self.file.header.program = Some(format!("{first} {version}").trim().to_string());
            }
            b"#ADRESS" => {
                let address = (1..fields.len())
                    .map(|index| self.text(line, fields.get(index)))
                    .collect();
                self.file.header.address = address;
            }
            b"#GEN" => {
                if let Some(field) = self.required(line, fields, 1, "datum") {
                    self.file.header.generated = self.date_field(line, Some(&field), "datumet");
                }
            }
            b"#OMFATTN" => {
                self.file.header.extent = self.date_field(line, fields.get(1), "datumet");
            }
            b"#RAR" => self.financial_year(line, fields),
            b"#KONTO" | b"#KTYP" | b"#ENHET" | b"#SRU" => self.account_record(line, fields, label),
            b"#DIM" | b"#UNDERDIM" => self.dimension_record(line, fields, label),
            b"#OBJEKT" => self.object_record(line, fields),
            _ => self.file.counts.ignored_labels += 1,
        }
    }

    fn financial_year(&mut self, line: &[u8], fields: &[Field]) {
        let (Some(index), Some(start), Some(end)) = (
            self.required(line, fields, 1, "årsnummer"),
            self.required(line, fields, 2, "startdatum"),
            self.required(line, fields, 3, "slutdatum"),
        ) else {
            return;
        };
        let index = self.checked(
            line,
            index,
            fields::year_index,
            "årsnumret ska vara 0, -1, …",
        );
        let start = self.date_field(line, Some(&start), "startdatumet");
        let end = self.date_field(line, Some(&end), "slutdatumet");
        if let (Some(index), Some(start), Some(end)) = (index, start, end) {
            self.file.header.financial_years.insert(index, (start, end));
        }
    }

    fn account_record(&mut self, line: &[u8], fields: &[Field], label: &[u8]) {
        let Some(number) = self.required(line, fields, 1, "kontonummer") else {
            return;
        };
        let Some(number) = self.account_field(line, number) else {
            return;
        };
        let value = self.text(line, fields.get(2));
        let account = self.file.accounts.entry(number).or_default();
        match label {
            b"#KONTO" => account.name = value,
            b"#KTYP" => account.kind = Some(value),
            b"#ENHET" => account.unit = Some(value),
            _ => account.sru.push(value),
        }
    }

    fn dimension_record(&mut self, line: &[u8], fields: &[Field], label: &[u8]) {
        let Some(number) = self.required(line, fields, 1, "dimensionsnummer") else {
            return;
        };
        let Some(number) = self.checked(
            line,
            number,
            fields::dimension,
            "dimensionsnumret är inte ett nummer",
        ) else {
            return;
        };
        let name = self.text(line, fields.get(2));
        let mut parent = None;
        if label == b"#UNDERDIM" {
            let Some(field) = self.required(line, fields, 3, "överordnad dimension") else {
                return;
            };
            parent = self.checked(
                line,
                field,
                fields::dimension,
                "den överordnade dimensionen är inte ett nummer",
            );
        }
        self.file
            .dimensions
            .insert(number, Dimension { name, parent });
    }

    fn object_record(&mut self, line: &[u8], fields: &[Field]) {
        let (Some(dimension), Some(id)) = (
            self.required(line, fields, 1, "dimensionsnummer"),
            self.required(line, fields, 2, "objektkod"),
        ) else {
            return;
        };
        let Some(dimension) = self.checked(
            line,
            dimension,
            fields::dimension,
            "dimensionsnumret är inte ett nummer",
        ) else {
            return;
        };
        let name = self.text(line, fields.get(3));
        self.object(dimension, &fields::unescaped(line, &id), Some(name));
    }
}

/// Öre as kronor with a decimal comma, for messages: -10 → "-0,10".
fn kronor(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", ore.abs() / 100, ore.abs() % 100)
}
