//! Reading a SIE file on every core: the header (everything before the first #VER) is read
//! first, then the vouchers are cut into blocks at #VER lines and read by workers, each into a
//! sink of its own, which are joined at the end. Memory stays bounded: a few blocks in flight.
//!
//! The parallel way only ever serves files it can read exactly as the sequential way does. A
//! worker that meets anything but vouchers, an object the header did not declare, a voucher
//! left open at the end of its block, or any error, marks its work unusual, and the whole file
//! is then read again the sequential way — which also gives every error its line number. So
//! does a voucher number two workers both saw, and a sum that passes a limit once the workers'
//! sinks are joined. A file the parallel way would have to hold much of — a header of more
//! than 16 MiB, a stretch as long without a #VER, a large chart of accounts copied to every
//! worker — goes the sequential way from the start.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use super::encoding::Encoding;
use super::reader::{Block, Checksum, Reader, VoucherNumbers, line_end};
use super::{SieError, SieFile, SieSink, read_sie_within};
use crate::limits::Limits;

/// A sink that can be split over workers and joined again.
pub trait ForkSink: SieSink + Send {
    /// An empty sink, configured as this one.
    fn fork(&self) -> Self;
    /// Adds everything `other` received.
    fn join(&mut self, other: Self);
}

/// How much of the file one worker takes at a time.
const BLOCK: usize = 4 << 20;

/// The longest header (everything before the first #VER) read ahead: a file with more, or with
/// a stretch this long without a #VER to cut at, is read the sequential way, which holds a line.
const AHEAD: usize = 4 * BLOCK;

/// The largest description (names kept, see [`Limits::names_bytes`]) copied to every worker;
/// past it the copies would cost more memory than the workers save time.
const SHARED_NAMES: u64 = 4 << 20;

/// Reads the SIE file at `path` like [`read_sie`], on all cores when the file allows it.
pub fn read_sie_path<S: ForkSink>(path: &Path, sink: &mut S) -> Result<SieFile, SieError> {
    read_sie_path_within(path, sink, &Limits::default())
}

/// [`read_sie_path`] within `limits` instead of the defaults.
pub fn read_sie_path_within<S: ForkSink>(
    path: &Path,
    sink: &mut S,
    limits: &Limits,
) -> Result<SieFile, SieError> {
    let pristine = sink.fork();
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    if workers > 1
        && let Some(file) = parallel(path, sink, workers.min(8), limits)?
    {
        return Ok(file);
    }
    *sink = pristine;
    let file = File::open(path).map_err(SieError::Io)?;
    read_sie_within(file, sink, limits)
}

/// The start of the last line in `data` (not at 0) that begins with #VER.
fn last_voucher_start(data: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(data, b"\n#VER").map(|newline| newline + 1)
}

