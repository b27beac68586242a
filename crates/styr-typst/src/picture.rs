//! An SVG drawn as a PNG, for a format that holds no SVG (Word shows the PNG; a newer Word
//! also reads the SVG beside it). resvg is the SVG renderer typst's PDF export already uses, so
//! the picture in Word is drawn by the same code as the one in the PDF, with the same fonts.

use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree, fontdb};

use crate::TypstError;

/// `svg` drawn `scale` times its own size (its width and height in CSS pixels), as PNG bytes.
pub fn png(svg: &str, scale: u8, fonts: &'static [&'static [u8]]) -> Result<Vec<u8>, TypstError> {
    let failed = |why: String| TypstError(vec![format!("bilden kunde inte ritas: {why}")]);
    let mut database = fontdb::Database::new();
    for font in fonts {
        database.load_font_data(font.to_vec());
    }
    let options = Options {
        fontdb: Arc::new(database),
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &options).map_err(|error| failed(error.to_string()))?;
    let size = tree.size().to_int_size();
    let factor = u32::from(scale.max(1));
    let (width, height) = (size.width() * factor, size.height() * factor);
    let mut pixmap = Pixmap::new(width, height).ok_or_else(|| failed("tom bild".into()))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, transform(scale), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|error| failed(error.to_string()))
}

/// A uniform scale: the one place a picture's size is a float, as the renderer takes it.
fn transform(scale: u8) -> Transform {
    let factor = f32::from(scale.max(1));
    Transform::from_scale(factor, factor)
}
