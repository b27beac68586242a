//! The laid-out pages written as PDF 1.7: each face embedded as a subset (only the glyphs the
//! document uses) in a Type 0 font with Identity-H encoding and a ToUnicode map, so text can be
//! searched and copied with å, ä and ö intact; page streams compressed; bookmarks for every
//! heading.

// PDF coordinates are points as f32; layout is integer millipoints and only the conversion
// happens here. Nothing here is money.
#![allow(clippy::float_arithmetic)]

use std::collections::BTreeMap;
use std::io::Write;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;
use ttf_parser::GlyphId;

use crate::PdfError;
use crate::fonts::{FontKind, Fonts};
use crate::layout::{Item, Layout, PAGE_HEIGHT, PAGE_WIDTH};

fn points(millipoints: i64) -> f32 {
    millipoints as f32 / 1000.0
}

fn channel(value: u8) -> f32 {
    f32::from(value) / 255.0
}

/// Glyphs used per face: the subset's numbering and the character each glyph stands for.
#[derive(Default)]
struct Used {
    remapper: GlyphRemapper,
    characters: BTreeMap<u16, char>,
}

pub fn write(layout: &Layout, fonts: &Fonts, title: &str) -> Result<Vec<u8>, PdfError> {
    let mut next = 1;
    let mut reference = || {
        let id = Ref::new(next);
        next += 1;
        id
    };
    let catalog_id = reference();
    let tree_id = reference();
    let info_id = reference();
    let outline_id = reference();
    let font_ids: Vec<[Ref; 5]> = FontKind::ALL
        .iter()
        .map(|_| {
            [
                reference(),
                reference(),
                reference(),
                reference(),
                reference(),
            ]
        })
        .collect();
    let page_ids: Vec<(Ref, Ref)> = layout
        .pages
        .iter()
        .map(|_| (reference(), reference()))
        .collect();
    let item_ids: Vec<Ref> = layout.headings.iter().map(|_| reference()).collect();

    let mut used: [Used; 3] = Default::default();
    let mut pdf = Pdf::new();

    for (page, (page_id, content_id)) in layout.pages.iter().zip(&page_ids) {
        let mut content = Content::new();
        for item in &page.items {
            match item {
                Item::Fill {
                    x,
                    y,
                    width,
                    height,
                    colour,
                } => {
                    content
                        .set_fill_rgb(channel(colour[0]), channel(colour[1]), channel(colour[2]))
                        .rect(
                            points(*x),
                            points(PAGE_HEIGHT - y - height),
                            points(*width),
                            points(*height),
                        )
                        .fill_nonzero();
                }
                Item::Text {
                    font,
                    size,
                    x,
                    y,
                    text,
                    colour,
                } => {
                    let face = &mut used[font.index()];
                    let mut encoded = Vec::with_capacity(text.len() * 2);
                    for character in text.chars() {
                        let glyph = fonts.glyph(*font, character);
                        let new = face.remapper.remap(glyph.0);
                        face.characters.entry(new).or_insert(character);
                        encoded.extend_from_slice(&new.to_be_bytes());
                    }
                    content
                        .set_fill_rgb(channel(colour[0]), channel(colour[1]), channel(colour[2]))
                        .begin_text()
                        .set_font(font_name(*font), points(*size))
                        .set_text_matrix([1.0, 0.0, 0.0, 1.0, points(*x), points(PAGE_HEIGHT - y)])
                        .show(Str(&encoded))
                        .end_text();
                }
            }
        }
        let stream = compress(&content.finish())?;
        pdf.stream(*content_id, &stream).filter(Filter::FlateDecode);
        let mut writer = pdf.page(*page_id);
        writer
            .parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, points(PAGE_WIDTH), points(PAGE_HEIGHT)))
            .contents(*content_id);
        let mut resources = writer.resources();
        let mut font_dictionary = resources.fonts();
        for kind in FontKind::ALL {
            font_dictionary.pair(font_name(kind), font_ids[kind.index()][0]);
        }
    }

    for kind in FontKind::ALL {
        embed(
            &mut pdf,
            fonts,
            kind,
            &used[kind.index()],
            font_ids[kind.index()],
        )?;
    }

    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(page_ids.len() as i32);

    // Bookmarks: one per heading, flat, each opening its page at the top.
    if !item_ids.is_empty() {
        let mut outline = pdf.outline(outline_id);
        outline.first(item_ids[0]);
        outline.last(item_ids[item_ids.len() - 1]);
        outline.count(item_ids.len() as i32);
        outline.finish();
        for (index, (entry, id)) in layout.headings.iter().zip(&item_ids).enumerate() {
            let mut item = pdf.outline_item(*id);
            item.title(TextStr(&entry.text)).parent(outline_id);
            if index > 0 {
                item.prev(item_ids[index - 1]);
            }
            if let Some(next) = item_ids.get(index + 1) {
                item.next(*next);
            }
            let page = page_ids[entry.page.saturating_sub(1).min(page_ids.len() - 1)].0;
            item.dest().page(page).xyz(0.0, points(PAGE_HEIGHT), None);
        }
    }

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id).lang(TextStr("sv"));
    if !item_ids.is_empty() {
        catalog.outlines(outline_id);
    }
    catalog.finish();
    pdf.document_info(info_id)
        .title(TextStr(title))
        .producer(TextStr("styr"));
    Ok(pdf.finish())
}

fn font_name(kind: FontKind) -> Name<'static> {
    match kind {
        FontKind::Regular => Name(b"F1"),
        FontKind::Bold => Name(b"F2"),
        FontKind::Italic => Name(b"F3"),
    }
}

fn compress(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(data)
        .map_err(|error| PdfError::Write(error.to_string()))?;
    encoder
        .finish()
        .map_err(|error| PdfError::Write(error.to_string()))
}

/// One face: Type 0 font → CID font → descriptor → subset font file, and its ToUnicode map.
fn embed(
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
