//! A page's content stream run for its text: the graphics and text state of ISO 32000-1
//! (§8.4, §9.3, §9.4) far enough to place every shown character on the page, with Form
//! XObjects followed a few levels deep. Drawing is ignored.
//!
//! Positions are computed in floating point, as the PDF gives them, and turned into whole
//! hundredths of a point once, in [`Glyph`]; they are places on a page, never amounts.
#![allow(clippy::float_arithmetic, clippy::cast_possible_truncation)]

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::fonts::Font;

/// One character on a page: where it begins and ends, its baseline from the top of the page,
/// its size, all in hundredths of a point, its text and whether it is bold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glyph {
    pub x: i64,
    pub right: i64,
    pub y: i64,
    pub size: i64,
    pub text: String,
    pub bold: bool,
}

/// A Form XObject inside a Form inside a Form is as deep as published documents go; deeper is
/// a loop or an attack and is not followed.
const FORM_DEPTH: usize = 4;

/// The most operators all pages and forms together may run: a form that calls forms fans out,
/// and text-free work never reaches the characters' limit.
const OPERATIONS: u64 = 50_000_000;

/// An affine matrix [a b c d e f], row-vector convention as in PDF.
#[derive(Clone, Copy, Debug)]
pub struct Matrix([f64; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [p, q, r, s, t, u] = other.0;
        Matrix([
            a * p + b * r,
            a * q + b * s,
            c * p + d * r,
            c * q + d * s,
            e * p + f * r + t,
            e * q + f * s + u,
        ])
    }

    fn translation(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn from(operands: &[Object]) -> Option<Matrix> {
        let numbers: Vec<f64> = operands.iter().filter_map(number).collect();
        <[f64; 6]>::try_from(numbers).ok().map(Matrix)
    }
}

fn number(object: &Object) -> Option<f64> {
    object
        .as_float()
        .ok()
        .map(f64::from)
        .filter(|n| n.is_finite())
}

#[derive(Clone)]
struct State {
    transform: Matrix,
    character_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    font: Option<Vec<u8>>,
    size: f64,
}

/// Where the glyphs go, and how much reading them may take.
pub struct Sink<'s> {
    pub glyphs: &'s mut Vec<Glyph>,
    /// Characters allowed, and placed so far, in the whole document.
    pub allowed: u64,
    pub seen: u64,
    /// Operators run so far in the whole document.
    pub operations: u64,
    /// The top of the page in user space: positions are measured down from it.
    pub top: f64,
    /// The most bytes one stream (a form, a font's map) may unpack to.
    pub stream_bytes: usize,
    /// The forms being run, so that a form that calls itself is not run again.
    pub forms: Vec<lopdf::ObjectId>,
}

/// Why a page could not be read to its end.
pub enum Stop {
    TooManyGlyphs,
    TooMuchWork,
    Unreadable(String),
}

