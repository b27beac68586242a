//! A document in the text form made into the forms a municipality publishes: printed to PDF —
//! laid out as HTML (headings, paragraphs, tables with figures right-aligned and kept on one
//! line, bold where the text form has `<b>` or `**`) and printed by headless Chromium, which
//! `.ci/run` installs for the browser tests — and written as Word by pandoc. The review then
//! reads documents nobody wrote for it.

#![allow(dead_code, reason = "each test binary uses part of the shared helpers")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Text made safe for HTML, with the text form's bold and italic as HTML's.
fn inline(text: &str) -> String {
    let escaped = text
        .replace("<b>", "\u{1}")
        .replace("</b>", "\u{2}")
        .replace("<p>", " ")
        .replace("</p>", " ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{1}', "<b>")
        .replace('\u{2}', "</b>");
    let mut out = String::new();
    for (index, part) in escaped.split("**").enumerate() {
        if index > 0 {
            out.push_str(if index % 2 == 1 { "<b>" } else { "</b>" });
        }
        out.push_str(part);
    }
    if escaped.matches("**").count() % 2 == 1 {
        out.push_str("</b>");
    }
    out.replace('*', "")
}

/// A figure, or the dash a table prints for none: set right-aligned in its column.
fn is_figure(cell: &str) -> bool {
    let plain = cell
        .replace("<b>", "")
        .replace("</b>", "")
        .replace("**", "");
    let plain = plain.trim();
    matches!(plain, "-" | "–" | "—" | "−")
        || plain.chars().any(|character| character.is_ascii_digit())
            && plain.chars().all(|character| {
                character.is_ascii_digit()
                    || matches!(
                        character,
                        ' ' | '\u{a0}' | ',' | '.' | '%' | '-' | '−' | '–' | '+'
                    )
            })
}

fn is_row(line: &str) -> bool {
    line.contains('\t')
        && line
            .split('\t')
            .filter(|cell| !cell.trim().is_empty())
            .count()
            >= 2
}

/// The text form as an HTML page: `#` headings, paragraphs, tab-separated tables.
pub fn as_html(text: &str) -> String {
    let mut html = String::from(
        "<!doctype html><html lang=\"sv\"><meta charset=\"utf-8\"><style>\
         body{font-family:\"Liberation Sans\",sans-serif;font-size:10.5pt;margin:0}\
         table{border-collapse:collapse;margin:6pt 0}\
         td{padding:2pt 8pt;vertical-align:top;border-bottom:0.5pt solid #999}\
         td.figure{text-align:right;white-space:nowrap}\
         h1{font-size:20pt}h2{font-size:15pt}h3{font-size:12.5pt}</style><body>\n",
    );
    let mut in_table = false;
    for line in text.lines() {
        if is_row(line) || (in_table && line.contains('\t') && !line.trim().is_empty()) {
            if !in_table {
                html.push_str("<table>\n");
                in_table = true;
            }
            html.push_str("<tr>");
            for cell in line.split('\t') {
                let class = if is_figure(cell) {
                    " class=\"figure\""
                } else {
                    ""
                };
                html.push_str(&format!("<td{class}>{}</td>", inline(cell.trim())));
            }
            html.push_str("</tr>\n");
            continue;
        }
        if in_table {
            html.push_str("</table>\n");
            in_table = false;
        }
        let hashes = line
            .chars()
            .take_while(|character| *character == '#')
            .count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            let heading = inline(line[hashes..].trim());
            html.push_str(&format!("<h{hashes}>{heading}</h{hashes}>\n"));
        } else if !line.trim().is_empty() {
            html.push_str(&format!("<p>{}</p>\n", inline(line.trim())));
        }
    }
    if in_table {
        html.push_str("</table>\n");
    }
    html.push_str("</body></html>\n");
    html
}

/// Prints `text` to `directory/name.pdf` with Chromium; `None` when Chromium is missing
/// outside CI (under CI a missing Chromium fails the test).
pub fn as_pdf(text: &str, directory: &Path, name: &str) -> Option<PathBuf> {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|directory| directory.join(name))
                    .find(|candidate| candidate.is_file())
            })
        });
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium: .ci/run installs it"
        );
        eprintln!("skipped: Chromium is not installed");
        return None;
    };
    let html = directory.join(format!("{name}.html"));
    let pdf = directory.join(format!("{name}.pdf"));
    std::fs::write(&html, as_html(text)).expect("the HTML is written");
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            directory.join("chromium-profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&html)
        .output()
        .expect("Chromium runs");
    assert!(
        pdf.exists(),
        "Chromium printed {}: {}",
        html.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(pdf)
}

/// The reference in Markdown that pandoc reads: tab tables as pipe tables, `<b>` as `**`.
pub fn as_pandoc_markdown(reference: &str) -> String {
    let cell = |text: &str| {
        let text = text
            .replace("<p>", " ")
            .replace("</p>", " ")
            .replace('|', "\\|");
        match text
            .trim()
            .strip_prefix("<b>")
            .and_then(|inner| inner.strip_suffix("</b>"))
        {
            Some(inner) => format!("**{}**", inner.trim()),
            None => text
                .replace("<b>", "")
                .replace("</b>", "")
                .trim()
                .to_string(),
        }
    };
    let mut out = String::new();
    let mut in_table = false;
    for line in reference.lines() {
        let is_row = line.contains('\t')
            && line
                .split('\t')
                .filter(|part| !part.trim().is_empty())
                .count()
                >= 2;
        // A heading row inside a table ("TILLGÅNGAR" and empty cells) goes on with it, as the
        // text form reads it.
        if is_row || (in_table && line.contains('\t') && !line.trim().is_empty()) {
            let cells: Vec<String> = line.split('\t').map(cell).collect();
            if !in_table {
                out.push_str(&format!(
                    "\n| {} |\n|{}\n",
                    cells.join(" | "),
                    "---|".repeat(cells.len())
                ));
                in_table = true;
            } else {
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
        } else {
            if in_table {
                out.push('\n');
                in_table = false;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Writes `text` as a Word document `directory/name.docx` with pandoc; `None` when pandoc is
/// missing outside CI.
pub fn as_word(text: &str, directory: &Path, name: &str) -> Option<PathBuf> {
    if Command::new("pandoc").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have pandoc: .ci/run installs it"
        );
        eprintln!("skipped: pandoc is not installed");
        return None;
    }
    let markdown = directory.join(format!("{name}.md"));
    let word = directory.join(format!("{name}.docx"));
    std::fs::write(&markdown, as_pandoc_markdown(text)).expect("the Markdown is written");
    let converted = Command::new("pandoc")
        .args(["-f", "markdown-smart", "-t", "docx", "-o"])
        .arg(&word)
        .arg(&markdown)
        .output()
        .expect("pandoc runs");
    assert!(
        converted.status.success(),
        "pandoc: {}",
        String::from_utf8_lossy(&converted.stderr)
    );
    Some(word)
}
