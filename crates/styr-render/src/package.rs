//! Office Open XML files (XLSX, DOCX) are ZIP archives of XML parts; this writes one.

use std::io::Write;

/// One part of the package: its path inside the archive and its content.
pub struct Part {
    pub path: String,
    pub content: Vec<u8>,
}

impl Part {
    pub fn new(path: impl Into<String>, content: impl Into<Vec<u8>>) -> Part {
        Part {
            path: path.into(),
            content: content.into(),
        }
    }
}

/// The parts as a ZIP archive, deflated. `[Content_Types].xml` must be among them.
pub fn zip(parts: &[Part]) -> Result<Vec<u8>, std::io::Error> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for part in parts {
        writer
            .start_file(part.path.as_str(), options)
            .map_err(std::io::Error::other)?;
        writer.write_all(&part.content)?;
    }
    Ok(writer.finish().map_err(std::io::Error::other)?.into_inner())
}

/// Escapes text for XML content and attribute values, as for HTML ([`crate::html::escape`]),
/// and drops the control characters XML 1.0 cannot hold (a pasted vertical tab would otherwise
/// make the file unreadable).
pub fn xml_escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|character| *character >= ' ' || matches!(character, '\t' | '\n' | '\r'))
        .collect();
    crate::html::escape(&allowed)
}
