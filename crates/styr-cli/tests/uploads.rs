//! Abuse uploads against the real server: `styr serve --demo` runs as its own process under a
//! data-segment limit of 256 MB (`ulimit -d`), and every role — a läsare too — posts files
//! the test makes itself, each at most 10 MB on the wire: a workbook whose sheet lives at a
//! non-standard path with a cell at XFD1048576, a 1 GB sharedStrings.xml in a 1 MB zip, a
//! Word document bomb, a SIE file with 400 000 #OBJEKT, a budget file of nested arrays, and a
//! budget file past its route's limit. Every answer must be a refusal (403, 413 or 422), the
//! server must stay up, and its peak resident memory must stay under 256 MB.

#[path = "uploads/bombs.rs"]
mod bombs;
#[path = "uploads/http.rs"]
mod http;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The limit the server runs under, and the peak it must stay below.
const MEMORY_LIMIT_KB: u64 = 256 * 1024;

struct Server {
    child: Child,
    port: u16,
    passwords: Vec<(String, String)>,
    _directory: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self._directory);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// Starts `styr serve --demo` on a fresh database under the memory limit, and reads the demo
/// users' passwords from its output.
fn start() -> Server {
    let directory = std::env::temp_dir().join(format!("styr-uploads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("a directory");
    let port = free_port();
    let script = format!(
        "ulimit -d {MEMORY_LIMIT_KB} && exec \"$0\" serve --demo --addr 127.0.0.1:{port} --database \"$1\""
    );
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_styr"))
        .arg(directory.join("styr.db"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(match std::env::var_os("STYR_UPLOADS_LOG") {
            Some(path) => std::fs::File::options()
                .create(true)
                .append(true)
                .open(path)
                .map_or_else(|_| Stdio::null(), Stdio::from),
            None => Stdio::null(),
        })
        .spawn()
        .expect("styr serve starts");
    let stdout = child.stdout.take().expect("its output");
    let mut passwords = Vec::new();
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [username, password, ..] = words.as_slice()
            && line.starts_with("  ")
        {
            passwords.push((username.to_string(), password.to_string()));
        }
        if passwords.len() == 9 {
            break;
        }
    }
    let server = Server {
        child,
        port,
        passwords,
        _directory: directory,
    };
    let started = Instant::now();
    while http::get(server.port, "/healthz", "")
        .map(|answer| answer.status)
        .ok()
        != Some(200)
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

/// The peak resident memory of the server's process, in kB; none once it has stopped.
fn peak_kb(server: &Server) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}

/// One abuse case: it posts, and gives the status the server answered (none: no answer).
type Case = Box<dyn Fn(&Server, &http::Session, &str) -> Option<u16>>;

/// An upload: where it goes, what it is, and the body.
struct Upload {
    name: &'static str,
    path: &'static str,
    content_type: &'static str,
    body: std::sync::Arc<Vec<u8>>,
}

#[test]
fn no_upload_makes_the_server_abort_or_pass_256_mb() {
    if !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("skipped: no /proc to read the peak memory from");
        return;
    }
    let mut server = start();
    assert_eq!(server.passwords.len(), 9, "the demo users were printed");
    let workbook = std::sync::Arc::new(bombs::far_cell_workbook());
    let strings = std::sync::Arc::new(bombs::shared_strings_bomb());
    let document = std::sync::Arc::new(bombs::docx_bomb());
    let sie = std::sync::Arc::new(bombs::sie_with_objects(400_000));
    let nested = std::sync::Arc::new(bombs::nested_budget_file());
    let oversized = std::sync::Arc::new(vec![b'#'; 10 << 20]);
    for file in [&workbook, &strings, &document, &sie, &nested, &oversized] {
        assert!(
            file.len() <= 10 << 20,
            "every upload is at most 10 MB: {}",
            file.len()
        );
    }
    let template = "/api/v1/budgets/1/template";
    let outcome = "/api/v1/budgets/1/followup/imports?file_name=utfall.se";
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let uploads = [
        Upload {
            name: "far cell",
            path: template,
            content_type: xlsx,
            body: workbook.clone(),
        },
        Upload {
            name: "shared strings bomb",
            path: template,
            content_type: xlsx,
            body: strings.clone(),
        },
        Upload {
            name: "docx bomb",
            path: template,
            content_type: xlsx,
            body: document.clone(),
        },
        Upload {
            name: "SIE objects",
            path: outcome,
            content_type: "application/octet-stream",
            body: sie.clone(),
        },
        Upload {
            name: "nested budget file",
            path: "/api/v1/budgets",
            content_type: "application/toml",
            body: nested.clone(),
        },
        Upload {
            name: "oversized budget file",
            path: "/api/v1/budgets",
            content_type: "application/toml",
            body: oversized.clone(),
        },
        Upload {
            name: "zip bomb as the books",
            path: outcome,
            content_type: "application/octet-stream",
            body: strings.clone(),
        },
    ];
    // Every case is tried, so one run names all that fail; a server that stopped is started
    // anew (on a fresh database) for the next case.
    let mut failures = Vec::new();
    let roles: Vec<String> = server
        .passwords
        .iter()
        .map(|(name, _)| name.clone())
        .collect();
    for username in &roles {
        let login = |server: &Server| {
            let password = server
                .passwords
                .iter()
                .find(|(name, _)| name == username)
                .map(|(_, password)| password.clone())
                .expect("the role's password");
            let session = http::log_in(server.port, username, &password);
            let token = http::token(server.port, &session);
            (session, token)
        };
        let (mut session, mut token) = login(&server);
        let mut cases: Vec<(String, Case)> = Vec::new();
        for upload in &uploads {
            let (path, content_type, body) =
                (upload.path, upload.content_type, upload.body.clone());
            cases.push((
                format!("{} to {path}", upload.name),
                Box::new(move |server, _, token| {
                    http::post(
                        server.port,
                        path,
                        &format!("Authorization: Bearer {token}\r\n"),
                        content_type,
                        body.clone(),
                    )
                    .ok()
                    .map(|answer| answer.status)
                }),
            ));
        }
        // The page's upload forms, as a browser sends them.
        for (name, path, file) in [
            (
                "shared strings bomb",
                "/budget/1/budgetmall",
                strings.clone(),
            ),
            ("far cell", "/budget/1/budgetmall", workbook.clone()),
            ("SIE objects", "/budget/1/uppfoljning/import", sie.clone()),
            ("nested budget file", "/importera", nested.clone()),
        ] {
            cases.push((
                format!("{name} in the form at {path}"),
                Box::new(move |server, session, _| {
                    http::post_form_file(server.port, path, session, file.clone())
                        .ok()
                        .map(|answer| answer.status)
                }),
            ));
        }
        let mut previous_peak = peak_kb(&server).unwrap_or_default();
        for (case, run) in &cases {
            let status = run(&server, &session, &token);
            std::thread::sleep(Duration::from_millis(50));
            let peak = peak_kb(&server);
            let stopped = server.child.try_wait().ok().flatten().is_some() || peak.is_none();
            if stopped {
                failures.push(format!(
                    "{username}, {case}: the server stopped ({status:?})"
                ));
            } else if !matches!(status, Some(403 | 413 | 422)) {
                failures.push(format!("{username}, {case}: answered {status:?}"));
            } else if username == "lasare" && status != Some(403) {
                failures.push(format!(
                    "{username}, {case}: a läsare is refused, 403, not {status:?}"
                ));
            }
            // The peak is the process's high-water mark: the case that crosses the limit is
            // the one named.
            if let Some(peak) = peak {
                if peak >= MEMORY_LIMIT_KB && previous_peak < MEMORY_LIMIT_KB {
                    failures.push(format!(
                        "{username}, {case}: peak resident memory {} MB",
                        peak / 1024
                    ));
                }
                previous_peak = peak;
            }
            if stopped {
                drop(server);
                server = start();
                (session, token) = login(&server);
                previous_peak = peak_kb(&server).unwrap_or_default();
            }
        }
    }
    let up = http::get(server.port, "/healthz", "")
        .map(|answer| answer.status)
        .ok();
    assert_eq!(up, Some(200), "the server is still up");
    let peak = peak_kb(&server).expect("the server is alive");
    eprintln!("peak resident memory: {} MB", peak / 1024);
    assert!(
        failures.is_empty(),
        "{} of the abuse uploads failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let _ = server.child.kill();
}
