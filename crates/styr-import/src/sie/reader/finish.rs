//! The end of the file: what can only be judged once every line is read — a voucher left
//! open, a checksum begun and never closed, an encoding that disagrees with #FORMAT, the
//! direction controls removed — and the answer: the file, or every error found.

use super::{Block, Checksum, Reader};
use crate::issue::{Issue, Severity};
use crate::sie::encoding::Encoding;
use crate::sie::{SieError, SieFile, SieSink};

impl<S: SieSink> Reader<'_, S> {
    pub(in crate::sie) fn finish(mut self) -> Result<SieFile, SieError> {
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
            self.file.warnings.push(warning(
                self.file.counts.lines as usize,
                "#KSUMMA inleder en kontrollsumma men filen saknar den avslutande #KSUMMA; summan kunde inte kontrolleras".into(),
            ));
        }
        self.file.encoding = self.encoding.unwrap_or(Encoding::Cp437);
        if let Some(format) = &self.file.header.format {
            let claims_pc8 = format.eq_ignore_ascii_case("PC8");
            if claims_pc8 && self.file.encoding != Encoding::Cp437 {
                self.file.warnings.push(warning(
                    0,
                    format!(
                        "#FORMAT säger PC8 (CP437), men filens tecken är {}; filen lästes som {}",
                        self.file.encoding.name(),
                        self.file.encoding.name()
                    ),
                ));
            }
        }
        if let Some((mut issue, texts)) = self.controls.take() {
            issue.message = format!(
                "{texts} {} hade osynliga styrtecken för skrivriktning (första gången här); de är borttagna, eftersom de kan visa en text i en annan ordning än den står i filen",
                if texts == 1 { "text" } else { "texter" }
            );
            self.file.warnings.push(issue);
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
}

fn warning(line: usize, message: String) -> Issue {
    Issue {
        severity: Severity::Warning,
        line,
        column: 1,
        message,
        source_line: String::new(),
        width: 1,
    }
}
