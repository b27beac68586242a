//! The laid-out pages written as PDF 1.7: each face embedded as a subset (only the glyphs the
//! document uses) in a Type 0 font with Identity-H encoding and a ToUnicode map, so text can be
//! searched and copied with å, ä and ö intact; page streams compressed; bookmarks for every
//! heading.

// PDF coordinates are points as f32; layout is integer millipoints and only the conversion
// happens here. Nothing here is money.
#![allow(clippy::float_arithmetic)]

mod embed;
mod page;

use pdf_writer::{Filter, Finish, Pdf, Rect, Ref, TextStr};

use embed::{Used, compress, embed};
use page::{font_name, points};

use crate::PdfError;
use crate::fonts::{FontKind, Fonts};
use crate::layout::{Layout, PAGE_HEIGHT, PAGE_WIDTH};

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
        let content = page::content(page, fonts, &mut used);
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
