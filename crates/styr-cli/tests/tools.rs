//! External programs the document tests check styr's files with (poppler's pdftotext, pdfinfo,
//! pdffonts, pdftoppm; LibreOffice). `.ci/run` installs them; elsewhere a test without them says
//! it is skipped — except under CI, where a missing tool is a failure, so a green CI run always
//! means the files were really checked.

#![allow(dead_code, reason = "each test binary uses part of the shared helpers")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The program on PATH, or `None` (and a note) when it is missing outside CI.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|directory| directory.join(name))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is missing; .ci/run installs it"
        );
        eprintln!("skipped: {name} is not installed");
    }
    found
}

/// Runs a tool and returns its standard output as text; a failure fails the test.
pub fn run(program: &Path, arguments: &[&str]) -> String {
    let output = Command::new(program)
        .args(arguments)
        .output()
        .unwrap_or_else(|error| panic!("{} runs: {error}", program.display()));
    assert!(
        output.status.success(),
        "{} {arguments:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let directory = std::env::temp_dir().join(format!("styr-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    directory
}

/// Converts a file with LibreOffice (`pdf`, `xlsx`, `csv` …) into `directory`, with a profile
/// of its own so parallel tests do not share one; the converted file's path.
pub fn libreoffice(soffice: &Path, file: &Path, format: &str, directory: &Path) -> PathBuf {
    let profile = directory.join("lo-profile");
    let profile_url = format!("file://{}", profile.display());
    let out = directory.join("converted");
    std::fs::create_dir_all(&out).expect("an output directory");
    let output = Command::new(soffice)
        .arg(format!("-env:UserInstallation={profile_url}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(&out)
        .arg(file)
        .output()
        .expect("LibreOffice runs");
    let extension = format.split(':').next().unwrap_or(format);
    let stem = file.file_stem().expect("a file name").to_string_lossy();
    let converted = out.join(format!("{stem}.{extension}"));
    assert!(
        converted.exists(),
        "LibreOffice converted {}: {}{}",
        file.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    converted
}

/// The reference budget document, when the shared folder is beside the project.
pub fn reference_text() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/alingsas-ks-budget-2025-2027.txt");
    let text = std::fs::read_to_string(path).ok();
    if text.is_none() {
        eprintln!("skipped: ../shared/reference is not beside the project");
    }
    text
}

/// A table of the reference: its heading and its rows (label, figures as printed).
pub struct ReferenceTable {
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// The reference's amount tables ("Belopp i tkr"), each under the heading above it.
pub fn reference_tables(reference: &str) -> Vec<ReferenceTable> {
    let mut tables = Vec::new();
    let mut heading = String::new();
    let mut current: Option<ReferenceTable> = None;
    for line in reference.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            heading = title.trim().to_string();
        }
        let cells: Vec<String> = line
            .split('\t')
            .map(|cell| {
                cell.replace("<b>", "")
                    .replace("</b>", "")
                    .trim()
                    .to_string()
            })
            .collect();
        if cells.first().is_some_and(|cell| cell == "Belopp i tkr") {
            current = Some(ReferenceTable {
                heading: heading.clone(),
                columns: cells[1..].to_vec(),
                rows: Vec::new(),
            });
        } else if line.trim().is_empty() {
            tables.extend(current.take());
        } else if let Some(table) = current.as_mut() {
            table.rows.push((cells[0].clone(), cells[1..].to_vec()));
        }
    }
    tables.extend(current);
    tables
}

/// Lines of text with runs of whitespace made single spaces.
pub fn normalised_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The text with the words typst hyphenated at a line's end joined again: "föregå-" at the end
/// of a line and "ende" at the start of the next read "föregående". typst's hyphen is a soft
/// hyphen (U+00AD) in the text layer; a hyphen of the text ("delår- och") is followed by a
/// space in the source and stays.
pub fn dehyphenated(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut joined = String::new();
    for (index, line) in lines.iter().enumerate() {
        let next = lines.get(index + 1).copied().unwrap_or("");
        let broken = line
            .strip_suffix(['-', '\u{ad}', '\u{2010}'])
            .filter(|rest| rest.ends_with(char::is_alphabetic))
            .filter(|_| next.starts_with(char::is_lowercase));
        match broken {
            Some(rest) => joined.push_str(rest),
            None => {
                joined.push_str(line);
                joined.push('\n');
            }
        }
    }
    joined
}
