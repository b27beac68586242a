//! A temporary file for an upload on its way to a reader: created new (never an existing
//! file), written through tokio, removed when dropped — on a refusal, after the import, or
//! when the client goes away in the middle.

#[cfg(test)]
use std::path::Path;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

use super::{Limit, Refusal};

static NEXT: AtomicU64 = AtomicU64::new(1);

pub struct TemporaryFile {
    path: PathBuf,
    file: Option<tokio::fs::File>,
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
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
            .map_err(|error| stored(&error))?;
        Ok(TemporaryFile {
            path,
            file: Some(file),
            written: 0,
        })
    }

    /// Appends `bytes`, or refuses them when they would pass `limit`.
    pub async fn write(&mut self, bytes: &[u8], limit: Limit) -> Result<(), Refusal> {
        if self.written + bytes.len() > limit.bytes {
            return Err(Refusal::TooLarge(limit));
        }
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| Refusal::Broken("filen är redan stängd".into()))?;
        file.write_all(bytes)
            .await
            .map_err(|error| stored(&error))?;
        self.written += bytes.len();
        Ok(())
    }

    /// Flushes and closes the file for writing.
    pub async fn finish(&mut self) -> Result<(), Refusal> {
        if let Some(mut file) = self.file.take() {
            file.flush().await.map_err(|error| stored(&error))?;
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.written
    }

    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    #[cfg(test)]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file opened for reading; it stays readable after this value removes its name.
    pub fn reader(&self) -> Result<std::fs::File, Refusal> {
        std::fs::File::open(&self.path).map_err(|error| stored(&error))
    }

    /// The whole file in memory, for a reader that takes bytes.
    pub async fn bytes(&self) -> Result<Vec<u8>, Refusal> {
        tokio::fs::read(&self.path)
            .await
            .map_err(|error| stored(&error))
    }
}

fn stored(error: &std::io::Error) -> Refusal {
    tracing::error!(%error, "an upload could not be stored for reading");
    Refusal::Broken("den kunde inte sparas för läsning".into())
}

impl Drop for TemporaryFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
