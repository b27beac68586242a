//! The world a compile sees: one main source, the job's files under fixed names, the job's
//! fonts, and the job's date as today. Nothing is read from the disk or the network: a path
//! the job did not bring is "not found", and so is any package import.
//!
//! Typst interns every file path it meets for the life of the process, so the names are the
//! job's own few (`/dokument.typ`, `/bild/1.svg` …), the same in every compile.
//!
//! A character none of the job's fonts has is replaced before typst sees it (coverage.rs).

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::coverage::Coverage;
use crate::{Job, TypstError};

/// The standard library, built once: it is the same for every document.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub struct JobWorld {
    main: FileId,
    source: Source,
    files: Vec<(FileId, Bytes)>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    today: Option<Datetime>,
}

fn file_id(path: &str) -> Result<FileId, TypstError> {
    let virtual_path = VirtualPath::new(path)
        .map_err(|_| TypstError(vec![format!("ogiltig filväg i typst-källan: {path}")]))?;
    Ok(RootedPath::new(VirtualRoot::Project, virtual_path).intern())
}

impl JobWorld {
    pub fn new(job: &Job) -> Result<JobWorld, TypstError> {
        let main = file_id("/dokument.typ")?;
        let fonts: Vec<Font> = job
            .fonts
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        let coverage = Coverage::new(&fonts);
        let files = job
            .files
            .iter()
            .map(|(path, bytes)| {
                Ok((
                    file_id(path)?,
                    Bytes::new(printable(&coverage, path, bytes)),
                ))
            })
            .collect::<Result<Vec<_>, TypstError>>()?;
        Ok(JobWorld {
            main,
            source: Source::new(main, coverage.printable(&job.source).into_owned()),
            files,
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            today: job
                .date
                .and_then(|(year, month, day)| Datetime::from_ymd(year, month, day)),
        })
    }
}

impl World for JobWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.source.clone()));
        }
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// A data file's or picture's text with what no font draws replaced (JSON and SVG stay so: only non-ASCII
/// characters change, and those stand only inside strings and text); a logo and other files as they
/// came.
fn printable(coverage: &Coverage, path: &str, bytes: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(bytes) {
        Ok(text) if path.ends_with(".json") || path.ends_with(".svg") => {
            coverage.printable(text).into_owned().into_bytes()
        }
        _ => bytes.to_vec(),
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
