//! Where a command's results go: standard output, or a file named with `--output`.
//!
//! Standard output is often a pipe to a program that stops reading once it has what it wants:
//! `styr followup bok.se --format csv | head -1` closes the pipe after one line. That is not an
//! error; the command ends quietly with the status it would have had. Every write to standard
//! output goes through here (the crate denies `print!`), so no write can panic on a closed pipe.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Writes `bytes` to standard output; `Ok` also when the reader has gone away.
pub fn to_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written,
    }
}

/// Writes `text` to standard output and gives the status: a write that fails for another
/// reason than a closed pipe is said on standard error.
pub fn print(text: &str) -> ExitCode {
    write_output(None, text.as_bytes())
}

/// [`print()`] with a line break after `line`.
pub fn print_line(line: &str) -> ExitCode {
    print(&format!("{line}\n"))
}

/// Writes bytes to a file, or to standard output without one.
pub fn write_output(output: Option<&Path>, content: &[u8]) -> ExitCode {
    let written = match output {
        None => to_stdout(content),
        Some(path) => std::fs::write(path, content),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let place = output.map_or_else(
                || "standard ut".to_string(),
                |path| path.display().to_string(),
            );
            eprintln!("styr: kan inte skriva {place}: {error}");
            ExitCode::FAILURE
        }
    }
}
