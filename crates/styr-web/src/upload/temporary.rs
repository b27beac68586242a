//! A temporary file for an upload on its way to a reader. It is created new (never an existing
//! file) and its name is removed at once: only its two open handles — one to write through
//! tokio, one for the reader — keep it, so nothing is left on disk whatever happens to the
//! request or the process (a refusal, a client that goes away, even an abort).

use std::io::{Read, Seek};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

use super::{Limit, Refusal};

static NEXT: AtomicU64 = AtomicU64::new(1);

pub struct TemporaryFile {
    writer: Option<tokio::fs::File>,
    reader: std::fs::File,
    written: usize,
}

impl TemporaryFile {
    pub async fn create() -> Result<TemporaryFile, Refusal> {
        let name = format!(
            "styr-upload-{}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            &styr_app::accounts::secret()[..16]
        );
        let path = std::env::temp_dir().join(name);
        let writer = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
            .map_err(|error| stored(&error))?;
        let reader = std::fs::File::open(&path);
        // The name goes now; the handles keep the file until they are closed.
        let removed = std::fs::remove_file(&path);
        let reader = reader.map_err(|error| stored(&error))?;
        removed.map_err(|error| stored(&error))?;
        Ok(TemporaryFile {
            writer: Some(writer),
            reader,
            written: 0,
        })
    }

    /// Appends `bytes`, or refuses them when they would pass `limit`.
    pub async fn write(&mut self, bytes: &[u8], limit: Limit) -> Result<(), Refusal> {
        if self.written + bytes.len() > limit.bytes {
            return Err(Refusal::TooLarge(limit));
        }
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| Refusal::Broken("filen är redan stängd".into()))?;
        writer
            .write_all(bytes)
            .await
            .map_err(|error| stored(&error))?;
        self.written += bytes.len();
        Ok(())
    }

    /// Flushes and closes the file for writing.
    pub async fn finish(&mut self) -> Result<(), Refusal> {
        if let Some(mut writer) = self.writer.take() {
            writer.flush().await.map_err(|error| stored(&error))?;
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.written
    }

    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// The file for reading from its start, for a reader that streams (the SIE reader).
    pub fn reader(self) -> Result<std::fs::File, Refusal> {
        let mut reader = self.reader;
        reader.rewind().map_err(|error| stored(&error))?;
        Ok(reader)
    }

    /// The whole file in memory, for a reader that takes bytes.
    pub async fn bytes(self) -> Result<Vec<u8>, Refusal> {
        let mut reader = self.reader()?;
        tokio::task::spawn_blocking(move || {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map(|_| bytes)
        })
        .await
        .map_err(|error| Refusal::Broken(error.to_string()))?
        .map_err(|error| stored(&error))
    }
}

fn stored(error: &std::io::Error) -> Refusal {
    tracing::error!(%error, "an upload could not be stored for reading");
    Refusal::Broken("den kunde inte sparas för läsning".into())
}
