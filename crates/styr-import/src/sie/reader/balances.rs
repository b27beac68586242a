//! Balances: #IB and #UB (opening and closing), #OIB and #OUB (per object), #RES (the year's
//! result) and #PSALDO and #PBUDGET (the outcome and the budget of one month, with or without
//! objects). Each goes to the sink as it is read; a sink that can take it no further (a sum
//! past the range of an amount) refuses the file at this line.

use super::Reader;
use crate::sie::SieSink;
use crate::sie::fields::{self, Field, FieldKind};
use crate::sie::records::{Balance, BalanceKind};

impl<S: SieSink> Reader<'_, S> {
    pub(super) fn balance(&mut self, line: &[u8], fields: &[Field], kind: BalanceKind) {
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
            && (!matches!(kind, BalanceKind::PeriodOutcome | BalanceKind::PeriodBudget)
                || period.is_some())
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
                if let Some(message) = self.sink.refusal() {
                    let number = self.file.counts.lines;
                    self.error_at_line(line, number, 0, line.len(), message);
                }
            }
        }
    }
}
