//! A Kolada-shaped HTTP server in the test process, on 127.0.0.1: each path answers a canned
//! status and body (with "{base}" replaced by the server's own /v3 address), optionally after
//! a delay; every request is logged, so a test can see the chunks and pages asked for.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub delay: Duration,
}

pub fn ok(body: &str) -> Answer {
    Answer {
        status: 200,
        body: body.to_string(),
        delay: Duration::ZERO,
    }
}

pub struct Server {
    pub base: String,
    pub log: Arc<Mutex<Vec<String>>>,
}

/// Serves `answers` (path with query → answer); anything else an empty list, as Kolada
/// answers an id it does not know.
pub fn serve(answers: BTreeMap<String, Answer>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}/v3", listener.local_addr().expect("an address"));
    let log = Arc::new(Mutex::new(Vec::new()));
    let (served_base, served_log) = (base.clone(), Arc::clone(&log));
    std::thread::spawn(move || {
        for stream in listener.incoming().take(500) {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).map_or(true, |read| read == 0) || header == "\r\n"
                {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            served_log.lock().expect("the log").push(path.clone());
            let answer = answers.get(&path).cloned().unwrap_or(Answer {
                status: 200,
                body: r#"{"count": 0, "values": []}"#.into(),
                delay: Duration::ZERO,
            });
            std::thread::sleep(answer.delay);
            let body = answer.body.replace("{base}", &served_base);
            let _ = write!(
                stream,
                "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                answer.status,
                body.len()
            );
        }
    });
    Server { base, log }
}
