//! Reading a large file takes a while: a line on standard error redraws itself with how far
//! the reading has come, only on a terminal and only for files over 4 MB, and the sink that
//! passes the reader's progress on to it while the books go to the follow-up.
//!
//! ```text
//!   läser [##########          ]  50 %  120 av 240 MB
//! ```

use std::io::IsTerminal;
use std::time::Instant;

use styr_import::sie::{Balance, ForkSink, OutcomeSink, SieFile, SieSink, Voucher};

/// A line on standard error that redraws itself while a long file is read, only on a terminal.
pub struct Progress {
    total: u64,
    shown: bool,
    started: Instant,
    last: u64,
}

impl Progress {
    pub fn new(total: u64) -> Progress {
        Progress {
            total,
            shown: std::io::stderr().is_terminal() && total > 4 << 20,
            started: Instant::now(),
            last: 0,
        }
    }

    pub fn update(&mut self, bytes: u64) {
        if !self.shown || bytes - self.last < 1 << 20 {
            return;
        }
        self.last = bytes;
        let percent = bytes * 100 / self.total.max(1);
        let filled = usize::try_from(percent / 5).unwrap_or(20).min(20);
        eprint!(
            "\r  läser [{}{}] {percent:>3} %  {} av {} MB",
            "#".repeat(filled),
            " ".repeat(20 - filled),
            bytes >> 20,
            self.total >> 20
        );
    }

    pub fn finish(&self) {
        if self.shown {
            eprintln!(
                "\r  läst på {} ms{}",
                self.started.elapsed().as_millis(),
                " ".repeat(40)
            );
        }
    }
}

/// The books to the follow-up, the reader's progress to a [`Progress`].
pub struct ProgressSink {
    pub inner: OutcomeSink,
    pub progress: Progress,
}

impl ForkSink for ProgressSink {
    fn fork(&self) -> Self {
        ProgressSink {
            inner: self.inner.fork(),
            progress: Progress::new(0),
        }
    }

    fn join(&mut self, other: Self) {
        self.inner.join(other.inner);
    }
}

impl SieSink for ProgressSink {
    fn balance(&mut self, file: &SieFile, balance: &Balance) {
        self.inner.balance(file, balance);
    }
    fn voucher(&mut self, file: &SieFile, voucher: &Voucher) {
        self.inner.voucher(file, voucher);
    }
    fn progress(&mut self, bytes: u64) {
        self.progress.update(bytes);
    }
    fn refusal(&mut self) -> Option<String> {
        self.inner.refusal()
    }
}
