//! A Kolada-shaped server in the test process on 127.0.0.1 (as in styr-kolada's tests): each
//! path answers its canned body, "{base}" replaced by the server's /v3 address; anything
//! else an empty list, as Kolada answers an id it does not know.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

pub fn serve(answers: BTreeMap<String, (u16, String)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}/v3", listener.local_addr().expect("an address"));
    let served = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
            let mut line = String::new();
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
            let (status, body) = answers
                .get(&path)
                .cloned()
                .unwrap_or((200, r#"{"count": 0, "values": []}"#.into()));
            let body = body.replace("{base}", &served);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}
