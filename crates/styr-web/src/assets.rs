//! The stylesheet and script, compiled into the binary (no CDN, nothing fetched at run time).

use axum::http::header;
use axum::response::IntoResponse;

const STYLE: &str = include_str!("../static/styr.css");
const SCRIPT: &str = include_str!("../static/styr.js");

pub async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
}

pub async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
}