/// Reads into `buffer` until it holds at least `want` bytes or the file ends; false at the end.
/// `read_to_end` reads into spare capacity without zeroing it first.
fn fill(file: &mut File, buffer: &mut Vec<u8>, want: usize) -> Result<bool, SieError> {
    while buffer.len() < want {
        let missing = (want - buffer.len()) as u64;
        let read = file
            .take(missing)
            .read_to_end(buffer)
            .map_err(SieError::Io)?;
        if read == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The file's start up to its first #VER line, and where that line starts; `None` when the
/// file is for the sequential way: its header is longer than [`AHEAD`], or its lines end in
/// `\r` alone (the blocks are cut at `\n#VER`).
fn header(file: &mut File) -> Result<Option<(Vec<u8>, usize)>, SieError> {
    let mut pending = Vec::new();
    let mut more = true;
    loop {
        let searched = pending.len().saturating_sub(4);
        let want = pending.len() + BLOCK;
        more = more && fill(file, &mut pending, want)?;
        if line_end(&pending, !more) == Some(b'\r') {
            return Ok(None);
        }
        if pending.starts_with(b"#VER") {
            return Ok(Some((pending, 0)));
        }
        if let Some(newline) = memchr::memmem::find(&pending[searched..], b"\n#VER") {
            let end = searched + newline + 1;
            return Ok(Some((pending, end)));
        }
        if !more {
            let end = pending.len();
            return Ok(Some((pending, end)));
        }
        if pending.len() > AHEAD {
            return Ok(None);
        }
    }
}

struct WorkerResult<S> {
    sink: S,
    unusual: bool,
    lines: u64,
    vouchers: u64,
    transactions: u64,
    encoding: Option<Encoding>,
    numbers: VoucherNumbers,
}

/// `None` when the file must be read the sequential way instead.
fn parallel<S: ForkSink>(
    path: &Path,
    sink: &mut S,
    workers: usize,
    limits: &Limits,
) -> Result<Option<SieFile>, SieError> {
    let mut file = File::open(path).map_err(SieError::Io)?;
    let Some((pending, header_end)) = header(&mut file)? else {
        return Ok(None);
    };
    let pristine = sink.fork();
    let mut main = Reader::new(sink, limits);
    let mut bytes = pending.len() as u64;
    let header = pending.strip_prefix(b"\xef\xbb\xbf");
    if header.is_some() {
        main.encoding = Some(Encoding::Utf8);
    }
    let skip = if header.is_some() { 3 } else { 0 };
    main.lines(&pending[skip.min(header_end)..header_end]);
    if main.checksum == Checksum::Running
        || !main.errors.is_empty()
        || main.block != Block::Outside
        || main.names_bytes() > SHARED_NAMES
    {
        return Ok(None);
    }
    let template = (main.file.clone(), main.encoding, main.object_index.clone());
    let mut unusual = false;
    let results: Vec<WorkerResult<S>> = std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel::<Vec<u8>>(workers);
        let receiver = Arc::new(Mutex::new(receiver));
        // Read blocks come back to be filled again: no fresh pages for every block.
        let (recycle, recycled) = std::sync::mpsc::channel::<Vec<u8>>();
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let receiver = Arc::clone(&receiver);
                let recycle = recycle.clone();
                let mut own = pristine.fork();
                let (file, encoding, objects) = template.clone();
                scope.spawn(move || {
                    let mut reader = Reader::new(&mut own, limits);
                    reader.file = file;
                    reader.file.counts = Default::default();
                    reader.encoding = encoding;
                    reader.object_index = objects;
                    reader.restricted = true;
                    loop {
                        let block = match receiver.lock() {
                            Ok(guard) => guard.recv(),
                            Err(_) => break,
                        };
                        let Ok(block) = block else { break };
                        reader.lines(&block);
                        if reader.block != Block::Outside || !reader.errors.is_empty() {
                            reader.unusual = true;
                        }
                        let _ = recycle.send(block);
                    }
                    let (unusual, counts, encoding) =
                        (reader.unusual, reader.file.counts, reader.encoding);
                    let numbers = std::mem::take(&mut reader.numbers);
                    drop(reader);
                    WorkerResult {
                        unusual: unusual || own.refusal().is_some(),
                        sink: own,
                        lines: counts.lines,
                        vouchers: counts.vouchers,
                        transactions: counts.transactions,
                        encoding,
                        numbers,
                    }
                })
            })
            .collect();
        // Blocks cut just before a #VER line, so each starts outside a voucher.
        let mut buffer = pending[header_end..].to_vec();
        drop(pending);
        loop {
            let before = buffer.len();
            let more = fill(&mut file, &mut buffer, before + BLOCK)?;
            bytes += (buffer.len() - before) as u64;
            main.sink.progress(bytes);
            if !more {
                if !buffer.is_empty() {
                    let _ = sender.send(std::mem::take(&mut buffer));
                }
                break;
            }
            // Without a #VER line to cut at, the block grows until it has one — up to a point.
            if let Some(cut) = last_voucher_start(&buffer).filter(|cut| *cut > 0) {
                let mut rest = recycled.try_recv().unwrap_or_default();
                rest.clear();
                rest.extend_from_slice(&buffer[cut..]);
                buffer.truncate(cut);
                if sender.send(std::mem::replace(&mut buffer, rest)).is_err() {
                    break;
                }
            } else if buffer.len() > AHEAD {
                unusual = true;
                break;
            }
        }
        drop(sender);
        let mut results = Vec::new();
        for handle in handles {
            match handle.join() {
                Ok(result) => results.push(result),
                Err(_) => unusual = true,
            }
        }
        Ok::<_, SieError>(results)
    })?;
    if unusual || results.iter().any(|result| result.unusual) {
        return Ok(None);
    }
    main.file.counts.bytes = bytes;
    for result in results {
        main.file.counts.lines += result.lines;
        main.file.counts.vouchers += result.vouchers;
        main.file.counts.transactions += result.transactions;
        if main.encoding.is_none() {
            main.encoding = result.encoding;
        }
        // A voucher in two blocks, or a sum past a limit only once joined: the sequential
        // way finds which and where.
        if !main.numbers.join(result.numbers) {
            return Ok(None);
        }
        main.sink.join(result.sink);
        if main.sink.refusal().is_some() {
            return Ok(None);
        }
    }
    main.finish().map(Some)
}
