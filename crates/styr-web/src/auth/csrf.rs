//! Finding a state-changing request's CSRF token without losing its body: the
//! `X-CSRF-Token` header, or the `_csrf` field of a URL-encoded form (read whole, up to
//! [`FORM_LIMIT`]), or the first part of a multipart form (only its first [`MULTIPART_PEEK`]
//! bytes are read; the rest of a large upload streams on untouched). The request is given
//! back whole when the token matches.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header;
use futures_util::StreamExt;
use http_body_util::BodyExt;

use super::{CSRF_FIELD, CSRF_HEADER, same_secret};

/// The largest form read whole to find its CSRF field (bigger posts are multipart uploads).
const FORM_LIMIT: usize = 16 << 20;
/// How much of a multipart body is read to find its first part, the CSRF field.
const MULTIPART_PEEK: usize = 8 << 10;

/// The request, if it carries the expected CSRF token; its body is given back whole.
pub(super) async fn checked(request: Request, expected: &str) -> Option<Request> {
    let header_token = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    if let Some(token) = header_token {
        return same_secret(&token, expected).then_some(request);
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_string();
    let (parts, body) = request.into_parts();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let bytes = axum::body::to_bytes(body, FORM_LIMIT).await.ok()?;
        let token = form_field(&bytes, CSRF_FIELD)?;
        return same_secret(&token, expected)
            .then(|| Request::from_parts(parts, Body::from(bytes)));
    }
    if let Some(boundary) = content_type
        .split(';')
        .find_map(|part| part.trim().strip_prefix("boundary="))
        .map(|boundary| boundary.trim_matches('"').to_string())
    {
        let (prefix, rest) = peek(body, MULTIPART_PEEK).await?;
        let token = first_multipart_field(&prefix, &boundary, CSRF_FIELD)?;
        if !same_secret(&token, expected) {
            return None;
        }
        let stream = futures_util::stream::once(async move { Ok::<Bytes, axum::Error>(prefix) })
            .chain(rest.into_data_stream());
        return Some(Request::from_parts(parts, Body::from_stream(stream)));
    }
    None
}

/// Reads at least `at_least` bytes of `body` (or all of it), and gives back the rest unread.
async fn peek(mut body: Body, at_least: usize) -> Option<(Bytes, Body)> {
    let mut prefix = Vec::new();
    while prefix.len() < at_least {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    prefix.extend_from_slice(&data);
                }
            }
            Some(Err(_)) => return None,
            None => break,
        }
    }
    Some((Bytes::from(prefix), body))
}

/// A field of a URL-encoded form.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    let fields: Vec<(String, String)> = serde_urlencoded_pairs(body);
    fields
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

fn serde_urlencoded_pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

/// The value of a multipart body's first part, if that part is named `name`.
fn first_multipart_field(prefix: &[u8], boundary: &str, name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(prefix);
    let start = text.find(&format!("--{boundary}"))? + boundary.len() + 2;
    let part = &text[start..];
    let (head, rest) = part.split_once("\r\n\r\n")?;
    let named = head.lines().any(|line| {
        line.to_ascii_lowercase()
            .starts_with("content-disposition:")
            && line.contains(&format!("name=\"{name}\""))
    });
    if !named {
        return None;
    }
    let end = rest.find(&format!("\r\n--{boundary}"))?;
    Some(rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_multipart_part_gives_the_csrf_token() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc123\r\n--XyZ\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.se\"\r\n\r\n#FLAGGA 0\r\n--XyZ--\r\n";
        assert_eq!(
            first_multipart_field(body, "XyZ", "_csrf").as_deref(),
            Some("abc123")
        );
        let other =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"fil\"\r\n\r\nx\r\n--XyZ--\r\n";
        assert_eq!(first_multipart_field(other, "XyZ", "_csrf"), None);
    }
}
