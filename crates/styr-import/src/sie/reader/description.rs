//! The records that describe the company and its books rather than a transaction: the header
//! (#FNAMN, #ORGNR, #PROGRAM …), the chart of accounts (#KONTO, #KTYP, #ENHET, #SRU), the
//! dimensions (#DIM, #UNDERDIM) and their objects (#OBJEKT). Labels the reader does not know
//! are counted and skipped, as the standard asks of labels a later version may add. What grows
//! with the file — accounts, dimensions, names — is held to its limit.

use super::Reader;
use crate::limits::Limit;
use crate::sie::SieSink;
use crate::sie::fields::{self, Field};
use crate::sie::records::Dimension;

impl<S: SieSink> Reader<'_, S> {
    /// The records that describe the company, the chart of accounts and the dimensions.
    pub(super) fn description(&mut self, line: &[u8], fields: &[Field], label: &[u8]) {
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

    pub(super) fn account_record(&mut self, line: &[u8], fields: &[Field], label: &[u8]) {
        let Some(number) = self.required(line, fields, 1, "kontonummer") else {
            return;
        };
        let Some(number) = self.account_field(line, number) else {
            return;
        };
        let value = self.text(line, fields.get(2));
        let count = self.file.accounts.len() as u64 + 1;
        let new = !self.file.accounts.contains_key(&number);
        if new && !self.within(line, Limit::Accounts, count, &format!("konto {number}")) {
            return;
        }
        if !self.keep_name(line, value.len()) {
            return;
        }
        let account = self.file.accounts.entry(number).or_default();
        match label {
            b"#KONTO" => account.name = value,
            b"#KTYP" => account.kind = Some(value),
            b"#ENHET" => account.unit = Some(value),
            _ => account.sru.push(value),
        }
    }

    pub(super) fn dimension_record(&mut self, line: &[u8], fields: &[Field], label: &[u8]) {
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
        let count = self.file.dimensions.len() as u64 + 1;
        let new = !self.file.dimensions.contains_key(&number);
        let subject = format!("dimension {number}");
        if (new && !self.within(line, Limit::Dimensions, count, &subject))
            || !self.keep_name(line, name.len())
        {
            return;
        }
        self.file
            .dimensions
            .insert(number, Dimension { name, parent });
    }

    pub(super) fn object_record(&mut self, line: &[u8], fields: &[Field]) {
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
        self.object(line, dimension, &fields::unescaped(line, &id), Some(name));
    }
}
