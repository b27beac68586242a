//! A face embedded as PDF wants it: a Type 0 font over a CID font with its widths, a font
//! descriptor, the subset font file (only the glyphs used, compressed), and a ToUnicode map
//! from each glyph back to its character.

use std::collections::BTreeMap;
use std::io::Write;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::GlyphId;

use crate::PdfError;
use crate::fonts::{FontKind, Fonts};

/// Glyphs used per face: the subset's numbering and the character each glyph stands for.
#[derive(Default)]
pub struct Used {
    pub remapper: GlyphRemapper,
    pub characters: BTreeMap<u16, char>,
}

pub fn compress(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(data)
        .map_err(|error| PdfError::Write(error.to_string()))?;
    encoder
        .finish()
        .map_err(|error| PdfError::Write(error.to_string()))
}

/// One face: Type 0 font → CID font → descriptor → subset font file, and its ToUnicode map.
pub fn embed(
    pdf: &mut Pdf,
    fonts: &Fonts,
    kind: FontKind,
    used: &Used,
    ids: [Ref; 5],
) -> Result<(), PdfError> {
    let [type0_id, cid_id, descriptor_id, file_id, cmap_id] = ids;
    let face = fonts.face(kind);
    let per_em = fonts.units_per_em(kind) as f32;
    let scale = |units: i16| f32::from(units) * 1000.0 / per_em;
    // A six-letter tag marks a subset, as PDF requires; each face gets its own.
    let tag = match kind {
        FontKind::Regular => "STYRAA",
        FontKind::Bold => "STYRAB",
        FontKind::Italic => "STYRAC",
    };
    let base = format!("{tag}+{}", kind.postscript_name());
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };

    pdf.type0_font(type0_id)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let old_glyphs: Vec<u16> = used.remapper.remapped_gids().collect();
    let widths: Vec<f32> = old_glyphs
        .iter()
        .map(|old| fonts.advance(kind, GlyphId(*old)) as f32 * 1000.0 / per_em)
        .collect();
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(system)
        .font_descriptor(descriptor_id)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid.widths().consecutive(0, widths);
    cid.finish();

    let bounds = face.global_bounding_box();
    let mut flags = FontFlags::NON_SYMBOLIC;
    if kind == FontKind::Italic {
        flags |= FontFlags::ITALIC;
    }
    pdf.font_descriptor(descriptor_id)
        .name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            scale(bounds.x_min),
            scale(bounds.y_min),
            scale(bounds.x_max),
            scale(bounds.y_max),
        ))
        .italic_angle(face.italic_angle())
        .ascent(scale(face.ascender()))
        .descent(scale(face.descender()))
        .cap_height(scale(face.capital_height().unwrap_or(face.ascender())))
        .stem_v(if kind == FontKind::Bold { 120.0 } else { 80.0 })
        .font_file2(file_id);

    let subset = subsetter::subset(kind.data(), 0, &used.remapper)
        .map_err(|error| PdfError::Font(format!("{kind:?}: {error}")))?;
    let compressed = compress(&subset)?;
    pdf.stream(file_id, &compressed).filter(Filter::FlateDecode);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
    for (glyph, character) in &used.characters {
        cmap.pair(*glyph, *character);
    }
    pdf.cmap(cmap_id, &cmap.finish());
    Ok(())
}
