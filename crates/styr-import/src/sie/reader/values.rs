//! Reading one field into a value — a date, an amount, an account — or an error that names the
//! field and quotes what it holds. Each reader returns `None` after reporting, so a record goes
//! on to find its other errors in the same pass.

use styr_domain::calendar::Date;

use super::Reader;
use crate::sie::SieSink;
use crate::sie::fields::{self, Field};

impl<S: SieSink> Reader<'_, S> {
    /// A required field, or an error naming it.
    #[inline]
    pub(super) fn required(
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

    #[inline]
    pub(super) fn checked<T>(
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

    #[inline]
    pub(super) fn date_field(
        &mut self,
        line: &[u8],
        field: Option<&Field>,
        name: &str,
    ) -> Option<Date> {
        let field = *field?;
        if field.start == field.end {
            return None;
        }
        // Read before the message is made: a date is read for every voucher and many rows.
        let date = fields::date(&fields::unescaped(line, &field));
        if date.is_none() {
            let what = format!("{name} är inte ett datum ÅÅÅÅMMDD som finns");
            self.checked(line, field, fields::date, &what);
        }
        date
    }

    #[inline]
    pub(super) fn amount_field(&mut self, line: &[u8], field: Field) -> Option<i64> {
        self.checked(
            line,
            field,
            fields::amount,
            "beloppet är inte ett tal med punkt och högst två decimaler",
        )
    }

    #[inline]
    pub(super) fn account_field(&mut self, line: &[u8], field: Field) -> Option<u32> {
        self.checked(
            line,
            field,
            fields::account,
            "kontonumret är inte ett nummer med högst nio siffror",
        )
    }
}
