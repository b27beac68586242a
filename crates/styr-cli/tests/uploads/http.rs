//! Just enough HTTP/1.1 over a socket to talk to the server as a client would: one request per
//! connection (`Connection: close`), the body written on its own thread while the answer is
//! read, so a server that refuses early is heard even while the client is still sending.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

pub struct Answer {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

fn request(port: u16, head: String, body: Arc<Vec<u8>>) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    let mut writer = stream.try_clone()?;
    let sending = std::thread::spawn(move || {
        // A refusal may close the connection before the body is all sent: that is allowed.
        let _ = writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.write_all(&body));
    });
    let mut answer = Vec::new();
    let read = stream.read_to_end(&mut answer);
    let _ = sending.join();
    if read.is_err() && answer.is_empty() {
        read?;
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status in {headers:?}")))?;
    Ok(Answer {
        status,
        headers: headers.to_string(),
        body: body.to_string(),
    })
}

pub fn get(port: u16, path: &str, headers: &str) -> std::io::Result<Answer> {
    request(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n"),
        Arc::new(Vec::new()),
    )
}

pub fn post(
    port: u16,
    path: &str,
    headers: &str,
    content_type: &str,
    body: Arc<Vec<u8>>,
) -> std::io::Result<Answer> {
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{headers}\r\n",
        body.len()
    );
    request(port, head, body)
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

fn form(fields: &[(&str, &str)]) -> Arc<Vec<u8>> {
    let pairs: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    Arc::new(pairs.join("&").into_bytes())
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in {text}"))
        + start.len();
    let to = text[from..].find(end).expect("the end") + from;
    &text[from..to]
}

/// The `name=value` of a `Set-Cookie` header named `name`.
fn cookie(headers: &str, name: &str) -> String {
    let line = headers
        .lines()
        .find(|line| {
            line.to_ascii_lowercase().starts_with("set-cookie:")
                && line.contains(&format!("{name}="))
        })
        .unwrap_or_else(|| panic!("a {name} cookie in {headers}"));
    line.split_once(':')
        .map(|(_, value)| value.trim())
        .and_then(|value| value.split(';').next())
        .expect("a cookie")
        .to_string()
}

/// Logs in through the login page and reads the session's CSRF token from the account page.
pub fn log_in(port: u16, username: &str, password: &str) -> Session {
    let page = get(port, "/logga-in", "").expect("the login page");
    let login_cookie = cookie(&page.headers, "styr_login");
    let token = between(&page.body, "name=\"_csrf\" value=\"", "\"").to_string();
    let answer = post(
        port,
        "/logga-in",
        &format!("Cookie: {login_cookie}\r\n"),
        "application/x-www-form-urlencoded",
        form(&[
            ("_csrf", &token),
            ("username", username),
            ("password", password),
            ("till", "/"),
        ]),
    )
    .expect("a login");
    assert_eq!(answer.status, 303, "{username} logs in: {}", answer.body);
    let session = cookie(&answer.headers, "styr_session");
    let account = get(port, "/konto", &format!("Cookie: {session}\r\n")).expect("the account");
    let csrf = between(&account.body, "name=\"_csrf\" value=\"", "\"").to_string();
    Session {
        cookie: session,
        csrf,
    }
}

/// A personal API token made on the account page.
pub fn token(port: u16, session: &Session) -> String {
    let answer = post(
        port,
        "/konto/nycklar",
        &format!("Cookie: {}\r\n", session.cookie),
        "application/x-www-form-urlencoded",
        form(&[("_csrf", &session.csrf), ("name", "uppladdningsprov")]),
    )
    .expect("a token");
    between(&answer.body, "id=\"ny-nyckel\" readonly value=\"", "\"").to_string()
}

/// A page's upload form with `file` as its field `fil`, the CSRF token first.
pub fn post_form_file(
    port: u16,
    path: &str,
    session: &Session,
    file: Arc<Vec<u8>>,
) -> std::io::Result<Answer> {
    let boundary = "styrprovgrans7MA4YWxk";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"prov.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        session.csrf
    )
    .into_bytes();
    body.extend_from_slice(&file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    post(
        port,
        path,
        &format!("Cookie: {}\r\n", session.cookie),
        &format!("multipart/form-data; boundary={boundary}"),
        Arc::new(body),
    )
}
