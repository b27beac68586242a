//! Pictures in Word: a PNG inline in its paragraph with its alternative text (`descr`, what a
//! screen reader says), sized in EMU (914 400 to the inch; a CSS pixel is 9 525), no wider than
//! the text; and the header with the logo, the header text and a draft's marking.

use std::fmt::Write;

use styr_domain::profile::{Logo, LogoFormat, Profile};

use super::{Rasterise, TEXT_WIDTH};
use crate::document::Document;
use crate::package::xml_escape;

const EMU_PER_PIXEL: u64 = 9_525;
/// The text width in EMU (635 to the twip).
const TEXT_EMU: u64 = TEXT_WIDTH as u64 * 635;

/// A picture `width` × `height` CSS pixels, scaled down to the text width if wider.
pub fn fitted(width: u32, height: u32) -> (u64, u64) {
    let (width, height) = (
        u64::from(width) * EMU_PER_PIXEL,
        u64::from(height) * EMU_PER_PIXEL,
    );
    // TEXT_EMU is positive, so a width past it is never zero to divide by.
    if width > TEXT_EMU {
        (TEXT_EMU, height * TEXT_EMU / width)
    } else {
        (width, height)
    }
}

/// The run of an inline picture, `(width, height)` in EMU.
pub fn inline(out: &mut String, relationship: &str, number: usize, alt: &str, size: (u64, u64)) {
    let (cx, cy) = size;
    let alt = xml_escape(alt);
    let _ = write!(
        out,
        r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="Bild {number}" descr="{alt}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="{number}" name="bild{number}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{relationship}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    );
}

/// The logo as PNG bytes with its size in pixels: a PNG as it is, an SVG drawn.
pub fn png_of_logo(
    logo: &Logo,
    rasterise: Rasterise,
) -> Result<(Vec<u8>, (u32, u32)), std::io::Error> {
    let png = match logo.format {
        LogoFormat::Png => logo.bytes.clone(),
        LogoFormat::Svg => {
            let svg = String::from_utf8_lossy(&logo.bytes);
            rasterise(&svg).map_err(std::io::Error::other)?
        }
    };
    let size = png_size(&png).unwrap_or((200, 80));
    Ok((png, size))
}

/// A PNG picture with its size in pixels, (width, height).
pub type Png = (Vec<u8>, (u32, u32));

/// The header's logo, when the profile has one.
pub fn logo_png(profile: &Profile, rasterise: Rasterise) -> Result<Option<Png>, std::io::Error> {
    profile
        .logo
        .as_ref()
        .map(|logo| png_of_logo(logo, rasterise))
        .transpose()
}

/// A logo's size on the cover: 2,5 cm high, its width to scale.
pub fn logo_size(size: &(u32, u32)) -> (u64, u64) {
    scaled(*size, 900_000)
}

fn scaled((width, height): (u32, u32), target_height: u64) -> (u64, u64) {
    let height = u64::from(height.max(1));
    (u64::from(width) * target_height / height, target_height)
}

/// A PNG's width and height from its IHDR chunk.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let number = |at: usize| Some(u32::from_be_bytes(png.get(at..at + 4)?.try_into().ok()?));
    Some((number(16)?, number(20)?))
}

/// The header: a small logo, the header text and, on a draft, its marking in bold.
pub fn header(document: &Document, logo: Option<&(Vec<u8>, (u32, u32))>) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>"#,
    );
    if let Some((_, size)) = logo {
        let alt = format!("Logotyp för {}", document.municipality);
        inline(&mut out, "rIdLogo", 1000, &alt, scaled(*size, 360_000));
        out.push_str(r#"<w:r><w:t xml:space="preserve">  </w:t></w:r>"#);
    }
    let _ = write!(
        out,
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        xml_escape(&document.profile.header)
    );
    if let Some(marking) = &document.marking {
        let _ = write!(
            out,
            r#"<w:r><w:rPr><w:b/><w:color w:val="A00000"/></w:rPr><w:t xml:space="preserve">   {}</w:t></w:r>"#,
            xml_escape(marking)
        );
    }
    out.push_str("</w:p></w:hdr>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_wider_than_the_text_is_scaled_to_it() {
        assert_eq!(fitted(100, 50), (952_500, 476_250));
        let (width, height) = fitted(2000, 1000);
        assert_eq!(width, TEXT_EMU);
        assert_eq!(height, TEXT_EMU / 2);
    }

    #[test]
    fn a_png_s_size_is_read_from_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(300_u32.to_be_bytes());
        png.extend(120_u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((300, 120)));
        assert_eq!(png_size(b"kort"), None);
    }
}
