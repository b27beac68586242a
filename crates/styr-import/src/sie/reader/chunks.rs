//! TODO

use std::io::Read;

use super::Reader;
use crate::sie::SieSink;
use crate::sie::encoding::Encoding;

/// How much the reader asks the input for at a time.
const CHUNK: usize = 1 << 20;

impl<S: SieSink> Reader<'_, S> {
    pub(super) fn run(&mut self, mut input: impl Read) -> std::io::Result<()> {
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
    pub(in crate::sie) fn lines(&mut self, block: &[u8]) {
        let mut start = 0;
        for newline in memchr::memchr_iter(b'\n', block) {
            self.line(&block[start..newline]);
            start = newline + 1;
        }
        if start < block.len() {
            self.line(&block[start..]);
        }
    }
}