/// Runs `content` with the fonts of `resources`.
pub fn run(
    document: &Document,
    content: &[u8],
    resources: &[&Dictionary],
    transform: Matrix,
    sink: &mut Sink<'_>,
    depth: usize,
) -> Result<(), Stop> {
    let operations = Content::decode(content)
        .map_err(|error| Stop::Unreadable(format!("sidans innehåll går inte att tolka ({error})")))?
        .operations;
    let mut fonts: HashMap<Vec<u8>, Font<'_>> = HashMap::new();
    let named = font_names(document, resources);
    let mut state = State {
        transform,
        character_spacing: 0.0,
        word_spacing: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
        font: None,
        size: 0.0,
    };
    let mut saved: Vec<State> = Vec::new();
    let (mut text, mut line) = (Matrix::IDENTITY, Matrix::IDENTITY);
    for operation in &operations {
        sink.operations += 1;
        if sink.operations > OPERATIONS {
            return Err(Stop::TooMuchWork);
        }
        let operands = &operation.operands;
        let first = || operands.first().and_then(number).unwrap_or(0.0);
        match operation.operator.as_str() {
            // Saved states are bounded: an unbalanced stream cannot grow memory without end.
            "q" if saved.len() < 256 => saved.push(state.clone()),
            "Q" => {
                if let Some(previous) = saved.pop() {
                    state = previous;
                }
            }
            "cm" => {
                if let Some(matrix) = Matrix::from(operands) {
                    state.transform = matrix.then(state.transform);
                }
            }
            "BT" => (text, line) = (Matrix::IDENTITY, Matrix::IDENTITY),
            "Tc" => state.character_spacing = first(),
            "Tw" => state.word_spacing = first(),
            "Tz" => state.scale = first() / 100.0,
            "TL" => state.leading = first(),
            "Ts" => state.rise = first(),
            "Tf" => {
                state.font = operands
                    .first()
                    .and_then(|name| name.as_name().ok())
                    .map(<[u8]>::to_vec);
                state.size = operands.get(1).and_then(number).unwrap_or(0.0);
            }
            "Td" | "TD" => {
                let x = first();
                let y = operands.get(1).and_then(number).unwrap_or(0.0);
                if operation.operator == "TD" {
                    state.leading = -y;
                }
                line = Matrix::translation(x, y).then(line);
                text = line;
            }
            "Tm" => {
                if let Some(matrix) = Matrix::from(operands) {
                    (text, line) = (matrix, matrix);
                }
            }
            "T*" => {
                line = Matrix::translation(0.0, -state.leading).then(line);
                text = line;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if operation.operator != "Tj" && operation.operator != "TJ" {
                    if operation.operator == "\"" {
                        state.word_spacing = first();
                        state.character_spacing = operands.get(1).and_then(number).unwrap_or(0.0);
                    }
                    line = Matrix::translation(0.0, -state.leading).then(line);
                    text = line;
                }
                let Some(font) = font_of(document, &state, &named, &mut fonts, sink.stream_bytes)?
                else {
                    continue;
                };
                let shown: Vec<&Object> = match operation.operator.as_str() {
                    "TJ" => operands
                        .first()
                        .and_then(|array| array.as_array().ok())
                        .map(|array| array.iter().collect())
                        .unwrap_or_default(),
                    _ => operands.last().into_iter().collect(),
                };
                for part in shown {
                    if let Ok(bytes) = part.as_str() {
                        show(font, bytes, &state, &mut text, sink)?;
                    } else if let Some(adjustment) = number(part) {
                        let shift = -adjustment / 1000.0 * state.size * state.scale;
                        text = Matrix::translation(shift, 0.0).then(text);
                    }
                }
            }
            "Do" if depth < FORM_DEPTH => {
                form(document, operands, resources, &state, sink, depth)?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn font_of<'f, 'd>(
    document: &'d Document,
    state: &State,
    named: &BTreeMap<Vec<u8>, &'d Dictionary>,
    fonts: &'f mut HashMap<Vec<u8>, Font<'d>>,
    limit: usize,
) -> Result<Option<&'f Font<'d>>, Stop> {
    let Some(name) = &state.font else {
        return Ok(None);
    };
    if !fonts.contains_key(name) {
        let Some(dictionary) = named.get(name) else {
            return Ok(None);
        };
        let font = Font::new(document, dictionary, limit).map_err(|error: String| {
            Stop::Unreadable(format!("ett typsnitt går inte att läsa ({error})"))
        })?;
        fonts.insert(name.clone(), font);
    }
    Ok(fonts.get(name))
}

/// Places each character of `bytes` and moves the text matrix past it.
fn show(
    font: &Font<'_>,
    bytes: &[u8],
    state: &State,
    text: &mut Matrix,
    sink: &mut Sink<'_>,
) -> Result<(), Stop> {
    let size_matrix = Matrix([
        state.size * state.scale,
        0.0,
        0.0,
        state.size,
        0.0,
        state.rise,
    ]);
    for (characters, width, is_space) in font.codes(bytes) {
        let page = text.then(state.transform);
        let rendering = size_matrix.then(page);
        let (x, y) = rendering.apply(0.0, 0.0);
        let advance = width / 1000.0;
        let (right, _) = rendering.apply(advance, 0.0);
        let [a, b, c, d, _, _] = rendering.0;
        let size = (a * d - b * c).abs().sqrt();
        // A character far off any page is no text a reader sees (and would spread a table
        // over thousands of columns).
        let on_page = [x, y].iter().all(|at| (-1000.0..20_000.0).contains(at));
        if !characters.is_empty() && on_page {
            sink.seen += 1;
            if sink.seen > sink.allowed {
                return Err(Stop::TooManyGlyphs);
            }
            sink.glyphs.push(Glyph {
                x: hundredths(x.min(right)),
                right: hundredths(x.max(right)),
                y: hundredths(sink.top - y),
                size: hundredths(size).max(1),
                text: characters,
                bold: font.bold,
            });
        }
        let spacing = state.character_spacing + if is_space { state.word_spacing } else { 0.0 };
        let shift = (advance * state.size + spacing) * state.scale;
        *text = Matrix::translation(shift, 0.0).then(*text);
    }
    Ok(())
}

/// A length in points as whole hundredths, clamped to what a page can hold.
fn hundredths(points: f64) -> i64 {
    (points * 100.0).round().clamp(-1e12, 1e12) as i64
}

/// The fonts of `resources`, nearest first.
fn font_names<'d>(
    document: &'d Document,
    resources: &[&'d Dictionary],
) -> BTreeMap<Vec<u8>, &'d Dictionary> {
    let mut named = BTreeMap::new();
    for resources in resources {
        let Some(fonts) = resources
            .get(b"Font")
            .ok()
            .and_then(|fonts| document.dereference(fonts).ok())
            .and_then(|(_, fonts)| fonts.as_dict().ok())
        else {
            continue;
        };
        for (name, font) in fonts.iter() {
            if let Some(font) = document
                .dereference(font)
                .ok()
                .and_then(|(_, font)| font.as_dict().ok())
            {
                named.entry(name.clone()).or_insert(font);
            }
        }
    }
    named
}

/// `Do` of a Form XObject: its content run with its own resources before the page's.
fn form(
    document: &Document,
    operands: &[Object],
    resources: &[&Dictionary],
    state: &State,
    sink: &mut Sink<'_>,
    depth: usize,
) -> Result<(), Stop> {
    let Some(name) = operands.first().and_then(|name| name.as_name().ok()) else {
        return Ok(());
    };
    let found = resources.iter().find_map(|resources| {
        let objects = resources.get(b"XObject").ok()?;
        let objects = document.dereference(objects).ok()?.1.as_dict().ok()?;
        let (id, object) = document.dereference(objects.get(name).ok()?).ok()?;
        Some((id, object.as_stream().ok()?))
    });
    let Some((id, stream)) = found else {
        return Ok(());
    };
    if id.is_some_and(|id| sink.forms.contains(&id)) {
        return Ok(());
    }
    if !stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|subtype| subtype == b"Form")
    {
        return Ok(());
    }
    let content = stream
        .decompressed_content_with_limit(sink.stream_bytes)
        .or_else(|_| {
            // A stream stored without a filter is its own content.
            if stream.dict.get(b"Filter").is_err() {
                Ok(stream.content.clone())
            } else {
                Err(Stop::Unreadable(
                    "en del av sidan går inte att packa upp inom gränsen".to_string(),
                ))
            }
        })?;
    let matrix = stream
        .dict
        .get(b"Matrix")
        .ok()
        .and_then(|matrix| matrix.as_array().ok())
        .and_then(|matrix| Matrix::from(matrix))
        .unwrap_or(Matrix::IDENTITY);
    let own = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|own| document.dereference(own).ok())
        .and_then(|(_, own)| own.as_dict().ok());
    let mut nested: Vec<&Dictionary> = own.into_iter().collect();
    nested.extend_from_slice(resources);
    sink.forms.extend(id);
    let ran = run(
        document,
        &content,
        &nested,
        matrix.then(state.transform),
        sink,
        depth + 1,
    );
    if id.is_some() {
        sink.forms.pop();
    }
    ran
}
