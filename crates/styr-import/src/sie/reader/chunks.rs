//! Reading the input in chunks and cutting it into lines. A line ends at `\n` (a `\r` before it
//! is dropped with it), or — in a file whose first line ends in `\r` alone, as classic Mac OS
//! wrote them — at `\r`. A line longer than [`Limits::line_bytes`] is never held whole: it is
//! reported once, with its beginning quoted, and skipped to its end, so a file of one endless
//! line costs no more memory than a chunk and the limit.
//!
//! [`Limits::line_bytes`]: crate::limits::Limits::line_bytes

use std::io::Read;

use super::Reader;
use crate::limits::Limit;
use crate::sie::SieSink;
use crate::sie::encoding::Encoding;

/// How much the reader asks the input for at a time.
const CHUNK: usize = 1 << 20;

/// How much of a line past the limit its error quotes.
const QUOTED: usize = 60;

/// The line end the first one in `data` shows, or `None` while `data` has none (or ends in a
/// `\r` whose next byte is still to come).
pub(in crate::sie) fn line_end(data: &[u8], at_end: bool) -> Option<u8> {
    let at = memchr::memchr2(b'\n', b'\r', data)?;
    match (data[at], data.get(at + 1)) {
        (b'\n', _) | (_, Some(b'\n')) => Some(b'\n'),
        (_, Some(_)) => Some(b'\r'),
        (_, None) => at_end.then_some(b'\r'),
    }
}

impl<S: SieSink> Reader<'_, S> {
    pub(super) fn run(&mut self, mut input: impl Read) -> std::io::Result<()> {
        let longest = usize::try_from(self.limits.line_bytes).unwrap_or(usize::MAX);
        let mut buffer = vec![0; CHUNK];
        let mut filled = 0;
        let mut first = true;
        loop {
            if filled == buffer.len() {
                // A line longer than the buffer but within the limit: let the buffer grow.
                let grown = buffer
                    .len()
                    .saturating_mul(2)
                    .min(longest.saturating_add(CHUNK));
                buffer.resize(grown.max(filled + CHUNK), 0);
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
            if self.line_end.is_none() {
                self.line_end = line_end(&buffer[start..filled], false);
            }
            let end = self.line_end.unwrap_or(b'\n');
            if self.skipping {
                start += self.skip(&buffer[start..filled]);
            }
            // Every whole line of the chunk now; the last, partial one waits for the next read.
            if !self.skipping
                && let Some(at) = memchr::memrchr(end, &buffer[start..filled])
            {
                self.lines(&buffer[start..start + at + 1]);
                start += at + 1;
            }
            if !self.skipping && filled - start > longest {
                self.long_line(&buffer[start..filled]);
                start = filled;
                self.skipping = true;
            }
            buffer.copy_within(start..filled, 0);
            filled -= start;
            self.sink.progress(self.file.counts.bytes);
        }
        if filled > 0 && !self.skipping {
            self.line(&buffer[..filled]);
        }
        Ok(())
    }

    /// Reads every line of `block`, which ends at a line end or at the end of the file.
    pub(in crate::sie) fn lines(&mut self, block: &[u8]) {
        let end = self.line_end.unwrap_or(b'\n');
        let mut start = 0;
        for at in memchr::memchr_iter(end, block) {
            self.line(&block[start..at]);
            start = at + 1;
        }
        if start < block.len() {
            self.line(&block[start..]);
        }
    }

    /// How much of `data` belongs to the line being skipped: up to and with its end, or all.
    fn skip(&mut self, data: &[u8]) -> usize {
        let found = match self.line_end {
            Some(end) => memchr::memchr(end, data),
            None => memchr::memchr2(b'\n', b'\r', data),
        };
        let Some(at) = found else {
            return data.len();
        };
        if self.line_end.is_none() {
            self.line_end = line_end(&data[at..], false);
        }
        match self.line_end {
            // A `\r` ends the data: whether `\n` follows is for the next chunk to say.
            None => at,
            Some(end) => {
                self.skipping = false;
                at + memchr::memchr(end, &data[at..]).map_or(data.len() - at, |end| end + 1)
            }
        }
    }

    /// A line past the limit, of which `beginning` has been read: refused, its start quoted.
    pub(super) fn long_line(&mut self, beginning: &[u8]) {
        self.file.counts.lines += 1;
        let number = self.file.counts.lines;
        let mut quoted = QUOTED.min(beginning.len());
        while quoted < beginning.len() && beginning[quoted] & 0xc0 == 0x80 {
            quoted += 1;
        }
        let message = self.limits.exceeded(Limit::LineBytes, "raden").to_string();
        let mut shown = beginning[..quoted].to_vec();
        shown.extend_from_slice(b" ...");
        self.error_at_line(&shown, number, 0, quoted, message);
    }
}
