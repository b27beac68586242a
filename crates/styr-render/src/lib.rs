//! Renderers: report values to files people read. The budget document is one model
//! ([`document::Document`]: blocks, and its tables as sheets) that every format renders — HTML,
//! Markdown, Word ([`docx`]), Excel ([`xlsx`]) and, in `styr-pdf`, PDF —; the figures in it are
//! `styr_reports::shown`'s, so no renderer rounds or adds. Beside it: the open-data package
//! ([`fdp`]), the follow-up ([`followup`]), the findings as text, and the one CSV writer
//! ([`csv`]) and the Markdown escaping ([`markdown`]) every file of people's text goes through.

pub mod chart;
pub mod csv;
pub mod document;
pub mod docx;
pub mod fdp;
pub mod findings;
pub mod followup;
pub mod goals;
pub mod html;
pub mod interim;
pub mod json;
pub mod markdown;
pub mod package;
mod text;
pub mod xlsx;

pub use json::{json, municipal_json};
