//! Prints the text form styr reads from a PDF, to see what the review sees:
//! `cargo run -p styr-import --example pdf_text -- budget.pdf`.

use std::io::Write;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        let _ = writeln!(std::io::stderr(), "usage: pdf_text FILE.pdf");
        return std::process::ExitCode::from(2);
    };
    let read = std::fs::read(&path)
        .map_err(|error| error.to_string())
        .and_then(|bytes| styr_import::document::pdf_text(&bytes, &styr_import::Limits::default()));
    match read {
        Ok(text) => {
            let _ = std::io::stdout().write_all(text.text.as_bytes());
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "{message}");
            std::process::ExitCode::from(2)
        }
    }
}
