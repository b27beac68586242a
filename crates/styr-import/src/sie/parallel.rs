//! Reading a SIE file on every core: the header (everything before the first #VER) is read
//! first, then the vouchers are cut into blocks at #VER lines and read by workers, each into a
//! sink of its own, which are joined at the end. Memory stays bounded: a few blocks in flight.
//!
//! The parallel way only ever serves files it can read exactly as the sequential way does. A
//! worker that meets anything but vouchers, an object the header did not declare, a voucher
//! left open at the end of its block, or any error, marks its work unusual, and the whole file
//! is then read again the sequential way — which also gives every error its line number.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use super::encoding::Encoding;
use super::reader::{Block, Checksum, Reader};
use super::{SieError, SieFile, SieSink, read_sie};

/// A sink that can be split over workers and joined again.
pub trait ForkSink: SieSink + Send {
    /// An empty sink, configured as this one.
    fn fork(&self) -> Self;
    /// Adds everything `other` received.
    fn join(&mut self, other: Self);
}

/// How much of the file one worker takes at a time.
const BLOCK: usize = 4 << 20;

/// Reads the SIE file at `path` like [`read_sie`], on all cores when the file allows it.
pub fn read_sie_path<S: ForkSink>(path: &Path, sink: &mut S) -> Result<SieFile, SieError> {
    let pristine = sink.fork();
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    if workers > 1
        && let Some(file) = parallel(path, sink, workers.min(8))?
    {
        return Ok(file);
    }
    *sink = pristine;
    let file = File::open(path).map_err(SieError::Io)?;
    read_sie(file, sink)
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

struct WorkerResult<S> {
    sink: S,
    unusual: bool,
    lines: u64,
    vouchers: u64,
    transactions: u64,
    encoding: Option<Encoding>,
}

/// `None` when the file must be read the sequential way instead.
fn parallel<S: ForkSink>(
    path: &Path,
    sink: &mut S,
    workers: usize,
) -> Result<Option<SieFile>, SieError> {
    let mut file = File::open(path).map_err(SieError::Io)?;
    let pristine = sink.fork();
    let mut main = Reader::new(sink);
    // The header: up to the first line that starts with #VER.
    let mut pending = Vec::new();
    let mut more = true;
    let header_end = loop {
        let searched = pending.len().saturating_sub(4);
        let want = pending.len() + BLOCK;
        more = more && fill(&mut file, &mut pending, want)?;
        if pending.starts_with(b"#VER") {
            break 0;
        }
        if let Some(newline) = memchr::memmem::find(&pending[searched..], b"\n#VER") {
            break searched + newline + 1;
        }
        if !more {
            break pending.len();
        }
    };
    let mut bytes = pending.len() as u64;
    let header = pending.strip_prefix(b"\xef\xbb\xbf");
    if header.is_some() {
        main.encoding = Some(Encoding::Utf8);
    }
    let skip = if header.is_some() { 3 } else { 0 };
    main.lines(&pending[skip.min(header_end)..header_end]);
    if main.checksum == Checksum::Running || !main.errors.is_empty() || main.block != Block::Outside
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
                    let mut reader = Reader::new(&mut own);
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
                    drop(reader);
                    WorkerResult {
                        sink: own,
                        unusual,
                        lines: counts.lines,
                        vouchers: counts.vouchers,
                        transactions: counts.transactions,
                        encoding,
                    }
                })
            })
            .collect();
        // Blocks cut just before a #VER line, so each starts outside a voucher.
        let mut buffer = pending.split_off(header_end);
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
            // Without a #VER line to cut at, the block grows until it has one.
            if let Some(cut) = last_voucher_start(&buffer).filter(|cut| *cut > 0) {
                let mut rest = recycled.try_recv().unwrap_or_default();
                rest.clear();
                rest.extend_from_slice(&buffer[cut..]);
                buffer.truncate(cut);
                if sender.send(std::mem::replace(&mut buffer, rest)).is_err() {
                    break;
                }
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
        main.sink.join(result.sink);
    }
    main.finish().map(Some)
}
