//! #KSUMMA: a CRC-32 over every field's content (the label included; no separators, quotes,
//! braces or line ends) from the first #KSUMMA to the last, which states the sum. A file whose
//! sum disagrees was changed after it was exported.

use super::{Checksum, Reader};
use crate::sie::SieSink;
use crate::sie::fields::{self, Field, FieldKind};

impl<S: SieSink> Reader<'_, S> {
    pub(super) fn feed_checksum(&mut self, line: &[u8], fields: &[Field]) {
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

    pub(super) fn checksum(&mut self, line: &[u8], fields: &[Field]) {
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
}
